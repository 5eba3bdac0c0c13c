import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiProcess } from '../test/support/api-process';
import { created, daysAgo } from '../test/support/fixtures';
import { percentile } from './percentile';
import { cpuMs } from './process-cpu';

const SIZES = [10, 100, 1000];
const HISTORY_DAYS = 3 * 365;
const ROUTES = ['', '/health', '/continuity', '/key-person-risk'];
/** Contacts recorded one at a time on each partnership, for the API's CPU time per command (its projection included). */
const COMMANDS = 300;

/**
 * Issue 17 item 4: a partnership's own figures cost what is asked, not how long its history is. Three partnerships
 * alike but for their number of touchpoints (10, 100, 1,000 contacts spread over three years, both sides taking part)
 * are asked the same single-partnership queries one request at a time, the sizes interleaved so that drift of the
 * machine falls on all of them. The ratio is the 1,000-touchpoint p50 over the 10-touchpoint p50, per route.
 */
export async function touchpointScalingBench(options: { rounds: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-touchpoints-'));
  let api = await startApiProcess(dataDir);
  try {
    let http = api.http;
    const schoolId = await created(http, '/organisations', { name: 'Bench College', kind: 'school', levels: ['mbo'] });
    const teacherId = await created(http, '/people', { organisationId: schoolId, name: 'Bench Teacher', role: 'docent', tier: 'operational' });
    const ids: string[] = [];
    let position = 0;
    for (const size of SIZES) {
      const partnerId = await created(http, '/organisations', { name: `Company ${size}`, kind: 'company' });
      const contactId = await created(http, '/people', { organisationId: partnerId, name: `Contact ${size}`, role: 'hr', tier: 'operational' });
      const id = await created(http, '/partnerships', { schoolId, partnerId, levels: ['mbo'], intensity: 'placement', openedAt: daysAgo(HISTORY_DAYS + 1) });
      for (const [side, personId] of [['school', teacherId], ['partner', contactId]]) {
        const assigned = await http.post(`/api/partnerships/${id}/contacts`).send({ side, personId, role: 'primary', at: daysAgo(HISTORY_DAYS) });
        if (assigned.status >= 300) throw new Error(`assigning a contact answered ${assigned.status}`);
      }
      for (let i = 0; i < size; i++) {
        const occurredAt = daysAgo(HISTORY_DAYS - ((i + 1) * HISTORY_DAYS) / (size + 1));
        const recorded = await http.post(`/api/partnerships/${id}/interactions`).send({
          interactionId: randomUUID(),
          kind: 'call',
          initiatedBy: i % 2 ? 'school' : 'partner',
          participantIds: [teacherId, contactId],
          occurredAt,
        });
        if (recorded.status !== 201) throw new Error(`recording a contact answered ${recorded.status}`);
        position = recorded.body.position as number;
      }
      ids.push(id);
    }

    const timings = new Map<string, number[]>();
    // The first question waits until the read models hold every touchpoint; the timed ones need not wait.
    await (await fetch(`${api.baseUrl}/api/partnerships/${ids[0]}`, { headers: { authorization: api.authorization, 'x-min-position': String(position) } })).arrayBuffer();
    const ask = async (path: string) => {
      const started = performance.now();
      const response = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: api.authorization } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
      return performance.now() - started;
    };
    for (let round = -20; round < options.rounds; round++) {
      for (const route of ROUTES) {
        for (const [i, size] of SIZES.entries()) {
          const ms = await ask(`/api/partnerships/${ids[i]}${route}`);
          if (round < 0) continue; // warm-up
          const key = `${route || '/'} ${size}`;
          timings.set(key, [...(timings.get(key) ?? []), ms]);
        }
      }
    }

    const results: Record<string, Record<string, unknown>> = {};
    // After a restart, the first command on a partnership folds its whole stream into the decider's state.
    await api.kill('SIGTERM');
    api = await startApiProcess(dataDir);
    http = api.http;
    const firstCommand: Record<string, number> = {};
    for (const [i, size] of SIZES.entries()) {
      const started = performance.now();
      const recorded = await http.post(`/api/partnerships/${ids[i]}/interactions`).send({ kind: 'email', initiatedBy: 'school', participantIds: [teacherId] });
      if (recorded.status !== 201) throw new Error(`recording a contact answered ${recorded.status}`);
      firstCommand[`ms ${size}`] = performance.now() - started;
    }
    results['POST /partnerships/:id/interactions by touchpoints, first after a restart'] = firstCommand;

    // A command's own latency is mostly the log's fsync; what a long history could add is CPU: deciding, and
    // projecting the partnership it changes (committed one command at a time here, the worst case).
    const commandCpu: Record<string, number> = {};
    for (const [i, size] of SIZES.entries()) {
      const before = cpuMs(api.child.pid);
      let position = 0;
      for (let k = 0; k < COMMANDS; k++) {
        const recorded = await http
          .post(`/api/partnerships/${ids[i]}/interactions`)
          .send({ interactionId: randomUUID(), kind: 'email', initiatedBy: 'school', participantIds: [teacherId] });
        if (recorded.status !== 201) throw new Error(`recording a contact answered ${recorded.status}`);
        position = recorded.body.position as number;
      }
      await (await fetch(`${api.baseUrl}/api/partnerships/${ids[i]}`, { headers: { authorization: api.authorization, 'x-min-position': String(position) } })).arrayBuffer();
      commandCpu[`CPU ms ${size}`] = (cpuMs(api.child.pid) - before) / COMMANDS;
    }
    commandCpu['ratio 1000/10'] = commandCpu['CPU ms 1000'] / commandCpu['CPU ms 10'];
    results['POST /partnerships/:id/interactions by touchpoints (API CPU per command)'] = commandCpu;
    for (const route of ROUTES) {
      const name = `GET /partnerships/:id${route} by touchpoints`;
      const figures: Record<string, number> = {};
      for (const size of SIZES) {
        const values = timings.get(`${route || '/'} ${size}`) ?? [];
        figures[`p50 ms ${size}`] = percentile(values, 50);
        figures[`p99 ms ${size}`] = percentile(values, 99);
      }
      figures['ratio 1000/10'] = figures['p50 ms 1000'] / figures['p50 ms 10'];
      results[name] = figures;
    }
    return results;
  } finally {
    await api.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
