import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AUTH_CONFIG, AuthConfig } from './auth/auth-config';
import { demoConnectorToken, DEV_ADMIN_TTL_SECONDS, devAdminToken } from './auth/issue-token';
import { EVENT_STORE, EventStore } from '@crm/event-store';
import { createApp } from './bootstrap/create-app';
import { settingsFromEnv } from './config/settings';
import { demoQueries, loadDemoRegionIfEmpty } from './demo/demo-region';
import { exitOnStartupFailure } from './observability/logger';

async function main(): Promise<void> {
  const settings = settingsFromEnv();
  const demo = process.argv.includes('--demo');
  if (demo) await loadDemoRegionIfEmpty(settings, (line) => Logger.log(line, 'Demo'));
  const app = await createApp(settings);
  const auth = app.get<AuthConfig>(AUTH_CONFIG);
  // Written before listening, so it is there once /health answers.
  const dev = devAdminToken(auth, settings);
  await app.listen(settings.port, '0.0.0.0');
  const url = `http://localhost:${settings.port}`;
  Logger.log(`Partnership CRM ready on ${url}/api (docs: ${url}/docs, health: ${url}/health, data: ${settings.dataDir})`, 'Main');
  if (dev) {
    // eslint-disable-next-line no-console
    console.log(
      [
        '',
        `Development admin token (sub dev-admin, valid ${DEV_ADMIN_TTL_SECONDS / 86_400} days; also in ${dev.path}):`,
        dev.token,
        '',
        `  curl -H "Authorization: Bearer $(cat ${dev.path})" ${url}/api/partnerships`,
        '  tokens for other roles: npm run cli -- token --role connector --sub <who> [--person <person id>] [--ttl 8h]',
        '',
      ].join('\n'),
    );
    if (demo) {
      const head = await app.get<EventStore>(EVENT_STORE).headPosition();
      // eslint-disable-next-line no-console
      const connector = (personId: string) => demoConnectorToken(auth, settings, personId)?.path ?? dev.path;
      console.log(['Try the demo region:', ...(await demoQueries(url, dev.token, dev.path, head, connector)), ''].join('\n'));
    }
  } else if (auth.mode === 'hs256' && auth.secretSource === 'data-dir') {
    Logger.warn('no AUTH_JWKS_URL or AUTH_JWT_SECRET: tokens are signed with the secret generated in DATA_DIR; issue them with npm run cli -- token', 'Auth');
  } else {
    Logger.log(auth.mode === 'jwks' ? `bearer tokens verified against ${auth.jwksUrl}` : 'bearer tokens verified with AUTH_JWT_SECRET (HS256)', 'Auth');
  }
}

main().catch((error) => exitOnStartupFailure('api', error));
