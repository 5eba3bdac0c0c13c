import { resolve } from 'node:path';

/** Settings by environment, names and defaults as SPEC §5 gives them. */
export interface Settings {
  port: number;
  dataDir: string;
  eventStoreUrl?: string;
  mongodbUrl?: string;
  /** Bound on how long a request may wait for read models (X-Min-Position). */
  minPositionWaitMs: number;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    eventStoreUrl: env.EVENTSTORE_URL || undefined,
    mongodbUrl: env.MONGODB_URL || undefined,
    minPositionWaitMs: 5000,
  };
}

export const SETTINGS = Symbol('SETTINGS');
