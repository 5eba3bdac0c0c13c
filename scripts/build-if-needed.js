// Builds a Nest app when its sources are newer than its build; returns the path of its entry file.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function ensureBuilt(app) {
  const entry = join(root, `dist/apps/${app}/apps/${app}/src/main.js`);
  const stale = () => Math.max(newestSource(join(root, 'apps')), newestSource(join(root, 'libs'))) > statSync(entry).mtimeMs;
  if (!existsSync(entry) || stale()) {
    console.error(`Building ${app} …`);
    execFileSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', app], { cwd: root, stdio: 'inherit' });
  }
  return entry;
}

module.exports = { ensureBuilt };
