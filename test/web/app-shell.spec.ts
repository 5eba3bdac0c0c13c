import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchBrowser, newPage, seriousA11yViolations, signIn } from './support/browser';
import { startDemoApp, type DemoApp } from './support/demo-app';

jest.setTimeout(120_000);

function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** What the functions run in the page use of it (the tests compile without the DOM's types). */
interface InPage {
  innerWidth: number;
  document: {
    documentElement: { scrollWidth: number };
    querySelector(selector: string): { getBoundingClientRect(): { left: number } } | null;
  };
}

describeInBrowser('web app: served by the API, sign-in, shell, time travel, language', () => {
  let app: DemoApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach(async () => {
    page = await newPage(browser);
  });
  afterEach(async () => {
    await page.context().close();
  });

  it('serves the app at / and at its own paths, while unknown API paths keep the JSON 404', async () => {
    for (const path of ['/', '/mijn-week?asOf=2025-06-01', '/partnerschappen/abc']) {
      const response = await fetch(`${app.baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('<div id="root">');
    }
    const unknown = await fetch(`${app.baseUrl}/api/does-not-exist`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ statusCode: 404, code: 'route_not_found' });
    expect((await fetch(`${app.baseUrl}/health`)).status).toBe(200);
  });

  it('sends the app’s scripts compressed to a browser that accepts it, and as they are to one that does not', async () => {
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(await (await fetch(`${app.baseUrl}/`)).text())?.[1];
    expect(script).toMatch(/^\/assets\/index-.+\.js$/);
    const plain = await fetch(`${app.baseUrl}${script}`, { headers: { 'accept-encoding': 'identity' } });
    const original = Buffer.from(await plain.arrayBuffer());
    expect(plain.headers.get('content-encoding')).toBeNull();
    for (const [accepted, encoding, decode] of [['br', 'br', brotliDecompressSync], ['gzip', 'gzip', gunzipSync]] as const) {
      // Node's fetch would decode the body itself: the raw bytes and headers come from http.get.
      const { headers, body } = await rawGet(`${app.baseUrl}${script}`, { 'accept-encoding': accepted });
      expect(headers['content-encoding']).toBe(encoding);
      expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(body.length).toBeLessThan(original.length / 2);
      expect(decode(body).equals(original)).toBe(true);
    }
  });

  it('asks an anonymous visitor to sign in, in Dutch, and refuses a token that is not one', async () => {
    await page.goto(`${app.baseUrl}/mijn-week`);
    await page.getByRole('heading', { name: 'Aanmelden bij Partnerschappen' }).waitFor();
    await page.getByLabel('Token').fill('geen-token');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByText('Dit token is ongeldig of verlopen.').waitFor();
    expect(await page.getByLabel('Token').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('has an accessibility check that finds a serious violation on a screen that has one (the check every screen passes)', async () => {
    await page.goto(`${app.baseUrl}/mijn-week`);
    await page.getByRole('heading', { name: 'Aanmelden bij Partnerschappen' }).waitFor();
    // A field without a label and pale grey text on white, put into the screen as drawn.
    const flawed = '<input type="text" data-testid="unlabelled"><p style="color:#d8d8d8;background:#ffffff">Vaag</p>';
    await page.locator('main').evaluate((main, html) => main.insertAdjacentHTML('beforeend', html), flawed);
    const found = (await seriousA11yViolations(page)).map((violation) => violation.id);
    expect(found).toEqual(expect.arrayContaining(['label', 'color-contrast']));
  });

  it('refuses a token handed over in the URL fragment that is not one, and takes it out of the address bar', async () => {
    await page.goto(`${app.baseUrl}/aanmelden?redirect=%2Fmijn-week#token=geen-token`);
    await page.getByText('Dit token is ongeldig of verlopen.').waitFor();
    expect(await page.getByLabel('Token').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).hash).toBe('');
    expect(new URL(page.url()).pathname).toBe('/aanmelden');
  });

  it('signs a connector in with a pasted token and opens Mijn week, back where they were going', async () => {
    await page.goto(`${app.baseUrl}/mijn-week`);
    await page.getByLabel('Token').fill(app.token(['connector'], 'fatima@school.nl'));
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { name: 'Mijn week', level: 2 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/mijn-week');
    // The token names no person: until an admin links the login it sees no school, and the page says so.
    await page.getByRole('heading', { name: 'Uw aanmelding is nog niet gekoppeld' }).waitFor();
    // A connector is offered the connector's sections only.
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['Mijn week', 'Partnerschappen', 'Organisaties & mensen']);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('keeps the asOf day in the URL across a reload and a navigation, and shows it in Dutch', async () => {
    await signIn(page, app.baseUrl, app.token(['admin'], 'beheer'), '/mijn-week?asOf=2025-06-01');
    await page.getByTestId('as-of-banner').getByText('U kijkt terug naar 1 jun 2025').waitFor();
    // An admin sees every school and is no one's connector: Mijn week offers to show anyone's week.
    await page.getByTestId('who-am-i').getByText('Wiens week wilt u zien?').waitFor();
    await page.reload();
    await page.getByTestId('as-of-banner').waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Management' }).click();
    await page.waitForURL((url) => url.pathname === '/management');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2025-06-01');
    await page.getByRole('button', { name: 'Terug naar vandaag' }).click();
    await page.waitForURL((url) => !url.searchParams.has('asOf'));
  });

  it('fits a phone: no screen is wider than it, and the day and the language are in the menu', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const admin = app.token(['admin'], 'beheer');
    const [first] = ((await (await fetch(`${app.baseUrl}/api/partnerships?limit=1`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { items: { partnershipId: string }[] }).items;
    for (const path of ['/mijn-week', '/partnerschappen', `/partnerschappen/${first.partnershipId}`, '/management', '/organisaties', '/import']) {
      await signIn(page, app.baseUrl, admin, path);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      // Every answer and lazily loaded part (charts, the date picker) drawn: what is on the screen is final.
      await page.waitForLoadState('networkidle');
      const sideways = await page.evaluate(() => {
        const { document, innerWidth } = globalThis as unknown as InPage;
        return document.documentElement.scrollWidth - innerWidth;
      });
      // Who is signed in (their menu has the sign-out) stays in sight at the header's end.
      const userMenu = await page.getByTestId('user-menu').boundingBox();
      expect({ path, sideways, userMenuInSight: userMenu !== null && userMenu.x + userMenu.width <= 390 }).toEqual({ path, sideways: 0, userMenuInSight: true });
    }
    expect(await page.locator('header').getByTestId('as-of').count()).toBe(0);
    await page.getByRole('button', { name: 'Hoofdmenu' }).click();
    const menu = page.getByTestId('menu-day-and-language');
    // The menu slides in: its day picker in sight once it is open.
    await page.waitForFunction(() => {
      const picker = (globalThis as unknown as InPage).document.querySelector('[data-testid="menu-day-and-language"] [data-testid="as-of"]');
      return picker !== null && picker.getBoundingClientRect().left >= 0;
    });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await menu.getByTestId('language').getByText('EN').click();
    // The screen's title reads "Import" in both languages: the menu's own name tells the switch was made.
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Organisations & people' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it('switches to English and back', async () => {
    await signIn(page, app.baseUrl, app.token(['connector']), '/mijn-week');
    await page.getByTestId('language').getByText('EN').click();
    await page.getByRole('heading', { name: 'My week', level: 2 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // The choice is kept: a reload starts in English (its texts come as a chunk of their own).
    await page.reload();
    await page.getByRole('heading', { name: 'My week', level: 2 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByTestId('language').getByText('NL').click();
    await page.getByRole('heading', { name: 'Mijn week', level: 2 }).waitFor();
  });
});
