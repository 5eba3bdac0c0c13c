import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiProcess } from '../test/support/api-process';
import { created } from '../test/support/fixtures';

/** POST /partnerships/:id/interactions spread over many partnerships, from this process against the API in another. */
export async function httpCommandBench(options: { partnerships: number; connections: number; seconds: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-http-'));
  const api = await startApiProcess(dataDir);
  try {
    const http = api.http;
    const schoolId = await created(http, '/organisations', { name: 'Bench College', kind: 'school', levels: ['mbo'] });
    const teacherId = await created(http, '/people', { organisationId: schoolId, name: 'Bench Teacher', role: 'docent', tier: 'operational' });
    const partnershipIds: string[] = [];
    for (let i = 0; i < options.partnerships; i++) {
      const partnerId = await created(http, '/organisations', { name: `Company ${i}`, kind: 'company' });
      partnershipIds.push(await created(http, '/partnerships', { schoolId, partnerId, levels: ['mbo'], intensity: 'placement' }));
    }
    let next = 0;
    const result = await autocannon({
      url: api.baseUrl,
      connections: options.connections,
      duration: options.seconds,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: api.authorization },
          setupRequest: (req) => ({
            ...req,
            path: `/api/partnerships/${partnershipIds[next++ % partnershipIds.length]}/interactions`,
            body: JSON.stringify({ interactionId: randomUUID(), kind: 'call', initiatedBy: 'school', participantIds: [teacherId] }),
          }),
        },
      ],
    });
    return {
      'HTTP POST interactions': {
        'requests/s': result.requests.average,
        'p50 ms': result.latency.p50,
        'p99 ms': result.latency.p99,
        errors: result.errors + result.non2xx,
        total: result.requests.total,
      },
    };
  } finally {
    await api.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
