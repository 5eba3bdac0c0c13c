import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createProtectedEventStore } from '@crm/privacy';
import {
  addDays,
  ALL_PROJECTIONS,
  departuresReport,
  levelsReport,
  OrganisationFacts,
  partnerLoadReport,
  PartnershipFacts,
  PersonFacts,
  ProjectionEngine,
  recurringCooperation,
  startUpReport,
} from '@crm/read-models';
import { createReadStore } from '@crm/read-store';
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
  const api = await startApiProcess(work, undefined, {}, [], 180_000);
  try {
    const results: Record<string, Record<string, unknown>> = {};
    for (const path of REPORTS) {
      const times: number[] = [];
      let errors = 0;
      // Round -1 (a day after `until`, never measured) warms the process: the shared read context and the JIT.
      for (let round = -1; round < rounds; round++) {
        const asOf = new Date(Date.parse(until) - round * 86_400_000).toISOString();
        const started = performance.now();
        const response = await fetch(`${api.baseUrl}${path}?asOf=${asOf}`, { headers: { authorization: api.authorization } });
        await response.arrayBuffer();
        if (round >= 0) times.push(performance.now() - started);
        if (!response.ok) errors += 1;
      }
      results[`GET ${path.replace('/api', '')} (uncached)`] = { 'p50 ms': percentile(times, 50), 'p99 ms': percentile(times, 99), 'max ms': Math.max(...times), rounds, errors };
    }
    return results;
  } finally {
    await api.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The same reports' formulas run in this process over the region's read models, timed in CPU time (user + system)
 * rather than wall-clock: on a machine shared with other work, the wall-clock figures above mostly measure the wait
 * for a core; this is what one computation costs. Each for 15 asOf dates a day apart, as above.
 */
export async function insightsCpuBench(dataDir: string, until: string, rounds: number) {
  const events = (await createProtectedEventStore({ dataDir })).events;
  const store = await createReadStore({ dataDir });
  const engine = new ProjectionEngine(events, store, ALL_PROJECTIONS);
  await engine.start();
  try {
    await engine.whenCaughtUp();
    const partnerships = await store.find<PartnershipFacts>(engine.collection('partnerships'));
    const peopleById = new Map((await store.find<PersonFacts>(engine.collection('people'))).map((person) => [person.personId, person]));
    const organisationsById = new Map((await store.find<OrganisationFacts>(engine.collection('organisations'))).map((org) => [org.organisationId, org]));
    const people = (id: string) => peopleById.get(id);
    const organisations = (id: string) => organisationsById.get(id);
    const reports: Record<string, (asOf: string) => unknown> = {
      'partner load': (asOf) => partnerLoadReport(partnerships, people, organisations, asOf),
      'departures (365 days)': (asOf) => departuresReport(partnerships, people, asOf, { from: addDays(asOf, -365), to: asOf }),
      'start-up': (asOf) => startUpReport(partnerships, asOf),
      'recurring cooperation': (asOf) => partnerships.map((facts) => recurringCooperation(facts, asOf)),
      levels: (asOf) => levelsReport(partnerships, people, organisations, asOf),
    };
    const results: Record<string, Record<string, unknown>> = {};
    for (const [name, compute] of Object.entries(reports)) {
      const times: number[] = [];
      // Round -1 (a day after `until`, never measured) warms the JIT, as in a running API.
      for (let round = -1; round < rounds; round++) {
        const asOf = new Date(Date.parse(until) - round * 86_400_000).toISOString();
        const started = process.cpuUsage();
        compute(asOf);
        const used = process.cpuUsage(started);
        if (round >= 0) times.push((used.user + used.system) / 1000);
      }
      results[`${name}, formula CPU time, medium region`] = { 'p50 ms': percentile(times, 50), 'p99 ms': percentile(times, 99), 'max ms': Math.max(...times), partnerships: partnerships.length };
    }
    return results;
  } finally {
    await engine.stop();
    await store.close();
    await events.close();
  }
}
