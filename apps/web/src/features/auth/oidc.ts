import type { UserManager } from 'oidc-client-ts';
import { api } from '@/lib/api';
import { unwrap } from '@/lib/api-errors';

export type WebConfig = Awaited<ReturnType<typeof fetchWebConfig>>;
type OidcConfig = NonNullable<WebConfig['oidc']>;

/** How this server signs people in (GET /api/web-config): the development sign-in, or OIDC at AUTH_ISSUER. */
export const fetchWebConfig = async () => unwrap(await api.GET('/api/web-config', {}));

export const webConfigQuery = { queryKey: ['web-config'] as const, queryFn: fetchWebConfig, staleTime: Infinity };

export const CALLBACK_PATH = '/aanmelden/callback';

let manager: Promise<UserManager> | undefined;

/**
 * The OpenID Connect client (oidc-client-ts), loaded only when a server uses it. Authorization code with PKCE (the
 * library's default for response_type `code`); the user and its tokens live in memory. Only the sign-in's state and
 * PKCE verifier wait in sessionStorage for the one redirect back, and the callback removes them.
 */
export function oidcClient(config: OidcConfig): Promise<UserManager> {
  manager ??= import('oidc-client-ts').then(
    ({ UserManager, WebStorageStateStore, InMemoryWebStorage }) =>
      new UserManager({
        authority: config.issuer,
        client_id: config.clientId,
        scope: config.scope,
        response_type: 'code',
        redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
        post_logout_redirect_uri: `${window.location.origin}/aanmelden`,
        userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
        stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
        automaticSilentRenew: false,
      }),
  );
  return manager;
}

/** Sends the browser to the issuer's authorize endpoint; back at CALLBACK_PATH, `redirect` is where to go. */
export async function startOidcSignIn(config: OidcConfig, redirect: string | undefined): Promise<void> {
  const client = await oidcClient(config);
  await client.signinRedirect({ state: { redirect } });
}

/** Finishes the sign-in at CALLBACK_PATH: exchanges the code (with the PKCE verifier) for tokens. */
export async function finishOidcSignIn(config: OidcConfig): Promise<{ accessToken: string; redirect?: string }> {
  const client = await oidcClient(config);
  const user = await client.signinRedirectCallback();
  const state = user.state as { redirect?: string } | undefined;
  return { accessToken: user.access_token, redirect: state?.redirect };
}
