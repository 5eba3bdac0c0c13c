#!/usr/bin/env node
// `npm run test:integration`: the contract suites against real EventStoreDB/KurrentDB and MongoDB servers.
const { spawnSync } = require('node:child_process');

const missing = ['EVENTSTORE_URL', 'MONGODB_URL'].filter((name) => !process.env[name]);
if (missing.length > 0) {
  console.error(`set ${missing.join(' and ')} to the servers to test against (see README, Production mode)`);
  process.exit(2);
}
const jest = require.resolve('jest/bin/jest');
const result = spawnSync(process.execPath, [jest, '--selectProjects', 'contract', '--runInBand'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
