import type { Browser, Page, Response } from 'playwright-core';
import { describeInBrowser, launchBrowser, newPage, signIn } from './support/browser';
import { startDemoApp, type DemoApp } from './support/demo-app';
import { busiestSchoolPerson, partnershipNeedingAttention } from './support/demo-data';

jest.setTimeout(300_000);

/**
 * Every English explanation in an API answer: `reason` texts, the `reasons` per figure, and `clearedBy`; with
 * `messages`, also the English `message` of an error answer and of each problem in an import's row report.
 */
function englishTexts(body: unknown, into: Set<string>, messages: boolean): void {
  if (Array.isArray(body)) body.forEach((item) => englishTexts(item, into, messages));
  else if (body && typeof body === 'object') {
    for (const [name, value] of Object.entries(body)) {
      if ((name === 'reason' || name === 'clearedBy' || (messages && name === 'message')) && typeof value === 'string' && value.length > 0) into.add(value);
      else if (name === 'reasons' && value && typeof value === 'object' && !Array.isArray(value)) Object.values(value).forEach((text) => typeof text === 'string' && into.add(text));
      else englishTexts(value, into, messages);
    }
  }
}

/** Records the English texts of every API answer the page receives, so the test checks the items actually shown. */
function recordReasons(page: Page, { messages = false } = {}): Set<string> {
  const texts = new Set<string>();
  const pending: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    if (!response.url().includes('/api/') || !(response.headers()['content-type'] ?? '').includes('json')) return;
    pending.push(response.json().then((body) => englishTexts(body, texts, messages), () => undefined));
  });
  Object.defineProperty(texts, 'settled', { value: () => Promise.all(pending) });
  return texts;
}

/** The recorded English texts the page shows: in its text, or on hover (a `title`, as the report tables give figures' reasons). */
async function englishOnPage(page: Page, texts: Set<string>): Promise<string[]> {
  await (texts as unknown as { settled: () => Promise<void> }).settled();
  expect(texts.size).toBeGreaterThan(0);
  const shown = await page.locator('body').innerText();
  const titles = await page.locator('[title]').evaluateAll((elements) => elements.map((element) => element.getAttribute('title') ?? ''));
  return [...texts].filter((text) => shown.includes(text) || titles.some((title) => title.includes(text)));
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

  it('words the Management cards in Dutch: partner load, start-up, departures, key-person risk, and the levels report\'s tooltips', async () => {
    const staff = await busiestSchoolPerson(app);
    const texts = recordReasons(page);
    await signIn(page, app.baseUrl, app.token(['manager'], 'directeur', staff.personId), '/management');
    await page.getByTestId('partner-load').waitFor();
    await page.getByTestId('start-up').waitFor();
    await page.getByTestId('departures').waitFor();
    await page.waitForLoadState('networkidle');
    // The levels report explains each figure on hover, worded from its code.
    const health = page.getByTestId('level-health').first();
    await expect(health.getAttribute('title')).resolves.toMatch(/^Gemiddelde gezondheidsscore over de \d+ niet-beëindigde partnerschappen$/);
    await expect(page.getByTestId('start-up').locator('td[title]').first().getAttribute('title')).resolves.toMatch(/^Medianen over de /);
    expect(await englishOnPage(page, texts)).toEqual([]);
  });

  it('words a departure\'s impact in the departure dialog in Dutch before it is confirmed', async () => {
    const contact = await partnershipNeedingAttention(app);
    const texts = recordReasons(page);
    await signIn(page, app.baseUrl, app.token(['admin'], 'beheer'), '/organisaties');
    await page.getByTestId('tab-people').click();
    await page.getByTestId('people-search').fill(contact.personName);
    const row = page.getByTestId('person-row').filter({ hasText: contact.personName }).first();
    await row.getByTestId('person-actions').click();
    await page.getByRole('menuitem', { name: 'Vertrek vastleggen' }).click();
    // The school-side primary of a partnership: leaving would leave it without one.
    const reason = page.getByTestId('impact-reason').first();
    await reason.waitFor();
    await expect(reason.innerText()).resolves.toMatch(/is de vaste contactpersoon aan de schoolkant|^Zonder /);
    expect(await englishOnPage(page, texts)).toEqual([]);
  });

  it('words an API refusal (422) in Dutch at the field it is about', async () => {
    const contact = await partnershipNeedingAttention(app);
    const texts = recordReasons(page, { messages: true });
    await signIn(page, app.baseUrl, app.token(['connector'], 'connector@school.nl', contact.personId), `/partnerschappen/${contact.partnershipId}`);
    await page.getByTestId('health-score').waitFor();
    await page.getByRole('button', { name: 'Contact vastleggen' }).click();
    const form = page.getByTestId('form-contact');
    await form.getByText('Partner', { exact: true }).click();
    await form.getByTestId('participants').click();
    await form.getByTestId('participants').fill(contact.personName.split(' ')[0]);
    await page.getByRole('option', { name: new RegExp(contact.personName) }).first().click();
    await form.getByLabel('Korte notitie').fill('Voor de start gebeld');
    // 1 January of the year before the partnership opened: year view, then month, then day.
    await form.getByLabel('Datum').click();
    const header = page.locator('.mantine-DatePickerInput-calendarHeaderLevel');
    await header.click();
    await header.click();
    await page.getByRole('button', { name: String(Number(contact.openedAt.slice(0, 4)) - 1), exact: true }).click();
    await page.locator('.mantine-DatePickerInput-monthsListControl').first().click();
    await page.locator('.mantine-DatePickerInput-day:not([data-outside])').first().click();
    const refusal = page.waitForResponse((response) => response.url().includes('/interactions') && response.status() === 422);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    expect((await (await refusal).json()).code).toBe('date_before_opening');
    await form.getByText('De datum ligt vóór de start van het partnerschap.').waitFor();
    expect(await form.getByLabel('Datum').getAttribute('aria-invalid')).toBe('true');
    expect(await englishOnPage(page, texts)).toEqual([]);
  });

  it('words a 400\'s per-field refusal in Dutch at that field', async () => {
    const staff = await busiestSchoolPerson(app);
    const texts = recordReasons(page, { messages: true });
    await signIn(page, app.baseUrl, app.token(['admin'], 'beheer'), '/organisaties');
    await page.getByTestId('tab-people').click();
    await page.getByTestId('register-person').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Organisatie').fill(staff.schoolName);
    await page.getByRole('option', { name: staff.schoolName, exact: true }).click();
    await dialog.getByRole('textbox', { name: /^Naam/ }).fill('Eva Testers');
    await dialog.getByLabel('Functie').fill('docent');
    await dialog.getByLabel('E-mail').fill('geen-adres');
    const refusal = page.waitForResponse((response) => response.url().endsWith('/api/people') && response.status() === 400);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    expect((await (await refusal).json()).errors).toEqual([{ field: 'email', messages: [expect.stringContaining('email')] }]);
    await dialog.getByText('Geen geldig e-mailadres.').waitFor();
    expect(await dialog.getByLabel('E-mail').getAttribute('aria-invalid')).toBe('true');
    expect(await englishOnPage(page, texts)).toEqual([]);
  });

  it('words an import dry run\'s refused rows in Dutch', async () => {
    const texts = recordReasons(page, { messages: true });
    await signIn(page, app.baseUrl, app.token(['admin'], 'beheer'), '/import');
    const sheet = ['Naam,Soort,KvK,School', 'Ruimtevaart BV,ruimteschip,87654321,', 'Kapotte KvK BV,bedrijf,1234,', 'Vierde Bedrijf BV,bedrijf,,Onbekende School'].join('\r\n');
    await page.getByTestId('import-file').click();
    await page.locator('input[type="file"]').setInputFiles({ name: 'relaties.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
    await page.getByTestId('dry-run').click();
    await page.getByTestId('import-summary').waitFor();
    const problems = await page.getByTestId('import-problem').allInnerTexts();
    expect(problems.some((text) => text.startsWith('“ruimteschip” is geen soort organisatie; kies uit: '))).toBe(true);
    expect(problems).toContain('Geen geldig KvK-nummer: dat zijn 8 cijfers.');
    expect(problems).toContain('Geen school “Onbekende School” gevonden (op naam of BRIN): voeg een rij toe voor de school, of verbeter de naam.');
    expect(await englishOnPage(page, texts)).toEqual([]);
  });
});
