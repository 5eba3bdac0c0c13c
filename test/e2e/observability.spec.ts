import { EVENT_STORE, EventStore } from '@crm/event-store';
import { KEY_STORE, KeyStore } from '@crm/privacy';
import { READ_STORE, ReadStore } from '@crm/read-store';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/bootstrap/create-app';
import { settingsFromEnv } from '../../apps/api/src/config/settings';
import { BUILT_API, startApiProcess } from '../support/api-process';
import { daysAgo, region } from '../support/fixtures';
import { TEST_ADMIN_SUB, TEST_JWT_SECRET, testToken } from '../support/tokens';

type Line = Record<string, unknown> & { level: string; msg: string };

describe('observability: JSON logs, /metrics, /health', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-observability-'));
  const lines: Line[] = [];
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request.agent>;
  const token = testToken(['admin'], TEST_ADMIN_SUB);

  beforeAll(async () => {
    app = await createApp(
      { ...settingsFromEnv({}), dataDir, auth: { jwtSecret: TEST_JWT_SECRET }, logLevel: 'info' },
      { logDestination: { write: (line: string) => void lines.push(JSON.parse(line) as Line) } },
    );
    http = request.agent(app.getHttpServer()).set('Authorization', `Bearer ${token}`);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const requestLines = () => lines.filter((line) => line.msg === 'request completed');

  it('logs one line per request with reqId, correlationId, method, route pattern, status and duration; answers both ids', async () => {
    const { partnershipId, teacherId } = await region(http);
    const response = await http
      .post(`/api/partnerships/${partnershipId}/interactions`)
      .set('X-Correlation-Id', 'campaign-7')
      .set('X-Request-Id', 'lb-0001')
      .send({ kind: 'call', initiatedBy: 'school', participantIds: [teacherId], summary: 'Spoke with Fatima about four places' })
      .expect(201);
    expect(response.headers['x-correlation-id']).toBe('campaign-7');
    expect(response.headers['x-request-id']).toBe('lb-0001');
    const line = requestLines().find((l) => l.reqId === 'lb-0001');
    expect(line).toEqual({
      level: 'info',
      time: expect.any(String),
      app: 'api',
      pid: process.pid,
      hostname: expect.any(String),
      reqId: 'lb-0001',
      correlationId: 'campaign-7',
      method: 'POST',
      route: '/api/partnerships/:id/interactions',
      status: 201,
      durationMs: expect.any(Number),
      msg: 'request completed',
    });
    // the events the request recorded carry the same correlation id
    const events = await app.get<EventStore>(EVENT_STORE).readAll(response.body.position - 1, 1);
    expect(events[0].metadata.correlationId).toBe('campaign-7');
  });

  it('makes a correlation id when none is sent, and uses it for the response, the log line and the events', async () => {
    const { partnershipId } = await region(http);
    const response = await http.post(`/api/partnerships/${partnershipId}/stage`).send({ to: 'agreed' }).expect(200);
    const correlationId = response.headers['x-correlation-id'];
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    const line = requestLines().find((l) => l.reqId === response.headers['x-request-id']);
    expect(line).toMatchObject({ correlationId, route: '/api/partnerships/:id/stage', status: 200 });
    const [event] = await app.get<EventStore>(EVENT_STORE).readAll(response.body.position - 1, 1);
    expect(event.metadata.correlationId).toBe(correlationId);
  });

  it('keeps tokens, personal data, ids in paths and query strings out of the logs', async () => {
    await http.get('/api/partnerships').query({ text: 'Fatima el Amrani' }).expect(200);
    await request(app.getHttpServer()).get('/api/people').set('Authorization', 'Bearer not-a-valid-token').expect(401);
    const all = JSON.stringify(lines);
    expect(all).not.toContain(token);
    expect(all).not.toContain('not-a-valid-token');
    expect(all).not.toMatch(/Fatima|Jan de Vries|Agrifirm|Clusius|four places/);
    expect(requestLines().find((l) => l.route === '/api/people' && l.method === 'GET')).toMatchObject({ status: 401 });
    expect(all).not.toMatch(/"url"|"query"|"body"|"authorization"/i);
  });

  it("logs a failure (500) with the request's ids, and counts the command as an error", async () => {
    const { partnershipId } = await region(http);
    const append = jest.spyOn(app.get<EventStore>(EVENT_STORE), 'append').mockRejectedValueOnce(new Error('disk full'));
    const response = await http.post(`/api/partnerships/${partnershipId}/intensity`).send({ to: 'innovation' }).expect(500);
    append.mockRestore();
    const reqId = response.headers['x-request-id'];
    expect(lines.find((l) => l.level === 'error' && l.context === 'Errors')).toMatchObject({ reqId, correlationId: response.headers['x-correlation-id'], msg: expect.stringContaining('disk full') });
    expect(requestLines().find((l) => l.reqId === reqId)).toMatchObject({ level: 'error', status: 500 });
    expect((await http.get('/metrics')).text).toMatch(/^crm_commands_total\{command="ChangeIntensity",outcome="error"\} 1$/m);
  });

  it('/metrics: command rate and latency by command and outcome, store latencies, projection lag, process metrics', async () => {
    const { partnershipId } = await region(http);
    // a command the domain refuses (422): before the partnership opened
    await http.post(`/api/partnerships/${partnershipId}/interactions`).send({ kind: 'call', initiatedBy: 'school', occurredAt: daysAgo(4000) }).expect(422);
    const response = await http.get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.text;
    expect(text).toMatch(/^crm_commands_total\{command="RegisterOrganisation",outcome="accepted"\} [1-9]\d*$/m);
    expect(text).toMatch(/^crm_commands_total\{command="RecordInteraction",outcome="rejected"\} 1$/m);
    expect(text).toMatch(/^crm_command_duration_seconds_count\{command="OpenPartnership",outcome="accepted"\} [1-9]\d*$/m);
    expect(text).toMatch(/^crm_event_store_operation_duration_seconds_count\{operation="append",outcome="ok"\} [1-9]\d*$/m);
    expect(text).toMatch(/^crm_read_store_operation_duration_seconds_count\{operation="commit",outcome="ok"\} [1-9]\d*$/m);
    expect(text).toMatch(/^crm_event_log_head_position [1-9]\d*$/m);
    expect(text).toMatch(/^crm_projection_lag_events\{projection="partnerships"\} \d+$/m);
    expect(text).toMatch(/^crm_projection_lag_seconds\{projection="people"\} [\d.]+$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
    await request(app.getHttpServer()).get('/metrics').expect(401);
  });

  describe('/health reports each store', () => {
    afterEach(() => jest.restoreAllMocks());

    it('200 with the event store, the read store and the key store up', async () => {
      const response = await request(app.getHttpServer()).get('/health').expect(200);
      expect(response.body).toMatchObject({
        status: 'ok',
        eventStore: { status: 'up', headPosition: expect.any(Number), latencyMs: expect.any(Number) },
        readStore: { status: 'up' },
        keyStore: { status: 'up' },
        readModels: { status: 'up', projections: expect.any(Array) },
      });
    });

    it.each([
      ['eventStore', () => jest.spyOn(app.get<EventStore>(EVENT_STORE), 'headPosition')],
      ['readStore', () => jest.spyOn(app.get<ReadStore>(READ_STORE), 'getMeta')],
      ['keyStore', () => jest.spyOn(app.get<KeyStore>(KEY_STORE), 'get')],
    ] as const)('503 when the %s is down, naming it, with credentials masked', async (name, spy) => {
      spy().mockRejectedValue(new Error('connect ECONNREFUSED mongodb://crm:s3cret@db:27017'));
      const response = await request(app.getHttpServer()).get('/health').expect(503);
      expect(response.body.status).toBe('degraded');
      expect(response.body[name]).toEqual({ status: 'down', latencyMs: expect.any(Number), error: 'connect ECONNREFUSED mongodb://***@db:27017' });
      for (const other of ['eventStore', 'readStore', 'keyStore'].filter((store) => store !== name)) expect(response.body[other].status).toBe('up');
      expect(JSON.stringify(lines)).not.toContain('s3cret');
    });

    it('503 when a store does not answer within the bound, instead of hanging', async () => {
      jest.spyOn(app.get<KeyStore>(KEY_STORE), 'get').mockReturnValue(new Promise(() => undefined));
      const started = Date.now();
      const response = await request(app.getHttpServer()).get('/health').expect(503);
      expect(Date.now() - started).toBeLessThan(6000);
      expect(response.body.keyStore).toMatchObject({ status: 'down', error: 'no answer within 3000 ms' });
    });
  });
});

describe('the built apps', () => {
  const apps = ['api', 'projector', 'cli'].map((app) => ({ app, entry: join(__dirname, `../../dist/apps/${app}/apps/${app}/src/main.js`) }));

  it('stop with exit code 1 and a message naming the setting when one is wrong, before opening anything', () => {
    const dataDir = join(tmpdir(), `crm-never-${process.pid}`);
    for (const { app, entry } of apps) {
      expect(existsSync(entry)).toBe(true);
      const run = spawnSync(process.execPath, [entry, 'rebuild-projections'], {
        env: { PATH: process.env.PATH, PORT: 'abc', PROJECTOR_LEASE_TTL_MS: '10s', DATA_DIR: dataDir },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect({ app, status: run.status }).toEqual({ app, status: 1 });
      expect(run.stderr).toContain("PORT must be a port number (0-65535) (got 'abc')");
      expect(run.stderr).toContain("PROJECTOR_LEASE_TTL_MS must be a whole number of milliseconds from 500 to 600000 (got '10s')");
      expect(existsSync(dataDir)).toBe(false);
    }
    const api = spawnSync(process.execPath, [BUILT_API], { env: { PATH: process.env.PATH, LOG_LEVEL: 'chatty' }, encoding: 'utf8', timeout: 30_000 });
    expect(JSON.parse(api.stderr.trim())).toMatchObject({ level: 'fatal', app: 'api', settings: ['LOG_LEVEL'], msg: expect.stringContaining('LOG_LEVEL must be one of') });
  });

  it('the API process writes only JSON lines', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-observability-process-'));
    const api = await startApiProcess(dataDir);
    try {
      await api.http.get('/api/partnerships').expect(200);
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await api.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }
    const parsed = api
      .output()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Line);
    expect(parsed.find((line) => line.msg.startsWith('Partnership CRM ready'))).toMatchObject({ level: 'info', app: 'api', context: 'Main' });
    expect(parsed.find((line) => line.msg === 'request completed')).toMatchObject({ route: '/api/partnerships', status: 200 });
    expect(parsed.every((line) => typeof line.time === 'string' && typeof line.level === 'string')).toBe(true);
  }, 60_000);
});
