/** Items computed between two turns of the event loop: a slice of partnerships' figures takes a few milliseconds. */
const SLICE = 100;

/**
 * items.map(compute), letting other requests have their turn between slices: figures over every partnership take
 * tens of milliseconds, which would otherwise hold up every request that arrives meanwhile.
 */
export async function mapInSlices<T, R>(items: readonly T[], compute: (item: T) => R, slice = SLICE): Promise<R[]> {
  const results: R[] = [];
  for (let from = 0; from < items.length; from += slice) {
    if (from > 0) await new Promise((resolve) => setImmediate(resolve));
    const to = Math.min(items.length, from + slice);
    for (let index = from; index < to; index++) results.push(compute(items[index]));
  }
  return results;
}
