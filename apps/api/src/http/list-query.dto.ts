import { QUERY_FORMATS } from './csv-export';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional } from './dto-fields';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

/** What every list and report accepts: the date, paging and the answer's format. */
export class ListQueryDto {
  @ApiPropertyOptional({ description: 'the date figures are computed for; default now', example: '2026-06-01' })
  @Optional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO-8601 date' })
  asOf?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ enum: QUERY_FORMATS })
  @Optional()
  @IsIn(QUERY_FORMATS)
  format?: (typeof QUERY_FORMATS)[number];
}
