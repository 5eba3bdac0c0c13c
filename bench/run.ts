/* eslint-disable no-console */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { appendBench } from './append.bench';
import { historyBench } from './history.bench';
import { fixedLoadBench } from './fixed-load.bench';
import { httpCommandBench } from './http-commands.bench';
import { liveBurstBench } from './live-burst.bench';
import { readYourWritesBench } from './read-your-writes.bench';
import { apiReadBench, coldStartBench, rebuildBench, searchBench } from './read-side.bench';
import { insightsBench, insightsCpuBench } from './insights.bench';
import { REGION_UNTIL, regionDataDir } from './region';
import { scopeBench } from './scope.bench';
import { exportBench, importBench } from './sheets.bench';
import { checkTargets } from './targets';
import { touchpointScalingBench } from './touchpoint-scaling.bench';
import { webBench } from './web.bench';

const round = (value: unknown) => (typeof value === 'number' ? Math.round(value * 100) / 100 : value);

/** `npm run bench -- --only rebuild,queries` runs only those parts (keys: append, commands, fixed-load, touchpoints, ryw, queries, search, scope, history, insights, insights-cpu, rebuild, rebuild-medium, live-burst, cold-start, import, export, web). */
const only = (() => {
  const at = process.argv.indexOf('--only');
  return at === -1 ? undefined : new Set(process.argv[at + 1]?.split(','));
})();

/** Runs one measurement; a failure is recorded in the results instead of ending the run. */
async function measure(
  results: Record<string, Record<string, unknown>>,
  key: string,
  title: string,
  run: () => Promise<Record<string, Record<string, unknown>>>,
) {
  if (only && !only.has(key)) return;
  console.log(`${title} …`);
  const started = Date.now();
  try {
    Object.assign(results, await run());
  } catch (error) {
    results[title] = { error: (error as Error).message.split('\n')[0] };
  }
  console.log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

async function main() {
  const started = Date.now();
  const results: Record<string, Record<string, unknown>> = {};
  await measure(results, 'append', 'append through the event-store port vs raw better-sqlite3', () => appendBench());
  await measure(results, 'commands', 'HTTP commands (50 connections, 20 s, 2,000 partnerships)', () =>
    httpCommandBench({ partnerships: 2000, connections: 50, seconds: 20 }),
  );
  await measure(results, 'fixed-load', 'latency at fixed offered loads: 25/50/75 % of saturation and 1,000/s (open model, 200 partnerships, 10 s each)', () =>
    fixedLoadBench({ partnerships: 200, seconds: 10, connections: 64 }),
  );
  await measure(results, 'touchpoints', 'one partnership\'s figures with 10, 100 and 1,000 touchpoints (one request at a time, 300 rounds)', () =>
    touchpointScalingBench({ rounds: 300 }),
  );
  await measure(results, 'ryw', 'read-your-writes (1,000 rounds idle; 20 s each beside 500 and 1,000 commands/s)', () => readYourWritesBench({ rounds: 1000, busyRates: [500, 1000], busySeconds: 20 }));
  await measure(results, 'queries', 'queries against the medium region (2,000 partnerships; 50 connections, 10 s each; the list at days not asked before on one)', async () =>
    apiReadBench(await regionDataDir('medium', { withReadModels: true }), 10),
  );
  await measure(results, 'search', 'text search against the medium region (2,000 partnerships; 10 connections, 10 s each)', async () =>
    searchBench(await regionDataDir('medium', { withReadModels: true }), 10),
  );
  await measure(results, 'scope', 'scoped vs unscoped lists and reports on the medium region (a manager of one school vs an admin; 8 connections, 5 s a side)', async () =>
    scopeBench(await regionDataDir('medium', { withReadModels: true }), { seconds: 5, connections: 8 }),
  );
  await measure(results, 'insights', 'insight reports on the medium region, each computed afresh (15 asOf dates, one request at a time)', async () =>
    insightsBench(await regionDataDir('medium', { withReadModels: true }), REGION_UNTIL, 15),
  );
  await measure(results, 'insights-cpu', 'insight formulas on the medium region, CPU time per computation (15 asOf dates)', async () =>
    insightsCpuBench(await regionDataDir('medium', { withReadModels: true }), REGION_UNTIL, 15),
  );
  await measure(results, 'rebuild-medium', 'projection rebuild from position 0, medium region', async () => ({
    'rebuild, medium region': await rebuildBench(await regionDataDir('medium', { withReadModels: false })),
  }));
  await measure(results, 'live-burst', 'the medium region written into an empty log while the projections follow it live, then until they have committed it', async () => ({
    'live burst, medium region': await liveBurstBench(),
  }));
  await measure(results, 'history', 'history for charts on the medium region (one request at a time)', async () =>
    historyBench(await regionDataDir('medium', { withReadModels: true }), { partnerships: 50, levelsRounds: 5 }),
  );
  await measure(results, 'rebuild', 'projection rebuild from position 0, large region (1M events)', async () => {
    const large = await regionDataDir('large', { withReadModels: false });
    // Rebuilt into the region's own folder, so the cold start below finds persisted read models at the log's head.
    return { 'rebuild, large region': await rebuildBench(large, large) };
  });
  await measure(results, 'cold-start', 'cold start with the large region', async () => ({
    'cold start, large region': await coldStartBench(await regionDataDir('large', { withReadModels: false })),
  }));

  await measure(results, 'import', 'sheet import: 2,000 organisations, 20,000 people, 2,000 partnerships (dry run, commit, again), then text search on what it imported', () => importBench());
  await measure(results, 'web', 'web app in the browser (chromium): first screen on the demo and medium regions, first route\'s JavaScript, scrolling 2,000 partnerships', async () =>
    webBench(await regionDataDir('medium', { withReadModels: true }), { navigations: 9, wheelStepPx: 400 }),
  );
  await measure(results, 'export', 'xlsx export of every partnership, medium region', async () => exportBench(await regionDataDir('medium', { withReadModels: true })));

  const rows = Object.entries(results).map(([name, figures]) => ({
    name,
    figures: Object.entries(figures).map(([k, v]) => `${k}=${round(v)}`).join('  '),
    targets: checkTargets(name, figures).join('; '),
  }));
  console.log('');
  for (const row of rows) console.log(`${row.name.padEnd(46)} ${row.figures}${row.targets ? `\n${''.padEnd(46)} target: ${row.targets}` : ''}`);
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) };
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().slice(0, 10)}${only ? `-only-${[...only].join('+')}` : ''}.json`);
  const targets = Object.fromEntries(rows.map((row) => [row.name, row.targets]));
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), seconds: (Date.now() - started) / 1000, machine, results, targets }, null, 2));
  console.log(`\nwritten ${file} after ${((Date.now() - started) / 60000).toFixed(1)} min`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
