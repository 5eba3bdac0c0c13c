import { Controller, HttpCode, Post, Query, Inject } from '@nestjs/common';
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
    description: 'Builds new generations beside the live ones, which keep answering until the new ones have caught up. `?wait=true` answers when done.',
  })
  async rebuild(@Query() { wait }: RebuildQueryDto) {
    const done = this.engine.rebuild();
    if (wait === 'true') await done;
    return { status: this.engine.isRebuilding ? 'rebuilding' : 'done', projections: this.engine.status() };
  }
}
