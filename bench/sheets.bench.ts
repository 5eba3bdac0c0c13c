import { relationsSheet, relationsXlsx } from '@crm/generator';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, startApiProcess } from '../test/support/api-process';
import { searchLoad } from './read-side.bench';

/** The largest resident set the process has had (VmHWM), in MiB. */
function peakRssMiB(api: ApiProcess): number {
  const status = readFileSync(`/proc/${api.child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, (performance.now() - started) / 1000];
}

/** About 2,000 organisations (100 schools), 20,000 contact persons and 2,000 partnerships, one row per person. */
export const IMPORT_BENCH_SHEET = { seed: 'bench', schools: 95, partners: 1888, peoplePerPartner: [10, 11], secondSchoolShare: 0.05, until: new Date(Date.UTC(2026, 5, 30)) } as const;

/**
 * SPEC §8 import at scale, through the built API on an empty log: the xlsx uploaded as a dry run, then committed
 * (one append), then uploaded again (everything matched). Peak RSS of the API process bounds its memory. Then text
 * search on what it imported (about 20,000 people: issue 12 asks its cost at that size; the medium region has 4,000),
 * 5 s a search with 10 connections, as searchBench does.
 */
export async function importBench() {
  const rows = relationsSheet(IMPORT_BENCH_SHEET);
  const file = await relationsXlsx(rows);
  const work = mkdtempSync(join(tmpdir(), 'crm-bench-import-'));
  const api = await startApiProcess(work);
  try {
    const upload = async (dryRun: boolean) => {
      const form = new FormData();
      form.append('file', new Blob([file]), 'relaties.xlsx');
      const response = await fetch(`${api.baseUrl}/api/imports?dryRun=${dryRun}`, { method: 'POST', headers: { authorization: api.authorization }, body: form });
      const body = (await response.json()) as { summary?: Record<string, Record<string, number> | number>; code?: string; message?: string };
      if (response.status >= 300 && response.status !== 200) throw new Error(`import answered ${response.status}: ${body.code} ${body.message}`);
      return body.summary!;
    };
    const [summary, dryRunSeconds] = await timed(() => upload(true));
    const [, commitSeconds] = await timed(() => upload(false));
    const [again, againSeconds] = await timed(() => upload(true));
    const count = (part: unknown) => (part as Record<string, number>).created;
    const peakRss = peakRssMiB(api);
    const search = await searchLoad(api, 5, 'search after the import (20,000 people): ');
    return {
      'import xlsx (2,000 organisations, 20,000 people, 2,000 partnerships)': {
        rows: rows.length,
        'file MiB': file.length / 2 ** 20,
        organisations: count(summary.organisations),
        people: count(summary.people),
        partnerships: count(summary.partnerships),
        'dry run s': dryRunSeconds,
        'commit s': commitSeconds,
        'dry run + commit s': dryRunSeconds + commitSeconds,
        'again (all matched) s': againSeconds,
        'matched again': again.matched as number,
        'peak RSS MiB': peakRss,
      },
      ...search,
    };
  } finally {
    await api.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

/** Every partnership of the medium region as xlsx, each request for another asOf (so nothing is answered from a cache). */
export async function exportBench(dataDir: string, requests = 5) {
  const work = mkdtempSync(join(tmpdir(), 'crm-bench-export-'));
  cpSync(dataDir, work, { recursive: true });
  const api = await startApiProcess(work);
  try {
    const seconds: number[] = [];
    let bytes = 0;
    for (let i = 0; i < requests; i++) {
      const asOf = new Date(Date.UTC(2026, 9, 31 - i, 12)).toISOString();
      const [response, took] = await timed(async () => {
        const answer = await fetch(`${api.baseUrl}/api/partnerships?format=xlsx&asOf=${asOf}`, { headers: { authorization: api.authorization } });
        if (answer.status !== 200) throw new Error(`export answered ${answer.status}`);
        return Buffer.from(await answer.arrayBuffer());
      });
      seconds.push(took);
      bytes = response.length;
    }
    const sorted = [...seconds].sort((a, b) => a - b);
    return {
      'GET /partnerships?format=xlsx (medium region, all)': {
        'file KiB': bytes / 1024,
        'first ms': seconds[0] * 1000,
        'median ms': sorted[Math.floor(sorted.length / 2)] * 1000,
        'max ms': sorted[sorted.length - 1] * 1000,
      },
    };
  } finally {
    await api.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}
