import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchBrowser, newPage, screenshotWholePage, seriousA11yViolations, signIn } from './support/browser';
import { startDemoApp, type DemoApp } from './support/demo-app';
import { busiestSchoolPerson } from './support/demo-data';
import { drawnPartnershipRows, loadedPartnerships, waitForLoaded } from './support/partnership-list';

jest.setTimeout(300_000);

/** `UPDATE_SCREENSHOTS=1` keeps docs/screenshots current (as `npm run screenshots` does); otherwise a temp folder. */
const SHOTS = process.env.UPDATE_SCREENSHOTS ? join(__dirname, '../../docs/screenshots') : join(tmpdir(), 'crm-web-screenshots');

const openapi = JSON.parse(readFileSync(join(__dirname, '../../openapi.json'), 'utf8')) as { paths: Record<string, unknown> };

/** The day a year before today in Amsterdam, as the URL carries it. */
const lastYear = (): string => {
  const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Amsterdam' }));
  return `${now.getFullYear() - 1}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(Math.min(now.getDate(), 28)).padStart(2, '0')}`;
};

async function levelFigures(page: Page): Promise<string[]> {
  const table = page.getByTestId('levels-table');
  await table.waitFor();
  return table.locator('tbody tr').allInnerTexts();
}

/** What the functions run in the page use of it (the tests compile without the DOM's types). */
interface InPage {
  listEnd?: number;
  scrollY: number;
  innerHeight: number;
  scrollTo(x: number, y: number): void;
  requestAnimationFrame(callback: () => void): number;
  document: {
    documentElement: { scrollHeight: number };
    activeElement: { closest(selector: string): { getAttribute(name: string): string | null } | null } | null;
    querySelectorAll(selector: string): Iterable<{ innerText: string; textContent: string | null }>;
  };
}

describeInBrowser('web app: the manager and the reporting analyst (partnerships list, management, organisations & people, import)', () => {
  let app: DemoApp;
  let browser: Browser;
  let page: Page;
  /** The school person the manager's and the analyst's logins are linked to: they see that school's partnerships. */
  let staff: Awaited<ReturnType<typeof busiestSchoolPerson>>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
    staff = await busiestSchoolPerson(app);
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

  it('lets a manager time-travel the dashboard to last year and see the figures change, in Dutch, with no serious axe violation', async () => {
    await signIn(page, app.baseUrl, app.token(['manager'], 'directeur', staff.personId), '/management');
    await page.getByRole('heading', { name: 'Management', level: 2 }).waitFor();
    const now = await levelFigures(page);
    expect(now.length).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'Hangt af van één persoon' }).waitFor();
    await page.getByTestId('levels-charts').locator('.recharts-surface').first().waitFor();
    // What else a manager is offered here (CSV of every report, as for reporting) is in roles.spec.ts.
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshotWholePage(page, join(SHOTS, 'management.png'));

    const day = lastYear();
    await page.goto(`${app.baseUrl}/management?asOf=${day}`);
    await page.getByTestId('as-of-banner').waitFor();
    // In the page: the levels table has rows again, and they differ from today's.
    await page.waitForFunction(
      // A function, not a string: the app's CSP forbids the eval Playwright polls a string with.
      (today) => {
        const rows = [...(globalThis as unknown as InPage).document.querySelectorAll('[data-testid="levels-table"] tbody tr')];
        return rows.length > 0 && JSON.stringify(rows.map((row) => row.innerText)) !== today;
      },
      JSON.stringify(now),
    );
    expect(await levelFigures(page)).not.toEqual(now);
  });

  it('lets a reporting user export the partnership list as Excel or CSV: the files the API writes, header row first', async () => {
    const token = app.token(['reporting'], 'analist', staff.personId);
    await signIn(page, app.baseUrl, token, '/partnerschappen?stage=active');
    await page.getByTestId('partnership-row').first().waitFor();
    await page.getByTestId('export').click();
    const [workbook] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(workbook.suggestedFilename()).toMatch(/^partnerships-\d{4}-\d{2}-\d{2}\.xlsx$/);
    // A zip container (an xlsx workbook), not an error page saved under that name.
    expect(readFileSync((await workbook.path())!).subarray(0, 2).toString('latin1')).toBe('PK');

    await page.getByTestId('export').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^partnerships-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = readFileSync((await download.path())!, 'utf8');
    const expected = await (await fetch(`${app.baseUrl}/api/partnerships?stage=active&format=csv`, { headers: { authorization: `Bearer ${token}` } })).text();
    const [header, ...rows] = file.trim().split(/\r?\n/);
    expect(header).toBe(expected.split(/\r?\n/)[0]);
    expect(header.split(',').length).toBeGreaterThan(5);
    expect(rows.length).toBe(expected.trim().split(/\r?\n/).length - 1);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('lets a reporting user export the organisations as Excel and the people a search finds as CSV, and says when a list shows only its first rows', async () => {
    const token = app.token(['reporting'], 'analist', staff.personId);
    const api = async (path: string) => fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await signIn(page, app.baseUrl, token, '/organisaties');
    await page.getByTestId('organisation-row').first().waitFor();
    await page.getByTestId('export-organisations').click();
    const [workbook] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(workbook.suggestedFilename()).toMatch(/^organisations-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(readFileSync((await workbook.path())!).subarray(0, 2).toString('latin1')).toBe('PK');

    await page.getByTestId('tab-people').click();
    await page.getByTestId('person-row').first().waitFor();
    const unsearched = (await (await api('/api/people?left=false&sort=name&limit=200')).json()) as { nextCursor: string | null };
    expect(await page.getByTestId('first-shown').count()).toBe(unsearched.nextCursor ? 1 : 0);
    const surname = (await page.getByTestId('person-row').first().locator('td').first().innerText()).trim().split(/\s+/).pop()!;
    await page.getByTestId('people-search').fill(surname);
    // The search has answered once no row without that name is left.
    await page.getByTestId('person-row').filter({ hasNotText: surname }).first().waitFor({ state: 'detached' });
    await page.getByTestId('export-people').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^people-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    const expected = (await (await api(`/api/people?left=false&sort=name&text=${encodeURIComponent(surname)}&format=csv`)).text()).trim().split(/\r?\n/);
    expect(file).toEqual(expected);
    expect(file.length).toBeGreaterThan(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('filters the partnerships list by health and sorts it by school, keeping both in the URL; a row opens the partnership', async () => {
    await signIn(page, app.baseUrl, app.token(['manager'], 'directeur', staff.personId), '/partnerschappen');
    await page.getByTestId('partnership-row').first().waitFor();
    const all = await loadedPartnerships(page);

    await page.getByTestId('filter-status').selectOption({ label: 'Aandacht nodig' });
    await page.waitForURL((url) => url.searchParams.get('status') === 'attention');
    await page.getByTestId('filter-sort').selectOption({ label: 'School A–Z' });
    await page.waitForURL((url) => url.searchParams.get('sort') === 'school');
    await page.waitForFunction(() => {
      const cells = [...(globalThis as unknown as InPage).document.querySelectorAll('[data-testid="partnership-row"] [data-testid="health"]')];
      return cells.length > 0 && cells.every((cell) => (cell.textContent ?? '').includes('Aandacht nodig'));
    });

    const statuses = await page.locator('[data-testid="partnership-row"] [data-testid="health"]').allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    const attention = await loadedPartnerships(page);
    expect(attention).toBeGreaterThanOrEqual(statuses.length);
    expect(attention).toBeLessThan(all);
    const schools = (await page.getByTestId('partnership-link').allInnerTexts()).map((name) => name.split(' – ')[0]);
    expect(schools).toEqual([...schools].sort((a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base' })));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'partnerschappen.png') });

    await page.reload();
    await page.getByTestId('partnership-row').first().waitFor();
    expect(await loadedPartnerships(page)).toBe(attention);

    await page.getByTestId('partnership-row').first().locator('td').nth(2).click();
    await page.waitForURL((url) => /^\/partnerschappen\/[0-9a-f-]{36}$/.test(url.pathname));
  });

  it('draws only the partnership rows near the window, yet says how many there are, scrolls to the last one and tabs through them; axe finds nothing serious', async () => {
    // The whole demo region, sorted by school: more rows than a laptop screen shows.
    const { items } = (await app.api.http.get('/api/partnerships?sort=school&limit=200').expect(200)).body as {
      items: Array<{ school: { name: string | null }; partner: { name: string | null } }>;
    };
    await signIn(page, app.baseUrl, app.token(['admin'], 'beheer'), '/partnerschappen?sort=school');
    await page.getByTestId('partnership-row').first().waitFor();
    await waitForLoaded(page, items.length);
    expect(items.length).toBeGreaterThanOrEqual(30);
    const drawn = await drawnPartnershipRows(page);
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThanOrEqual(items.length / 2);
    // Each drawn row says where it is in the whole table (the header row is row 1).
    expect(await page.getByTestId('partnership-row').first().getAttribute('aria-rowindex')).toBe('2');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Tab goes through the rows in order, one stop per row (its link), on past the rows drawn at first.
    const target = drawn + 3;
    await page.getByTestId('partnership-link').first().focus();
    let rowIndex = 2;
    while (rowIndex < target + 2) {
      await page.keyboard.press('Tab');
      // The focused element scrolled into view and the rows below it drawn (the page's scroll steps run before its next frame).
      const at = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const w = globalThis as unknown as InPage;
            w.requestAnimationFrame(() => resolve(Number(w.document.activeElement?.closest('[data-testid="partnership-row"]')?.getAttribute('aria-rowindex') ?? -1)));
          }),
      );
      expect(at).toBe(rowIndex + 1);
      rowIndex = at;
    }
    // Arriving in a row, focus is on its link.
    const { school, partner } = items[target];
    expect(await page.locator('[data-testid="partnership-link"]:focus').innerText()).toBe(`${school.name} – ${partner.name}`);
    // The trend column is explained once, at its header, to the keyboard too.
    await page.getByTestId('trend-help').focus();
    await page.getByRole('tooltip').getByText('Score nu min de score 90 dagen geleden').waitFor();

    // Scrolled to the end of the page: the last partnership is drawn, as the last row of the table.
    // (Rows measured taller than estimated lengthen the page, so it scrolls to the end again until the end holds still.)
    await page.waitForFunction(() => {
      const w = globalThis as unknown as InPage;
      const end = w.document.documentElement.scrollHeight;
      const still = w.listEnd === end;
      w.listEnd = end;
      w.scrollTo(0, end);
      return still && w.scrollY + w.innerHeight >= end - 2;
    });
    const last = items[items.length - 1];
    const lastRow = page.getByTestId('partnership-row').filter({ has: page.getByTestId('partnership-link').getByText(`${last.school.name} – ${last.partner.name}`, { exact: true }) });
    await lastRow.waitFor();
    expect(await lastRow.getAttribute('aria-rowindex')).toBe(String(items.length + 1));
    expect(await drawnPartnershipRows(page)).toBeLessThanOrEqual(items.length / 2);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows organisations and people, and a departure\'s impact before it is confirmed; axe finds nothing serious', async () => {
    await signIn(page, app.baseUrl, app.token(['admin'], 'beheer'), '/organisaties');
    await page.getByTestId('organisation-row').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('register-organisation').click();
    await page.getByTestId('organisation-form').getByLabel('Naam').waitFor();
    await page.keyboard.press('Escape');

    await page.getByTestId('tab-people').click();
    await page.getByTestId('person-row').first().waitFor();
    await page.getByTestId('person-actions').first().click();
    await page.getByRole('menuitem', { name: 'Vertrek vastleggen' }).click();
    await page.getByTestId('departure-impact').waitFor();
    await page.getByRole('button', { name: 'Vertrek bevestigen' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Annuleren' }).click();

    await page.getByTestId('person-actions').first().click();
    await page.getByRole('menuitem', { name: 'Persoonsgegevens wissen' }).click();
    await page.getByText('[erased]', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Definitief wissen' }).isDisabled()).toBe(true);
  });

  (openapi.paths['/api/imports'] ? it : it.skip)('runs an import dry run that shows a refused row with its column, code and message', async () => {
    await signIn(page, app.baseUrl, app.token(['admin'], 'beheer'), '/import');
    await page.getByRole('heading', { name: 'Import', level: 2 }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const sheet = ['Naam,Soort,KvK,Sector', 'Bouwbedrijf Test,bedrijf,12345678,bouw', 'Onbekend Soort BV,ruimteschip,87654321,bouw'].join('\r\n');
    await page.getByTestId('import-file').click();
    await page.locator('input[type="file"]').setInputFiles({ name: 'relaties.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
    await page.getByTestId('dry-run').click();
    await page.getByTestId('import-summary').waitFor();
    const refused = page.getByTestId('import-refused');
    await refused.first().waitFor();
    expect(await refused.first().innerText()).toContain('3');
    expect(await page.getByTestId('commit').isDisabled()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
