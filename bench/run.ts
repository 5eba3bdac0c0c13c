/* eslint-disable no-console */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { appendBench } from './append.bench';
import { httpCommandBench } from './http-commands.bench';
import { apiReadBench, rebuildBench } from './read-side.bench';
import { regionDataDir } from './region';

const round = (value: unknown) => (typeof value === 'number' ? Math.round(value * 100) / 100 : value);

async function main() {
  const results: Record<string, Record<string, unknown>> = {};
  console.log('append through the event-store port vs raw better-sqlite3 …');
  Object.assign(results, await appendBench());
  console.log('HTTP commands (50 connections, 20 s, 2,000 partnerships) …');
  Object.assign(results, await httpCommandBench({ partnerships: 2000, connections: 50, seconds: 20 }));
  const medium = await regionDataDir('medium');
  console.log('projection rebuild from position 0, medium region …');
  results['rebuild, medium region'] = await rebuildBench(medium);
  console.log('queries against the medium region (50 connections, 10 s each) …');
  Object.assign(results, await apiReadBench(medium, 10));

  for (const [name, figures] of Object.entries(results)) {
    console.log(`${name.padEnd(40)} ${Object.entries(figures).map(([k, v]) => `${k}=${round(v)}`).join('  ')}`);
  }
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) };
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().slice(0, 10)}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2));
  console.log(`written ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
