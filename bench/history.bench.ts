import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiProcess } from '../test/support/api-process';
import { percentile } from './percentile';
import { cpuMs } from './process-cpu';
import { untilStartUpScanEnded } from './start-up-scan';

/** The last day of the generated regions (bench/region.ts): histories end there. */
const TO = '2026-11-01';


/**
 * SPEC §3.7 budgets: one partnership's health over three years by week (well under 50 ms) and the levels history
 * over 24 months of the medium region (under 1 s). Requests one at a time against the built API on a copy of the
 * region; every request asks a question not asked before (another partnership, another `to`), so no answer comes
 * from the figures cache. Measured once the start-up event log scan has ended (untilStartUpScanEnded). Besides wall
 * time, each request's CPU time in the API process (Linux /proc): on a machine shared with other work, wall time counts
 * the waits for a core too.
 */
export async function historyBench(dataDir: string, options: { partnerships: number; levelsRounds: number }) {
  const work = mkdtempSync(join(tmpdir(), 'crm-bench-history-'));
  cpSync(dataDir, work, { recursive: true });
  const api = await startApiProcess(work);
  try {
    await untilStartUpScanEnded(api.baseUrl);
    const timed = async (path: string) => {
      const cpuBefore = cpuMs(api.child.pid);
      const started = performance.now();
      const response = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: api.authorization } });
      const body = (await response.json()) as { steps?: unknown[] };
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
      return { ms: performance.now() - started, cpu: cpuMs(api.child.pid) - cpuBefore, steps: body.steps?.length ?? 0 };
    };
    const page = (await (await fetch(`${api.baseUrl}/api/partnerships?limit=200&sort=openedAt&asOf=${TO}`, { headers: { authorization: api.authorization } })).json()) as {
      items: { partnershipId: string }[];
    };
    const ids = page.items.slice(0, options.partnerships).map((row) => row.partnershipId);
    const weekly = [];
    for (const id of ids) weekly.push(await timed(`/api/partnerships/${id}/health/history?from=2023-11-01&to=${TO}&every=week`));
    const monthly = [];
    for (let round = 0; round < options.levelsRounds; round++) {
      const to = new Date(Date.parse(`${TO}T00:00:00Z`) - round * 86_400_000).toISOString().slice(0, 10);
      const from = `${Number(to.slice(0, 4)) - 2}${to.slice(4)}`;
      monthly.push(await timed(`/api/reports/levels/history?from=${from}&to=${to}&every=month`));
    }
    const figures = (runs: { ms: number; cpu: number; steps: number }[]) => {
      const ms = runs.map((run) => run.ms);
      const cpu = runs.map((run) => run.cpu);
      return {
        requests: runs.length,
        steps: runs[0]?.steps,
        'p50 ms': percentile(ms, 50),
        'p99 ms': percentile(ms, 99),
        'max ms': Math.max(...ms),
        'CPU p50 ms': percentile(cpu, 50),
        'CPU max ms': Math.max(...cpu),
      };
    };
    return {
      'GET /partnerships/:id/health/history, 3 years by week': figures(weekly),
      'GET /reports/levels/history, 24 months, medium region': figures(monthly),
    };
  } finally {
    await api.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}
