import { Agent, request } from 'node:http';
import { percentile } from './percentile';
import { cpuMs } from './process-cpu';

export interface ClosedLoadOptions {
  baseUrl: string;
  /** Clients, each sending its next request as soon as its last one is answered. */
  connections: number;
  seconds: number;
  /** The path of the next request (of any client). */
  path: () => string;
  headers: Record<string, string>;
  /** The server's process, whose CPU time per answer is reported. */
  serverPid: number | undefined;
}

/** One run as measured: every latency (ms), how long it ran (s), the server's CPU time over it (ms), failed requests. */
export interface ClosedLoadRun {
  latencies: number[];
  seconds: number;
  cpuMs: number;
  errors: number;
}

export interface ClosedLoadFigures {
  requests: number;
  'requests/s': number;
  'p50 ms': number;
  'p99 ms': number;
  /** The server's CPU time (user + system) per answer: what an answer costs, whatever else the machine runs. */
  'CPU ms/request': number;
  errors: number;
}

/**
 * A closed-model load generator (like autocannon, whose latencies are whole milliseconds: too coarse to compare
 * answers of a few ms): each latency is measured in fractions of a millisecond, and the server's CPU time is read
 * from /proc around the run.
 */
export async function closedLoad(options: ClosedLoadOptions): Promise<ClosedLoadRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const url = new URL(options.baseUrl);
  const latencies: number[] = [];
  let errors = 0;
  const get = (path: string) =>
    new Promise<boolean>((resolve) => {
      const req = request({ agent, hostname: url.hostname, port: url.port, method: 'GET', path, headers: options.headers }, (res) => {
        res.resume();
        res.once('end', () => resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300));
        res.once('error', () => resolve(false));
      });
      req.once('error', () => resolve(false));
      req.end();
    });
  const cpuBefore = cpuMs(options.serverPid);
  const started = performance.now();
  const until = started + options.seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const sent = performance.now();
      const ok = await get(options.path());
      latencies.push(performance.now() - sent);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: options.connections }, client));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuMs(options.serverPid) - cpuBefore;
  agent.destroy();
  return { latencies, seconds, cpuMs: cpu, errors };
}

/** The figures of one or more runs of the same requests, taken together. */
export function closedLoadFigures(runs: readonly ClosedLoadRun[]): ClosedLoadFigures {
  const latencies = runs.flatMap((run) => run.latencies);
  const sum = (of: (run: ClosedLoadRun) => number) => runs.reduce((total, run) => total + of(run), 0);
  return {
    requests: latencies.length,
    'requests/s': latencies.length / sum((run) => run.seconds),
    'p50 ms': percentile(latencies, 50),
    'p99 ms': percentile(latencies, 99),
    'CPU ms/request': sum((run) => run.cpuMs) / latencies.length,
    errors: sum((run) => run.errors),
  };
}
