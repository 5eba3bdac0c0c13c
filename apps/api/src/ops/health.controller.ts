import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@crm/event-store';

@ApiTags('ops')
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: 200 once the event log answers' })
  async health() {
    const head = await this.store.headPosition();
    return { status: 'ok', eventStore: { status: 'up', headPosition: head } };
  }
}
