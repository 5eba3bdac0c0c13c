import autocannon from 'autocannon';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { searchWords } from '@crm/read-store';
import { ApiProcess, startApiProcess } from '../test/support/api-process';
import { REGION_UNTIL } from './region';

const execFileAsync = promisify(execFile);

/**
 * Projection rebuild from position 0 over a region's log, read as the product reads it (decrypting personal
 * data, upcasting): events/s and the peak RSS of the rebuild. The read models are written to a fresh read store
 * in `into` (a temporary folder by default; the region's own folder to leave them there for a cold start).
 *
 * The rebuild runs in a child process (bench/rebuild-child.ts): this process has usually generated a region or
 * served other benches already, and its RSS would count all of that as the rebuild's.
 */
export async function rebuildBench(dataDir: string, into?: string) {
  const work = into ?? mkdtempSync(join(tmpdir(), 'crm-bench-rebuild-'));
  for (const file of readdirSync(work)) if (file.startsWith('read-models.sqlite')) rmSync(join(work, file));
  try {
    const { stdout } = await execFileAsync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'rebuild-child.ts'), dataDir, work], {
      cwd: join(__dirname, '..'),
      maxBuffer: 16 * 2 ** 20,
    });
    const figures = JSON.parse(stdout.trim().split('\n').pop()!) as { events: number; seconds: number; 'events/s': number; 'on disk after s': number; 'peak RSS MiB': number };
    return { events: figures.events, seconds: figures.seconds, 'events/s': figures['events/s'], 'on disk after s': figures['on disk after s'], 'peak RSS MiB': figures['peak RSS MiB'] };
  } finally {
    if (!into) rmSync(work, { recursive: true, force: true });
  }
}

async function load(api: ApiProcess, paths: () => string, seconds: number, connections = 50) {
  const result = await autocannon({
    url: api.baseUrl,
    connections,
    duration: seconds,
    requests: [{ method: 'GET', headers: { authorization: api.authorization }, setupRequest: (req) => ({ ...req, path: paths() }) }],
  });
  return { 'requests/s': result.requests.average, 'p50 ms': result.latency.p50, 'p99 ms': result.latency.p99, errors: result.errors + result.non2xx };
}

/**
 * Starts the built API on a region's folder (log and persisted read models): time until /health answers 200, RSS at
 * rest; then pages of the audit trail, which the embedded store answers from disk: the newest, the next one (after
 * its cursor), and the newest of one partnership (a filter most entries fail).
 */
export async function coldStartBench(dataDir: string) {
  const started = Date.now();
  const api = await startApiProcess(dataDir);
  const ready = Date.now() - started;
  try {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const metrics = await (await fetch(`${api.baseUrl}/metrics`, { headers: { authorization: api.authorization } })).text();
    const rss = Number(/process_resident_memory_bytes (\d+)/.exec(metrics)?.[1] ?? NaN);
    const lag = Math.max(0, ...[...metrics.matchAll(/projection_lag_events\{[^}]*\} (\d+)/g)].map((m) => Number(m[1])));
    const auditPage = async (query: string) => {
      const at = performance.now();
      const response = await fetch(`${api.baseUrl}/api/audit?limit=50${query}`, { headers: { authorization: api.authorization } });
      if (response.status !== 200) throw new Error(`GET /api/audit?limit=50${query} answered ${response.status}`);
      const page = (await response.json()) as { nextCursor: string | null; items: { partnershipId: string | null }[] };
      return { ms: performance.now() - at, page };
    };
    const first = await auditPage('');
    const next = await auditPage(`&cursor=${encodeURIComponent(first.page.nextCursor ?? '')}`);
    const partnershipId = first.page.items.find((item) => item.partnershipId !== null)?.partnershipId;
    const ofOne = partnershipId ? await auditPage(`&partnership=${partnershipId}`) : undefined;
    return {
      'ready ms': ready,
      'RSS MiB at rest': rss / 2 ** 20,
      'projection lag (events)': lag,
      'first audit page ms': first.ms,
      'next audit page ms': next.ms,
      "a partnership's audit page ms": ofOne?.ms ?? NaN,
    };
  } finally {
    await api.kill('SIGTERM');
  }
}

/**
 * Text search (SPEC §3.6 R2) on a copy of a region's data: word queries made of the region's own names (two words of an
 * organisation's name, a person's first and last name), each asked once in turn so that no answer is a cached one,
 * under 10 connections. Searches read only index hits; the partnership list then computes the figures of its matches.
 */
export async function searchBench(dataDir: string, seconds: number) {
  const work = mkdtempSync(join(tmpdir(), 'crm-bench-search-'));
  cpSync(dataDir, work, { recursive: true });
  const api = await startApiProcess(work, undefined, {}, [], 180_000);
  try {
    return await searchLoad(api, seconds);
  } finally {
    await api.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

/** The searches of searchBench against a running API, each result named `<prefix>GET …`. */
export async function searchLoad(api: ApiProcess, seconds: number, prefix = '') {
  const names = async (path: string) =>
    ((await (await fetch(`${api.baseUrl}${path}`, { headers: { authorization: api.authorization } })).json()) as { items: { name: string }[] }).items.map((row) => row.name);
  // Two words of each name, the last first: "noord energiecooperatie".
  const organisationWords = (await names('/api/organisations?limit=200')).map(searchWords).filter((words) => words.length > 0).map((words) => [...words.slice(-1), ...words.slice(0, 1)].join(' '));
  const personWords = (await names('/api/people?limit=200')).map(searchWords).filter((words) => words.length > 1).map((words) => `${words[words.length - 1]} ${words[0]}`);
  let i = 0;
  const pick = (items: string[]) => encodeURIComponent(items[i++ % items.length]);
  return {
    [`${prefix}GET /partnerships?text=<two words>`]: await load(api, () => `/api/partnerships?text=${pick(organisationWords)}&asOf=2026-10-${String(1 + (i % 28)).padStart(2, '0')}`, seconds, 10),
    [`${prefix}GET /organisations?text=<two words>`]: await load(api, () => `/api/organisations?text=${pick(organisationWords)}`, seconds, 10),
    [`${prefix}GET /people?text=<last first>`]: await load(api, () => `/api/people?text=${pick(personWords)}`, seconds, 10),
  };
}

/** Starts the built API on a copy of a region's data (read models included) and measures query latency under 50 connections (and, for one partnership's health, under one). */
export async function apiReadBench(dataDir: string, seconds: number) {
  const work = mkdtempSync(join(tmpdir(), 'crm-bench-api-'));
  cpSync(dataDir, work, { recursive: true });
  const api = await startApiProcess(work);
  try {
    const list = async (path: string, id: string) =>
      ((await (await fetch(`${api.baseUrl}${path}`, { headers: { authorization: api.authorization } })).json()) as { items: Record<string, string>[] }).items.map((row) => row[id]);
    const partnershipIds = await list('/api/partnerships?limit=200', 'partnershipId');
    const personIds = await list('/api/people?limit=200', 'personId');
    let i = 0;
    const pick = <T>(items: T[]) => items[i++ % items.length];
    // The list's first screen (sorted by health, weakest first) at a day no request asked before, so never a kept answer:
    // what the first visitor of a day, or a manager travelling back in time, waits for.
    let daysBack = 0;
    const unaskedDay = () => new Date(Date.parse(REGION_UNTIL) - (daysBack++ % 365) * 86_400_000).toISOString().slice(0, 10);
    return {
      'GET /partnerships?limit=200 at a day not asked before, 1 connection': await load(api, () => `/api/partnerships?limit=200&asOf=${unaskedDay()}`, seconds, 1),
      'GET /partnerships/:id/health': await load(api, () => `/api/partnerships/${pick(partnershipIds)}/health`, seconds),
      'GET /partnerships/:id/health, 1 connection': await load(api, () => `/api/partnerships/${pick(partnershipIds)}/health`, seconds, 1),
      'GET /partnerships?status=at_risk&level=mbo': await load(api, () => '/api/partnerships?status=at_risk&level=mbo', seconds),
      'GET /reports/levels': await load(api, () => '/api/reports/levels', seconds),
      'GET /people/:id/exposure': await load(api, () => `/api/people/${pick(personIds)}/exposure`, seconds),
      'GET /partnerships?format=csv (all)': await load(api, () => '/api/partnerships?format=csv', seconds),
    };
  } finally {
    await api.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}
