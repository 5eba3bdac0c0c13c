import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../../http/dto-fields';
import { MAX_PAGE_SIZE } from '../../http/pagination';

export class TimelineQueryDto {
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

  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @Optional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
