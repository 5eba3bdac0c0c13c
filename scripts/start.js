#!/usr/bin/env node
// `npm start`: builds the API when the sources are newer than the build, then serves it.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const entry = join(root, 'dist/apps/api/apps/api/src/main.js');

function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    if (name.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (name.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const sourcesChanged = () =>
  Math.max(newestSource(join(root, 'apps')), newestSource(join(root, 'libs'))) > statSync(entry).mtimeMs;

if (!existsSync(entry) || sourcesChanged()) {
  console.log('Building the API …');
  execFileSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', 'api'], { cwd: root, stdio: 'inherit' });
}
require(entry);
