import { performance } from 'node:perf_hooks';

/** How long figures are computed before requests that arrived meanwhile get their turn. */
const SLICE_MS = 10;

/**
 * items.map(compute), letting other requests have their turn every SLICE_MS: figures over every partnership take
 * tens of milliseconds, which would otherwise hold up every request that arrives meanwhile. Slices are measured in
 * time rather than items so that a computation yields only a few times (each turn may serve many requests).
 */
export async function mapInSlices<T, R>(items: readonly T[], compute: (item: T) => R, sliceMs = SLICE_MS): Promise<R[]> {
  const results: R[] = [];
  let sliceEnd = performance.now() + sliceMs;
  for (const item of items) {
    if (results.length > 0 && performance.now() >= sliceEnd) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceEnd = performance.now() + sliceMs;
    }
    results.push(compute(item));
  }
  return results;
}
