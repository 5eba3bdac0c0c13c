import { withFirstPageRead } from './export-rows';

describe('withFirstPageRead', () => {
  async function* pages(failAt: number, count = 3) {
    for (let page = 0; page < count; page++) {
      if (page === failAt) throw new Error(`page ${page} cannot be read`);
      yield [{ page }];
    }
  }
  const all = async <T>(iterable: AsyncIterable<T>) => {
    const out: T[] = [];
    for await (const item of iterable) out.push(item);
    return out;
  };

  it('fails at once when the first page cannot be read, before anything would be sent', async () => {
    await expect(withFirstPageRead(pages(0))).rejects.toThrow('page 0 cannot be read');
  });

  it('hands on every page in order, the first one read already', async () => {
    expect(await all(await withFirstPageRead(pages(-1)))).toEqual([[{ page: 0 }], [{ page: 1 }], [{ page: 2 }]]);
    expect(await all(await withFirstPageRead(pages(-1, 0)))).toEqual([]);
  });

  it('lets a later page fail the download where it is', async () => {
    const read = await withFirstPageRead(pages(2));
    const seen: unknown[] = [];
    await expect((async () => { for await (const page of read) seen.push(page); })()).rejects.toThrow('page 2 cannot be read');
    expect(seen).toEqual([[{ page: 0 }], [{ page: 1 }]]);
  });
});
