import { exportJWK, generateKeyPair } from 'jose';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import Provider, { errors, type Configuration } from 'oidc-provider';
import { freePort } from '../../support/api-process';
import type { Role } from '../../../apps/api/src/auth/access-matrix';

/** Someone who can sign in at the provider; their access token carries `sub` (the login), `roles` and the person claim. */
export interface OidcAccount {
  roles: Role[];
  personId?: string;
  name: string;
}

export interface OidcProviderOptions {
  /** The web app's public client: its id and the app's origin (redirect to `<origin>/aanmelden/callback`). */
  webClientId: string;
  appOrigin: string;
  /** The audience (AUTH_AUDIENCE) every access token is for; also the resource indicator the tokens are issued for. */
  audience: string;
  /** The claim naming the person (AUTH_PERSON_CLAIM). */
  personClaim: string;
}

export interface OidcTestProvider {
  issuer: string;
  jwksUrl: string;
  /** Logins the provider knows, by login name; add to it before the browser signs in. */
  accounts: Map<string, OidcAccount>;
  /** An admin access token from the provider's client-credentials grant (a service account), for test set-up. */
  serviceToken(): Promise<string>;
  stop(): Promise<void>;
}

const SERVICE_CLIENT = { id: 'crm-test-setup', secret: randomBytes(24).toString('base64url') };

/**
 * A real OpenID provider (oidc-provider, certified) on a random port of this process: authorization code with PKCE
 * for the web app's public client, its own (development) login and consent pages, and RS256 JWT access tokens for
 * the API (RFC 8707 resource indicators, the audience by default) whose keys it publishes at /jwks.
 */
export async function startOidcProvider(options: OidcProviderOptions): Promise<OidcTestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const accounts = new Map<string, OidcAccount>();
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-signing-key', use: 'sig', alg: 'RS256' };

  const configuration: Configuration = {
    clients: [
      {
        client_id: options.webClientId,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${options.appOrigin}/aanmelden/callback`],
        post_logout_redirect_uris: [`${options.appOrigin}/aanmelden`],
      },
      {
        client_id: SERVICE_CLIENT.id,
        client_secret: SERVICE_CLIENT.secret,
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    // Browsers may call the token endpoint from the web app's origin only.
    clientBasedCORS: (_ctx, origin) => origin === options.appOrigin,
    ttl: { AuthorizationCode: 60, AccessToken: 3600, ClientCredentials: 600, IdToken: 3600, Grant: 3600, Session: 3600, Interaction: 600 },
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // The web app asks for `openid profile` and names no resource: its access token is for the API all the same.
        defaultResource: () => options.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== options.audience) throw new errors.InvalidTarget();
          return { scope: 'api', audience: options.audience, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account && { accountId: sub, claims: () => ({ sub, name: account.name }) };
    },
    extraTokenClaims: (_ctx, token) => {
      if (token.kind === 'ClientCredentials') return { roles: ['admin'] };
      const account = token.accountId ? accounts.get(token.accountId) : undefined;
      return account && { roles: account.roles, ...(account.personId && { [options.personClaim]: account.personId }) };
    },
  };

  const provider = new Provider(issuer, configuration);
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    accounts,
    async serviceToken() {
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: SERVICE_CLIENT.id, client_secret: SERVICE_CLIENT.secret, resource: options.audience }),
      });
      const body = (await response.json()) as { access_token?: string };
      if (!response.ok || !body.access_token) throw new Error(`the provider issued no service token: ${response.status} ${JSON.stringify(body)}`);
      return body.access_token;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
