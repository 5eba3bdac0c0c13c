/** Unit tests sit beside the code (libs/**, apps/**); contract and end-to-end tests live in test/. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2021',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const moduleNameMapper = {
  '^@crm/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@crm/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

// content-disposition 3 (used by @fastify/static), jose 6 (JWT/JWKS verification) and oidc-provider 9 (the identity
// provider of the OIDC browser test) ship ESM only: Node 20.19 requires them natively, Jest needs them compiled.
const common = {
  transform: { '^.+\\.ts$': swc, '/node_modules/(content-disposition|jose|oidc-provider)/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|jose|oidc-provider)/)'],
  moduleNameMapper,
  testEnvironment: 'node',
  rootDir: __dirname,
};

// The medium region's suite holds its read models twice (built live, then rebuilt) beside the region: about 1.5 GB
// alone, more in a worker under load. Node's default heap ceiling (about 4 GB) left little room: the workers (forked
// with this environment) get 6 GB of the machine's 24.
process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, '--max-old-space-size=6144'].filter(Boolean).join(' ');

module.exports = {
  // Jest reads testTimeout from the top level only (inside `projects` it is ignored): on a busy 2-core machine an app's
  // start-up in a hook can pass the default 5 s. Robustness suites set longer ones per file with jest.setTimeout.
  testTimeout: 60_000,
  // Both cores: most suites wait on a child process (the API, chromium) or the disk, so two workers nearly halve the
  // run. A worker is replaced once it holds more than this after a file: a single process accumulating every suite's
  // leftovers ran out of heap near the end of the run.
  maxWorkers: 2,
  workerIdleMemoryLimit: '512MB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    { ...common, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'] },
    { ...common, displayName: 'ops', testMatch: ['<rootDir>/test/ops/**/*.spec.ts'] },
    { ...common, displayName: 'robustness', testMatch: ['<rootDir>/test/robustness/**/*.spec.ts'] },
    // The web app in a real browser (Debian's chromium through playwright-core) against the built API: `npm run build` first.
    { ...common, displayName: 'web', testMatch: ['<rootDir>/test/web/**/*.spec.ts'] },
  ],
};
