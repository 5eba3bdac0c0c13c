import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web app, built into dist/web and served by the API on the same origin (apps/api/src/bootstrap/web-app.ts).
 * `npm run dev:web` proxies /api to an API on API_URL (default http://localhost:3000).
 */
export default defineConfig({
  root: here('.'),
  // Each file also as .br and .gz, which the API serves to a browser that accepts them (fastify-static's preCompressed):
  // the first screen's JavaScript is ~280 KB instead of ~1 MB on a school's network, with nothing compressed per request.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.map$/, /\.vite\//], threshold: 1024 })],
  resolve: {
    alias: {
      '@crm/api-client': here('../../libs/api-client/src/index.ts'),
      // The domain's closed vocabularies (plain TypeScript, no framework): one list of kinds and stages for API and app.
      '@crm/domain/vocabulary': here('../../libs/domain/src/shared/vocabulary.ts'),
      // The API's access table (plain TypeScript, no imports): the app offers what a role may do by the same rules.
      '@crm/access-matrix': here('../../apps/api/src/auth/access-matrix.ts'),
      '@': here('./src'),
    },
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // .vite/manifest.json: which chunks a screen's code needs (test/web/support/first-route-js.ts measures the first screens').
    manifest: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { '/api': process.env.API_URL ?? 'http://localhost:3000' },
  },
});
