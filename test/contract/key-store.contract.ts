import { randomUUID } from 'node:crypto';
import { KEY_BYTES, KeyStore, SubjectErasedError } from '@crm/privacy';

export interface KeyStoreUnderTest {
  store: KeyStore;
  /** Another store on the same backing (another process, as far as the adapter can tell). */
  other(): Promise<KeyStore>;
  cleanup(): Promise<void>;
}

/**
 * The behaviour every KeyStore adapter must have. Subjects are unique per test, so the suite also runs against a
 * shared, non-empty server.
 */
export function describeKeyStoreContract(name: string, makeStore: () => Promise<KeyStoreUnderTest>): void {
  describe(`KeyStore contract: ${name}`, () => {
    let store: KeyStore;
    let other: () => Promise<KeyStore>;
    let cleanup: () => Promise<void>;
    const others: KeyStore[] = [];
    const second = async (): Promise<KeyStore> => {
      const opened = await other();
      others.push(opened);
      return opened;
    };

    beforeEach(async () => {
      ({ store, other, cleanup } = await makeStore());
    });

    afterEach(async () => {
      await Promise.all(others.splice(0).map((s) => s.close()));
      await cleanup();
    });

    const person = () => `person:${randomUUID()}`;

    it('makes a 32-byte key on first use and gives the same key afterwards, also to another store', async () => {
      const subject = person();
      const key = await store.getOrCreate(subject);

      expect(key).toBeInstanceOf(Buffer);
      expect(key).toHaveLength(KEY_BYTES);
      expect((await store.getOrCreate(subject)).equals(key)).toBe(true);
      expect(await store.get(subject)).toEqual({ status: 'active', key });
      expect(await (await second()).get(subject)).toEqual({ status: 'active', key });
    });

    it('gives every subject its own random key', async () => {
      const keys = await Promise.all([person(), person(), `partnership:${randomUUID()}`].map((s) => store.getOrCreate(s)));
      expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(3);
      expect(keys.every((k) => !k.equals(Buffer.alloc(KEY_BYTES)))).toBe(true);
    });

    it('answers absent for a subject that never had a key, without making one', async () => {
      const subject = person();
      expect(await store.get(subject)).toEqual({ status: 'absent' });
      expect(await store.get(subject)).toEqual({ status: 'absent' });
    });

    it('hands out one key when several callers, in two stores, create the same subject at once', async () => {
      const subject = person();
      const elsewhere = await second();
      const keys = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? elsewhere : store).getOrCreate(subject)));
      expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
    });

    it('destroys a key for good: get says destroyed, getOrCreate refuses, in every store', async () => {
      const subject = person();
      const elsewhere = await second();
      await store.getOrCreate(subject);

      await store.destroy(subject);

      for (const s of [store, elsewhere]) {
        const lookup = await s.get(subject);
        expect(lookup.status).toBe('destroyed');
        expect(lookup.status === 'destroyed' && !Number.isNaN(Date.parse(lookup.destroyedAt))).toBe(true);
        await expect(s.getOrCreate(subject)).rejects.toThrow(SubjectErasedError);
      }
    });

    it('destroys idempotently, keeping the first destruction date', async () => {
      const subject = person();
      await store.getOrCreate(subject);
      await store.destroy(subject);
      const first = await store.get(subject);
      await new Promise((resolve) => setTimeout(resolve, 5));

      await expect(store.destroy(subject)).resolves.toBeUndefined();
      await expect((await second()).destroy(subject)).resolves.toBeUndefined();

      expect(await store.get(subject)).toEqual(first);
    });

    it('tombstones a subject that never had a key, so it never gets one', async () => {
      const subject = person();
      await store.destroy(subject);
      expect((await store.get(subject)).status).toBe('destroyed');
      await expect(store.getOrCreate(subject)).rejects.toThrow(SubjectErasedError);
    });

    it('leaves every other subject’s key alone', async () => {
      const [erased, kept] = [person(), person()];
      await store.getOrCreate(erased);
      const key = await store.getOrCreate(kept);
      await store.destroy(erased);
      expect(await store.get(kept)).toEqual({ status: 'active', key });
    });

    it('refuses a malformed subject id', async () => {
      await expect(store.getOrCreate('')).rejects.toThrow(/subject/);
      await expect(store.get('no-kind')).rejects.toThrow(/subject/);
      await expect(store.destroy('person:')).rejects.toThrow(/subject/);
    });
  });
}
