import { mapInSlices } from './map-in-slices';

describe('mapInSlices', () => {
  it('gives what map gives, in order', async () => {
    const items = Array.from({ length: 250 }, (_, index) => index);
    expect(await mapInSlices(items, (item) => item * 2)).toEqual(items.map((item) => item * 2));
    expect(await mapInSlices(items, (item) => item * 2, 0)).toEqual(items.map((item) => item * 2));
    expect(await mapInSlices([], (item: number) => item)).toEqual([]);
  });

  it('lets work waiting on the event loop run once a slice has taken its time', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('other request'));
    await mapInSlices([1, 2, 3], (item) => order.push(`item ${item}`), 0);
    expect(order).toEqual(['item 1', 'other request', 'item 2', 'item 3']);
  });
});
