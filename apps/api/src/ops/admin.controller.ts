import { Controller, HttpCode, Post, Query, Inject } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PROJECTIONS, ProjectionsView } from '@crm/read-models';
import { Access } from '../auth/access.decorators';

@ApiTags('admin')
@Access('rebuild')
@Controller('admin/projections')
export class AdminController {
  constructor(@Inject(PROJECTIONS) private readonly engine: ProjectionsView) {}

  @Post('rebuild')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Rebuild every projection from position 0',
    description: 'Builds new generations beside the live ones, which keep answering until the new ones have caught up. `?wait=true` answers when done.',
  })
  @ApiQuery({ name: 'wait', required: false, type: Boolean })
  async rebuild(@Query('wait') wait?: string) {
    const done = this.engine.rebuild();
    if (wait === 'true') await done;
    return { status: this.engine.isRebuilding ? 'rebuilding' : 'done', projections: this.engine.status() };
  }
}
