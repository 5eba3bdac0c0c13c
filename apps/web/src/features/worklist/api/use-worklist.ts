import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { unwrap } from '@/lib/api-errors';
import type { Day } from '@/lib/dates';
import type { Worklist } from '@/lib/views';
import type { WhoAmI } from './who-am-i';

export const worklistKey = (personId: string | undefined, asOf: Day | undefined) => ['worklist', personId ?? 'me', asOf ?? 'now'] as const;

/**
 * The actions due for a school-side contact, most urgent first, as the API orders them (SPEC §3.5). Without personId
 * the caller's own (the person the login is linked to), which needs no GET /api/me first: Mijn week's route starts it
 * beside /api/me.
 */
export const worklistQuery = (personId: string | undefined, asOf: Day | undefined) =>
  queryOptions({
    queryKey: worklistKey(personId, asOf),
    queryFn: async () => unwrap(await api.GET('/api/worklist', { params: { query: { personId, asOf } } })) as Worklist,
  });

/** Whose worklist Mijn week shows: the login's own when it is linked to a person, else the person picked. */
export function useWorklist(who: WhoAmI, asOf: Day | undefined) {
  const personId = who.state === 'known' && !who.fromLogin ? who.personId : undefined;
  return useQuery({ ...worklistQuery(personId, asOf), enabled: who.state === 'known' });
}
