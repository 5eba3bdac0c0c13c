import { FIRST_ROUTE_JS_BUDGET_BYTES, firstRouteJavaScript } from './support/first-route-js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('web app bundle', () => {
  it('loads at most 300 KB of gzipped JavaScript for a first screen, its own route included; other screens come as lazy chunks', () => {
    const { files, gzippedBytes, entryGzippedBytes, screens } = firstRouteJavaScript();
    expect(files.length).toBeGreaterThan(0);
    // eslint-disable-next-line no-console
    console.log(`entry ${kb(entryGzippedBytes)}; ${Object.entries(screens).map(([screen, bytes]) => `${screen} ${kb(bytes)}`).join(', ')} gzipped (budget 300 KB): ${files.join(', ')}`);
    expect(gzippedBytes).toBeLessThanOrEqual(FIRST_ROUTE_JS_BUDGET_BYTES);
    // The partnership screen (and with it the forms), the charts and the English texts are not part of a first load.
    expect(files.filter((file) => /\/(partnership|LineChart|en)-/.test(file))).toEqual([]);
  });
});
