import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@crm/event-store';
import { PROJECTIONS, ProjectionsView } from '@crm/read-models';
import type { FastifyReply } from 'fastify';
import { Access, Public } from '../auth/access.decorators';
import { projectionLag } from '../read-side/projection-lag';

@ApiTags('ops')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(PROJECTIONS) private readonly engine: ProjectionsView,
  ) {}

  @Get('health')
  @Public()
  @ApiOperation({ summary: 'Liveness and readiness: 200 once the event log answers and the projections run; includes projection lag' })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const { head, projections } = await projectionLag(this.events, this.engine);
    const failing = projections.filter((p) => p.error);
    if (failing.length > 0) void reply.status(503);
    return {
      status: failing.length > 0 ? 'degraded' : 'ok',
      eventStore: { status: 'up', headPosition: head },
      readModels: { status: failing.length > 0 ? 'failing' : 'up', rebuilding: this.engine.isRebuilding, projections },
    };
  }

  @Get('metrics')
  @Access('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus metrics' })
  async metrics() {
    const { head, projections } = await projectionLag(this.events, this.engine);
    const lines = [
      '# HELP crm_event_log_head_position Global position of the last event in the log.',
      '# TYPE crm_event_log_head_position gauge',
      `crm_event_log_head_position ${head}`,
      '# HELP crm_projection_position Global position each projection has committed.',
      '# TYPE crm_projection_position gauge',
      ...projections.map((p) => `crm_projection_position{projection="${p.name}"} ${p.position}`),
      '# HELP crm_projection_lag_events Events each projection is behind the head of the log.',
      '# TYPE crm_projection_lag_events gauge',
      ...projections.map((p) => `crm_projection_lag_events{projection="${p.name}"} ${p.lagEvents}`),
      '# HELP crm_projection_lag_seconds Age of the oldest event each projection has not committed.',
      '# TYPE crm_projection_lag_seconds gauge',
      ...projections.map((p) => `crm_projection_lag_seconds{projection="${p.name}"} ${p.lagMs / 1000}`),
      '# HELP process_resident_memory_bytes Resident memory size in bytes.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${process.memoryUsage().rss}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}
