import { IntentBatch, sweepUnfinishedAppends, SweepSteps } from './intent-sweep';

/**
 * The sweep's own steps over an in-memory list of intents: a key stream with its intent's position and whether it
 * is still unfinished (and, when it is, whether it can take effect). Records what the sweep asked for.
 */
class Log implements SweepSteps {
  checkpoint = 0;
  readonly asked: { after: number; limit: number }[] = [];
  readonly settled: string[] = [];
  failOn: string | undefined;

  constructor(
    readonly intents: { streamId: string; position: number; state: 'unfinished' | 'unwritable' | 'finished' }[],
    private readonly head = Math.max(0, ...intents.map((i) => i.position)) + 10,
  ) {}

  async loadCheckpoint() {
    return this.checkpoint;
  }

  async intentsAfter(after: number, limit: number): Promise<IntentBatch> {
    this.asked.push({ after, limit });
    const found = this.intents.filter((i) => i.position > after).slice(0, limit);
    return { intents: found, reachedTo: found.length === limit ? found[found.length - 1].position : this.head };
  }

  async settle(streamId: string) {
    if (streamId === this.failOn) throw new Error('connection reset');
    this.settled.push(streamId);
    const intent = this.intents.filter((i) => i.streamId === streamId).pop()!;
    if (intent.state === 'finished') return 'finished-before' as const;
    const was = intent.state;
    intent.state = 'finished';
    return was === 'unfinished' ? ('completed' as const) : ('abandoned' as const);
  }

  async saveCheckpoint(position: number) {
    this.checkpoint = position;
  }
}

const intents = (n: number, state: 'unfinished' | 'finished' = 'finished') =>
  Array.from({ length: n }, (_, i) => ({ streamId: `idempotency-${i}`, position: (i + 1) * 100, state }));

describe('the start-up sweep over unfinished appends', () => {
  it('reports which appends it completed and which could not take effect, and nothing for finished ones', async () => {
    const log = new Log([
      { streamId: 'idempotency-a', position: 100, state: 'finished' },
      { streamId: 'idempotency-b', position: 200, state: 'unfinished' },
      { streamId: 'idempotency-c', position: 300, state: 'unwritable' },
    ]);
    const report = await sweepUnfinishedAppends(log);
    expect(report).toEqual({ completed: ['idempotency-b'], abandoned: ['idempotency-c'], checkpoint: 310 });
  });

  it('reads the log in bounded batches and checkpoints after each', async () => {
    const log = new Log(intents(25));
    const saved: number[] = [];
    const save = log.saveCheckpoint.bind(log);
    log.saveCheckpoint = async (position) => (saved.push(position), save(position));

    await sweepUnfinishedAppends(log, 10);

    expect(log.asked).toEqual([
      { after: 0, limit: 10 },
      { after: 1000, limit: 10 },
      { after: 2000, limit: 10 },
    ]);
    expect(saved).toEqual([1000, 2000, 2510]);
    expect(log.settled).toHaveLength(25);
  });

  it('the next start resumes after the last checkpoint: an interrupted sweep goes on where it stopped, and a finished one reads only what came after', async () => {
    const log = new Log(intents(25, 'unfinished'));
    log.failOn = 'idempotency-14';
    await expect(sweepUnfinishedAppends(log, 10)).rejects.toThrow('connection reset');
    expect(log.checkpoint).toBe(1000);

    log.failOn = undefined;
    log.settled.length = 0;
    const report = await sweepUnfinishedAppends(log, 10);
    // The ten of the interrupted batch that were settled are looked at again (finished now), none before them.
    expect(log.settled[0]).toBe('idempotency-10');
    expect(report.completed).toEqual(intents(25).slice(14).map((i) => i.streamId));

    log.asked.length = 0;
    expect(await sweepUnfinishedAppends(log, 10)).toEqual({ completed: [], abandoned: [], checkpoint: 2510 });
    expect(log.asked).toEqual([{ after: 2510, limit: 10 }]);
  });
});
