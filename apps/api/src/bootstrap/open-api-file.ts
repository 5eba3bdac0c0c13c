import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { settingsFromEnv } from '../config/settings';
import { createApp } from './create-app';
import { openApiDocument } from './open-api';

/** The OpenAPI document as committed in openapi.json: built from the real application on empty, throw-away stores. */
export async function openApiText(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-openapi-'));
  const settings = { ...settingsFromEnv({}), dataDir, auth: { jwtSecret: randomBytes(32).toString('hex') } };
  const app = await createApp(settings, { logger: false });
  try {
    return `${JSON.stringify(openApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
