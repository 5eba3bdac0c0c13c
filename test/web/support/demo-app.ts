import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiProcess, type ApiProcess } from '../../support/api-process';
import { testToken } from '../../support/tokens';

export const WEB_BUILD = join(__dirname, '../../../dist/web/index.html');

export interface DemoApp {
  api: ApiProcess;
  baseUrl: string;
  /** A token for `roles` with `sub`, linked to `personId` when given, signed with the test secret (not with `AUTH_JWKS_URL` set). */
  token(roles: Parameters<typeof testToken>[0], sub?: string, personId?: string): string;
  stop(): Promise<void>;
}

/**
 * The built API (with the web app in dist/web) on a random port (or `port`) and a fresh DATA_DIR holding the demo
 * region; `env` is laid over the test settings (e.g. the AUTH_* of an OpenID provider).
 */
export async function startDemoApp(options: { port?: number; env?: NodeJS.ProcessEnv } = {}): Promise<DemoApp> {
  if (!existsSync(WEB_BUILD)) throw new Error(`${WEB_BUILD} is missing: run npm run build first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-web-'));
  const api = await startApiProcess(dataDir, options.port, { LOG_LEVEL: 'warn', ...options.env }, ['--demo']);
  return {
    api,
    baseUrl: api.baseUrl,
    token: (roles, sub = 'web-test', personId) => testToken(roles, sub, { personId }),
    stop: async () => {
      await api.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
