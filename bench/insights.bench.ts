import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startApiProcess } from '../test/support/api-process';
import { percentile } from './percentile';

/** The insight reports (SPEC §3.8), each asked over the whole region. */
const REPORTS = ['/api/reports/partner-load', '/api/reports/departures', '/api/reports/start-up', '/api/reports/recurring-cooperation', '/api/reports/levels'];

/**
 * Each insight report computed afresh on the medium region: one request after the other, each for another asOf (a
 * day apart), so that no answer comes from the figures cache; the latency a first asker waits.
 */
export async function insightsBench(dataDir: string, until: string, rounds: number) {
  const work = mkdtempSync(join(tmpdir(), 'crm-bench-insights-'));
  cpSync(dataDir, work, { recursive: true });
  // Readiness may take long on a machine shared with other work; the figures below are what is measured.
  const api = await startApiProcess(work, undefined, {}, 180_000);
  try {
    const results: Record<string, Record<string, unknown>> = {};
    for (const path of REPORTS) {
      const times: number[] = [];
      let errors = 0;
      for (let round = 0; round < rounds; round++) {
        const asOf = new Date(Date.parse(until) - round * 86_400_000).toISOString();
        const started = performance.now();
        const response = await fetch(`${api.baseUrl}${path}?asOf=${asOf}`, { headers: { authorization: api.authorization } });
        await response.arrayBuffer();
        times.push(performance.now() - started);
        if (!response.ok) errors += 1;
      }
      results[`GET ${path.replace('/api', '')} (uncached)`] = { 'p50 ms': percentile(times, 50), 'max ms': Math.max(...times), rounds, errors };
    }
    return results;
  } finally {
    await api.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}
