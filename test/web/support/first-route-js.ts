import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_BUILD } from './demo-app';

/** SPEC/issue 13 budget: the JavaScript the first screen loads is at most 300 KB gzipped (charts and admin split off). */
export const FIRST_ROUTE_JS_BUDGET_BYTES = 300 * 1024;

/**
 * The JavaScript a first visit loads before any route's own lazy chunk: the built index.html's module scripts and
 * modulepreloads, each gzipped (level 9) as a server would send it. Used by test/web/bundle-budget.spec.ts and by
 * `npm run bench -- --only web`.
 */
export function firstRouteJavaScript(indexHtml = WEB_BUILD): { files: string[]; gzippedBytes: number } {
  const html = readFileSync(indexHtml, 'utf8');
  const files = [...html.matchAll(/<script[^>]+src="\/(assets\/[^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? match[2]);
  const gzippedBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(indexHtml, '..', file)), { level: 9 }).length, 0);
  return { files, gzippedBytes };
}
