import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { unwrap } from '@/lib/api-errors';
import { useReasonText } from '@/lib/reasons';
import { useSession } from '@/lib/session';

/** GET /api/me for the login `sub`, shared by the hook and the routes that start it before their screen renders. */
export const meQuery = (sub: string | null) =>
  queryOptions({
    queryKey: ['me', sub],
    queryFn: async () => unwrap(await api.GET('/api/me')),
    staleTime: 5 * 60_000,
  });

/** Who the signed-in login is for the API: its person, organisation and scope (GET /api/me, SPEC §6 R2). */
export function useMe() {
  const session = useSession();
  return useQuery({ ...meQuery(session?.sub ?? null), enabled: !!session });
}

/** What the login sees, and why (GET /api/me's scope message), worded in the chosen language from its code. */
export function useScopeMessage(): string | undefined {
  const me = useMe();
  const reasonText = useReasonText();
  const scope = me.data?.scope;
  return scope && reasonText({ reason: scope.message, reasonCode: scope.messageCode, reasonParams: scope.messageParams });
}
