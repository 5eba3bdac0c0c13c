/* eslint-disable no-console */
import { createProtectedEventStore } from '@crm/privacy';
import { ALL_PROJECTIONS, keptOnDiskCollections, ProjectionEngine } from '@crm/read-models';
import { createReadStore, ReadStore } from '@crm/read-store';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * The rebuild of rebuildBench (read-side.bench.ts), run in a process of its own so that its peak RSS is the rebuild's
 * alone: `node -r @swc-node/register bench/rebuild-child.ts <dataDir> <into>`. `into` must hold no read models yet.
 * Prints one line of JSON: the figures, with the peak RSS from the kernel (maxRSS covers the whole life of the
 * process, start-up and module loading included, not a sample).
 *
 * With REBUILD_CPU_PROFILE=<file.cpuprofile> the timed part alone (not start-up) is profiled into that file. With
 * REBUILD_DIAGNOSTICS=1 it tells on stderr where the time went: CPU seconds of all threads and of the main thread (on a
 * machine shared with other work, wall-clock seconds say little), and the time spent committing to the read store.
 */
async function main(dataDir: string, into: string) {
  const { events } = await createProtectedEventStore({ dataDir });
  const store = await createReadStore({ dataDir: into, keptOnDisk: keptOnDiskCollections(ALL_PROJECTIONS) });
  const engine = new ProjectionEngine(events, store, ALL_PROJECTIONS);
  const diagnostics = process.env.REBUILD_DIAGNOSTICS ? timeCommits(store) : undefined;
  const head = await events.headPosition();
  const profile = process.env.REBUILD_CPU_PROFILE ? await startProfile() : undefined;
  const cpuBefore = process.cpuUsage();
  const mainBefore = mainThreadSeconds();
  const started = process.hrtime.bigint();
  await engine.start();
  await engine.whenCaughtUp();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const main = mainThreadSeconds() - mainBefore;
  if (profile) writeFileSync(process.env.REBUILD_CPU_PROFILE!, JSON.stringify(await profile()));
  // Live (queryable) at `seconds`; the embedded store writes the documents to its file after, in rounds: this is the
  // time until they are all on disk as well.
  await store.saved();
  const savedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  await engine.stop();
  await store.close();
  await events.close();
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  if (diagnostics) {
    const commits = diagnostics();
    console.error(
      `rebuild: ${seconds.toFixed(2)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s in all threads, ${main.toFixed(2)} s on the main thread; ` +
        `${commits.count} commits: ${commits.seconds.toFixed(2)} s, ${commits.mainSeconds.toFixed(2)} s CPU on the main thread`,
    );
    console.error(`threads at the end: ${threadTimes()}`);
  }
  console.log(JSON.stringify({ events: head, seconds, 'events/s': head / seconds, 'on disk after s': savedSeconds, 'peak RSS MiB': peakRssMiB }));
}

/**
 * Times the read store's commits: the span from the first to the end of the last, and the main thread's CPU within
 * the calls (the embedded store commits synchronously, inside the call).
 */
function timeCommits(store: ReadStore): () => { count: number; seconds: number; mainSeconds: number } {
  const totals = { count: 0, seconds: 0, mainSeconds: 0 };
  let first: bigint | undefined;
  const commit = store.commit.bind(store);
  store.commit = (batch) => {
    first ??= process.hrtime.bigint();
    const main = mainThreadSeconds();
    const done = commit(batch);
    totals.mainSeconds += mainThreadSeconds() - main;
    totals.count++;
    return done.finally(() => (totals.seconds = Number(process.hrtime.bigint() - first!) / 1e9));
  };
  return () => totals;
}

/** CPU seconds of the main thread so far (Linux). */
function mainThreadSeconds(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds of each thread of this process (Linux), busiest first: on a shared machine, what the rebuild cost. */
function threadTimes(): string {
  const rows: { name: string; seconds: number }[] = [];
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
      rows.push({ name: `${name}${tid === String(process.pid) ? ' (main)' : ''}`, seconds: (Number(fields[11]) + Number(fields[12])) / 100 });
    } catch {
      // a thread that has ended meanwhile
    }
  }
  return rows
    .filter((row) => row.seconds > 0)
    .sort((a, b) => b.seconds - a.seconds)
    .map((row) => `${row.name}: ${row.seconds.toFixed(2)} s`)
    .join(', ');
}

async function startProfile(): Promise<() => Promise<object>> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<Record<string, unknown>>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as Record<string, unknown>))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  return async () => {
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    return profile as object;
  };
}

const [dataDir, into] = process.argv.slice(2);
if (!dataDir || !into) {
  console.error('usage: rebuild-child <dataDir> <into>');
  process.exit(2);
}
main(dataDir, into).catch((error) => {
  console.error(error);
  process.exit(1);
});
