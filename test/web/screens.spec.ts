import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchBrowser, newPage, screenshotWholePage, seriousA11yViolations, signIn } from './support/browser';
import { startDemoApp, type DemoApp } from './support/demo-app';
import { partnershipNeedingAttention, type DemoContact } from './support/demo-data';

jest.setTimeout(180_000);

/** `npm run screenshots` keeps docs/screenshots current (the README shows them); otherwise they go to a temp folder. */
const SHOTS = process.env.UPDATE_SCREENSHOTS ? join(__dirname, '../../docs/screenshots') : join(tmpdir(), 'crm-web-screenshots');

describeInBrowser('web app screens on the demo region: what a connector sees, accessible', () => {
  let app: DemoApp;
  let browser: Browser;
  let page: Page;
  let contact: DemoContact;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
    contact = await partnershipNeedingAttention(app);
    page = await newPage(browser);
    await signIn(page, app.baseUrl, app.token(['connector'], 'demo-connector', contact.personId), '/mijn-week');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('Mijn week lists the signed-in person\'s actions with partnership names, most urgent first', async () => {
    await page.getByTestId('worklist').waitFor();
    await page.getByText(contact.personName).first().waitFor();
    await page.getByRole('link', { name: contact.title }).first().waitFor();
    await page.getByRole('heading', { name: 'Mijn week' }).waitFor();
    expect(await page.getByTestId('worklist').innerText()).not.toMatch(/expected every|days ago|is due/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshotWholePage(page, join(SHOTS, 'mijn-week.png'));
  });

  it('a partnership shows who and what, health with reasons, contacts per side and the timeline', async () => {
    await page.getByRole('link', { name: contact.title }).first().click();
    await page.getByRole('heading', { name: contact.title }).waitFor();
    await page.getByTestId('health-score').waitFor();
    await page.getByTestId('contacts-school').waitFor();
    await page.getByTestId('timeline-entry').first().waitFor();
    expect(await page.getByTestId('partnership-header').innerText()).toMatch(/Fase[\s\S]*Intensiteit[\s\S]*Status/i);
    expect(await page.getByTestId('health').innerText()).toContain('Recent contact');
    // The reasons are the API's codes worded in Dutch, not its English text.
    const health = await page.getByTestId('health').innerText();
    expect(health).toMatch(/Laatste contact \d+ dag(en)? geleden; verwacht elke \d+ dagen|Nog geen contact/);
    expect(health).not.toMatch(/expected every|last contact/);
    expect(await page.getByTestId('health-reason').innerText()).toMatch(/^Score \d+: /);
    // Health over the year as a chart, with the 40 and 70 bands marked; by week on request.
    const history = page.getByTestId('health-history');
    await history.locator('.recharts-line-curve').waitFor();
    expect(await history.innerText()).toContain('gezond (70)');
    await history.getByText('Per week').click();
    await history.locator('.recharts-line-dots, .recharts-line-curve').first().waitFor();
    expect(await history.locator('.recharts-cartesian-axis-tick-value').count()).toBeGreaterThan(4);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshotWholePage(page, join(SHOTS, 'partnerschap.png'));
    await page.getByRole('button', { name: 'Contact vastleggen' }).click();
    await page.getByTestId('form-contact').getByLabel('Soort contact').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'contact-vastleggen.png') });
    await page.keyboard.press('Escape');
  });

  it('shows a designed page for an unknown address and for a partnership that does not exist', async () => {
    await page.goto(`${app.baseUrl}/bestaat-niet`);
    await page.getByText('Deze pagina bestaat niet.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto(`${app.baseUrl}/partnerschappen/00000000-0000-4000-8000-000000000000`);
    await page.getByText('Dit bestaat niet, of u heeft er geen toegang toe.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'niet-gevonden.png') });
  });
});
