import { Controller, HttpCode, Post, Query, Inject } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RebuildResponse } from './ops.response';
import { PROJECTIONS, ProjectionsView } from '@crm/read-models';
import { Access } from '../auth/access.decorators';

@ApiTags('admin')
@Access('rebuild')
@Controller('admin/projections')
export class AdminController {
  constructor(@Inject(PROJECTIONS) private readonly engine: ProjectionsView) {}

  @Post('rebuild')
  @HttpCode(202)
  @ApiResponse({ status: 202, type: RebuildResponse, description: 'the rebuild is under way (or done, with wait=true)' })
  @ApiOperation({
    operationId: 'rebuildProjections',
    summary: 'Rebuild every projection from position 0',
    description: 'Builds new generations beside the live ones, which keep answering until the new ones have caught up. `?wait=true` answers when done.',
  })
  @ApiQuery({ name: 'wait', required: false, schema: { type: 'string', enum: ['true', 'false'] }, description: 'true: answer when the rebuild is done' })
  async rebuild(@Query('wait') wait?: string) {
    const done = this.engine.rebuild();
    if (wait === 'true') await done;
    return { status: this.engine.isRebuilding ? 'rebuilding' : 'done', projections: this.engine.status() };
  }
}
