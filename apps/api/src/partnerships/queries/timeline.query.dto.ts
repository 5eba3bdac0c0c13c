import { QUERY_FORMATS } from '../../http/csv-export';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { Optional } from '../../http/dto-fields';
import { MAX_PAGE_SIZE } from '../../http/pagination';

export class TimelineQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @Matches(/^\d+$/, { message: 'cursor must be a nextCursor of this timeline' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ enum: QUERY_FORMATS })
  @Optional()
  @IsIn(QUERY_FORMATS)
  format?: (typeof QUERY_FORMATS)[number];
}
