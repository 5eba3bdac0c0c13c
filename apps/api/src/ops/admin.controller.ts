import { Controller, HttpCode, HttpException, Post, Query, Inject } from '@nestjs/common';
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
    description:
      'Builds new generations beside the live ones, which keep answering until the new ones have caught up. `?wait=true` ' +
      'answers when done, or 500 `rebuild_failed` naming the cause (e.g. a damaged event: stream, position, file) when a ' +
      'new generation fails; the live ones then stay, and a later rebuild starts afresh.',
  })
  @ApiQuery({ name: 'wait', required: false, type: Boolean })
  async rebuild(@Query('wait') wait?: string) {
    const done = this.engine.rebuild();
    // Not waited for: a failure is reported in /health and the log (the projections' own error handling).
    if (wait !== 'true') done.catch(() => undefined);
    else {
      try {
        await done;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new HttpException({ statusCode: 500, code: 'rebuild_failed', message: `the rebuild failed: ${message}` }, 500);
      }
    }
    return { status: this.engine.isRebuilding ? 'rebuilding' : 'done', projections: this.engine.status() };
  }
}
