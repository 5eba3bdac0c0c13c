import { displayName } from '@crm/read-models';
import { OrganisationRef, organisationRef } from './partnership-names';
import { Scope } from '../scope/scope';
import { ReadModels } from './read-models.service';

/** Who recorded an event and whom it names, by id: what a timeline or the audit trail shows names beside. */
export interface EventRefs {
  recordedBy: string;
  /** The person the recording token named, when it named one. */
  recordedByPerson?: string;
  personIds: readonly string[];
  organisationIds: readonly string[];
}

export interface EventNames {
  /** The person's display name (`[erased]` after an erasure). */
  person(personId: string): string;
  organisation(organisationId: string): OrganisationRef;
  /** The person the recording login is (token claim, else the login an admin linked), when known. */
  recorderOf(refs: EventRefs): string | undefined;
  /** Their name; null when the login is no known person. */
  recorderName(refs: EventRefs): string | null;
}

/** The names a page of events needs (of those in the scope), read by id from the people, organisations and logins read models. */
export async function eventNames(readModels: ReadModels, scope: Scope, page: readonly EventRefs[]): Promise<EventNames> {
  const subs = [...new Set(page.filter((refs) => refs.recordedByPerson === undefined).map((refs) => refs.recordedBy))];
  const logins = await Promise.all(subs.map(async (sub) => [sub, (await readModels.login(sub))?.personId] as const));
  const linked = new Map(logins.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
  const recorderOf = (refs: EventRefs) => refs.recordedByPerson ?? linked.get(refs.recordedBy);
  const recorders = page.map(recorderOf).filter((id): id is string => id !== undefined);
  const [people, organisations] = await Promise.all([
    readModels.peopleById(scope, [...page.flatMap((refs) => refs.personIds), ...recorders]),
    readModels.organisationsById(scope, page.flatMap((refs) => refs.organisationIds)),
  ]);
  return {
    person: (personId) => displayName(people(personId)),
    organisation: (organisationId) => organisationRef(organisationId, organisations),
    recorderOf,
    recorderName: (refs) => {
      const personId = recorderOf(refs);
      return personId === undefined ? null : displayName(people(personId));
    },
  };
}
