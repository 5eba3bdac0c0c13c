#!/usr/bin/env node
// `npm run test:integration`: the contract suites against real KurrentDB/EventStoreDB and MongoDB servers.
//
// With EVENTSTORE_URL and MONGODB_URL both set, it tests those servers. Otherwise it starts the two servers of
// docker-compose.integration.yml (project crm-integration, volumes crm-integration-* and host ports 2213 and 27027
// of their own, so a production stack from docker-compose.yml on the same machine is neither touched nor in the
// way), waits until both are healthy, runs the suites with the URLs set, and removes the containers and their
// volumes again, also on failure or Ctrl-C.
// Extra arguments go to Jest: `npm run test:integration -- test/contract/event-store.eventstoredb.spec.ts`.
const { spawnSync } = require('node:child_process');
const { resolve } = require('node:path');

const root = resolve(__dirname, '..');
const PROJECT = 'crm-integration';
const COMPOSE_FILE = 'docker-compose.integration.yml';
const SERVICES = ['eventstore', 'mongodb'];
/** From this machine to the compose services (their ports are published on 127.0.0.1). The replica set's member
 * host is the service name, which only resolves inside compose: directConnection talks to the member as given. */
const URLS = {
  EVENTSTORE_URL: 'esdb://127.0.0.1:2213?tls=false',
  MONGODB_URL: 'mongodb://127.0.0.1:27027/crm_integration?directConnection=true',
};

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
}

function quiet(command, args) {
  return spawnSync(command, args, { cwd: root, encoding: 'utf8' });
}

function jest(env) {
  const bin = require.resolve('jest/bin/jest');
  const result = run(process.execPath, [bin, '--selectProjects', 'contract', '--runInBand', ...process.argv.slice(2)], { env: { ...process.env, ...env } });
  return result.status ?? 1;
}

/** `docker compose` (v2 plugin) or `docker-compose` (v1), whichever this machine has. */
function composeCommand() {
  if (quiet('docker', ['compose', 'version']).status === 0) return ['docker', ['compose']];
  if (quiet('docker-compose', ['version']).status === 0) return ['docker-compose', []];
  return undefined;
}

function fail(lines) {
  console.error(lines.join('\n'));
  process.exit(2);
}

function main() {
  if (process.env.EVENTSTORE_URL && process.env.MONGODB_URL) {
    console.log(`test:integration against EVENTSTORE_URL and MONGODB_URL as set`);
    process.exit(jest({}));
  }
  const setUp = 'Start a Docker engine, or set EVENTSTORE_URL and MONGODB_URL to servers of your own (README, Production mode).';
  const compose = composeCommand();
  if (!compose) fail(['test:integration needs Docker Compose (`docker compose` or `docker-compose`), and neither is installed.', setUp]);
  const info = quiet('docker', ['info', '--format', '{{.ServerVersion}}']);
  if (info.status !== 0) {
    const reason = (info.stderr || info.stdout || '').trim().split('\n').pop();
    fail([`test:integration needs a running Docker engine, and none answers${reason ? ` (${reason})` : ''}.`, setUp]);
  }

  const [command, prefix] = compose;
  const composeArgs = (...args) => [...prefix, '-p', PROJECT, '-f', COMPOSE_FILE, ...args];
  const down = () => run(command, composeArgs('down', '--volumes', '--remove-orphans'));
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      down();
      process.exit(130);
    });
  }

  console.log(`starting ${SERVICES.join(' and ')} (compose project ${PROJECT}) and waiting until they are healthy`);
  // `up --wait` (Compose v2) waits for the health checks; v1 has no --wait, so poll `ps` there.
  const up = prefix.length > 0 ? run(command, composeArgs('up', '-d', '--wait', ...SERVICES)) : run(command, composeArgs('up', '-d', ...SERVICES));
  let status = up.status ?? 1;
  try {
    if (status === 0 && prefix.length === 0) status = waitHealthy(command, composeArgs) ? 0 : 1;
    if (status !== 0) {
      console.error('the servers did not become healthy; their logs:');
      run(command, composeArgs('logs', '--tail', '50', ...SERVICES));
    } else {
      status = jest(URLS);
    }
  } finally {
    down();
  }
  process.exit(status);
}

/** Compose v1: polls the containers' health (the compose file's health checks) for up to 3 minutes. */
function waitHealthy(command, composeArgs) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const ids = quiet(command, composeArgs('ps', '-q', ...SERVICES)).stdout.trim().split('\n').filter(Boolean);
    const health = ids.map((id) => quiet('docker', ['inspect', '--format', '{{.State.Health.Status}}', id]).stdout.trim());
    if (health.length === SERVICES.length && health.every((h) => h === 'healthy')) return true;
    spawnSync('sleep', ['2']);
  }
  return false;
}

main();
