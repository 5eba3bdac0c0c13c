import type { Browser, Page, Response } from 'playwright-core';
import { describeInBrowser, launchBrowser, newPage, signIn } from './support/browser';
import { startDemoApp, type DemoApp } from './support/demo-app';
import { busiestSchoolPerson, partnershipNeedingAttention } from './support/demo-data';

jest.setTimeout(300_000);

/** Every English explanation in an API answer: `reason` texts, the `reasons` per figure, and `clearedBy`. */
function englishTexts(body: unknown, into: Set<string>): void {
  if (Array.isArray(body)) body.forEach((item) => englishTexts(item, into));
  else if (body && typeof body === 'object') {
    for (const [name, value] of Object.entries(body)) {
      if ((name === 'reason' || name === 'clearedBy') && typeof value === 'string' && value.length > 0) into.add(value);
      else if (name === 'reasons' && value && typeof value === 'object' && !Array.isArray(value)) Object.values(value).forEach((text) => typeof text === 'string' && into.add(text));
      else englishTexts(value, into);
    }
  }
}

/** Records the English reasons of every API answer the page receives, so the test checks the items actually shown. */
function recordReasons(page: Page): Set<string> {
  const texts = new Set<string>();
  const pending: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    if (!response.url().includes('/api/') || !(response.headers()['content-type'] ?? '').includes('json')) return;
    pending.push(response.json().then((body) => englishTexts(body, texts), () => undefined));
  });
  Object.defineProperty(texts, 'settled', { value: () => Promise.all(pending) });
  return texts;
}

async function englishOnPage(page: Page, texts: Set<string>): Promise<string[]> {
  await (texts as unknown as { settled: () => Promise<void> }).settled();
  expect(texts.size).toBeGreaterThan(0);
  const shown = await page.locator('body').innerText();
  return [...texts].filter((text) => shown.includes(text));
}

describeInBrowser('web app: reasons in Dutch (no English reason text on the Dutch screens)', () => {
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

  it('words the worklist on Mijn week, reasons and what clears each item, in Dutch', async () => {
    const contact = await partnershipNeedingAttention(app);
    const texts = recordReasons(page);
    await signIn(page, app.baseUrl, app.token(['connector'], 'connector@school.nl', contact.personId), '/mijn-week');
    await page.getByTestId('worklist-item').first().waitFor();
    await expect(page.getByText(/^Afgerond als: /).first().isVisible()).resolves.toBe(true);
    expect(await englishOnPage(page, texts)).toEqual([]);
  });

  it('words the health, continuity and key-person reasons of a partnership in Dutch', async () => {
    const contact = await partnershipNeedingAttention(app);
    const texts = recordReasons(page);
    await signIn(page, app.baseUrl, app.token(['connector'], 'connector@school.nl', contact.personId), `/partnerschappen/${contact.partnershipId}`);
    await page.getByRole('heading', { name: contact.title }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await englishOnPage(page, texts)).toEqual([]);
  });

  it('words the Management reports (partner load, start-up, continuity, key-person risk) in Dutch', async () => {
    const staff = await busiestSchoolPerson(app);
    const texts = recordReasons(page);
    await signIn(page, app.baseUrl, app.token(['manager'], 'directeur', staff.personId), '/management');
    await page.getByTestId('partner-load').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await englishOnPage(page, texts)).toEqual([]);
  });
});
