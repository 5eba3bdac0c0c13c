import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, EventStore } from '@crm/event-store';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Role } from '../../apps/api/src/auth/access-matrix';
import { AUTH_CONFIG, AuthConfig } from '../../apps/api/src/auth/auth-config';
import { issueToken } from '../../apps/api/src/auth/issue-token';
import { createApp } from '../../apps/api/src/bootstrap/create-app';
import { AuthSettings, settingsFromEnv } from '../../apps/api/src/config/settings';
import { assertKeepsContract } from './openapi-contract';
import { TEST_ADMIN_SUB, TEST_JWT_SECRET } from './tokens';

export { TEST_ADMIN_SUB, TEST_JWT_SECRET } from './tokens';

type Agent = ReturnType<typeof request.agent>;

/** The real application on a real SQLite file in a fresh temporary directory. */
export interface TestApp {
  app: NestFastifyApplication;
  /** A client that sends an admin token (sub `test-admin`) with every request. */
  http: Agent;
  store: EventStore;
  dataDir: string;
  /** An HS256 token for these roles, signed with the app's secret (default sub `test-<roles>`). */
  token(roles: Role | Role[], options?: { sub?: string; ttlSeconds?: number; personId?: string }): string;
  /** A client that sends a token for these roles with every request (with a person claim when `personId` is given). */
  as(roles: Role | Role[], options?: { sub?: string; personId?: string }): Agent;
  /** A client that sends this Authorization bearer token (any text) with every request. */
  withToken(token: string): Agent;
  /** A client that sends no Authorization header. */
  anonymous: Agent;
  close(): Promise<void>;
}

const AGENT_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'] as const;

/**
 * Every answer an agent receives is checked against openapi.json (test/support/openapi-contract.ts): a status the
 * operation does not document, or a body that does not match its schema, fails the test that sent the request.
 */
function keepingContract(agent: Agent): Agent {
  for (const method of AGENT_METHODS) {
    const send = (agent[method] as (url: string) => request.Test).bind(agent);
    (agent as unknown as Record<string, unknown>)[method] = (url: string) =>
      send(url).expect((res: request.Response) => assertKeepsContract(method, url, { status: res.status, headers: res.headers, body: res.body, text: res.text }));
  }
  return agent;
}

function testApp(app: NestFastifyApplication, dataDir: string, close: () => Promise<void>): TestApp {
  const server = app.getHttpServer();
  const config = app.get<AuthConfig>(AUTH_CONFIG);
  const token: TestApp['token'] = (roles, options = {}) => {
    const list = Array.isArray(roles) ? roles : [roles];
    return issueToken(config, {
      sub: options.sub ?? `test-${list.join('-')}`,
      roles: list,
      ttlSeconds: options.ttlSeconds ?? 3600,
      ...(options.personId !== undefined && { personId: options.personId }),
    });
  };
  const withToken = (raw: string) => keepingContract(request.agent(server).set('Authorization', `Bearer ${raw}`));
  const hs256 = config.mode === 'hs256';
  return {
    app,
    http: hs256 ? withToken(token('admin', { sub: TEST_ADMIN_SUB })) : keepingContract(request.agent(server)),
    store: app.get<EventStore>(EVENT_STORE),
    dataDir,
    token,
    as: (roles, options) => withToken(token(roles, options)),
    withToken,
    anonymous: keepingContract(request.agent(server)),
    close,
  };
}

export interface TestAppOptions {
  auth?: AuthSettings;
  /** The per-user rate limit (default: as the API's, RATE_LIMIT_PER_MINUTE or 6000). */
  rateLimitPerMinute?: number;
  /** A wrapper around the app's event log, to inject a fault (test/support/interrupted-event-stores.ts). */
  decorateEventStore?: (store: EventStore) => EventStore;
}

/** Settings for a test app: the embedded stores in `dataDir`, and the test secret unless `auth` says otherwise. */
function testSettings(dataDir: string, options: TestAppOptions = {}) {
  const rateLimit = options.rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute: options.rateLimitPerMinute };
  return { ...settingsFromEnv({}), dataDir, auth: options.auth ?? { jwtSecret: TEST_JWT_SECRET }, ...rateLimit };
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
  const app = await createApp(testSettings(dataDir, options), { logger: false, decorateEventStore: options.decorateEventStore });
  return testApp(app, dataDir, async () => {
    await app.close();
    removeDataDir(dataDir);
  });
}

/** Removes a closed app's data folder; a file that appeared after the close is named (something wrote after it). */
function removeDataDir(dataDir: string): void {
  try {
    rmSync(dataDir, { recursive: true, force: true });
  } catch (error) {
    const left = existsSync(dataDir) ? readdirSync(dataDir, { recursive: true }).join(', ') : '(none)';
    throw new Error(`${(error as Error).message}; left in it after the app had closed: ${left}`);
  }
}

/**
 * The real application on an existing data directory, which `close()` leaves in place: for tests that stop the
 * app and start a new one on the same SQLite file (a restart). The caller removes the directory.
 */
export async function startTestAppOn(dataDir: string, options: TestAppOptions = {}): Promise<TestApp> {
  const app = await createApp(testSettings(dataDir, options), { logger: false });
  return testApp(app, dataDir, async () => {
    await app.close();
  });
}
