import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApiProcess, type ApiProcess } from '../test/support/api-process';
import { testToken } from '../test/support/tokens';
import { launchBrowser, newPage, signIn } from '../test/web/support/browser';
import { startDemoApp } from '../test/web/support/demo-app';
import { partnershipNeedingAttention } from '../test/web/support/demo-data';
import { loadedPartnerships, waitForLoaded } from '../test/web/support/partnership-list';
import { firstRouteJavaScript } from '../test/web/support/first-route-js';
import { percentile } from './percentile';
import { untilStartUpScanEnded } from './start-up-scan';

/** A running API serving the web app, with the region it was started on. */
interface Served {
  region: string;
  api: ApiProcess;
  stop(): Promise<void>;
}

/** The first screens measured, each with the test id that only appears once the API's answer is rendered. */
const FIRST_SCREENS = [
  { name: 'Mijn week', path: '/mijn-week', dataSelector: '[data-testid="worklist-item"]', who: 'connector' as const },
  { name: 'partnerships list', path: '/partnerschappen', dataSelector: '[data-testid="partnership-row"]', who: 'admin' as const },
];

/**
 * Issue 13 item 7, measured in the real browser (Debian's chromium through playwright-core, as test/web does) against
 * the built API serving the built web app:
 * - the first screen usable: from `page.goto` of the URL `npm start -- --demo` prints (the sign-in screen with the
 *   token in its fragment and the first screen as `redirect`) until the first screen's data is on screen, for Mijn
 *   week (a connector linked to the school-side contact of a drifting partnership) and the partnerships list (an
 *   admin), on the demo and the medium region; each navigation in a new browser context (empty cache and storage);
 * - the first route's JavaScript gzipped (the same measurement as test/web/bundle-budget.spec.ts);
 * - the partnerships list of the medium region (2,000 rows) loaded page by page ("Meer laden") and scrolled top to
 *   bottom with mouse-wheel steps, frame times recorded with requestAnimationFrame in the page; the list draws only the
 *   rows near the window, so the most rows it held in the DOM on the way down is reported too.
 */
export async function webBench(mediumDataDir: string, options: { navigations: number; wheelStepPx: number }) {
  const results: Record<string, Record<string, unknown>> = {};
  const { files, gzippedBytes } = firstRouteJavaScript();
  results['web: first route JavaScript'] = { files: files.length, 'KB gzipped': gzippedBytes / 1024 };

  const browser = await launchBrowser();
  try {
    for (const start of [startDemo, () => startMedium(mediumDataDir)]) {
      const served = await start();
      try {
        const connector = await partnershipNeedingAttention({ api: served.api });
        const tokens = {
          connector: testToken(['connector'], 'bench-connector', { personId: connector.personId }),
          admin: testToken(['admin'], 'bench-admin'),
        };
        for (const screen of FIRST_SCREENS) {
          const runs: Navigation[] = [];
          for (let i = 0; i < options.navigations; i++) runs.push(await firstScreen(browser, served.api.baseUrl, tokens[screen.who], screen.path, screen.dataSelector));
          const times = runs.map((run) => run.ms);
          results[`web: first screen, ${screen.name}, ${served.region} region`] = {
            navigations: times.length,
            'first ms': times[0],
            'p50 ms': percentile(times, 50),
            'max ms': Math.max(...times),
            // Where the time went (p50 of each, in the page from the start of navigation).
            'scripts run p50 ms': percentile(runs.map((run) => run.scriptsRun), 50),
            'slowest API call p50 ms': percentile(runs.map((run) => run.slowestApi), 50),
            'last API answer p50 ms': percentile(runs.map((run) => run.lastApiEnd), 50),
          };
        }
        if (served.region === 'medium') results['web: partnerships list scroll, medium region'] = await scrollList(browser, served.api.baseUrl, tokens.admin, options.wheelStepPx);
      } finally {
        await served.stop();
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

async function startDemo(): Promise<Served> {
  const app = await startDemoApp();
  await untilStartUpScanEnded(app.baseUrl);
  return { region: 'demo', api: app.api, stop: () => app.stop() };
}

/** The medium region on a copy (the API writes to its folder), as the other benches start it. */
async function startMedium(dataDir: string): Promise<Served> {
  const work = mkdtempSync(join(tmpdir(), 'crm-bench-web-'));
  cpSync(dataDir, work, { recursive: true });
  const api = await startApiProcess(work, undefined, { LOG_LEVEL: 'warn' });
  await untilStartUpScanEnded(api.baseUrl);
  return {
    region: 'medium',
    api,
    stop: async () => {
      await api.kill('SIGTERM');
      rmSync(work, { recursive: true, force: true });
    },
  };
}

interface Navigation {
  /** From `page.goto` until `dataSelector` is visible, measured by the bench. */
  ms: number;
  /** In the page, from the start of navigation: the module scripts loaded and run (DOMContentLoaded ended). */
  scriptsRun: number;
  /** The slowest API call the page made until then (resource timing), and when the last one ended. */
  slowestApi: number;
  lastApiEnd: number;
}

/** What the functions run in the page use of it (the bench compiles without the DOM's types). */
interface InPage {
  benchFrames: number[];
  requestAnimationFrame(callback: (now: number) => void): number;
  performance: {
    now(): number;
    getEntriesByType(type: 'navigation' | 'resource'): Array<{ name: string; duration: number; responseEnd: number; domContentLoadedEventEnd?: number }>;
  };
  scrollY: number;
  innerHeight: number;
  scrollTo(x: number, y: number): void;
  document: { documentElement: { scrollHeight: number }; querySelectorAll(selector: string): { length: number } };
}

/** One cold navigation in a new browser context: from `page.goto` until `dataSelector` is visible, with where the time went. */
async function firstScreen(browser: Browser, baseUrl: string, token: string, path: string, dataSelector: string): Promise<Navigation> {
  const page = await newPage(browser);
  try {
    const started = performance.now();
    await signIn(page, baseUrl, token, path);
    await page.locator(dataSelector).first().waitFor({ state: 'visible' });
    const ms = performance.now() - started;
    const inPage = await page.evaluate(() => {
      const { performance } = globalThis as unknown as InPage;
      const [navigation] = performance.getEntriesByType('navigation');
      const api = performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname.startsWith('/api/'));
      return {
        scriptsRun: navigation?.domContentLoadedEventEnd ?? NaN,
        slowestApi: Math.max(0, ...api.map((entry) => entry.duration)),
        lastApiEnd: Math.max(0, ...api.map((entry) => entry.responseEnd)),
      };
    });
    return { ms, ...inPage };
  } finally {
    await page.context().close();
  }
}

/** Starts recording the time between animation frames in the page; `takeFrames` returns them and starts afresh. */
async function recordFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as InPage;
    w.benchFrames = [];
    let last = w.performance.now();
    const tick = (now: number) => {
      w.benchFrames.push(now - last);
      last = now;
      w.requestAnimationFrame(tick);
    };
    w.requestAnimationFrame(tick);
  });
}

const takeFrames = (page: Page): Promise<number[]> =>
  page.evaluate(() => {
    const w = globalThis as unknown as InPage;
    const frames = w.benchFrames;
    w.benchFrames = [];
    return frames;
  });

/** Waits for the page's next animation frame (the wheel step's scroll painted), not for a fixed time. */
const nextFrame = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => (globalThis as unknown as InPage).requestAnimationFrame(() => resolve())));

async function scrollList(browser: Browser, baseUrl: string, token: string, wheelStepPx: number) {
  const page = await newPage(browser);
  try {
    await signIn(page, baseUrl, token, '/partnerschappen');
    const rows = page.getByTestId('partnership-row');
    await rows.first().waitFor();
    await recordFrames(page);
    // The list is paged by cursor ("Meer laden" appends the next page): load every page, as someone scrolling to the end
    // would. Only the rows near the window are in the DOM, so the table's aria-rowcount says how many are loaded.
    const more = page.getByTestId('more');
    for (let loaded = await loadedPartnerships(page); await more.isVisible(); ) {
      // Pressed from the keyboard: rows measured as they come into view can move the button under a pointer's click.
      await more.focus();
      await page.keyboard.press('Enter');
      await waitForLoaded(page, loaded + 1);
      loaded = await loadedPartnerships(page);
    }
    const loadingFrames = await takeFrames(page);
    const total = await loadedPartnerships(page);

    await page.evaluate(() => (globalThis as unknown as InPage).scrollTo(0, 0));
    await nextFrame(page);
    await page.mouse.move(683, 450);
    await takeFrames(page);
    let steps = 0;
    let mostDrawn = 0;
    for (;;) {
      await page.mouse.wheel(0, wheelStepPx);
      await nextFrame(page);
      steps++;
      const { atEnd, drawn } = await page.evaluate(() => {
        const w = globalThis as unknown as InPage;
        return {
          atEnd: w.scrollY + w.innerHeight >= w.document.documentElement.scrollHeight - 2,
          drawn: w.document.querySelectorAll('[data-testid="partnership-row"]').length,
        };
      });
      mostDrawn = Math.max(mostDrawn, drawn);
      if (atEnd || steps > 10_000) break;
    }
    const frames = await takeFrames(page);
    // Scrolled to the very end: the last loaded partnership is drawn (aria-rowindex counts the header row as 1).
    await page.locator(`[data-testid="partnership-row"][aria-rowindex="${total + 1}"]`).waitFor();
    const over = (ms: number) => frames.filter((frame) => frame > ms).length;
    return {
      rows: total,
      'most rows in the DOM': mostDrawn,
      'wheel steps': steps,
      frames: frames.length,
      'frames over 50 ms %': (over(50) / frames.length) * 100,
      'frames over 100 ms': over(100),
      'longest frame ms': Math.max(...frames),
      'p99 frame ms': percentile(frames, 99),
      'longest frame while loading pages ms': Math.max(...loadingFrames),
    };
  } finally {
    await page.context().close();
  }
}
