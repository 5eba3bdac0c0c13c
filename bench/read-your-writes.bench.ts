import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiProcess } from '../test/support/api-process';
import { created } from '../test/support/fixtures';
import { openLoad } from './open-load';
import { percentile } from './percentile';

/**
 * Read-your-writes: one client records an interaction, then asks for the partnership's health with
 * `X-Min-Position` set to the position the command answered. The extra wait is what the API reports in
 * `Server-Timing: read-models;dur=…` (time until the read models had committed that position); beside it the
 * whole command-then-query round trip as the client sees it. Then the same while commands on other partnerships
 * arrive at a constant rate (open model), as when colleagues are busy.
 */
export async function readYourWritesBench(options: { rounds: number; busyRates: number[]; busySeconds: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-ryw-'));
  const api = await startApiProcess(dataDir);
  try {
    const http = api.http;
    const schoolId = await created(http, '/organisations', { name: 'Bench College', kind: 'school', levels: ['mbo'] });
    const partnerId = await created(http, '/organisations', { name: 'Bench Company', kind: 'company' });
    const teacherId = await created(http, '/people', { organisationId: schoolId, name: 'Bench Teacher', role: 'docent', tier: 'operational' });
    const partnershipId = await created(http, '/partnerships', { schoolId, partnerId, levels: ['mbo'], intensity: 'placement' });
    const headers = { 'content-type': 'application/json', authorization: api.authorization };
    const contact = () => JSON.stringify({ interactionId: randomUUID(), kind: 'call', initiatedBy: 'school', participantIds: [teacherId] });

    /** One round: the command, then the query that must see it. */
    const round = async (waits: number[], roundTrips: number[]) => {
      const started = performance.now();
      const written = await fetch(`${api.baseUrl}/api/partnerships/${partnershipId}/interactions`, { method: 'POST', headers, body: contact() });
      const { position } = (await written.json()) as { position: number };
      const read = await fetch(`${api.baseUrl}/api/partnerships/${partnershipId}/health`, { headers: { ...headers, 'x-min-position': String(position) } });
      await read.arrayBuffer();
      if (read.status !== 200) throw new Error(`health answered ${read.status}`);
      roundTrips.push(performance.now() - started);
      waits.push(Number(/read-models;dur=([\d.]+)/.exec(read.headers.get('server-timing') ?? '')?.[1] ?? NaN));
    };
    const figures = (waits: number[], roundTrips: number[]) => ({
      rounds: waits.length,
      'extra wait p50 ms': percentile(waits, 50),
      'extra wait p99 ms': percentile(waits, 99),
      'extra wait max ms': Math.max(...waits),
      'command+query p50 ms': percentile(roundTrips, 50),
      'command+query p99 ms': percentile(roundTrips, 99),
    });

    const results: Record<string, Record<string, unknown>> = {};
    const waits: number[] = [];
    const roundTrips: number[] = [];
    for (let i = 0; i < options.rounds; i++) await round(waits, roundTrips);
    results['read-your-writes (command, then query with X-Min-Position)'] = figures(waits, roundTrips);

    // The same user while others keep the API busy: commands on 200 other partnerships at a constant rate, a round
    // every 50 ms beside them. Read models commit while commands keep arriving (ProjectionRunner's liveLagMs).
    const others: string[] = [];
    for (let i = 0; i < 200; i++) {
      const other = await created(http, '/organisations', { name: `Other Company ${i}`, kind: 'company' });
      others.push(await created(http, '/partnerships', { schoolId, partnerId: other, levels: ['mbo'], intensity: 'placement' }));
    }
    for (const rate of options.busyRates) {
      const busy: number[] = [];
      const busyTrips: number[] = [];
      let done = false;
      const load = openLoad({
        baseUrl: api.baseUrl,
        rate,
        seconds: options.busySeconds,
        request: (i) => ({ method: 'POST', path: `/api/partnerships/${others[i % others.length]}/interactions`, headers, body: contact() }),
      }).finally(() => (done = true));
      while (!done) {
        await round(busy, busyTrips);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const background = await load;
      results[`read-your-writes while ${rate} commands/s arrive`] = { ...figures(busy, busyTrips), 'background achieved/s': background['achieved/s'], 'background errors': background.errors };
    }
    return results;
  } finally {
    await api.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
