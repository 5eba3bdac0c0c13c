import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium`; .ci/run installs it): the registry has no browser builds. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `describe` for browser tests: runs them when chromium is installed. Without it they fail on CI (CI is set) and are
 * skipped elsewhere, saying why.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) return describe(name, body);
  const reason = `${CHROMIUM} is missing (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI) {
    describe(name, () => it('has a browser to run in', () => {
      throw new Error(reason);
    }));
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`browser tests "${name}" skipped: ${reason}`);
  describe.skip(name, body);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** A page in Dutch, in the Netherlands' time zone, the size of a laptop screen. */
export async function newPage(browser: Browser, options: { locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: options.locale ?? 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1366, height: 900 },
    deviceScaleFactor: 1,
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    // eslint-disable-next-line no-console
    console.error(`page error: ${error.message}`);
  });
  return page;
}

/** Signs in the way `npm start -- --demo` offers it: the token in the URL's fragment on the sign-in screen. */
export async function signIn(page: Page, baseUrl: string, token: string, path = '/'): Promise<void> {
  await page.goto(`${baseUrl}/aanmelden?redirect=${encodeURIComponent(path)}#token=${token}`);
  await page.waitForURL((url) => !url.pathname.startsWith('/aanmelden'));
}

export interface A11yViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/**
 * axe-core on the page as it is now: the serious and critical violations (WCAG 2.1 A/AA rules and best practices).
 * Run in the page itself (legacy mode: the app has no frames, so no blank page is opened to merge frames' results) and
 * with only the violations gathered: the default spent 5–6 s per screen on this machine, of which ~1 s was the audit.
 */
export async function seriousA11yViolations(page: Page): Promise<A11yViolation[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.html.slice(0, 160)}`).slice(0, 5) }));
}

/**
 * The whole page as one image: the viewport is made as tall as the page first. Playwright's `fullPage` capture drew
 * the app's fixed top bar halfway down a long page (the partnership screen).
 */
export async function screenshotWholePage(page: Page, path: string): Promise<void> {
  const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
  const width = page.viewportSize()?.width ?? 1366;
  await page.setViewportSize({ width, height });
  await page.screenshot({ path });
}
