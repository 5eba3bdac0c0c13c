import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@crm/event-store';
import { CachedKeyStore, createProtectedEventStore, CryptoEventStore, SqliteKeyStore } from '@crm/privacy';
import { AnswerLostEventStore } from '../support/interrupted-event-stores';
import { describeEventStoreContract } from './event-store.contract';

/** The crypto-shredding decorator keeps the port's contract: every consumer can use it in place of the adapter. */
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-crypto-contract-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeEventStoreContract('SQLite behind CryptoEventStore', async () => {
  const dir = tempDir();
  const store = new CryptoEventStore(new SqliteEventStore(join(dir, 'events.sqlite')), new SqliteKeyStore(join(dir, 'keys.sqlite')));
  const answerLost = () => new AnswerLostEventStore(store);
  return { store, cleanup: () => store.close(), faults: { outcomeLost: answerLost, stoppedAfterFirstStream: answerLost } };
});

describe('createProtectedEventStore', () => {
  it('opens the SQLite log under DATA_DIR behind the decorator, with keys in <dataDir>/keys.sqlite (no MONGODB_URL), upcasting outside', async () => {
    const dataDir = tempDir();
    const { events, keys } = await createProtectedEventStore({ dataDir });
    try {
      expect(keys).toBeInstanceOf(CachedKeyStore);
      await events.append([
        {
          streamId: 'person-1',
          expectedRevision: 'no_stream',
          events: [{ type: 'PersonRegistered', data: { personId: '1', organisationId: 'o', name: 'Fatima', role: 'r', tier: 'operational' }, metadata: {} }],
        },
      ]);
      const own = new SqliteKeyStore(join(dataDir, 'keys.sqlite'));
      expect((await own.get('person:1')).status).toBe('active');
      await own.close();
      const raw = new SqliteEventStore(join(dataDir, 'events.sqlite'));
      expect(JSON.stringify(await raw.readStream('person-1'))).not.toContain('Fatima');
      // A CommitmentMade of shape v1 (no madeAt), written before the upgrade, reads in today's shape.
      await raw.append([
        {
          streamId: 'partnership-p',
          expectedRevision: 'no_stream',
          events: [
            {
              type: 'CommitmentMade',
              data: { partnershipId: 'p', commitmentId: 'c', side: 'partner', description: 'stageplekken', dueAt: '2025-09-01T00:00:00.000Z' },
              metadata: { recordedAt: '2025-02-03T10:00:00.000Z', schemaVersion: 1 },
            },
          ],
        },
      ]);
      await raw.close();
      expect((await events.readStream('person-1'))[0].data.name).toBe('Fatima');
      expect((await events.readStream('partnership-p'))[0].data).toMatchObject({ description: 'stageplekken', madeAt: '2025-02-03T10:00:00.000Z' });
    } finally {
      await events.close();
    }
  });
});
