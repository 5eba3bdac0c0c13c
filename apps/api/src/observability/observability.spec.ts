import { DomainError } from '@crm/domain';
import { EventStore, WrongExpectedRevisionError } from '@crm/event-store';
import { ReadStore } from '@crm/read-store';
import { NotFoundException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { createLogger, PinoNestLogger } from './logger';
import { Metrics } from './metrics';
import { commandOutcomeOf, meterCommands } from './metrics.module';
import { correlationIdOf, requestIdOf } from './request-logging';
import { TimedEventStore, TimedReadStore } from './timed-stores';

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

describe('JSON logs', () => {
  it('writes one JSON object per line: level name, ISO time, app, pid, hostname, msg', () => {
    const { lines, stream } = capture();
    createLogger('api', 'info', stream).info({ position: 3 }, 'hello');
    expect(lines).toEqual([
      { level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), app: 'api', pid: process.pid, hostname: expect.any(String), position: 3, msg: 'hello' },
    ]);
  });

  it('never writes tokens, secrets or passwords, even when handed them', () => {
    const { lines, stream } = capture();
    createLogger('api', 'info', stream).info({ headers: { authorization: 'Bearer eyJ.secret' }, token: 't', config: { password: 'p', secret: 's' } }, 'x');
    expect(JSON.stringify(lines)).not.toMatch(/eyJ|"t"|"p"|"s"/);
    expect(lines[0]).toMatchObject({ headers: { authorization: '[redacted]' }, token: '[redacted]', config: { password: '[redacted]', secret: '[redacted]' } });
  });

  it('honours the level', () => {
    const { lines, stream } = capture();
    const log = createLogger('api', 'warn', stream);
    log.info('no');
    log.warn('yes');
    expect(lines.map((line) => line.msg)).toEqual(['yes']);
  });

  it("writes Nest's logger through pino: context, stack, start-up chatter as debug", () => {
    const { lines, stream } = capture();
    const root = createLogger('api', 'debug', stream);
    const nest = new PinoNestLogger(root);
    nest.log('ready', 'Main');
    nest.log('AppModule dependencies initialized', 'InstanceLoader');
    nest.error('boom', 'Error: boom\n    at x', 'Errors');
    nest.warn('careful');
    expect(lines.map(({ level, msg, context, stack, reqId, correlationId }) => ({ level, msg, context, stack, reqId, correlationId }))).toEqual([
      { level: 'info', msg: 'ready', context: 'Main' },
      { level: 'debug', msg: 'AppModule dependencies initialized', context: 'InstanceLoader' },
      { level: 'error', msg: 'boom', context: 'Errors', stack: 'Error: boom\n    at x' },
      { level: 'warn', msg: 'careful' },
    ]);
  });

  it('keeps a well-formed X-Request-Id and X-Correlation-Id, and makes its own otherwise', () => {
    const uuid = /^[0-9a-f-]{36}$/;
    expect(requestIdOf({ headers: { 'x-request-id': 'lb-4f2a.17' } } as never)).toBe('lb-4f2a.17');
    expect(requestIdOf({ headers: { 'x-request-id': 'has spaces' } } as never)).toMatch(uuid);
    expect(requestIdOf({ headers: {} } as never)).toMatch(uuid);
    expect(correlationIdOf({ headers: { 'x-correlation-id': 'order-42 retry 2' } })).toBe('order-42 retry 2');
    expect(correlationIdOf({ headers: { 'x-correlation-id': 'x'.repeat(201) } })).toMatch(uuid);
    expect(correlationIdOf({ headers: {} })).toMatch(uuid);
  });
});

describe('metrics', () => {
  const metricValue = async (metrics: Metrics, pattern: RegExp) => Number(pattern.exec(await metrics.render())?.[1] ?? NaN);

  it('times every event-store operation through the decorator, by operation and outcome', async () => {
    const metrics = new Metrics();
    const inner = {
      headPosition: async () => 7,
      append: async () => {
        throw new WrongExpectedRevisionError('s', 1, 2);
      },
      readStream: async () => {
        throw new Error('disk on fire');
      },
      subscribe: jest.fn(() => ({ close: async () => undefined })),
    } as unknown as EventStore;
    const store = new TimedEventStore(inner, metrics.eventStoreDuration);
    expect(await store.headPosition()).toBe(7);
    await expect(store.append([])).rejects.toThrow(WrongExpectedRevisionError);
    await expect(store.readStream('s')).rejects.toThrow('disk on fire');
    store.subscribe({ from: 0, onEvent: () => undefined });
    expect(inner.subscribe).toHaveBeenCalled();
    expect(await metricValue(metrics, /crm_event_store_operation_duration_seconds_count\{operation="headPosition",outcome="ok"\} (\d+)/)).toBe(1);
    expect(await metricValue(metrics, /crm_event_store_operation_duration_seconds_count\{operation="append",outcome="conflict"\} (\d+)/)).toBe(1);
    expect(await metricValue(metrics, /crm_event_store_operation_duration_seconds_count\{operation="readStream",outcome="error"\} (\d+)/)).toBe(1);
  });

  it('times every read-store operation through the decorator', async () => {
    const metrics = new Metrics();
    const inner = { find: async () => [{ _id: 'a' }], commit: async () => undefined, get: async () => undefined } as unknown as ReadStore;
    const store = new TimedReadStore(inner, metrics.readStoreDuration);
    expect(await store.find('c')).toEqual([{ _id: 'a' }]);
    await store.find('c');
    await store.commit({ upserts: [], checkpoints: {} });
    expect(await metricValue(metrics, /crm_read_store_operation_duration_seconds_count\{operation="find",outcome="ok"\} (\d+)/)).toBe(2);
    expect(await metricValue(metrics, /crm_read_store_operation_duration_seconds_count\{operation="commit",outcome="ok"\} (\d+)/)).toBe(1);
  });

  it('counts and times commands through the command bus, by domain command and outcome', async () => {
    const metrics = new Metrics();
    const outcomes: (() => Promise<unknown>)[] = [
      async () => ({ id: 'x', revision: 0, position: 1 }),
      async () => {
        throw new DomainError('date_before_opening', 'too early', 'rule');
      },
      async () => {
        throw new WrongExpectedRevisionError('s', 1, 2);
      },
    ];
    const bus = { execute: jest.fn(() => outcomes.shift()!()) } as unknown as CommandBus;
    meterCommands(bus, metrics);
    const command = (type: string) => ({ command: { type }, envelope: {} });
    await bus.execute(command('RecordInteraction'));
    await expect(bus.execute(command('RecordInteraction'))).rejects.toThrow('too early');
    await expect(bus.execute(command('ChangeStage'))).rejects.toThrow(WrongExpectedRevisionError);
    const text = await metrics.render();
    expect(text).toContain('crm_commands_total{command="RecordInteraction",outcome="accepted"} 1');
    expect(text).toContain('crm_commands_total{command="RecordInteraction",outcome="rejected"} 1');
    expect(text).toContain('crm_commands_total{command="ChangeStage",outcome="conflict"} 1');
    expect(text).toMatch(/crm_command_duration_seconds_bucket\{le="0.005",command="RecordInteraction",outcome="accepted"\} \d/);
  });

  it('maps errors to outcomes as the client is answered', () => {
    expect(commandOutcomeOf(new DomainError('person_left', 'x', 'rule'))).toBe('rejected');
    expect(commandOutcomeOf(new DomainError('person_not_found', 'x', 'not_found'))).toBe('not_found');
    expect(commandOutcomeOf(new DomainError('person_exists', 'x', 'conflict'))).toBe('conflict');
    expect(commandOutcomeOf(new NotFoundException())).toBe('not_found');
    expect(commandOutcomeOf(new Error('bug'))).toBe('error');
  });

  it('exposes projection lag under the names it always had, and process metrics', async () => {
    const metrics = new Metrics();
    metrics.setProjectionLag(12, [{ name: 'partnerships', generation: 1, position: 10, caughtUp: false, lagEvents: 2, lagMs: 1500 }]);
    const text = await metrics.render();
    expect(text).toContain('crm_event_log_head_position 12');
    expect(text).toContain('crm_projection_position{projection="partnerships"} 10');
    expect(text).toContain('crm_projection_lag_events{projection="partnerships"} 2');
    expect(text).toContain('crm_projection_lag_seconds{projection="partnerships"} 1.5');
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    // two apps in one process (tests) each have their own registry
    expect(() => new Metrics()).not.toThrow();
  });
});
