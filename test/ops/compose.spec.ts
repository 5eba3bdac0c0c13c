import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * docker-compose.yml and docker-compose.cluster.yml, validated by the Compose client itself (`config`, which needs no
 * Docker engine) and then checked fact by fact on the configuration it resolves. Skipped, with the reason printed,
 * only when no Compose client is installed at all.
 */

// js-yaml is a production dependency of @nestjs/swagger; Compose v1 prints YAML only, and JSON is YAML too.
const { load: parseYaml } = require('js-yaml') as { load(text: string): unknown };

const ROOT = join(__dirname, '../..');
const BASE = join(ROOT, 'docker-compose.yml');
const CLUSTER = join(ROOT, 'docker-compose.cluster.yml');
const INTEGRATION = join(ROOT, 'docker-compose.integration.yml');

interface ComposeCli {
  command: string;
  prefix: string[];
  label: string;
  version: string;
}

/** `docker compose` (the v2 plugin) first, else a standalone `docker-compose` (v2, or Debian's v1.29). */
function findCompose(): ComposeCli | { unavailable: string } {
  const candidates = [
    { command: 'docker', prefix: ['compose'], label: 'docker compose' },
    { command: 'docker-compose', prefix: [], label: 'docker-compose' },
  ];
  const reasons: string[] = [];
  for (const candidate of candidates) {
    const run = spawnSync(candidate.command, [...candidate.prefix, 'version'], { encoding: 'utf8', env: cleanEnv() });
    if (run.error) {
      reasons.push(`${candidate.label}: ${(run.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not installed' : run.error.message}`);
    } else if (run.status !== 0) {
      reasons.push(`${candidate.label}: ${(run.stderr || run.stdout).trim().split('\n')[0]}`);
    } else {
      return { ...candidate, version: run.stdout.trim().split('\n')[0] };
    }
  }
  return { unavailable: reasons.join('; ') };
}

/** Only what Compose needs, so no AUTH_*, API_PORT or image override from the caller's shell leaks into the check. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME ?? tmpdir(), ...extra };
}

const compose = findCompose();

if ('unavailable' in compose) {
  process.stdout.write(
    `Compose checks skipped: no Compose client (${compose.unavailable}). Install Docker's compose plugin, or Debian's ` +
      '`apt-get install -y --no-install-recommends docker-compose`; neither needs a Docker engine for `config`.\n',
  );
  describe.skip('docker-compose.yml (skipped: no Compose client)', () => {
    it('needs `docker compose` or `docker-compose`', () => undefined);
  });
} else {
  const cli = compose;

  const run = (files: string[], args: string[], env: Record<string, string> = {}) =>
    spawnSync(cli.command, [...cli.prefix, ...files.flatMap((file) => ['-f', file]), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: cleanEnv(env),
      timeout: 60_000,
    });

  /** `config --quiet` must pass; then the resolved configuration, parsed. */
  const resolve = (files: string[], env: Record<string, string> = {}): ComposeConfig => {
    const quiet = run(files, ['config', '--quiet'], env);
    expect({ status: quiet.status, stderr: quiet.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    expect(quiet.stderr).not.toMatch(/variable is not set|is not set\. Defaulting/i);
    const full = run(files, ['config'], env);
    expect(full.status).toBe(0);
    return parseYaml(full.stdout) as ComposeConfig;
  };

  describe(`docker-compose.yml, validated by ${cli.label} (${cli.version})`, () => {
    let config: ComposeConfig;
    beforeAll(() => {
      config = resolve([BASE]);
    });

    it('is accepted by `config --quiet` and starts exactly the four services', () => {
      expect(Object.keys(config.services).sort()).toEqual(['api', 'eventstore', 'mongodb', 'projector']);
    });

    it('runs KurrentDB as one insecure node with the settings the client and the Admin UI need', () => {
      const node = config.services.eventstore;
      expect(node.image).toMatch(/^docker\.kurrent\.io\/kurrent-latest\/kurrentdb:\d+\.\d+/);
      expect(envOf(node)).toMatchObject({
        KURRENTDB_CLUSTER_SIZE: '1',
        KURRENTDB_INSECURE: 'true',
        KURRENTDB_RUN_PROJECTIONS: 'All',
        KURRENTDB_START_STANDARD_PROJECTIONS: 'true',
        KURRENTDB_ENABLE_ATOM_PUB_OVER_HTTP: 'true',
      });
      expect(healthcheckOf(node)).toContain('http://localhost:2113/health/live');
      expect(mountsOf(node)).toEqual(expect.arrayContaining([expect.objectContaining({ target: '/var/lib/kurrentdb' })]));
      // Insecure: reachable from this machine only.
      expect(publishedOf(node)).toEqual([{ host_ip: '127.0.0.1', published: '2113', target: '2113' }]);
    });

    it('runs MongoDB as a single-node replica set that its health check initiates, named as the app connects to it', () => {
      const mongo = config.services.mongodb;
      const command = commandOf(mongo);
      expect(command).toEqual(expect.arrayContaining(['--replSet', '--bind_ip_all']));
      const replSet = command[command.indexOf('--replSet') + 1];
      const check = healthcheckOf(mongo);
      expect(check).toContain('mongosh');
      expect(check).toContain('rs.status()');
      expect(check).toContain(`rs.initiate({ _id: '${replSet}', members: [{ _id: 0, host: 'mongodb:27017' }] })`);
      expect(check).toMatch(/isWritablePrimary/);
      expect(mountsOf(mongo)).toEqual(expect.arrayContaining([expect.objectContaining({ target: '/data/db' })]));

      for (const app of ['api', 'projector']) {
        const url = new URL(envOf(config.services[app]).MONGODB_URL);
        expect({ app, host: url.host, replicaSet: url.searchParams.get('replicaSet'), db: url.pathname }).toEqual({
          app,
          host: 'mongodb:27017',
          replicaSet: replSet,
          db: '/partnership_crm',
        });
      }
    });

    it('builds the API and the projector from the Dockerfile’s runtime stage, one image, each with its own entry file', () => {
      const { api, projector } = config.services;
      for (const service of [api, projector]) {
        expect(service.build).toMatchObject({ context: ROOT, target: 'runtime' });
        expect(service.image).toBe('partnership-crm:local');
        expect(service.init).toBe(true);
      }
      expect(commandOf(api)).toEqual(['node', 'dist/apps/api/apps/api/src/main.js']);
      expect(commandOf(projector)).toEqual(['node', 'dist/apps/projector/apps/projector/src/main.js']);
    });

    it('starts the API and the projector only once KurrentDB and MongoDB are healthy', () => {
      for (const app of ['api', 'projector']) {
        expect({ app, dependsOn: dependsOnOf(config.services[app]) }).toEqual({
          app,
          dependsOn: { eventstore: 'service_healthy', mongodb: 'service_healthy' },
        });
      }
    });

    it('gives the apps the settings of SPEC §5, pointing at the services of this file', () => {
      const api = envOf(config.services.api);
      const projector = envOf(config.services.projector);
      for (const env of [api, projector]) {
        expect(env).toMatchObject({ DATA_DIR: '/data', EVENTSTORE_URL: 'esdb://eventstore:2113?tls=false' });
        expect(env.MONGODB_URL).toBeDefined();
      }
      expect(api.PORT).toBe('3000');
      expect(Object.keys(api)).toEqual(expect.arrayContaining(['AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWT_SECRET']));
      expect(publishedOf(config.services.api)).toEqual([{ host_ip: undefined, published: '3000', target: '3000' }]);
    });

    it('commits no secret: the auth settings are empty unless the caller’s environment provides them', () => {
      const api = envOf(config.services.api);
      expect([api.AUTH_JWKS_URL, api.AUTH_ISSUER, api.AUTH_AUDIENCE, api.AUTH_JWT_SECRET]).toEqual(['', '', '', '']);

      const provided = resolve([BASE], {
        AUTH_JWKS_URL: 'https://login.example.org/.well-known/jwks.json',
        AUTH_ISSUER: 'https://login.example.org/',
        AUTH_AUDIENCE: 'partnership-crm',
      });
      expect(envOf(provided.services.api)).toMatchObject({
        AUTH_JWKS_URL: 'https://login.example.org/.well-known/jwks.json',
        AUTH_ISSUER: 'https://login.example.org/',
        AUTH_AUDIENCE: 'partnership-crm',
        AUTH_JWT_SECRET: '',
      });
    });

    it('checks the API’s /health; the projector, which serves no HTTP, has no health check', () => {
      const check = healthcheckOf(config.services.api);
      expect(check).toContain("/health'");
      expect(check).toContain('process.env.PORT');
      expect(config.services.projector.healthcheck).toBeUndefined();
    });

    it('gives several API replicas a host port each when API_PORT is a range (docs/operations.md)', () => {
      const scaled = resolve([BASE], { API_PORT: '3000-3002' });
      expect(publishedOf(scaled.services.api)).toEqual([{ host_ip: undefined, published: '3000-3002', target: '3000' }]);
    });

    it('names its volumes, as the backup commands in docs/operations.md use them', () => {
      expect(volumeNames(config)).toEqual({
        'api-data': 'partnership-crm-api-data',
        'eventstore-data': 'partnership-crm-eventstore-data',
        'eventstore-logs': 'partnership-crm-eventstore-logs',
        'mongodb-config': 'partnership-crm-mongodb-config',
        'mongodb-data': 'partnership-crm-mongodb-data',
      });
    });

    it('is checked by a client that rejects what is wrong (a bogus depends_on condition fails `config`)', () => {
      const dir = mkdtempSync(join(tmpdir(), 'crm-compose-'));
      try {
        const file = join(dir, 'docker-compose.yml');
        writeFileSync(file, 'services:\n  a:\n    image: x\n    depends_on:\n      b:\n        condition: when_it_feels_like_it\n  b:\n    image: x\n');
        const bad = run([file], ['config', '--quiet']);
        expect(bad.status).not.toBe(0);
        expect(bad.stderr).toMatch(/condition/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe(`docker-compose.integration.yml (npm run test:integration), validated by ${cli.label}`, () => {
    let config: ComposeConfig;
    let production: ComposeConfig;
    beforeAll(() => {
      config = resolve([INTEGRATION]);
      production = resolve([BASE]);
    });

    it('starts only the two servers, as docker-compose.yml runs them (same images, settings and health checks)', () => {
      expect(Object.keys(config.services).sort()).toEqual(['eventstore', 'mongodb']);
      for (const name of ['eventstore', 'mongodb']) {
        const [test, prod] = [config.services[name], production.services[name]];
        expect({ name, image: test.image, env: envOf(test), command: commandOf(test), check: healthcheckOf(test) }).toEqual({
          name,
          image: prod.image,
          env: envOf(prod),
          command: commandOf(prod),
          check: healthcheckOf(prod),
        });
      }
    });

    it('uses volumes of its own, so the run (which removes its volumes) never touches a deployment on the same machine', () => {
      const names = Object.values(volumeNames(config));
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(name).toMatch(/^crm-integration-/);
      const productionNames = new Set(Object.values(volumeNames(production)));
      expect(names.filter((name) => productionNames.has(name))).toEqual([]);
    });

    it('publishes its ports on 127.0.0.1 only, on host ports other than docker-compose.yml\'s, where the script connects', () => {
      const script = readFileSync(join(ROOT, 'scripts/test-integration.js'), 'utf8');
      expect(script).toContain("'docker-compose.integration.yml'");
      const taken = new Set(Object.values(production.services).flatMap((service) => publishedOf(service).map((port) => port.published)));
      for (const name of ['eventstore', 'mongodb']) {
        const ports = publishedOf(config.services[name]);
        expect(ports).toHaveLength(1);
        expect(ports[0].host_ip).toBe('127.0.0.1');
        expect(taken.has(ports[0].published)).toBe(false);
        expect(script).toContain(`127.0.0.1:${ports[0].published}`);
      }
    });
  });

  describe(`docker-compose.yml + docker-compose.cluster.yml (three KurrentDB nodes), validated by ${cli.label}`, () => {
    const NODES = ['eventstore', 'eventstore-2', 'eventstore-3'];
    const PER_NODE = ['KURRENTDB_GOSSIP_SEED', 'KURRENTDB_NODE_HOST_ADVERTISE_AS', 'KURRENTDB_REPLICATION_HOST_ADVERTISE_AS'];
    let config: ComposeConfig;
    let single: ComposeConfig;
    beforeAll(() => {
      config = resolve([BASE, CLUSTER]);
      single = resolve([BASE]);
    });

    it('is accepted by `config --quiet` and adds two nodes to the same services', () => {
      expect(Object.keys(config.services).sort()).toEqual(['api', 'eventstore', 'eventstore-2', 'eventstore-3', 'mongodb', 'projector']);
    });

    it('makes every node a member of a three-node cluster found through gossip seeds naming the other two', () => {
      for (const node of NODES) {
        const env = envOf(config.services[node]);
        expect({ node, env }).toMatchObject({
          node,
          env: {
            KURRENTDB_CLUSTER_SIZE: '3',
            KURRENTDB_DISCOVER_VIA_DNS: 'false',
            KURRENTDB_INSECURE: 'true',
            KURRENTDB_NODE_IP: '0.0.0.0',
            KURRENTDB_REPLICATION_IP: '0.0.0.0',
            KURRENTDB_NODE_HOST_ADVERTISE_AS: node,
            KURRENTDB_REPLICATION_HOST_ADVERTISE_AS: node,
          },
        });
        const seeds = env.KURRENTDB_GOSSIP_SEED.split(',').sort();
        expect({ node, seeds }).toEqual({ node, seeds: NODES.filter((other) => other !== node).map((other) => `${other}:2113`).sort() });
      }
    });

    it('runs the three nodes alike: same image and settings as the single node, own health check and data volume', () => {
      const base = config.services.eventstore;
      expect(base.image).toBe(single.services.eventstore.image);
      const shared = (node: string) => Object.fromEntries(Object.entries(envOf(config.services[node])).filter(([key]) => !PER_NODE.includes(key)));
      const dataVolumes = new Set<string>();
      for (const node of NODES) {
        const service = config.services[node];
        expect({ node, image: service.image }).toEqual({ node, image: base.image });
        expect({ node, env: shared(node) }).toEqual({ node, env: shared('eventstore') });
        expect(healthcheckOf(service)).toContain('http://localhost:2113/health/live');
        const data = mountsOf(service).find((mount) => mount.target === '/var/lib/kurrentdb');
        expect(data).toBeDefined();
        dataVolumes.add(data!.source);
      }
      expect(dataVolumes.size).toBe(3);
      // Single-node settings all carried into the cluster (only the cluster size changes).
      const singleEnv = { ...envOf(single.services.eventstore), KURRENTDB_CLUSTER_SIZE: '3' };
      expect(envOf(base)).toMatchObject(singleEnv);
    });

    it('points the apps at all three nodes and starts them once all three are healthy', () => {
      for (const app of ['api', 'projector']) {
        const service = config.services[app];
        expect({ app, url: envOf(service).EVENTSTORE_URL }).toEqual({
          app,
          url: 'esdb://eventstore:2113,eventstore-2:2113,eventstore-3:2113?tls=false',
        });
        expect({ app, dependsOn: dependsOnOf(service) }).toEqual({
          app,
          dependsOn: { eventstore: 'service_healthy', 'eventstore-2': 'service_healthy', 'eventstore-3': 'service_healthy', mongodb: 'service_healthy' },
        });
      }
    });
  });
}

// ---- the resolved configuration, read the same whichever Compose version printed it ----

interface ComposeService {
  image?: string;
  build?: string | { context?: string; target?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  ports?: (string | { host_ip?: string; published?: string | number; target?: string | number })[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  init?: boolean;
}

interface ComposeConfig {
  services: Record<string, ComposeService>;
  volumes?: Record<string, { name?: string } | null>;
}

function envOf(service: ComposeService): Record<string, string> {
  const { environment } = service;
  if (!environment) return {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(environment.map((entry) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, value === null ? '' : String(value)]));
}

function commandOf(service: ComposeService): string[] {
  const { command } = service;
  if (command === undefined) return [];
  return Array.isArray(command) ? command : command.split(/\s+/);
}

function dependsOnOf(service: ComposeService): Record<string, string> {
  const { depends_on: dependsOn } = service;
  if (!dependsOn) return {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(dependsOn).map(([name, { condition }]) => [name, condition ?? 'service_started']));
}

/** The health-check command as one string, without the CMD / CMD-SHELL marker. */
function healthcheckOf(service: ComposeService): string {
  const test = service.healthcheck?.test;
  expect(test).toBeDefined();
  return Array.isArray(test) ? test.filter((part, i) => i > 0 || !part.startsWith('CMD')).join(' ') : String(test);
}

function mountsOf(service: ComposeService): { source: string; target: string }[] {
  return (service.volumes ?? []).map((volume) => {
    if (typeof volume !== 'string') return { source: volume.source ?? '', target: volume.target ?? '' };
    const [source, target] = volume.split(':');
    return { source, target };
  });
}

/** Port mappings as host_ip / published / target strings (v1 prints short or long syntax, v2 the long one). */
function publishedOf(service: ComposeService): { host_ip?: string; published: string; target: string }[] {
  return (service.ports ?? []).map((port) => {
    if (typeof port !== 'string') {
      return { host_ip: port.host_ip || undefined, published: String(port.published), target: String(port.target) };
    }
    const parts = port.replace(/\/tcp$/, '').split(':');
    const target = parts.pop()!;
    const published = parts.pop()!;
    return { host_ip: parts.pop() || undefined, published, target };
  });
}

function volumeNames(config: ComposeConfig): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(config.volumes ?? {}).map(([key, volume]) => [key, volume?.name]));
}
