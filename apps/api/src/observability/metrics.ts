import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ProjectionLag } from '../read-side/projection-lag';

/** Latency buckets (seconds) from a cached SQLite read (sub-millisecond) to a slow MongoDB transaction. */
const STORE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const COMMAND_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type CommandOutcome = 'accepted' | 'rejected' | 'not_found' | 'conflict' | 'error';
export type StoreOutcome = 'ok' | 'conflict' | 'error';
export type StoreHistogram = Histogram<'operation' | 'outcome'>;

let processRegistry: Registry | undefined;

/** Process metrics (CPU, memory, event-loop lag, GC, handles): one collector per process, however many apps it builds. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The API's Prometheus metrics (GET /metrics). Each app has its own registry (tests build many apps in one process);
 * process metrics are shared.
 *
 * - `crm_commands_total{command,outcome}`, `crm_command_duration_seconds{command,outcome}`: every command through the
 *   command bus, by domain command (`RecordInteraction`, …) and outcome (accepted, rejected = 422, not_found, conflict = 409, error)
 * - `crm_event_store_operation_duration_seconds{operation,outcome}`, `crm_read_store_operation_duration_seconds{operation,outcome}`:
 *   every call through the event-store and read-store ports (TimedEventStore, TimedReadStore)
 * - `crm_event_log_head_position`, `crm_projection_position{projection}`, `crm_projection_lag_events{projection}`,
 *   `crm_projection_lag_seconds{projection}`: projection progress, measured at each scrape
 * - `crm_projection_failing{projection}`: 1 while a projection is halted by a failure (it retries on its own), else 0
 * - `crm_store_failing{store}`: 1 while a store's file refuses writes (full, read-only, deleted …), else 0
 * - process_* and nodejs_*: prom-client's default metrics
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly commands = new Counter({
    name: 'crm_commands_total',
    help: 'Commands handled, by domain command and outcome (accepted, rejected, not_found, conflict, error).',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly commandDuration = new Histogram({
    name: 'crm_command_duration_seconds',
    help: 'Time from dispatch to answer of a command (load, decide, append), by domain command and outcome.',
    labelNames: ['command', 'outcome'] as const,
    buckets: COMMAND_BUCKETS,
    registers: [this.registry],
  });

  readonly eventStoreDuration: StoreHistogram = new Histogram({
    name: 'crm_event_store_operation_duration_seconds',
    help: 'Latency of event-store operations (append, readStream, readAll, …), by operation and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: STORE_BUCKETS,
    registers: [this.registry],
  });

  readonly readStoreDuration: StoreHistogram = new Histogram({
    name: 'crm_read_store_operation_duration_seconds',
    help: 'Latency of read-store operations (find, get, commit, …), by operation and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: STORE_BUCKETS,
    registers: [this.registry],
  });

  private readonly head = new Gauge({ name: 'crm_event_log_head_position', help: 'Global position of the last event in the log.', registers: [this.registry] });
  private readonly projectionPosition = new Gauge({
    name: 'crm_projection_position',
    help: 'Global position each projection has committed.',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });
  private readonly projectionLagEvents = new Gauge({
    name: 'crm_projection_lag_events',
    help: 'Events each projection is behind the head of the log.',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });
  private readonly projectionLagSeconds = new Gauge({
    name: 'crm_projection_lag_seconds',
    help: 'Age of the oldest event each projection has not committed.',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  private readonly projectionFailing = new Gauge({
    name: 'crm_projection_failing',
    help: 'Whether a projection is halted by a failure (1) or running (0); it retries from its checkpoint on its own.',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });
  private readonly storeFailing = new Gauge({
    name: 'crm_store_failing',
    help: 'Whether a store refuses writes now (1: disk full, read-only, file deleted or replaced …) or not (0).',
    labelNames: ['store'] as const,
    registers: [this.registry],
  });

  private readonly exposed = Registry.merge([processMetrics(), this.registry]);

  get contentType(): string {
    return this.exposed.contentType;
  }

  recordCommand(command: string, outcome: CommandOutcome, seconds: number): void {
    this.commands.inc({ command, outcome });
    this.commandDuration.observe({ command, outcome }, seconds);
  }

  setProjectionLag(head: number, projections: readonly ProjectionLag[]): void {
    this.head.set(head);
    for (const p of projections) {
      this.projectionPosition.set({ projection: p.name }, p.position);
      this.projectionLagEvents.set({ projection: p.name }, p.lagEvents);
      this.projectionLagSeconds.set({ projection: p.name }, p.lagMs / 1000);
    }
  }

  setFailures(projections: readonly { name: string; error?: string }[], stores: Record<string, boolean>): void {
    for (const p of projections) this.projectionFailing.set({ projection: p.name }, p.error ? 1 : 0);
    for (const [store, failing] of Object.entries(stores)) this.storeFailing.set({ store }, failing ? 1 : 0);
  }

  /** The Prometheus text format (0.0.4). */
  render(): Promise<string> {
    return this.exposed.metrics();
  }
}
