import { FIRST_ROUTE_JS_BUDGET_BYTES, firstRouteJavaScript } from './support/first-route-js';

describe('web app bundle', () => {
  it('loads at most 300 KB of gzipped JavaScript for the first screen; other screens come as lazy chunks', () => {
    const { files, gzippedBytes } = firstRouteJavaScript();
    expect(files.length).toBeGreaterThan(0);
    // eslint-disable-next-line no-console
    console.log(`first screen: ${files.join(', ')}: ${(gzippedBytes / 1024).toFixed(1)} KB gzipped (budget 300 KB)`);
    expect(gzippedBytes).toBeLessThanOrEqual(FIRST_ROUTE_JS_BUDGET_BYTES);
    // The partnership screen (and with it the forms) is not part of the first load.
    expect(files.some((file) => /partnership-/.test(file))).toBe(false);
  });
});
