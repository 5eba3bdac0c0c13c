import { mapInSlices } from './map-in-slices';

describe('mapInSlices', () => {
  it('gives what map gives, in order', async () => {
    const items = Array.from({ length: 250 }, (_, index) => index);
    expect(await mapInSlices(items, (item) => item * 2, 100)).toEqual(items.map((item) => item * 2));
    expect(await mapInSlices([], (item: number) => item)).toEqual([]);
  });

  it('lets work waiting on the event loop run between slices', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('other request'));
    await mapInSlices([1, 2, 3, 4], (item) => order.push(`item ${item}`), 2);
    expect(order).toEqual(['item 1', 'item 2', 'other request', 'item 3', 'item 4']);
  });
});
