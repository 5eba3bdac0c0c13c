import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, startApiProcess } from '../test/support/api-process';
import { created } from '../test/support/fixtures';
import { openLoad, OpenLoadRequest } from './open-load';

const FRACTIONS = [0.25, 0.5, 0.75];

/** Requests/s at saturation: a closed model (autocannon) with many connections, as the throughput benches measure it. */
async function saturation(api: ApiProcess, next: () => OpenLoadRequest, seconds: number, connections: number): Promise<number> {
  const first = next();
  const result = await autocannon({
    url: api.baseUrl,
    connections,
    duration: seconds,
    requests: [{ method: first.method, headers: first.headers, setupRequest: (req) => ({ ...req, ...next() }) }],
  });
  return result.requests.average;
}

/** Waits until the read models have caught up with the log (a query with X-Min-Position of a fresh command's position). */
async function settle(api: ApiProcess, command: () => OpenLoadRequest, query: () => OpenLoadRequest) {
  const { path, headers, body } = command();
  const written = await fetch(`${api.baseUrl}${path}`, { method: 'POST', headers, body });
  const { position } = (await written.json()) as { position: number };
  for (let tries = 0; tries < 60; tries++) {
    const read = await fetch(`${api.baseUrl}${query().path}`, { headers: { ...query().headers, 'x-min-position': String(position) } });
    await read.arrayBuffer();
    if (read.status === 200) return;
  }
  throw new Error(`the read models did not reach position ${position}`);
}

/**
 * Latency at fixed offered loads (issue 17): what a user waits at a realistic load rather than at saturation. The
 * saturation rate of commands (POST interactions) and of a single-partnership query (GET health) is measured first,
 * then each is offered at a constant rate of 25 %, 50 % and 75 % of it, and at 1,000/s, by an open-model generator
 * with coordinated-omission correction (bench/open-load.ts). The read models are let catch up between phases.
 */
export async function fixedLoadBench(options: { partnerships: number; seconds: number; connections: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-fixed-'));
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
    let n = 0;
    const command = (): OpenLoadRequest => ({
      method: 'POST',
      path: `/api/partnerships/${partnershipIds[n++ % partnershipIds.length]}/interactions`,
      headers: { 'content-type': 'application/json', authorization: api.authorization },
      body: JSON.stringify({ interactionId: randomUUID(), kind: 'call', initiatedBy: 'school', participantIds: [teacherId] }),
    });
    const query = (): OpenLoadRequest => ({
      method: 'GET',
      path: `/api/partnerships/${partnershipIds[n++ % partnershipIds.length]}/health`,
      headers: { authorization: api.authorization },
    });

    const results: Record<string, Record<string, unknown>> = {};
    for (const [name, next] of [
      ['POST /partnerships/:id/interactions', command],
      ['GET /partnerships/:id/health', query],
    ] as const) {
      await settle(api, command, query);
      const saturated = await saturation(api, next, options.seconds, options.connections);
      results[`${name}, saturation (${options.connections} connections)`] = { 'requests/s': saturated };
      const rates = [...FRACTIONS.map((fraction) => ({ label: `${fraction * 100} % of saturation`, rate: Math.round(saturated * fraction) })), { label: '1,000/s', rate: 1000 }];
      for (const { label, rate } of rates) {
        await settle(api, command, query);
        results[`${name} at ${label}`] = { ...(await openLoad({ baseUrl: api.baseUrl, rate, seconds: options.seconds, request: () => next() })) };
      }
    }
    return results;
  } finally {
    await api.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
