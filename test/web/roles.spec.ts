import type { Browser, Page } from 'playwright-core';
import type { Role } from '../../apps/api/src/auth/access-matrix';
import { describeInBrowser, launchBrowser, newPage, signIn } from './support/browser';
import { startDemoApp, type DemoApp } from './support/demo-app';
import { busiestSchoolPerson } from './support/demo-data';

jest.setTimeout(300_000);

type Screen = '/mijn-week' | '/partnerschappen' | '/management' | '/organisaties' | '/import';
const MENU: Record<Screen, string> = {
  '/mijn-week': 'Mijn week',
  '/partnerschappen': 'Partnerschappen',
  '/management': 'Management',
  '/organisaties': 'Organisaties & mensen',
  '/import': 'Import',
};
const ALL_SCREENS = Object.keys(MENU) as Screen[];

/** The management cards: figures only (aggregates, for the region role too) and those naming people (reports). */
const AGGREGATE_CARDS = ['levels', 'history', 'partner-load-card', 'start-up-card'];
const PEOPLE_CARDS = ['key-person', 'exposure-card', 'continuity', 'departures-card'];

/**
 * What each role is offered, by the API's access table (apps/api/src/auth/access-matrix.ts, ROUTE_CLASSES): record =
 * connector, admin; read (lists) = connector, manager, reporting, admin; aggregates = + region; reports (naming people)
 * = manager, reporting, admin; export = read or report class plus manager, reporting, admin, region; organisations,
 * erasure, import = admin.
 */
const EXPECTED: Record<Role, { home: Screen; menu: Screen[]; record: boolean; exportList: boolean; peopleReports: boolean; exportReports: boolean; register: boolean; erase: boolean }> = {
  connector: { home: '/mijn-week', menu: ['/mijn-week', '/partnerschappen', '/organisaties'], record: true, exportList: false, peopleReports: false, exportReports: false, register: true, erase: false },
  manager: { home: '/management', menu: ['/partnerschappen', '/management', '/organisaties'], record: false, exportList: true, peopleReports: true, exportReports: true, register: false, erase: false },
  reporting: { home: '/partnerschappen', menu: ['/partnerschappen', '/management', '/organisaties'], record: false, exportList: true, peopleReports: true, exportReports: true, register: false, erase: false },
  admin: { home: '/mijn-week', menu: ALL_SCREENS, record: true, exportList: true, peopleReports: true, exportReports: true, register: true, erase: true },
  region: { home: '/management', menu: ['/management'], record: false, exportList: false, peopleReports: false, exportReports: true, register: false, erase: false },
};

/** Per role: the menu, the screens a typed link may open, and the buttons on them, as the API's access table allows. */
describeInBrowser('web app: what each role is offered matches what the API lets it do', () => {
  let app: DemoApp;
  let browser: Browser;
  let page: Page;
  let staff: Awaited<ReturnType<typeof busiestSchoolPerson>>;
  /** Every API answer 403 the page got: a screen or button offered to a role the API refuses. */
  let refused: string[];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
    staff = await busiestSchoolPerson(app);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach(async () => {
    page = await newPage(browser);
    refused = [];
    page.on('response', (response) => {
      if (response.status() === 403) refused.push(`${response.request().method()} ${new URL(response.url()).pathname}`);
    });
  });
  afterEach(async () => {
    await page.context().close();
  });

  const nav = () => page.getByRole('navigation', { name: 'Hoofdmenu' });
  const at = (path: string) => page.waitForURL((url) => url.pathname === path);

  it.each(Object.keys(EXPECTED) as Role[])('%s: menu, home screen, typed links and buttons', async (role) => {
    const expected = EXPECTED[role];
    // School roles are linked to a person of a school (SPEC §6 R2); admin and region see every school.
    const personId = role === 'admin' || role === 'region' ? undefined : staff.personId;
    await signIn(page, app.baseUrl, app.token([role], `${role}-login`, personId), '/');
    await at(expected.home);
    await nav().getByRole('link').first().waitFor();
    expect(await nav().getByRole('link').allTextContents()).toEqual(expected.menu.map((screen) => MENU[screen]));

    // A screen not in the menu is not opened by a typed or shared link either: the role lands on its own first screen.
    for (const screen of ALL_SCREENS.filter((candidate) => !expected.menu.includes(candidate))) {
      await page.goto(`${app.baseUrl}${screen}`);
      await at(expected.home);
    }

    if (expected.menu.includes('/management')) {
      await nav().getByRole('link', { name: 'Management' }).click();
      await at('/management');
      await page.getByTestId('levels-table').waitFor();
      for (const card of AGGREGATE_CARDS) expect(await page.getByTestId(card).count()).toBe(1);
      for (const card of PEOPLE_CARDS) expect(await page.getByTestId(card).count()).toBe(expected.peopleReports ? 1 : 0);
      // The screen's description speaks of dependence on one person only to a role that sees those reports.
      expect(await page.getByText('waar ze van één persoon afhangen').count()).toBe(expected.peopleReports ? 1 : 0);
      if (expected.peopleReports) await page.getByTestId('key-person').locator('table, [data-testid="empty"]').first().waitFor();
      const exportButtons = page.getByRole('button', { name: /^Exporteren: / });
      expect(await exportButtons.count()).toBe(expected.exportReports ? (expected.peopleReports ? 6 : 3) : 0);
    }

    if (expected.menu.includes('/partnerschappen')) {
      await nav().getByRole('link', { name: 'Partnerschappen' }).click();
      await at('/partnerschappen');
      await page.getByTestId('partnership-row').first().waitFor();
      expect(await page.getByTestId('export').count()).toBe(expected.exportList ? 1 : 0);
      await page.goto(`${app.baseUrl}/partnerschappen?stage=active`);
      await page.getByTestId('partnership-link').first().click();
      await page.getByTestId('health-score').waitFor();
      expect(await page.getByRole('button', { name: 'Contact vastleggen' }).count()).toBe(expected.record ? 1 : 0);
      expect(await page.getByRole('button', { name: 'Meer vastleggen' }).count()).toBe(expected.record ? 1 : 0);
    }

    if (expected.menu.includes('/organisaties')) {
      await nav().getByRole('link', { name: 'Organisaties & mensen' }).click();
      await page.getByTestId('organisation-row').first().waitFor();
      expect(await page.getByTestId('register-organisation').count()).toBe(role === 'admin' ? 1 : 0);
      await page.getByTestId('tab-people').click();
      await page.getByTestId('person-row').first().waitFor();
      expect(await page.getByTestId('register-person').count()).toBe(expected.register ? 1 : 0);
      expect(await page.getByTestId('person-actions').count() > 0).toBe(expected.register);
      if (expected.register) {
        await page.getByTestId('person-actions').first().click();
        await page.getByRole('menuitem', { name: 'Vertrek vastleggen' }).waitFor();
        expect(await page.getByRole('menuitem', { name: 'Persoonsgegevens wissen' }).count()).toBe(expected.erase ? 1 : 0);
        await page.keyboard.press('Escape');
      }
    }

    // Nothing the role was shown asked the API for something it refuses.
    expect(refused).toEqual([]);
  });

  it('tells a login with no role of this app so, and offers nothing', async () => {
    await signIn(page, app.baseUrl, app.token([], 'no-role-login'), '/management');
    await page.getByRole('heading', { name: 'Geen rol in deze app' }).waitFor();
    expect(await nav().getByRole('link').count()).toBe(0);
  });
});
