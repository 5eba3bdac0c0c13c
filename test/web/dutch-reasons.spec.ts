import type { Browser, Page, Response } from 'playwright-core';
import { describeInBrowser, launchBrowser, newPage, seriousA11yViolations, signIn } from './support/browser';
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

  it('words each side\'s continuity and the recurring cooperation on a Partnership screen in Dutch, with no serious axe violation', async () => {
    type Row = { partnershipId: string; schoolName: string; partnerName: string; recurringKinds: string[]; onceKinds: string[] };
    const { items } = (await app.api.http.get('/api/reports/recurring-cooperation?recurring=true').expect(200)).body as { items: Row[] };
    const recurring = items.find((row) => row.onceKinds.length > 0) ?? items[0];
    expect(recurring).toBeDefined();
    const texts = recordReasons(page);
    await signIn(page, app.baseUrl, app.token(['admin'], 'beheer'), `/partnerschappen/${recurring.partnershipId}`);
    await page.getByRole('heading', { name: `${recurring.schoolName} – ${recurring.partnerName}` }).first().waitFor();
    const school = page.getByTestId('continuity-reason-school');
    const partner = page.getByTestId('continuity-reason-partner');
    await school.waitFor();
    const sideText = /^(Vaste contactpersoon .+ sinds .+ \([\d.]+ dag(en)?\)|Zonder vaste contactpersoon sinds .+: de vorige is uit de organisatie vertrokken|Geen vaste contactpersoon aan de (school|partner)kant); (vervangers: .+|geen vervanger); (overdrachten: \d+ \(\d+ warm, \d+ koud\)|geen overdrachten); dagen zonder vaste contactpersoon in de afgelopen 730: [\d.]+$/;
    await expect(school.innerText()).resolves.toMatch(sideText);
    await expect(partner.innerText()).resolves.toMatch(sideText);
    // Recurring cooperation: the kinds held in two or more school years, in the vocabulary, and each kind's school years.
    const reason = page.getByTestId('recurring-reason');
    await reason.waitFor();
    await expect(reason.innerText()).resolves.toMatch(/^Terugkerend: [a-zë ]+ \(\d{4}-\d{4}, \d{4}-\d{4}.*\)/);
    await expect(page.getByTestId('recurring-badge').innerText()).resolves.toBe('terugkerend');
    const kinds = await page.getByTestId('recurring-kinds').locator('tbody tr').allInnerTexts();
    expect(kinds).toHaveLength(recurring.recurringKinds.length + recurring.onceKinds.length);
    expect(kinds.filter((row) => row.includes('in meerdere schooljaren'))).toHaveLength(recurring.recurringKinds.length);
    expect(kinds.filter((row) => row.includes('één schooljaar'))).toHaveLength(recurring.onceKinds.length);
    await page.waitForLoadState('networkidle');
    expect(await englishOnPage(page, texts)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('words the Management continuity table and what happened to each relation of a departed person in Dutch, with no serious axe violation', async () => {
    const texts = recordReasons(page);
    await signIn(page, app.baseUrl, app.token(['admin'], 'beheer'), '/management');
    const why = page.getByTestId('continuity-why');
    await why.first().waitFor();
    for (const text of await why.allInnerTexts()) expect(text).toMatch(/^Zonder vaste contactpersoon sinds .+: de vorige is uit de organisatie vertrokken; /);
    const relations = page.getByTestId('departed-relation-reason');
    await relations.first().waitFor();
    const happened = await relations.allInnerTexts();
    for (const text of happened) {
      expect(text).toMatch(/^.+ vertrok op .+; contactmomenten in de 180 dagen ervoor: \d+, (in de 180 dagen erna|erna tot nu toe): \d+/);
      expect(text).toMatch(/(nieuwe vaste contactpersoon aan de (school|partner)kant: .+, (vanaf de dag van vertrek of eerder|na \d+ dag(en)?), een (warme|koude) overdracht: .+|het partnerschap eindigde op .+|nog altijd geen nieuwe vaste contactpersoon aan de (school|partner)kant)$/);
    }
    // Each relation names its partnership, one click from its screen.
    await expect(page.getByTestId('departed-relation').first().getByRole('link').count()).resolves.toBe(1);
    await page.waitForLoadState('networkidle');
    expect(await englishOnPage(page, texts)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('words what a login sees (GET /me\'s scope) in Dutch: in the user menu, and on Mijn week for a login linked to nobody', async () => {
    const staff = await busiestSchoolPerson(app);
    const texts = recordReasons(page, { messages: true });
    await signIn(page, app.baseUrl, app.token(['manager'], 'directeur', staff.personId), '/management');
    // Opened from the keyboard, as a keyboard user does: the arrow keys reach its items.
    await page.getByTestId('user-menu').focus();
    await page.keyboard.press('Enter');
    const scope = page.getByTestId('scope-message');
    await scope.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('menuitem', { name: 'Afmelden' }).and(page.locator(':focus')).waitFor();
    await expect(scope.innerText()).resolves.toBe(`U ziet de partnerschappen van ${staff.schoolName}, en de organisaties en mensen die daarbij horen.`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await englishOnPage(page, texts)).toEqual([]);

    const unlinked = await newPage(browser);
    try {
      const unlinkedTexts = recordReasons(unlinked, { messages: true });
      await signIn(unlinked, app.baseUrl, app.token(['connector'], 'niemand'), '/mijn-week');
      await unlinked.getByText('Uw aanmelding is aan niemand gekoppeld, dus u ziet geen partnerschappen, organisaties of mensen.', { exact: false }).waitFor();
      expect(await englishOnPage(unlinked, unlinkedTexts)).toEqual([]);
      expect(await seriousA11yViolations(unlinked)).toEqual([]);
    } finally {
      await unlinked.context().close();
    }
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
    await expect(health.getAttribute('title')).resolves.toMatch(/^Gemiddelde gezondheidsscore over (1 niet-beëindigd partnerschap|\d+ niet-beëindigde partnerschappen)$/);
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
