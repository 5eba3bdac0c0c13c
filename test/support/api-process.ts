import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { TEST_ADMIN_SUB, TEST_JWT_SECRET, testToken } from './tokens';

/** The built API (`npm run build`) as a separate process, so a test can SIGKILL it like a crash. */
export const BUILT_API = join(__dirname, '../../dist/apps/api/apps/api/src/main.js');

/**
 * A port no other test process will pick: each Jest worker counts through its own range below the kernel's ephemeral
 * ports (32768–60999 here), skipping any port that is taken. A port the kernel hands out (listen on 0, then close)
 * can be handed to another worker's process in the meantime, which then answers this process's health check.
 */
const PORTS_PER_WORKER = 2_000;
const worker = Number(process.env.JEST_WORKER_ID ?? 0);
let nextPort = 20_000 + (worker % 6) * PORTS_PER_WORKER + (process.pid % PORTS_PER_WORKER);

export async function freePort(): Promise<number> {
  for (let tries = 0; tries < PORTS_PER_WORKER; tries++) {
    const base = 20_000 + (worker % 6) * PORTS_PER_WORKER;
    const port = base + ((nextPort++ - base) % PORTS_PER_WORKER);
    if (await isFree(port)) return port;
  }
  throw new Error('no free port in this worker\'s range');
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

export interface ApiProcess {
  baseUrl: string;
  /** `Bearer <admin token>` for the process's secret (TEST_JWT_SECRET), for fetch and load generators. */
  authorization: string;
  /** A supertest client on baseUrl that sends that admin token. */
  http: ReturnType<typeof request.agent>;
  child: ChildProcess;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `env` is laid over the defaults (an empty string unsets a setting, e.g. `AUTH_JWT_SECRET: ''` for the generated one);
 * `args` go to the API's command line (`['--demo']` loads the demo region into an empty DATA_DIR first);
 * `readyWithinMs`: how long /health may take to answer 200 (a bench on a loaded machine may need longer).
 */
export async function startApiProcess(dataDir: string, port?: number, env: NodeJS.ProcessEnv = {}, args: string[] = [], readyWithinMs = 60_000): Promise<ApiProcess> {
  if (!existsSync(BUILT_API)) throw new Error(`${BUILT_API} is missing: run npm run build first`);
  const chosenPort = port ?? (await freePort());
  const child = spawn(process.execPath, [BUILT_API, ...args], {
    env: {
      ...process.env,
      PORT: String(chosenPort),
      DATA_DIR: dataDir,
      EVENTSTORE_URL: '',
      MONGODB_URL: '',
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      AUTH_JWKS_URL: '',
      AUTH_ISSUER: '',
      AUTH_AUDIENCE: '',
      // Load generators (bench, crash tests) send far more than a person would with one token.
      RATE_LIMIT_PER_MINUTE: '10000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${chosenPort}`;
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode} before it was ready:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API not ready within ${readyWithinMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const authorization = `Bearer ${testToken(['admin'], TEST_ADMIN_SUB)}`;
  return {
    baseUrl,
    authorization,
    http: request.agent(baseUrl).set('Authorization', authorization),
    child,
    output: () => output,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
