import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run test:integration` on a machine without a Docker engine (DOCKER_HOST points at no daemon, so this holds on
 * any machine): it says what it needs and how to go on, exits 2, and starts nothing. With an engine it starts the
 * servers of docker-compose.yml; that run needs Docker and is not repeated here.
 */
describe('npm run test:integration without a Docker engine', () => {
  it('says it needs a running Docker engine or server URLs, and exits 2', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' };
    delete env.EVENTSTORE_URL;
    delete env.MONGODB_URL;

    const run = spawnSync(process.execPath, [join(__dirname, '../../scripts/test-integration.js')], { encoding: 'utf8', env });

    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/needs (a running Docker engine|Docker Compose)/);
    expect(run.stderr).toContain('set EVENTSTORE_URL and MONGODB_URL');
    expect(run.stdout).not.toContain('starting');
  });
});
