import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AUTH_CONFIG, AuthConfig } from './auth/auth-config';
import { DEV_ADMIN_TTL_SECONDS, devAdminToken, demoToken, issueToken } from './auth/issue-token';
import { EVENT_STORE, EventStore } from '@crm/event-store';
import { createApp } from './bootstrap/create-app';
import { settingsFromEnv } from './config/settings';
import { demoContact, demoLoginLines, demoLogins, demoQueries, loadDemoRegionIfEmpty } from './demo/demo-region';
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
    // The web app's development sign-in takes a token in the URL's fragment (never sent to a server, so never logged).
    const open = (token: string) => `${url}/aanmelden#token=${token}`;
    // With the demo region, the logins are demo people of two schools that share a partner (SPEC §6 R2), and a region user.
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    const contact = demo ? await demoContact(url, dev.token, head) : undefined;
    const demoRegion = demo ? await demoLogins(url, dev.token, head, contact) : undefined;
    const issued = (demoRegion?.logins ?? []).flatMap((login) => {
      const written = demoToken(auth, settings, { sub: login.sub, role: login.role, file: login.file, personId: login.person?.personId });
      return written ? [{ login, ...written }] : [];
    });
    const connector = issued[0]?.token ?? issueToken(auth, { sub: 'demo-connector', roles: ['connector'], ttlSeconds: DEV_ADMIN_TTL_SECONDS });
    const manager = issued.find(({ login }) => login.role === 'manager')?.token ?? issueToken(auth, { sub: 'demo-manager', roles: ['manager'], ttlSeconds: DEV_ADMIN_TTL_SECONDS });
    // eslint-disable-next-line no-console
    console.log(
      [
        'Open the web app in your browser (development sign-in, valid 7 days):',
        `  as a connector:  ${open(connector)}`,
        `  as a manager:    ${open(manager)}`,
        `  as an admin:     ${open(dev.token)}`,
        '',
      ].join('\n'),
    );
    if (demo) {
      const shared = demoRegion?.sharedPartner;
      // eslint-disable-next-line no-console
      console.log(
        [
          `Demo logins (valid 7 days; each school login is a person of that school${shared ? `; ${shared.schools.map((school) => school.name).join(' and ')} both work with ${shared.partner.name}` : ''}):`,
          ...issued.flatMap(({ login, path, token }) => demoLoginLines(login, path, open(token))),
          '',
        ].join('\n'),
      );
      const mine = issued[0]?.login.person?.personId === contact?.primary?.personId ? issued[0]?.path : undefined;
      // eslint-disable-next-line no-console
      console.log(['Try the demo region:', ...(await demoQueries(url, dev.token, dev.path, head, contact, mine)), ''].join('\n'));
    }
  } else if (auth.mode === 'hs256' && auth.secretSource === 'data-dir') {
    Logger.warn('no AUTH_JWKS_URL or AUTH_JWT_SECRET: tokens are signed with the secret generated in DATA_DIR; issue them with npm run cli -- token', 'Auth');
  } else {
    Logger.log(auth.mode === 'jwks' ? `bearer tokens verified against ${auth.jwksUrl}` : 'bearer tokens verified with AUTH_JWT_SECRET (HS256)', 'Auth');
  }
}

main().catch((error) => exitOnStartupFailure('api', error));
