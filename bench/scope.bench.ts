import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchWords } from '@crm/read-store';
import { startApiProcess } from '../test/support/api-process';
import { testToken } from '../test/support/tokens';
import { closedLoad, closedLoadFigures, ClosedLoadRun } from './closed-load';
import { REGION_UNTIL } from './region';
import { SCOPE_RESULT_PREFIX } from './targets';

/** Unscoped with `school=` the scoped login's school: the same rows on both sides, the cost of the scope alone (no target). */
export const SAME_ROWS_RESULT_PREFIX = 'scope, same rows: ';

interface Pair {
  name: string;
  unscoped: (i: number) => string;
  scoped: (i: number) => string;
}

/**
 * Issue 15 item 8: what scope costs. On a copy of the medium region, each main list and report is asked by an admin
 * (every school: unscoped) and by a manager linked to a person of one school (scoped; the school with the most
 * partnerships, so the largest scoped answers), `seconds` a side under `connections` clients, in turns (see below).
 * Both ask the same path, so the comparison is like for like (same route, same filters) and judged per request
 * (bench/targets.ts); the scoped answer holds fewer rows (`rows`: of the whole answer, as its CSV export gives them).
 * Lists and reports whose answers are shared per second (FiguresCache) are measured twice: as dashboards ask them
 * (asOf now) and with a new asOf on every request, so that every answer is computed afresh.
 * `scope, same rows:` results have the admin also ask `school=` the manager's school: equal answers on both sides, the
 * cost of the scope alone (no target: the issue's is per route and filters).
 */
export async function scopeBench(dataDir: string, options: { seconds: number; connections: number }) {
  const work = mkdtempSync(join(tmpdir(), 'crm-bench-scope-'));
  cpSync(dataDir, work, { recursive: true });
  const api = await startApiProcess(work, undefined, {}, [], 180_000);
  try {
    const admin = api.authorization;
    const get = async <T>(path: string, authorization = admin): Promise<T> => {
      const response = await fetch(`${api.baseUrl}${path}`, { headers: { authorization } });
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
      return (path.includes('format=csv') ? await response.text() : await response.json()) as T;
    };

    // The school with the most partnerships, the names of its partners, and its person with the longest worklist.
    type Row = { partnershipId: string; school: { organisationId: string }; partner: { name: string | null }; levels: string[] };
    const partnerships: Row[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page: { items: Row[]; nextCursor: string | null } = await get(`/api/partnerships?limit=200&sort=openedAt${cursor ? `&cursor=${cursor}` : ''}`);
      partnerships.push(...page.items);
      cursor = page.nextCursor;
    }
    const perSchool = new Map<string, Row[]>();
    for (const row of partnerships) perSchool.set(row.school.organisationId, [...(perSchool.get(row.school.organisationId) ?? []), row]);
    const [schoolId, ofSchool] = [...perSchool].sort((a, b) => b[1].length - a[1].length)[0];
    const level = ofSchool[0].levels[0];
    const partnerWords = [...new Set(ofSchool.map((row) => row.partner.name ?? ''))]
      .map(searchWords)
      .filter((words) => words.length > 0)
      .map((words) => encodeURIComponent([...words.slice(-1), ...words.slice(0, 1)].join(' ')));
    const people = (await get<{ items: { personId: string; name: string }[] }>(`/api/people?organisation=${schoolId}&limit=200`)).items;
    const personWords = people.map((person) => searchWords(person.name)).filter((words) => words.length > 1).map((words) => encodeURIComponent(`${words[words.length - 1]} ${words[0]}`));
    let personId = people[0].personId;
    let longest = -1;
    for (const person of people) {
      const items = (await get<{ items: unknown[] }>(`/api/worklist?personId=${person.personId}`)).items.length;
      if (items > longest) [personId, longest] = [person.personId, items];
    }
    const scoped = `Bearer ${testToken(['manager'], 'bench-scoped-manager', { personId })}`;
    const me = await get<{ scope: { schoolIds?: string[] } }>('/api/me', scoped);
    if (JSON.stringify(me.scope.schoolIds) !== JSON.stringify([schoolId])) throw new Error(`the scoped login sees ${JSON.stringify(me.scope)}, not school ${schoolId}`);

    // A new instant on every request (one second apart, 3,600 of them): more than the figures cache keeps, so none is a cached answer.
    const freshAsOf = (i: number) => new Date(Date.parse(REGION_UNTIL) - 3_600_000 + (i % 3600) * 1000).toISOString();
    const cycle = (items: string[]) => (i: number) => items[i % items.length];
    const and = (path: string, param: string) => `${path}${path.includes('?') ? '&' : '?'}${param}`;
    const same = (name: string, path: (i: number) => string): Pair => ({ name, unscoped: path, scoped: path });
    const shared = (name: string, path: (i: number) => string): Pair[] => [
      same(`${name}, asOf now`, path),
      same(`${name}, a new asOf each request`, (i) => and(path(i), `asOf=${freshAsOf(i)}`)),
    ];
    const partnerWord = cycle(partnerWords);
    const personWord = cycle(personWords);
    const pairs: Pair[] = [
      ...shared('GET /partnerships', () => '/api/partnerships'),
      ...shared(`GET /partnerships?level=${level}&stage=active`, () => `/api/partnerships?level=${level}&stage=active`),
      ...shared('GET /partnerships?text=<two words>', (i) => `/api/partnerships?text=${partnerWord(i)}`),
      same('GET /organisations', () => '/api/organisations'),
      same('GET /organisations?kind=company', () => '/api/organisations?kind=company'),
      same('GET /organisations?text=<two words>', (i) => `/api/organisations?text=${partnerWord(i)}`),
      same('GET /people', () => '/api/people'),
      same('GET /people?text=<last first>', (i) => `/api/people?text=${personWord(i)}`),
      same('GET /worklist?personId=<the scoped person>', () => `/api/worklist?personId=${personId}`),
      ...shared('GET /reports/levels', () => '/api/reports/levels'),
      ...shared('GET /reports/key-person-risk', () => '/api/reports/key-person-risk'),
    ].map((pair) => ({ ...pair, name: `${SCOPE_RESULT_PREFIX}${pair.name}` }));
    const sameRows = (name: string, path: string): Pair => ({
      name: `${SAME_ROWS_RESULT_PREFIX}${name}, a new asOf each request`,
      unscoped: (i) => and(and(path, `school=${schoolId}`), `asOf=${freshAsOf(i)}`),
      scoped: (i) => and(path, `asOf=${freshAsOf(i)}`),
    });
    pairs.push(
      sameRows('GET /partnerships', '/api/partnerships'),
      sameRows(`GET /partnerships?level=${level}&stage=active`, `/api/partnerships?level=${level}&stage=active`),
      sameRows('GET /reports/levels', '/api/reports/levels'),
      sameRows('GET /reports/key-person-risk', '/api/reports/key-person-risk'),
    );

    /** Rows of the whole answer (its CSV export), on average over the first ten distinct paths. */
    const rows = async (path: (i: number) => string, authorization: string) => {
      const paths = [...new Set(Array.from({ length: 10 }, (_, i) => path(i)))];
      let total = 0;
      for (const asked of paths) total += csvRecords(await get<string>(and(asked, 'format=csv'), authorization));
      return total / paths.length;
    };
    const run = async (path: () => string, authorization: string): Promise<ClosedLoadRun> => {
      const result = await closedLoad({ baseUrl: api.baseUrl, connections: options.connections, seconds: options.seconds / 2, path, headers: { authorization }, serverPid: api.child.pid });
      if (result.errors > 0) throw new Error(`${result.errors} of ${result.latencies.length} requests failed`);
      return result;
    };

    const results: Record<string, Record<string, number>> = {};
    for (const pair of pairs) {
      // A first answer each (and the shared read of the region) outside the measurement.
      await get(pair.unscoped(0), admin);
      await get(pair.scoped(0), scoped);
      // Unscoped, scoped, scoped, unscoped (half the time each): a change in the machine's other load meanwhile
      // weighs on both sides alike.
      // Each side's requests are numbered on from its first answer's, so a second run asks no asOf the first asked.
      const runs = { unscoped: [] as ClosedLoadRun[], scoped: [] as ClosedLoadRun[] };
      const asked = { unscoped: 1, scoped: 1 };
      for (const side of ['unscoped', 'scoped', 'scoped', 'unscoped'] as const) {
        runs[side].push(await run(() => pair[side](asked[side]++), side === 'scoped' ? scoped : admin));
      }
      const [u, s] = [closedLoadFigures(runs.unscoped), closedLoadFigures(runs.scoped)];
      results[pair.name] = {
        'unscoped rows': await rows(pair.unscoped, admin),
        'scoped rows': await rows(pair.scoped, scoped),
        'unscoped p50 ms': u['p50 ms'],
        'scoped p50 ms': s['p50 ms'],
        'unscoped p99 ms': u['p99 ms'],
        'scoped p99 ms': s['p99 ms'],
        'unscoped requests/s': u['requests/s'],
        'scoped requests/s': s['requests/s'],
        'unscoped CPU ms/request': u['CPU ms/request'],
        'scoped CPU ms/request': s['CPU ms/request'],
        'p50 ratio': s['p50 ms'] / u['p50 ms'],
        'p99 ratio': s['p99 ms'] / u['p99 ms'],
        'requests/s ratio': s['requests/s'] / u['requests/s'],
        'CPU ratio': s['CPU ms/request'] / u['CPU ms/request'],
      };
      console.log(`  ${pair.name}: p50 ${u['p50 ms'].toFixed(2)} → ${s['p50 ms'].toFixed(2)} ms, CPU ${u['CPU ms/request'].toFixed(2)} → ${s['CPU ms/request'].toFixed(2)} ms/request`);
    }
    return results;
  } finally {
    await api.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

/** Records in a CSV text after its header: line ends outside quoted cells. */
function csvRecords(csv: string): number {
  let lines = 0;
  let quoted = false;
  for (const char of csv.trimEnd()) {
    if (char === '"') quoted = !quoted;
    else if (char === '\n' && !quoted) lines++;
  }
  return lines;
}
