import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@crm/event-store';
import { KEY_STORE, KeyStore } from '@crm/privacy';
import { PROJECTIONS, ProjectionsView } from '@crm/read-models';
import { READ_STORE, ReadStore } from '@crm/read-store';
import type { FastifyReply } from 'fastify';
import { Access, Public } from '../auth/access.decorators';
import { Settings, SETTINGS } from '../config/settings';
import { Metrics } from '../observability/metrics';
import { ProjectionLag, projectionLag } from '../read-side/projection-lag';
import { EventLogScan } from '../infrastructure/event-log-scan';
import { EVENT_LOG_SCAN } from '../infrastructure/event-store.module';
import { HealthResponse } from './ops.response';
import { storageProblems } from './storage-problems';

/** A store that has not answered within this is reported down (a hung connection must not hang the probe). */
export const STORE_CHECK_TIMEOUT_MS = 3000;

/** A key-store subject that never has a key: looking it up reaches the store (absent keys are never cached). */
const KEY_STORE_PROBE = 'health:probe';
const READ_STORE_PROBE = 'health-probe';

export interface StoreStatus {
  status: 'up' | 'down';
  latencyMs: number;
  /** Why it is down (credentials in connection strings are masked). */
  error?: string;
  /** Its file refuses writes: `full`, `read_only`, `io`, `gone` (deleted or replaced), … (see docs/operations.md). */
  fault?: string;
}

async function check<T>(probe: () => Promise<T>): Promise<StoreStatus & { value?: T }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${STORE_CHECK_TIMEOUT_MS} ms`)), STORE_CHECK_TIMEOUT_MS);
    });
    const value = await Promise.race([probe(), timeout]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started), value };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: maskCredentials(message).slice(0, 300) };
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('ops')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(PROJECTIONS) private readonly engine: ProjectionsView,
    private readonly prometheus: Metrics,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(EVENT_LOG_SCAN) private readonly scan: EventLogScan,
  ) {}

  @Get('health')
  @Public()
  @ApiResponse({ status: 200, type: HealthResponse, description: 'every store answers and no projection has failed' })
  @ApiResponse({ status: 503, type: HealthResponse, description: 'a store is down or a projection has failed: `status` is `degraded`' })
  @ApiOperation({
    operationId: 'getHealth',
    summary: 'Readiness: each store (event log, read store, key store) and the projections',
    description:
      '200 when every store answers and takes writes and no projection has failed; 503 otherwise, saying which and why ' +
      '(a full or read-only disk, a data file deleted or replaced, a projection stopped on a damaged event). Includes projection lag.',
  })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const [answering, readAnswering, keyAnswering] = await Promise.all([
      check(() => this.events.headPosition()),
      check(() => this.readStore.getMeta(READ_STORE_PROBE)),
      check(() => this.keys.get(KEY_STORE_PROBE)),
    ]);
    // A store that answers reads may still refuse writes (a full or read-only disk, its file deleted).
    const problems = storageProblems(this.settings);
    const writable = <T>(status: StoreStatus & { value?: T }, problem = problems.eventStore) =>
      status.status === 'up' && problem ? { ...status, status: 'down' as const, error: problem.message, fault: problem.fault } : status;
    const events = writable(answering);
    const readStore = writable(readAnswering, problems.readStore);
    const keyStore = writable(keyAnswering, problems.keyStore);
    const projections = answering.status === 'up' ? await this.lag().catch(() => this.engine.status()) : this.engine.status();
    const failing = projections.filter((p) => p.error);
    // The check of every event's checksum, in the background since start: a damaged event keeps /health at 503.
    const integrity = this.scan.status;
    const down = [events, readStore, keyStore].some((store) => store.status === 'down') || integrity.status === 'damaged';
    if (down || failing.length > 0) {
      void reply.status(503);
      const stores = { eventStore: events, readStore, keyStore };
      for (const [name, store] of Object.entries(stores)) if (store.status === 'down') reply.log.warn({ context: 'Health' }, `${name} is down: ${store.error}`);
    }
    const { value: headPosition, ...eventStore } = events;
    return {
      status: down || failing.length > 0 ? 'degraded' : 'ok',
      eventStore: { ...eventStore, ...(headPosition !== undefined && { headPosition }) },
      readStore: withoutValue(readStore),
      keyStore: withoutValue(keyStore),
      readModels: { status: failing.length > 0 ? 'failing' : 'up', rebuilding: this.engine.isRebuilding, projections },
      integrity,
    };
  }

  @Get('metrics')
  @Access('metrics')
  @ApiOperation({ operationId: 'getMetrics', summary: 'Prometheus metrics: commands, store latencies, projection lag, process' })
  @ApiProduces('text/plain')
  @ApiResponse({ status: 200, description: 'the Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } })
  async metrics(@Res({ passthrough: true }) reply: FastifyReply) {
    await this.lag().catch((error: Error) => reply.log.warn({ context: 'Health' }, `projection lag not measured: ${error.message}`));
    const problems = storageProblems(this.settings);
    this.prometheus.setFailures(this.engine.status(), {
      eventStore: !!problems.eventStore,
      readStore: !!problems.readStore,
      keyStore: !!problems.keyStore,
    });
    void reply.header('content-type', this.prometheus.contentType);
    return this.prometheus.render();
  }

  private async lag(): Promise<ProjectionLag[]> {
    const { head, projections } = await projectionLag(this.events, this.engine);
    this.prometheus.setProjectionLag(head, projections);
    return projections;
  }
}

/** `mongodb://user:password@host` anywhere in a message → `mongodb://***@host`. */
function maskCredentials(message: string): string {
  return message.replace(/\/\/[^@\s/]*@/g, '//***@');
}

function withoutValue({ status, latencyMs, error, fault }: StoreStatus): StoreStatus {
  return { status, latencyMs, ...(error !== undefined && { error }), ...(fault !== undefined && { fault }) };
}
