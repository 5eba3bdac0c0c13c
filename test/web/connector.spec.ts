import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchBrowser, newPage, seriousA11yViolations, signIn } from './support/browser';
import { startDemoApp, type DemoApp } from './support/demo-app';
import { partnershipNeedingAttention, type DemoContact } from './support/demo-data';

jest.setTimeout(180_000);

/** The connector's work in a real browser: Mijn week → a partnership found by name → record a contact → see it count. */
describeInBrowser('a connector records a contact from Mijn week', () => {
  let app: DemoApp;
  let browser: Browser;
  let page: Page;
  let contact: DemoContact & { openedAt: string };

  const scoreOf = async () => Number(await page.getByTestId('health-score').innerText());
  const recencyReason = () => page.getByTestId('component-recency').locator('td').nth(2).innerText();

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
    contact = await partnershipNeedingAttention(app);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach(async () => {
    page = await newPage(browser);
    await signIn(page, app.baseUrl, app.token(['connector'], 'connector@school.nl', contact.personId), '/mijn-week');
  });
  afterEach(async () => {
    await page.context().close();
  });

  async function openFromMyWeek(): Promise<void> {
    const row = page.getByTestId('worklist-item').filter({ hasText: contact.title }).filter({ hasText: 'Contact verwatert' });
    await row.waitFor();
    await row.getByRole('link', { name: contact.title }).click();
    await page.getByRole('heading', { name: contact.title }).waitFor();
    await page.getByTestId('health-score').waitFor();
  }

  async function openDirectly(): Promise<void> {
    await page.goto(`${app.baseUrl}/partnerschappen/${contact.partnershipId}`);
    await page.getByTestId('health-score').waitFor();
  }

  async function fillContact(summary: string): Promise<void> {
    await page.getByRole('button', { name: 'Contact vastleggen' }).click();
    const form = page.getByTestId('form-contact');
    await form.getByText('Partner', { exact: true }).click();
    await form.getByTestId('participants').click();
    await form.getByTestId('participants').fill(contact.personName.split(' ')[0]);
    await page.getByRole('option', { name: new RegExp(contact.personName) }).first().click();
    await form.getByLabel('Korte notitie').fill(summary);
  }

  it('finds the drifting partnership by name on Mijn week, records a contact, and sees health, timeline and worklist change', async () => {
    await openFromMyWeek();
    const before = await scoreOf();
    const reasonBefore = await recencyReason();

    await fillContact('Stageplaatsen voor februari besproken');
    await page.getByTestId('form-contact').getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen').waitFor();

    // The newest event is on top of the timeline, with the people by name.
    const newest = page.getByTestId('timeline-entry').first();
    await newest.getByText('Stageplaatsen voor februari besproken').waitFor();
    expect(await newest.innerText()).toContain(contact.personName);
    // Health is computed anew by the API: the contact counts for recency, so the score rises.
    await page.getByTestId('component-recency').locator('td').nth(2).filter({ hasNotText: reasonBefore }).waitFor();
    expect(await scoreOf()).toBeGreaterThan(before);

    // Back on Mijn week the drifting contact is no longer an action for this partnership.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn week' }).click();
    await page.getByTestId('worklist').waitFor();
    await page.getByTestId('worklist-item').filter({ hasText: contact.title }).filter({ hasText: 'Contact verwatert' }).waitFor({ state: 'detached' });
  });

  it('says "gewijzigd door iemand anders" when someone else recorded meanwhile, and saves after a reload', async () => {
    // The first test cleared the drifting action from Mijn week: the partnership is opened by its address.
    await openDirectly();
    // The timeline is its own request: count its entries once it has arrived.
    await page.getByTestId('timeline-entry').first().waitFor();
    const entries = await page.getByTestId('timeline-entry').count();
    await fillContact('Terugbellen over de open dag');

    // Someone else records on the same partnership while the form is open.
    await app.api.http
      .post(`/api/partnerships/${contact.partnershipId}/interactions`)
      .send({ kind: 'email', initiatedBy: 'partner', participantIds: [contact.personId], summary: 'Mail van de partner' })
      .expect(201);

    await page.getByTestId('form-contact').getByRole('button', { name: 'Opslaan' }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.getByText('Gewijzigd door iemand anders').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await conflict.getByRole('button', { name: 'Opnieuw laden' }).click();
    await conflict.waitFor({ state: 'detached' });
    // What was typed is kept; saving now goes through, after the other person's contact.
    expect(await page.getByTestId('form-contact').getByLabel('Korte notitie').inputValue()).toBe('Terugbellen over de open dag');
    await page.getByTestId('form-contact').getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen').waitFor();
    await page.getByTestId('timeline-entry').first().getByText('Terugbellen over de open dag').waitFor();
    expect(await page.getByTestId('timeline-entry').count()).toBe(entries + 2);
    expect(await page.getByTestId('timeline-entry').nth(1).innerText()).toContain('Mail van de partner');
  });

  it('shows the API\'s refusal at the field: a contact dated before the partnership opened', async () => {
    await openDirectly();
    await page.getByRole('button', { name: 'Contact vastleggen' }).click();
    const form = page.getByTestId('form-contact');
    // Pick 1 January of the year before the partnership opened in the date picker: year view, then month, then day.
    const year = Number(contact.openedAt.slice(0, 4)) - 1;
    await form.getByLabel('Datum').click();
    const header = page.locator('.mantine-DatePickerInput-calendarHeaderLevel');
    await header.click();
    await header.click();
    await page.getByRole('button', { name: String(year), exact: true }).click();
    await page.locator('.mantine-DatePickerInput-monthsListControl').first().click();
    await page.locator('.mantine-DatePickerInput-day:not([data-outside])').first().click();
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('De datum ligt vóór de start van het partnerschap.').waitFor();
    expect(await form.getByLabel('Datum').getAttribute('aria-invalid')).toBe('true');
  });
});
