import type { Page } from 'playwright-core';

/** What the functions run in the page use of it (the tests compile without the DOM's types). */
interface InPage {
  document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null };
}

/**
 * The partnerships list keeps only the rows near the window in the page; how many are loaded it says on the table:
 * `aria-rowcount`, the header row included. Functions, not strings, run in the page: the app's CSP forbids the eval
 * Playwright uses to poll a string.
 */
const loadedInPage = (): number =>
  Number((globalThis as unknown as InPage).document.querySelector('[data-testid="partnerships"]')?.getAttribute('aria-rowcount') ?? 1) - 1;

/** The partnerships loaded into the list ("Meer laden" adds a page), whether drawn or not. */
export async function loadedPartnerships(page: Page): Promise<number> {
  return page.evaluate(loadedInPage);
}

/** Waits until the list holds `count` partnerships or more. */
export async function waitForLoaded(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (least) => Number((globalThis as unknown as InPage).document.querySelector('[data-testid="partnerships"]')?.getAttribute('aria-rowcount') ?? 1) - 1 >= least,
    count,
  );
}

/** The list's rows drawn in the page now (a few screens' worth however many are loaded). */
export async function drawnPartnershipRows(page: Page): Promise<number> {
  return page.getByTestId('partnership-row').count();
}
