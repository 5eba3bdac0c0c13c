import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@crm/event-store';
import { KEY_STORE, KeyStore } from '@crm/privacy';
import { PROJECTIONS, ProjectionsView } from '@crm/read-models';
import { READ_STORE, ReadStore } from '@crm/read-store';
import type { FastifyReply } from 'fastify';
import { Access, Public } from '../auth/access.decorators';
import { Metrics } from '../observability/metrics';
import { ProjectionLag, projectionLag } from '../read-side/projection-lag';
import { HealthResponse } from './ops.response';

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
  ) {}

  @Get('health')
  @Public()
  @ApiResponse({ status: 200, type: HealthResponse, description: 'every store answers and no projection has failed' })
  @ApiResponse({ status: 503, type: HealthResponse, description: 'a store is down or a projection has failed: `status` is `degraded`' })
  @ApiOperation({
    operationId: 'getHealth',
    summary: 'Readiness: each store (event log, read store, key store) and the projections',
    description: '200 when every store answers and no projection has failed; 503 otherwise, saying which. Includes projection lag.',
  })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const [events, readStore, keyStore] = await Promise.all([
      check(() => this.events.headPosition()),
      check(() => this.readStore.getMeta(READ_STORE_PROBE)),
      check(() => this.keys.get(KEY_STORE_PROBE)),
    ]);
    const projections = events.status === 'up' ? await this.lag().catch(() => this.engine.status()) : this.engine.status();
    const failing = projections.filter((p) => p.error);
    const down = [events, readStore, keyStore].some((store) => store.status === 'down');
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
    };
  }

  @Get('metrics')
  @Access('metrics')
  @ApiOperation({ operationId: 'getMetrics', summary: 'Prometheus metrics: commands, store latencies, projection lag, process' })
  @ApiProduces('text/plain')
  @ApiResponse({ status: 200, description: 'the Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } })
  async metrics(@Res({ passthrough: true }) reply: FastifyReply) {
    await this.lag().catch((error: Error) => reply.log.warn({ context: 'Health' }, `projection lag not measured: ${error.message}`));
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

function withoutValue({ status, latencyMs, error }: StoreStatus): StoreStatus {
  return { status, latencyMs, ...(error !== undefined && { error }) };
}
