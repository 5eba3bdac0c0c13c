import { Controller, HttpCode, HttpException, Post, Query, Inject } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Optional } from '../http/dto-fields';
import { RebuildResponse } from './ops.response';
import { PROJECTIONS, ProjectionsView } from '@crm/read-models';
import { Access } from '../auth/access.decorators';

export class RebuildQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: answer when the rebuild is done' })
  @Optional()
  @IsIn(['true', 'false'])
  wait?: 'true' | 'false';
}

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
    description:
      'Builds new generations beside the live ones, which keep answering until the new ones have caught up. `?wait=true` ' +
      'answers when done, or 503 `rebuild_failed` naming the cause (e.g. a damaged event: stream, position, file) when a ' +
      'new generation fails; the live ones then stay, and a later rebuild starts afresh.',
  })
  async rebuild(@Query() { wait }: RebuildQueryDto) {
    const done = this.engine.rebuild();
    // Not waited for: a failure is reported in /health and the log (the projections' own error handling).
    if (wait !== 'true') done.catch(() => undefined);
    else {
      try {
        await done;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new HttpException({ statusCode: 503, code: 'rebuild_failed', message: `the rebuild failed: ${message}` }, 503);
      }
    }
    return { status: this.engine.isRebuilding ? 'rebuilding' : 'done', projections: this.engine.status() };
  }
}
