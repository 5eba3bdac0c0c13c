// Builds a Nest app, or the web app, when its sources are newer than its build; returns the path of its entry file.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const WEB_SOURCES = join(root, 'apps/web');

function newestSource(dir, extensions = ['.ts'], skip = []) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (skip.includes(path)) continue;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path, extensions, skip));
    else if (extensions.some((extension) => entry.name.endsWith(extension))) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function ensureBuilt(app) {
  const entry = join(root, `dist/apps/${app}/apps/${app}/src/main.js`);
  const stale = () => Math.max(newestSource(join(root, 'apps'), ['.ts'], [WEB_SOURCES]), newestSource(join(root, 'libs'))) > statSync(entry).mtimeMs;
  if (!existsSync(entry) || stale()) {
    console.error(`Building ${app} …`);
    execFileSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', app], { cwd: root, stdio: 'inherit' });
  }
  return entry;
}

/** The web app (dist/web), which the API serves at / when it is there. */
function ensureWebBuilt() {
  const entry = join(root, 'dist/web/index.html');
  const extensions = ['.ts', '.tsx', '.mts', '.css', '.html', '.svg'];
  const stale = () => Math.max(newestSource(WEB_SOURCES, extensions), newestSource(join(root, 'libs/api-client'))) > statSync(entry).mtimeMs;
  if (!existsSync(entry) || stale()) {
    console.error('Building the web app …');
    execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
  return entry;
}

module.exports = { ensureBuilt, ensureWebBuilt };
