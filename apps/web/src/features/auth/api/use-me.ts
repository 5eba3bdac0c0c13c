import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { unwrap } from '@/lib/api-errors';
import { useReasonText } from '@/lib/reasons';
import { useSession } from '@/lib/session';

/** Who the signed-in login is for the API: its person, organisation and scope (GET /api/me, SPEC §6 R2). */
export function useMe() {
  const session = useSession();
  return useQuery({
    queryKey: ['me', session?.sub ?? null],
    queryFn: async () => unwrap(await api.GET('/api/me')),
    enabled: !!session,
    staleTime: 5 * 60_000,
  });
}

/** What the login sees, and why (GET /api/me's scope message), worded in the chosen language from its code. */
export function useScopeMessage(): string | undefined {
  const me = useMe();
  const reasonText = useReasonText();
  const scope = me.data?.scope;
  return scope && reasonText({ reason: scope.message, reasonCode: scope.messageCode, reasonParams: scope.messageParams });
}
