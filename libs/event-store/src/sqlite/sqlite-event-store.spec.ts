import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WrongExpectedRevisionError } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

const event = (n: number) => ({ type: 'Happened', data: { n }, metadata: {} });

describe('SqliteEventStore: what it knows without asking the file stays true when others write it', () => {
  let dir: string;
  const opened: SqliteEventStore[] = [];
  const open = () => {
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    opened.push(store);
    return store;
  };
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'crm-known-'))));
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('a read after its own append finds nothing new without losing what another store of this process appended', async () => {
    const a = open();
    const b = open();
    await a.append([{ streamId: 's-1', expectedRevision: 'no_stream', events: [event(1)] }]);
    expect(await a.readStream('s-1', 1)).toEqual([]);
    await b.append([{ streamId: 's-1', expectedRevision: 0, events: [event(2)] }]);
    expect((await a.readStream('s-1', 1)).map((e) => e.data)).toEqual([{ n: 2 }]);
    // and a's next append continues from b's revision and position
    const outcome = await a.append([{ streamId: 's-1', expectedRevision: 1, events: [event(3)] }]);
    expect(outcome).toEqual({ streams: [{ streamId: 's-1', revision: 2 }], position: 3 });
  });

  it('sees a commit by another connection (another process): appends at once, reads within a millisecond', async () => {
    const a = open();
    await a.append([{ streamId: 's-1', expectedRevision: 'no_stream', events: [event(1)] }]);
    expect(await a.readStream('s-1', 1)).toEqual([]);
    const other = new Database(join(dir, 'events.sqlite'));
    other
      .prepare('INSERT INTO events (position, id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(2, 'other-1', 's-1', 1, 'Happened', '{"n":2}', '{}');
    other.close();
    await expect(a.append([{ streamId: 's-1', expectedRevision: 0, events: [event(3)] }])).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await a.readStream('s-1', 1)).map((e) => e.data)).toEqual([{ n: 2 }]);
    expect(await a.append([{ streamId: 's-1', expectedRevision: 1, events: [event(3)] }])).toEqual({ streams: [{ streamId: 's-1', revision: 2 }], position: 3 });
  });

  it('a refused append in a group leaves nothing behind in what is known', async () => {
    const a = open();
    const [ok, refused] = await Promise.allSettled([
      a.append([{ streamId: 's-1', expectedRevision: 'no_stream', events: [event(1)] }]),
      a.append([{ streamId: 's-2', expectedRevision: 5, events: [event(2)] }]),
    ]);
    expect(ok.status).toBe('fulfilled');
    expect(refused.status).toBe('rejected');
    expect(await a.readStream('s-2')).toEqual([]);
    expect(await a.append([{ streamId: 's-2', expectedRevision: 'no_stream', events: [event(3)] }])).toEqual({ streams: [{ streamId: 's-2', revision: 0 }], position: 2 });
  });
});

describe('SqliteEventStore: a subscription catching up on a long log', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'crm-catch-up-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lets the event loop turn between batches, so replies in flight are not held up until it has caught up', async () => {
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    await store.append([{ streamId: 's-1', expectedRevision: 'no_stream', events: Array.from({ length: 3000 }, (_, i) => event(i)) }]);
    let delivered = 0;
    let deliveredWhenTheLoopTurned: number | undefined;
    const caughtUp = new Promise<void>((resolve) => {
      store.subscribe({ from: 0, onEvent: () => void delivered++, onCaughtUp: resolve });
    });
    setImmediate(() => (deliveredWhenTheLoopTurned = delivered));
    await caughtUp;
    expect(delivered).toBe(3000);
    expect(deliveredWhenTheLoopTurned).toBeLessThan(3000);
    await store.close();
  });
});
