import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, startApiProcess } from '../support/api-process';
import { created, daysAgo } from '../support/fixtures';

/**
 * A damaged data file is detected when the API starts, with a message naming the file, and the API exits non-zero
 * without ever answering: garbage, truncated or partly zeroed `events.sqlite`, `read-models.sqlite` and `keys.sqlite`;
 * and files that are each valid but do not belong together (an emptied log or key store, an older copy of the log).
 * An emptied read-model file is the one exception: read models are derived data, rebuilt from the log at start.
 *
 * Needs `npm run build`. About 20 s (the API is started once per case, three at a time).
 */
jest.setTimeout(150_000);

const FILES = ['events.sqlite', 'read-models.sqlite', 'keys.sqlite'] as const;
type DataFile = (typeof FILES)[number];

const PAGE = 4096;
const damage = {
  'garbage (random bytes)': (file: string) => writeFileSync(file, randomBytes(64 * 1024)),
  'truncated to half': (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2 / PAGE) * PAGE + 1000),
  'truncated to its header': (file: string) => truncateSync(file, 100),
  'one page zeroed': (file: string) => {
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(PAGE), 0, PAGE, 2 * PAGE);
    closeSync(fd);
  },
  'emptied (0 bytes)': (file: string) => writeFileSync(file, ''),
};
type Damage = keyof typeof damage;

/** What the API must say: which file, and what is wrong with it. */
const EXPECTED: Record<DataFile, Partial<Record<Damage, RegExp>>> = {
  'events.sqlite': {
    'garbage (random bytes)': /event log .*events\.sqlite is corrupt or not a SQLite database/,
    'truncated to half': /event log .*events\.sqlite is corrupt/,
    'truncated to its header': /event log .*events\.sqlite is corrupt/,
    'one page zeroed': /event log .*events\.sqlite is corrupt/,
    'emptied (0 bytes)': /event log \(.*events\.sqlite\) ends at position 0, but the read models \(.*read-models\.sqlite\) have read up to position \d+.*truncated or replaced/,
  },
  'read-models.sqlite': {
    'garbage (random bytes)': /read-model store .*read-models\.sqlite is corrupt or not a SQLite database/,
    'truncated to half': /read-model store .*read-models\.sqlite is corrupt/,
    'truncated to its header': /read-model store .*read-models\.sqlite is corrupt/,
    'one page zeroed': /read-model store .*read-models\.sqlite is corrupt/,
  },
  'keys.sqlite': {
    'garbage (random bytes)': /key store .*keys\.sqlite is corrupt or not a SQLite database/,
    'truncated to half': /key store .*keys\.sqlite is corrupt/,
    'truncated to its header': /key store .*keys\.sqlite is corrupt/,
    'one page zeroed': /key store .*keys\.sqlite is corrupt/,
    'emptied (0 bytes)': /key store \(.*keys\.sqlite\) has no key for person:.*which the event log .* was encrypted with/,
  },
};

const work = mkdtempSync(join(tmpdir(), 'crm-corrupt-'));
/** A data directory with a few hundred events, written by the API and closed cleanly (WAL checkpointed). */
let pristine: string;
/** The same log, as it was earlier: an out-of-date backup. */
let olderLog: string;

function copyOf(source: string, name: string): string {
  const dir = join(work, name.replace(/[^a-z0-9]+/gi, '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (const file of readdirSync(source)) copyFileSync(join(source, file), join(dir, file));
  return dir;
}

/** Starts the built API on `dataDir`; resolves with its exit code and output if it refuses, throws if it serves. */
async function refusedStart(dataDir: string): Promise<{ exitCode: number; output: string }> {
  let api: ApiProcess;
  try {
    api = await start(dataDir);
  } catch (error) {
    const message = (error as Error).message;
    const exited = /^API exited with (\d+) before it was ready:\n([\s\S]*)$/.exec(message);
    if (!exited) throw error;
    return { exitCode: Number(exited[1]), output: exited[2] };
  }
  await api.kill('SIGKILL');
  throw new Error(`the API served /health on ${dataDir}:\n${api.output().slice(-2000)}`);
}

/** Runs `tasks` at most `limit` at a time. */
async function inBatches<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

/** Every API this file starts, so none outlives a failed test. */
const started: ApiProcess[] = [];
const start = async (dataDir: string) => {
  const api = await startApiProcess(dataDir);
  started.push(api);
  return api;
};

beforeAll(async () => {
  pristine = join(work, 'pristine');
  const api = await start(pristine);
  const schoolId = await created(api.http, '/organisations', { name: 'Clusius College', kind: 'school', levels: ['vo'] });
  const companyId = await created(api.http, '/organisations', { name: 'Agrifirm Noord', kind: 'company' });
  const teacherId = await created(api.http, '/people', { organisationId: schoolId, name: 'Fatima el Amrani', email: 'f.elamrani@clusius.nl', role: 'docent', tier: 'operational' });
  const partnershipId = await created(api.http, '/partnerships', { schoolId, partnerId: companyId, levels: ['vmbo'], intensity: 'placement', openedAt: daysAgo(300) });
  for (let i = 0; i < 60; i++) {
    await created(api.http, '/people', { organisationId: companyId, name: `Medewerker ${i} ${'x'.repeat(150)}`, role: 'medewerker', tier: 'operational' });
    await created(api.http, `/partnerships/${partnershipId}/interactions`, { kind: 'call', initiatedBy: 'school', occurredAt: daysAgo(250 - i), participantIds: [teacherId], summary: `gesprek ${i} ${'y'.repeat(300)}` });
  }
  await api.kill('SIGTERM');
  olderLog = join(work, 'older-events.sqlite');
  copyFileSync(join(pristine, 'events.sqlite'), olderLog);
  // a little more history, so the log above is an older copy of this one
  const again = await start(pristine);
  for (let i = 0; i < 5; i++) await created(again.http, '/organisations', { name: `Gemeente ${i}`, kind: 'government' });
  await again.http.get('/api/organisations').set('X-Min-Position', String((await again.http.get('/health')).body.eventStore.headPosition)).expect(200);
  await again.kill('SIGTERM');
  for (const file of FILES) expect(statSync(join(pristine, file)).size).toBeGreaterThan(4 * PAGE);
});
afterAll(async () => {
  await Promise.all(started.map((api) => api.kill('SIGKILL')));
  rmSync(work, { recursive: true, force: true });
});

describe('a damaged data file: the API exits non-zero naming the file, and never serves', () => {
  const cases = FILES.flatMap((file) => Object.entries(EXPECTED[file]).map(([how, expected]) => ({ file, how: how as Damage, expected: expected! })));

  it(`refuses each of ${cases.length} damaged files (garbage, truncated, a page zeroed, emptied)`, async () => {
    const outcomes = await inBatches(
      cases.map(({ file, how }) => async () => {
        const dir = copyOf(pristine, `${file}-${how}`);
        damage[how](join(dir, file));
        return refusedStart(dir).then(
          (refusal) => ({ file, how, ...refusal }),
          (error: Error) => ({ file, how, exitCode: -1, output: error.message }),
        );
      }),
      3,
    );
    const wrong = outcomes.filter((outcome, i) => outcome.exitCode < 1 || !cases[i].expected.test(outcome.output));
    expect(wrong.map(({ file, how, exitCode, output }) => `${file} ${how}: exit ${exitCode}\n${output.slice(0, 1500)}`)).toEqual([]);
  });

  it('an older copy of the log under newer read models is refused as truncated or replaced', async () => {
    const dir = copyOf(pristine, 'older-log');
    copyFileSync(olderLog, join(dir, 'events.sqlite'));
    const { exitCode, output } = await refusedStart(dir);
    expect(exitCode).toBe(1);
    expect(output).toMatch(/event log \(.*events\.sqlite\) ends at position \d+, but the read models .* have read up to position \d+/);
  });

  it('an emptied read-model file is rebuilt from the log: the API answers as before', async () => {
    const reference = await start(copyOf(pristine, 'reference'));
    const before = (await reference.http.get('/api/people').query({ limit: 200, asOf: '2030-01-01' }).expect(200)).body;
    await reference.kill('SIGTERM');

    const dir = copyOf(pristine, 'read-models-emptied');
    damage['emptied (0 bytes)'](join(dir, 'read-models.sqlite'));
    const api = await start(dir);
    try {
      const head = (await api.http.get('/health')).body.eventStore.headPosition;
      const after = (await api.http.get('/api/people').query({ limit: 200, asOf: '2030-01-01' }).set('X-Min-Position', String(head)).expect(200)).body;
      expect(after).toEqual(before);
      expect(after.items.length).toBeGreaterThan(60);
    } finally {
      await api.kill('SIGTERM');
    }
  });
});
