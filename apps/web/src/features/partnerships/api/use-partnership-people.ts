import { useQueries } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { unwrap } from '@/lib/api-errors';
import type { Day } from '@/lib/dates';
import type { PartnershipSummary, Person, Side } from '@/lib/views';

export interface SidePerson extends Person {
  side: Side;
}

/** The people of the school and of the partner (as of `asOf`): whom the forms offer, and the names the timeline shows. */
export function usePartnershipPeople(summary: PartnershipSummary | undefined, asOf: Day | undefined) {
  const sides: Array<[Side, string | undefined]> = [
    ['school', summary?.school.organisationId],
    ['partner', summary?.partner.organisationId],
  ];
  const results = useQueries({
    queries: sides.map(([side, organisation]) => ({
      queryKey: ['people', 'of', organisation, asOf ?? 'now'],
      enabled: !!organisation,
      queryFn: async () => {
        const people: Person[] = [];
        let cursor: string | undefined;
        do {
          const page = unwrap(await api.GET('/api/people', { params: { query: { organisation: organisation!, asOf, sort: 'name', limit: 200, cursor } } }));
          people.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return people.map((person): SidePerson => ({ ...person, side }));
      },
    })),
  });
  const people = results.flatMap((result) => result.data ?? []);
  return {
    people,
    /** Still in their organisation: who may take part in, sign or carry something now. */
    present: people.filter((person) => person.inOrganisation !== false),
    nameOf: (personId: string) => people.find((person) => person.personId === personId)?.name,
    isPending: results.some((result) => result.isPending && result.fetchStatus !== 'idle'),
  };
}
