import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../../http/dto-fields';
import { ExportQueryDto } from '../../http/list-query.dto';
import { MAX_PAGE_SIZE } from '../../http/pagination';

/** The timeline's own paging (by stream revision), with asOf and format as every exportable read route. */
export class TimelineQueryDto extends ExportQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page', pattern: '^[0-9]+$', maxLength: 15 })
  @Optional()
  @MaxLength(15)
  @Matches(/^\d+$/, { message: 'cursor must be a nextCursor of this timeline' })
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}
