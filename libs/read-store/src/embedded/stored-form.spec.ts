import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedReadStore } from './embedded-read-store';
import { freezeAsStored } from './stored-form';

describe('freezeAsStored', () => {
  it('drops undefined fields and deep-freezes the document in place', () => {
    const document: Record<string, unknown> = { _id: 'a', gone: undefined, list: [{ at: 'x', note: undefined }], nested: { n: 1 } };
    expect(freezeAsStored(document)).toBe(true);
    expect(document).toStrictEqual(JSON.parse(JSON.stringify({ _id: 'a', list: [{ at: 'x' }], nested: { n: 1 } })));
    expect(Object.isFrozen(document) && Object.isFrozen(document.list) && Object.isFrozen((document.list as object[])[0])).toBe(true);
  });

  it('leaves alone what JSON would change further (it is copied through JSON instead)', () => {
    for (const value of [[1, undefined], NaN, Infinity, new Date(0), () => 1, new Map()]) {
      const document: Record<string, unknown> = { _id: 'a', value, gone: undefined };
      expect(freezeAsStored(document)).toBe(false);
      expect(Object.isFrozen(document)).toBe(false);
    }
  });
});

describe('EmbeddedReadStore commit with handOver', () => {
  let dir: string;
  let store: EmbeddedReadStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-hand-over-'));
    store = await EmbeddedReadStore.open(join(dir, 'read-models.sqlite'));
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the documents it is given, frozen, and holds what a restart loads', async () => {
    const document = { _id: 'a', facts: [{ at: '2025-01-01' }], reason: undefined };
    await store.commit({ upserts: [{ collection: 'c', document }], checkpoints: { c: 7 }, handOver: true });

    expect(await store.get('c', 'a')).toBe(document);
    expect(Object.isFrozen(document.facts[0])).toBe(true);
    await store.close();
    store = await EmbeddedReadStore.open(join(dir, 'read-models.sqlite'));
    expect(await store.get('c', 'a')).toStrictEqual(JSON.parse(JSON.stringify(document)));
    expect(Object.keys((await store.get('c', 'a'))!)).toEqual(Object.keys(document));
    expect(await store.checkpoint('c')).toBe(7);
  });

  it('copies a document that is not plain JSON data', async () => {
    const document = { _id: 'a', at: new Date('2025-01-01T00:00:00.000Z') };
    await store.commit({ upserts: [{ collection: 'c', document }], checkpoints: {}, handOver: true });
    expect(await store.get('c', 'a')).toEqual({ _id: 'a', at: '2025-01-01T00:00:00.000Z' });
    expect(Object.isFrozen(document)).toBe(false);
  });
});
