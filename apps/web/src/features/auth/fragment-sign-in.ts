import { queryClient } from '@/lib/query-client';
import { session, type Session } from '@/lib/session';
import { webConfigQuery } from './oidc';

/**
 * The development sign-in's hand-over: a token in the URL's fragment (`/aanmelden#token=…`, printed by
 * `npm start -- --demo`; a fragment never reaches a server log), taken by the sign-in route before its screen draws,
 * so that the screen to come back to starts loading at once. Taken only where the server signs in that way
 * (GET /api/web-config without `oidc`): beside OpenID Connect a link cannot sign anyone in.
 *
 * `undefined` when there is no token to take (or the server's answer did not come: the screen says so and retries);
 * the token leaves the address bar once it is judged.
 */
export async function signInFromFragment(hash: string): Promise<Session | 'rejected' | undefined> {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  if (!token) return undefined;
  const config = await queryClient.ensureQueryData(webConfigQuery).catch(() => undefined);
  if (!config) return undefined;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  if (config.oidc) return undefined;
  return session.signIn(token) ?? 'rejected';
}
