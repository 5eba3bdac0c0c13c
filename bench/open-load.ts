import { Agent, request } from 'node:http';
import { percentile } from './percentile';

export interface OpenLoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface OpenLoadOptions {
  baseUrl: string;
  /** Requests per second offered, whatever the server's pace. */
  rate: number;
  seconds: number;
  /** The i-th request (0-based). */
  request: (i: number) => OpenLoadRequest;
  /**
   * Sockets kept open to the server (requests beyond them wait in the client's queue, and that wait is counted); at
   * most the API's MAX_CONNECTIONS_PER_ADDRESS (64 by default), or the surplus is refused.
   */
  connections?: number;
  /** After the last intended send, how long answers are waited for before the rest count as timed out. */
  drainSeconds?: number;
}

export interface OpenLoadResult {
  offered: number;
  'achieved/s': number;
  'p50 ms': number;
  'p99 ms': number;
  'p99.9 ms': number;
  'max ms': number;
  errors: number;
  /** What the errors were: status codes and error codes with their counts. */
  'error kinds'?: string;
  /** How far, at most, the generator itself fell behind an intended send (its own lag, already inside the latencies). */
  'sender lag max ms': number;
}

/**
 * An open-model load generator at a constant rate: the i-th request is due at start + i / rate whether or not earlier
 * ones were answered (a closed-model tool like autocannon waits for an answer before sending again, so a slow answer
 * also delays the requests behind it and they are never measured: coordinated omission). Each latency runs from the
 * request's intended send time to its answer, so time spent queued behind a slow answer, in the client's connection
 * pool or behind the generator's own lag, counts as the user would feel it.
 */
export async function openLoad(options: OpenLoadOptions): Promise<OpenLoadResult> {
  const { rate, seconds } = options;
  const total = Math.round(rate * seconds);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections ?? 48 });
  const url = new URL(options.baseUrl);
  const latencies = new Float64Array(total);
  let answered = 0;
  let errors = 0;
  const errorKinds = new Map<string, number>();
  let senderLag = 0;
  let lastAnswerAt = 0;
  const start = performance.now() + 20;

  const send = (i: number, intended: number) =>
    new Promise<void>((resolve) => {
      const { method, path, headers, body } = options.request(i);
      const finish = (ok: boolean, kind?: string) => {
        const now = performance.now();
        latencies[i] = now - intended;
        lastAnswerAt = now;
        answered++;
        if (!ok) {
          errors++;
          errorKinds.set(kind ?? '?', (errorKinds.get(kind ?? '?') ?? 0) + 1);
        }
        resolve();
      };
      const req = request({ agent, hostname: url.hostname, port: url.port, method, path, headers }, (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        res.once('end', () => finish(status >= 200 && status < 300, String(status)));
        res.once('error', (error) => finish(false, (error as NodeJS.ErrnoException).code ?? error.message));
      });
      req.once('error', (error) => finish(false, (error as NodeJS.ErrnoException).code ?? error.message));
      req.end(body);
    });

  const pending: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < total && start + (next * 1000) / rate <= now) {
        const intended = start + (next * 1000) / rate;
        senderLag = Math.max(senderLag, now - intended);
        pending.push(send(next, intended));
        next++;
      }
      if (next >= total) return resolve();
      setTimeout(tick, Math.max(0, start + (next * 1000) / rate - performance.now()));
    };
    setTimeout(tick, 20);
  });
  const drained = await Promise.race([
    Promise.all(pending).then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), (options.drainSeconds ?? 30) * 1000).unref()),
  ]);
  agent.destroy();
  // Requests still unanswered after the drain count as errors with the time waited so far (a lower bound).
  const waited = drained ? latencies : latencies.map((value, i) => (value === 0 ? performance.now() - (start + (i * 1000) / rate) : value));
  const values = Array.from(waited);
  const unanswered = total - answered;
  return {
    offered: rate,
    'achieved/s': answered / ((Math.max(lastAnswerAt, start + (total * 1000) / rate) - start) / 1000),
    'p50 ms': percentile(values, 50),
    'p99 ms': percentile(values, 99),
    'p99.9 ms': percentile(values, 99.9),
    'max ms': values.reduce((max, value) => Math.max(max, value), 0),
    errors: errors + unanswered,
    ...((errors > 0 || unanswered > 0) && {
      'error kinds': [...errorKinds, ...(unanswered > 0 ? [['unanswered', unanswered] as const] : [])].map(([kind, count]) => `${kind}×${count}`).join(' '),
    }),
    'sender lag max ms': senderLag,
  };
}
