import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { unwrap } from '@/lib/api-errors';
import type { Day } from '@/lib/dates';
import type { Worklist } from '@/lib/views';

export const worklistKey = (personId: string | undefined, asOf: Day | undefined) => ['worklist', personId ?? 'me', asOf ?? 'now'] as const;

/** The actions due for a school-side contact, most urgent first, as the API orders them (SPEC §3.5). */
export function useWorklist(personId: string | undefined, asOf: Day | undefined) {
  return useQuery({
    queryKey: worklistKey(personId, asOf),
    queryFn: async () => unwrap(await api.GET('/api/worklist', { params: { query: { personId: personId!, asOf } } })) as Worklist,
    enabled: !!personId,
  });
}
