import { Lease, SqliteLease } from '@crm/lease';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LeaseLostError } from './lease-guarded-read-store';
import { Activation, ActivationContext, EXIT_LEASE_LOST, ProjectorProcess } from './projector-process';

const TTL = 300;

// The lease's clock (Date.now in the store, performance.now in the keeper) and its timers run on Jest's fake clock,
// advanced by these two helpers: the bounds below hold on a busy machine, where real timers fired late and a
// renewal missed its slot (the flaky `keeper.holds`).
const sleep = (ms: number) => jest.advanceTimersByTimeAsync(ms);

async function until(condition: () => boolean, timeoutMs = 5000): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await sleep(5);
  }
  return Date.now() - started;
}

interface Fake {
  process: ProjectorProcess;
  lines: { level: string; message: string; fields: object }[];
  activations: number;
  stops: number;
  exits: number[];
  context?: ActivationContext;
  running: Promise<void>;
}

describe('ProjectorProcess: one active projector, standbys, failover', () => {
  let dir: string;
  const leases: Lease[] = [];
  const processes: ProjectorProcess[] = [];

  beforeEach(() => {
    jest.useFakeTimers();
    dir = mkdtempSync(join(tmpdir(), 'crm-projector-'));
  });
  afterEach(async () => {
    for (const p of processes.splice(0)) {
      p.keeper.stopRenewing();
      await p.stop('test over').catch(() => undefined);
    }
    for (const lease of leases.splice(0)) await lease.close();
    rmSync(dir, { recursive: true, force: true });
    jest.useRealTimers();
  });

  /** A projector "process": its own connection to the lease file, a fake activation that records what happens. */
  function start(holder: string, lease: Lease = new SqliteLease(join(dir, 'leases.sqlite'))): Fake {
    leases.push(lease);
    const fake = { lines: [], activations: 0, stops: 0, exits: [] } as unknown as Fake;
    const log = (level: string) => (fields: object, message: string) => fake.lines.push({ level, message, fields });
    fake.process = new ProjectorProcess({
      lease,
      holder,
      ttlMs: TTL,
      log: { info: log('info'), warn: log('warn'), error: log('error') },
      activate: async (context): Promise<Activation> => {
        fake.activations++;
        fake.context = context;
        return { stop: async () => void fake.stops++ };
      },
      exit: (code) => fake.exits.push(code),
    });
    processes.push(fake.process);
    fake.running = fake.process.run();
    return fake;
  }

  const messages = (fake: Fake) => fake.lines.map((line) => line.message);

  it('activates exactly one of two; the other stays standby and opens nothing', async () => {
    const a = start('a');
    const b = start('b');
    await until(() => a.activations + b.activations === 1 && messages(a).concat(messages(b)).includes('standby'));
    await sleep(TTL * 2); // several renewals: still exactly one
    const [active, standby] = a.activations === 1 ? [a, b] : [b, a];
    expect([active.activations, standby.activations]).toEqual([1, 0]);
    expect(messages(active)).toEqual(['lease acquired']);
    expect(messages(standby)).toEqual(['standby']);
    expect(active.process.keeper.holds).toBe(true);
  });

  it('a standby takes over within TTL + TTL/3 after the active one stops renewing (crash), and not before the TTL', async () => {
    const a = start('a');
    await until(() => a.activations === 1);
    const b = start('b');
    await until(() => messages(b).includes('standby'));
    a.process.keeper.stopRenewing(); // the process dies: no release, the lease just runs out
    const crashed = Date.now();
    const waited = await until(() => b.activations === 1);
    expect(waited).toBeLessThanOrEqual(TTL + TTL / 3 + 250);
    expect(Date.now() - crashed).toBeGreaterThanOrEqual(TTL * (2 / 3) - 20); // the last renewal was at most TTL/3 before
    expect(messages(b)).toEqual(['standby', 'lease acquired']);
  });

  it('SIGTERM: the active one flushes (stop), releases the lease, and a standby takes over at once', async () => {
    const a = start('a');
    await until(() => a.activations === 1);
    const b = start('b');
    await until(() => messages(b).includes('standby'));
    await a.process.stop('SIGTERM');
    expect(a.stops).toBe(1);
    expect(messages(a)).toEqual(['lease acquired', 'stopping (SIGTERM)', 'checkpoints flushed', 'lease released']);
    const waited = await until(() => b.activations === 1);
    expect(waited).toBeLessThanOrEqual(TTL / 3 + 200);
  });

  it('a standby stopped before it won the lease just stops', async () => {
    const a = start('a');
    await until(() => a.activations === 1);
    const b = start('b');
    await until(() => messages(b).includes('standby'));
    await b.process.stop('SIGTERM');
    await b.running;
    expect(b.activations).toBe(0);
    expect(a.process.keeper.holds).toBe(true);
  });

  it('a holder paused past its expiry finds the lease taken: it refuses every write and exits at once', async () => {
    const a = start('a');
    await until(() => a.activations === 1);
    a.process.keeper.stopRenewing(); // paused (GC, SIGSTOP): no renewals
    await sleep(TTL + 20);
    const b = start('b');
    await until(() => b.activations === 1);
    // a wakes up and is about to commit: the guard refuses, and the process is told to exit
    expect(() => a.context!.assertHeld()).toThrow(LeaseLostError);
    expect(a.exits).toEqual([EXIT_LEASE_LOST]);
    expect(a.lines.find((line) => line.level === 'error')?.message).toBe('lease lost: stopping at once');
    expect(b.process.keeper.holds).toBe(true);
  });

  it('a renewal refused because another holder took the lease ends the process with EXIT_LEASE_LOST', async () => {
    const lease = new SqliteLease(join(dir, 'leases.sqlite'));
    const a = start('a', lease);
    await until(() => a.activations === 1);
    // Someone else takes the lease over (as if a's last renewal had been lost and the lease had run out).
    const other = new SqliteLease(join(dir, 'leases.sqlite'));
    leases.push(other);
    await lease.release('projector', 'a');
    expect(await other.acquire('projector', 'intruder', 10_000)).toBe(true);
    await until(() => a.exits.length > 0);
    expect(a.exits).toEqual([EXIT_LEASE_LOST]);
    expect(a.lines.at(-1)).toMatchObject({ level: 'error', message: 'lease lost: stopping at once', fields: { reason: 'another projector holds the lease' } });
  });

  it('renewals that fail (lease store unreachable) are retried while the lease holds, then it is declared lost', async () => {
    const real = new SqliteLease(join(dir, 'leases.sqlite'));
    let failing = false;
    const flaky: Lease = {
      acquire: (...args) => (failing ? Promise.reject(new Error('connection refused')) : real.acquire(...args)),
      release: (...args) => real.release(...args),
      close: () => real.close(),
    };
    const a = start('a', flaky);
    await until(() => a.activations === 1);
    failing = true;
    await until(() => a.exits.length > 0, TTL * 3);
    expect(a.lines.filter((line) => line.level === 'warn').map((line) => line.message)).toContain('lease renewal failed, retrying: connection refused');
    expect(a.exits).toEqual([EXIT_LEASE_LOST]);
    // declared lost before the lease could have run out in the store
    expect(a.context!.holds()).toBe(false);
  });
});
