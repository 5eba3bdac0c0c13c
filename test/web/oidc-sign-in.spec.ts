import type { Browser, Page, Request } from 'playwright-core';
import request from 'supertest';
import { freePort } from '../support/api-process';
import { describeInBrowser, launchBrowser, newPage, seriousA11yViolations } from './support/browser';
import { startDemoApp, type DemoApp } from './support/demo-app';
import { partnershipNeedingAttention, type DemoContact } from './support/demo-data';
import { startOidcProvider, type OidcTestProvider } from './support/oidc-provider';

jest.setTimeout(180_000);

const WEB_CLIENT_ID = 'crm-web';
const AUDIENCE = 'urn:partnership-crm:api';
/** Not the default `personId`: the API reads the claim AUTH_PERSON_CLAIM names. */
const PERSON_CLAIM = 'school_person_id';
const LOGIN = 'fatima.elamrani';

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
const headerOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString('utf8')) as Record<string, unknown>;

/**
 * Production sign-in (docs/operations.md, "Sign-in with OpenID Connect") against a real OpenID provider (oidc-provider)
 * in this process: the app sends the browser to the provider's login, gets a code back, exchanges it with PKCE for an
 * RS256 access token, and the API verifies that token against the provider's JWKS.
 */
describeInBrowser('sign-in with OpenID Connect (code + PKCE) at a real identity provider', () => {
  let provider: OidcTestProvider;
  let app: DemoApp;
  let browser: Browser;
  let page: Page;
  let contact: DemoContact;

  beforeAll(async () => {
    const port = await freePort();
    const appOrigin = `http://127.0.0.1:${port}`;
    [provider, browser] = await Promise.all([startOidcProvider({ webClientId: WEB_CLIENT_ID, appOrigin, audience: AUDIENCE, personClaim: PERSON_CLAIM }), launchBrowser()]);
    app = await startDemoApp({
      port,
      env: {
        AUTH_JWT_SECRET: '',
        AUTH_JWKS_URL: provider.jwksUrl,
        AUTH_ISSUER: provider.issuer,
        AUTH_AUDIENCE: AUDIENCE,
        AUTH_PERSON_CLAIM: PERSON_CLAIM,
        AUTH_WEB_CLIENT_ID: WEB_CLIENT_ID,
      },
    });
    // Set-up reads the demo region as a service account of the same provider: the API takes no other tokens now.
    const service = await provider.serviceToken();
    contact = await partnershipNeedingAttention({ api: { http: request.agent(app.baseUrl).set('Authorization', `Bearer ${service}`) } });
    provider.accounts.set(LOGIN, { name: contact.personName, roles: ['connector'], personId: contact.personId });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await provider?.stop();
  });
  beforeEach(async () => {
    page = await newPage(browser);
  });
  afterEach(async () => {
    await page.context().close();
  });

  /** The access token the provider's token endpoint hands the browser, and every API request's Authorization. */
  function watchTokens(target: Page) {
    const issued: string[] = [];
    const bearers: Array<{ path: string; authorization: string | undefined }> = [];
    target.on('response', async (response) => {
      if (response.url() !== `${provider.issuer}/token` || response.request().method() !== 'POST' || !response.ok()) return;
      issued.push(((await response.json()) as { access_token: string }).access_token);
    });
    target.on('request', (sent: Request) => {
      const url = new URL(sent.url());
      if (url.origin === app.baseUrl && url.pathname.startsWith('/api/') && url.pathname !== '/api/web-config') bearers.push({ path: url.pathname, authorization: sent.headers().authorization });
    });
    return { issued, bearers };
  }

  async function signInAtProvider(): Promise<void> {
    await page.getByTestId('oidc-sign-in').click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name=login]').fill(LOGIN);
    await page.locator('input[name=password]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    // First time for this client: the provider asks the person to consent.
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('sends an anonymous visitor to the provider, and back at /aanmelden/callback signs them in to their Mijn week', async () => {
    const { issued, bearers } = watchTokens(page);
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL((url) => url.pathname === '/aanmelden');
    // The server is configured for OIDC: one button to the organisation's provider, no token field.
    await page.getByRole('button', { name: 'Aanmelden via uw organisatie' }).waitFor();
    expect(await page.getByTestId('token').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    let authorize: URL | undefined;
    page.on('request', (sent) => {
      const url = new URL(sent.url());
      if (url.origin === provider.issuer && url.pathname === '/auth') authorize = url;
    });
    await signInAtProvider();
    await page.waitForURL((url) => url.origin === app.baseUrl && url.pathname === '/mijn-week');

    // Authorization code with PKCE (S256) for the public client, redirected to the app's callback.
    expect(authorize?.searchParams.get('response_type')).toBe('code');
    expect(authorize?.searchParams.get('client_id')).toBe(WEB_CLIENT_ID);
    expect(authorize?.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize?.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize?.searchParams.get('redirect_uri')).toBe(`${app.baseUrl}/aanmelden/callback`);

    // Signed in as the provider's account, with its own week: the worklist came from the API, which took the token.
    await page.getByRole('heading', { name: 'Mijn week', level: 2 }).waitFor();
    await page.getByTestId('worklist-item').filter({ hasText: contact.title }).first().waitFor();
    expect(await page.getByTestId('user-menu').getAttribute('aria-label')).toBe(`Aangemeld als ${LOGIN}`);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['Mijn week', 'Partnerschappen', 'Organisaties & mensen']);

    // The token is the provider's: RS256, for the API's audience, with sub, roles and the person claim.
    expect(issued).toHaveLength(1);
    const [token] = issued;
    expect(headerOf(token)).toMatchObject({ alg: 'RS256', kid: 'test-signing-key' });
    expect(claimsOf(token)).toMatchObject({ iss: provider.issuer, aud: AUDIENCE, sub: LOGIN, roles: ['connector'], [PERSON_CLAIM]: contact.personId });
    // Every API call carried it, and /api/me and the worklist were among them.
    expect(bearers.length).toBeGreaterThan(0);
    expect(bearers.every(({ authorization }) => authorization === `Bearer ${token}`)).toBe(true);
    expect(bearers.map(({ path }) => path)).toEqual(expect.arrayContaining(['/api/me', '/api/worklist']));

    // Kept in the page's memory only: nothing of the sign-in is left in either storage.
    const stored = await page.evaluate(() => {
      type Store = { length: number; key(index: number): string | null; getItem(key: string): string | null };
      const { sessionStorage, localStorage } = globalThis as unknown as Record<'sessionStorage' | 'localStorage', Store>;
      const all = (storage: Store) => Array.from({ length: storage.length }, (_, i) => `${storage.key(i)}=${storage.getItem(storage.key(i) ?? '')}`);
      return [...all(sessionStorage), ...all(localStorage)];
    });
    expect(stored.filter((entry) => entry.includes(token) || entry.includes(token.split('.')[1]))).toEqual([]);
    expect(stored.filter((entry) => entry.startsWith('oidc.'))).toEqual([]);
  });

  it('after a reload (the token was in memory only) signs in again with one click: the provider remembers the person', async () => {
    await page.goto(`${app.baseUrl}/mijn-week`);
    await signInAtProvider();
    await page.getByTestId('worklist-item').first().waitFor();

    await page.reload();
    await page.waitForURL((url) => url.pathname === '/aanmelden');
    const { issued } = watchTokens(page);
    await page.getByTestId('oidc-sign-in').click();
    // No login form and no consent this time: straight back to where the reload left the person.
    await page.waitForURL((url) => url.origin === app.baseUrl && url.pathname === '/mijn-week');
    await page.getByTestId('worklist-item').first().waitFor();
    expect(issued).toHaveLength(1);
  });

  it('takes no token handed over in a link: beside the provider, a link cannot sign anyone in', async () => {
    // A token the API would accept (the provider's own), in the fragment the development sign-in takes tokens from.
    const valid = await provider.serviceToken();
    await page.goto(`${app.baseUrl}/aanmelden?redirect=%2Fmijn-week#token=${valid}`);
    await page.getByRole('button', { name: 'Aanmelden via uw organisatie' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/aanmelden');
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.getByTestId('user-menu').count()).toBe(0);
  });

  it('refuses, at the API, a token the provider did not sign', async () => {
    const forged = [
      Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'test-signing-key' })).toString('base64url'),
      Buffer.from(JSON.stringify({ iss: provider.issuer, aud: AUDIENCE, sub: LOGIN, roles: ['admin'], exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url'),
      Buffer.from('not a signature').toString('base64url'),
    ].join('.');
    const response = await fetch(`${app.baseUrl}/api/me`, { headers: { authorization: `Bearer ${forged}` } });
    expect(response.status).toBe(401);
  });
});
