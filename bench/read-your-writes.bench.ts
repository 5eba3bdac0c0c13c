import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiProcess } from '../test/support/api-process';
import { created } from '../test/support/fixtures';
import { percentile } from './percentile';

/**
 * Read-your-writes: one client records an interaction, then asks for the partnership's health with
 * `X-Min-Position` set to the position the command answered. The extra wait is what the API reports in
 * `Server-Timing: read-models;dur=…` (time until the read models had committed that position); beside it the
 * whole command-then-query round trip as the client sees it.
 */
export async function readYourWritesBench(options: { rounds: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-ryw-'));
  const api = await startApiProcess(dataDir);
  try {
    const http = api.http;
    const schoolId = await created(http, '/organisations', { name: 'Bench College', kind: 'school', levels: ['mbo'] });
    const partnerId = await created(http, '/organisations', { name: 'Bench Company', kind: 'company' });
    const teacherId = await created(http, '/people', { organisationId: schoolId, name: 'Bench Teacher', role: 'docent', tier: 'operational' });
    const partnershipId = await created(http, '/partnerships', { schoolId, partnerId, levels: ['mbo'], intensity: 'placement' });
    const headers = { 'content-type': 'application/json', authorization: api.authorization };
    const waits: number[] = [];
    const roundTrips: number[] = [];
    for (let i = 0; i < options.rounds; i++) {
      const started = performance.now();
      const written = await fetch(`${api.baseUrl}/api/partnerships/${partnershipId}/interactions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ interactionId: randomUUID(), kind: 'call', initiatedBy: 'school', participantIds: [teacherId] }),
      });
      const { position } = (await written.json()) as { position: number };
      const read = await fetch(`${api.baseUrl}/api/partnerships/${partnershipId}/health`, { headers: { ...headers, 'x-min-position': String(position) } });
      await read.arrayBuffer();
      if (read.status !== 200) throw new Error(`health answered ${read.status}`);
      roundTrips.push(performance.now() - started);
      waits.push(Number(/read-models;dur=([\d.]+)/.exec(read.headers.get('server-timing') ?? '')?.[1] ?? NaN));
    }
    return {
      'read-your-writes (command, then query with X-Min-Position)': {
        rounds: options.rounds,
        'extra wait p50 ms': percentile(waits, 50),
        'extra wait p99 ms': percentile(waits, 99),
        'command+query p50 ms': percentile(roundTrips, 50),
        'command+query p99 ms': percentile(roundTrips, 99),
      },
    };
  } finally {
    await api.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
