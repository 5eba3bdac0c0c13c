import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_BUILD } from './demo-app';

/** SPEC/issue 13 budget: the JavaScript the first screen loads is at most 300 KB gzipped (charts and admin split off). */
export const FIRST_ROUTE_JS_BUDGET_BYTES = 300 * 1024;

/** The first screens a person lands on (src/app/router.tsx), each a lazy route: its module as the build names it. */
export const FIRST_SCREENS: Record<string, string> = {
  'Mijn week': 'src/features/worklist/routes/my-week.tsx',
  'partnerships list': 'src/features/partnerships/routes/partnerships-list.tsx',
};

/** Lazy parts of the signed-in frame that every screen loads at once, beside its own code (src/app, src/components). */
const FRAME_PARTS = ['src/components/as-of-picker.tsx', 'src/app/notifications.tsx'];

interface ManifestChunk {
  file: string;
  imports?: string[];
}

/**
 * The JavaScript a first visit of a first screen loads: the entry (index.html's module script) with the chunks it
 * imports, the screen's lazy route chunk and the frame's lazy parts with theirs, each file once, gzipped (level 9) as a
 * server would send it; read from the build's manifest (dist/web/.vite/manifest.json). The heaviest first screen is
 * the answer, each screen's figure beside it. Used by test/web/bundle-budget.spec.ts and by
 * `npm run bench -- --only web`.
 */
export function firstRouteJavaScript(indexHtml = WEB_BUILD): { files: string[]; gzippedBytes: number; entryGzippedBytes: number; screens: Record<string, number> } {
  const root = join(indexHtml, '..');
  const manifest = JSON.parse(readFileSync(join(root, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const gzipped = (file: string) => gzipSync(readFileSync(join(root, file)), { level: 9 }).length;
  const closure = (keys: string[]) => {
    const files = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk) throw new Error(`${key} is not in the web build's manifest`);
      if (files.has(chunk.file)) return;
      files.add(chunk.file);
      chunk.imports?.forEach(visit);
    };
    keys.forEach(visit);
    return [...files];
  };
  const measured = Object.entries(FIRST_SCREENS).map(([screen, module]) => {
    const files = closure(['index.html', ...FRAME_PARTS, module]);
    return { screen, files, gzippedBytes: files.reduce((sum, file) => sum + gzipped(file), 0) };
  });
  const heaviest = measured.reduce((a, b) => (b.gzippedBytes > a.gzippedBytes ? b : a));
  return {
    files: heaviest.files,
    gzippedBytes: heaviest.gzippedBytes,
    entryGzippedBytes: closure(['index.html']).reduce((sum, file) => sum + gzipped(file), 0),
    screens: Object.fromEntries(measured.map(({ screen, gzippedBytes }) => [screen, gzippedBytes])),
  };
}
