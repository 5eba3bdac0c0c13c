import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { freePort } from '../support/api-process';

/**
 * The Dockerfile, without a Docker engine: its stages are read and checked, and its `build` stage is replayed here —
 * the same COPY sources (filtered by .dockerignore) into an empty directory, node_modules standing in for the `deps`
 * stage's `npm ci` of the same lockfile, then that stage's RUN lines as they are written. The bundles it makes are
 * then checked as the runtime stage will use them: the entry files the Dockerfile and docker-compose.yml name exist,
 * they require nothing `npm prune --omit=dev` removes, and the API and the projector start from them.
 */

const ROOT = join(__dirname, '../..');
const ENTRY = {
  api: 'dist/apps/api/apps/api/src/main.js',
  projector: 'dist/apps/projector/apps/projector/src/main.js',
  cli: 'dist/apps/cli/apps/cli/src/main.js',
};

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  from: string;
  name: string;
  instructions: Instruction[];
}

/** Stages of a Dockerfile: continuation lines joined, comments dropped. */
function parseDockerfile(text: string): { args: Record<string, string>; stages: Stage[] } {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword, rest] = /^(\S+)\s*(.*)$/.exec(line)!;
    const instruction = { keyword: keyword.toUpperCase(), args: rest.replace(/\s+/g, ' ') };
    if (instruction.keyword === 'FROM') {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args)!;
      stages.push({ from, name: name ?? String(stages.length), instructions: [] });
    } else if (stages.length === 0 && instruction.keyword === 'ARG') {
      const [key, value] = instruction.args.split('=');
      args[key] = value;
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return { args, stages };
}

const dockerfile = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
const stage = (name: string): Stage => {
  const found = dockerfile.stages.find((s) => s.name === name);
  if (!found) throw new Error(`the Dockerfile has no stage "${name}"`);
  return found;
};
const runs = (name: string) => stage(name).instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);

describe('Dockerfile', () => {
  it('builds on node:20-bookworm-slim in stages deps → build → test / prod-deps → runtime, runtime last', () => {
    expect(dockerfile.args.NODE_IMAGE).toBe('node:20-bookworm-slim');
    expect(dockerfile.stages.map((s) => `${s.name}<${s.from}`)).toEqual([
      'deps<${NODE_IMAGE}',
      'build<deps',
      'test<build',
      'prod-deps<build',
      'runtime<${NODE_IMAGE}',
    ]);
  });

  it('has the toolchain better-sqlite3 builds with, and installs exactly the lockfile', () => {
    const [apt, npm, ci, ...rest] = runs('deps');
    expect(apt).toMatch(/apt-get install -y --no-install-recommends python3 make g\+\+/);
    // npm 11 honours package.json's "allowScripts" (the image's npm 10 would run every install script).
    expect(npm).toBe('npm install -g npm@${NPM_VERSION} --no-audit --no-fund');
    const pinned = stage('deps').instructions.find((i) => i.keyword === 'ARG' && i.args.startsWith('NPM_VERSION='))?.args.split('=')[1];
    expect(Number(pinned?.split('.')[0])).toBeGreaterThanOrEqual(11);
    expect(ci).toBe('npm ci --no-audit --no-fund');
    expect(rest).toEqual([]);
  });

  it('builds with package.json’s own build script, tests the bundles, and prunes dev dependencies for production', () => {
    expect(runs('build')).toEqual(['npm run build']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toMatch(/^run-p .*build:\*/);
    for (const app of ['api', 'cli', 'projector']) expect(pkg.scripts[`build:${app}`]).toBe(`nest build ${app}`);
    expect(runs('test')).toEqual(['npx jest --selectProjects unit contract e2e']);
    expect(runs('prod-deps')).toEqual(['npm prune --omit=dev --no-audit --no-fund']);
  });

  it('runs as the unprivileged node user, with pruned node_modules and the API as the default command', () => {
    const runtime = stage('runtime').instructions;
    const copies = runtime.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies).toEqual(expect.arrayContaining(['--from=prod-deps /app/node_modules ./node_modules', '--from=build /app/dist ./dist']));
    expect(runtime.filter((i) => i.keyword === 'USER').map((i) => i.args)).toEqual(['node']);
    // USER comes before CMD, and no RUN after USER needs root.
    expect(runtime.findIndex((i) => i.keyword === 'USER')).toBeLessThan(runtime.findIndex((i) => i.keyword === 'CMD'));
    expect(JSON.parse(runtime.find((i) => i.keyword === 'CMD')?.args ?? 'null')).toEqual(['node', ENTRY.api]);
    // The projector shares the image: a HEALTHCHECK here would mark it unhealthy (docker-compose.yml checks the API).
    expect(runtime.some((i) => i.keyword === 'HEALTHCHECK')).toBe(false);
  });

  it('keeps secrets and local state out of the build context and the image', () => {
    const ignore = dockerignoreMatcher(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));
    const left = ['.git/HEAD', 'node_modules/jest/package.json', 'libs/x/node_modules/y', 'dist/apps/api', 'data/events.sqlite', '.env', 'apps/api/.env.local', 'tsconfig.tsbuildinfo'];
    expect(left.filter((path) => !ignore(path))).toEqual([]);
    const kept = ['package.json', 'package-lock.json', 'nest-cli.json', 'tsconfig.build.json', 'apps/api/src/main.ts', 'libs/domain/src/index.ts', 'test/e2e/crash.spec.ts', 'jest.config.js'];
    expect(kept.filter((path) => ignore(path))).toEqual([]);
    for (const s of dockerfile.stages) {
      for (const i of s.instructions.filter((x) => x.keyword === 'ENV' || x.keyword === 'ARG')) {
        expect(`${s.name}: ${i.keyword} ${i.args}`).not.toMatch(/SECRET|PASSWORD|TOKEN|AUTH_/i);
      }
    }
  });
});

describe('the Dockerfile’s build stage, replayed without Docker', () => {
  let work: string;
  const children: ChildProcess[] = [];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'crm-docker-build-'));
    const ignore = dockerignoreMatcher(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));
    // The COPY lines of deps and build (the context is the repository root; the destination is relative to /app).
    for (const s of [stage('deps'), stage('build')]) {
      for (const { args } of s.instructions.filter((i) => i.keyword === 'COPY')) {
        expect(args).not.toMatch(/^--/);
        const parts = args.split(' ');
        const destination = parts.pop()!;
        for (const source of parts) {
          const target = destination.endsWith('/') ? join(work, destination, basename(source)) : join(work, destination);
          expect(existsSync(join(ROOT, source))).toBe(true);
          cpSync(join(ROOT, source), target, { recursive: true, filter: (path) => !ignore(path.slice(ROOT.length + 1)) });
        }
      }
    }
    // Stands in for `npm ci` of the deps stage: the same lockfile, already installed here.
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    for (const command of runs('build')) {
      const run = spawnSync('sh', ['-c', command], { cwd: work, encoding: 'utf8', env: process.env, timeout: 580_000 });
      if (run.status !== 0) throw new Error(`\`${command}\` failed (${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
    }
  }, 600_000);

  afterAll(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  });

  it('copies only what the build needs, and nothing .dockerignore excludes', () => {
    expect(readdirSync(work).sort()).toEqual(
      ['apps', 'dist', 'libs', 'nest-cli.json', 'node_modules', 'package-lock.json', 'package.json', 'tsconfig.build.json', 'tsconfig.json'].sort(),
    );
  });

  it('makes the production entry files of the API, the projector and the CLI', () => {
    for (const entry of Object.values(ENTRY)) expect({ entry, exists: existsSync(join(work, entry)) }).toEqual({ entry, exists: true });
  });

  it('makes every entry file that the Dockerfile, docker-compose.yml and docs/operations.md name', () => {
    const named = new Set<string>();
    for (const file of ['Dockerfile', 'docker-compose.yml', 'docker-compose.cluster.yml', 'docs/operations.md']) {
      const path = join(ROOT, file);
      if (!existsSync(path)) continue;
      for (const match of readFileSync(path, 'utf8').matchAll(/dist\/apps\/[\w/-]+\.js/g)) named.add(match[0]);
    }
    expect([...named].sort()).toEqual(expect.arrayContaining([ENTRY.api, ENTRY.projector]));
    for (const entry of named) expect({ entry, exists: existsSync(join(work, entry)) }).toEqual({ entry, exists: true });
  });

  it('requires at run time only Node built-ins and packages that `npm prune --omit=dev` keeps', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const builtins = new Set(builtinModules);
    const problems: string[] = [];
    for (const file of jsFiles(join(work, 'dist'))) {
      const source = readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(/\brequire\(["']([^"'.][^"']*)["']\)/g)) {
        const bare = specifier.replace(/^node:/, '');
        if (builtins.has(bare) || builtins.has(bare.split('/')[0])) continue;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        const entry = lock.packages[`node_modules/${name}`];
        if (!entry) problems.push(`${file.slice(work.length + 1)} requires ${specifier}, which package-lock.json does not install`);
        else if (entry.dev) problems.push(`${file.slice(work.length + 1)} requires ${specifier}, a dev dependency the runtime image prunes`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('serves GET /health from the API bundle (embedded mode, nothing else running)', async () => {
    const port = await freePort();
    const dataDir = join(work, 'data-api');
    mkdirSync(dataDir);
    const api = start(ENTRY.api, { PORT: String(port), DATA_DIR: dataDir });
    const response = await poll(`http://127.0.0.1:${port}/health`, api, 60_000);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', eventStore: { status: 'up' } });
    expect(await stop(api)).toEqual({ code: expect.anything(), exited: true });
  }, 90_000);

  it('starts the projector bundle, catches up, and flushes and exits 0 on SIGTERM', async () => {
    const dataDir = join(work, 'data-projector');
    mkdirSync(dataDir);
    const projector = start(ENTRY.projector, { DATA_DIR: dataDir });
    await waitForOutput(projector, /caught up/, 60_000);
    expect(await stop(projector)).toEqual({ code: 0, exited: true });
  }, 90_000);

  it('runs the CLI bundle (usage without a command)', () => {
    const run = spawnSync(process.execPath, [ENTRY.cli], { cwd: work, encoding: 'utf8', env: appEnv({ DATA_DIR: join(work, 'data-cli') }), timeout: 60_000 });
    expect({ status: run.status, usage: run.stderr.includes('rebuild-projections') }).toEqual({ status: 0, usage: true });
  });

  // ---- helpers ----

  /** The process environment without the settings that would point the bundle at servers or identity providers. */
  function appEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...extra };
    for (const key of Object.keys(env)) if (/^(EVENTSTORE_URL|MONGODB_URL|AUTH_)/.test(key)) delete env[key];
    return env;
  }

  function start(entry: string, extra: Record<string, string>): ChildProcess & { output: () => string } {
    const child = spawn(process.execPath, [entry], { cwd: work, env: appEnv(extra), stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return Object.assign(child, { output: () => output });
  }

  async function poll(url: string, child: ChildProcess & { output: () => string }, timeoutMs: number): Promise<Response> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering:\n${child.output()}`);
      try {
        const response = await fetch(url);
        if (response.ok || Date.now() > deadline) return response;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`no answer from ${url} within ${timeoutMs} ms (${String(error)}):\n${child.output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function waitForOutput(child: ChildProcess & { output: () => string }, pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(child.output())) {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${child.output()}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${child.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** SIGTERM, as `docker stop` sends it; SIGKILL after 20 s. */
  function stop(child: ChildProcess): Promise<{ code: number | null; exited: boolean }> {
    return new Promise((resolve) => {
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', (code, signal) => {
        clearTimeout(killer);
        resolve({ code: code ?? (signal === 'SIGTERM' ? 143 : null), exited: signal !== 'SIGKILL' });
      });
      child.kill('SIGTERM');
    });
  }
});

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

// .dockerignore as Docker reads it: each pattern is matched against the whole path from the context root (so `*.log`
// means root-level files only, `**/*.log` any), `*` and `?` stay within a segment, `**` spans segments, and a
// matched directory takes its contents with it. Exceptions (`!pattern`) are not used in this repository.
function dockerignoreMatcher(text: string): (relativePath: string) => boolean {
  const patterns = text
    .split('\n')
    .map((line) => line.trim().replace(/^\/+|\/+$/g, ''))
    .filter((line) => line !== '' && !line.startsWith('#'));
  expect(patterns.filter((pattern) => pattern.startsWith('!'))).toEqual([]);
  const regexes = patterns.map((pattern) => {
    const body = pattern
      .split('**/')
      .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'))
      .join('(?:.*/)?');
    return new RegExp(`^${body}$`);
  });
  return (relativePath) => {
    const segments = relativePath.split('/');
    return segments.some((_, i) => {
      const prefix = segments.slice(0, i + 1).join('/');
      return regexes.some((regex) => regex.test(prefix));
    });
  };
}
