import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, EventStore } from '@crm/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/bootstrap/create-app';
import { settingsFromEnv } from '../../apps/api/src/config/settings';

/** The real application on a real SQLite file in a fresh temporary directory. */
export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  store: EventStore;
  dataDir: string;
  close(): Promise<void>;
}

export async function startTestApp(): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
  const app = await createApp({ ...settingsFromEnv({}), dataDir }, { logger: false });
  return {
    app,
    http: request(app.getHttpServer()),
    store: app.get<EventStore>(EVENT_STORE),
    dataDir,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The real application on an existing data directory, which `close()` leaves in place: for tests that stop the
 * app and start a new one on the same SQLite file (a restart). The caller removes the directory.
 */
export async function startTestAppOn(dataDir: string): Promise<TestApp> {
  const app = await createApp({ ...settingsFromEnv({}), dataDir }, { logger: false });
  return {
    app,
    http: request(app.getHttpServer()),
    store: app.get<EventStore>(EVENT_STORE),
    dataDir,
    close: async () => {
      await app.close();
    },
  };
}
