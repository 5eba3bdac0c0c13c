import { QUERY_FORMATS } from './csv-export';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { AsOfField, Optional } from './dto-fields';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

/** What every read route accepts: the date its figures are computed for (SPEC §3). Unknown parameters are 400. */
export class AsOfQueryDto {
  @AsOfField()
  asOf?: string;
}

/** A read route that also answers CSV or xlsx (`?format=csv|xlsx`, or the media type in Accept). */
export class ExportQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ enum: QUERY_FORMATS, description: 'csv or xlsx: every matching row as a spreadsheet, in the columns of docs/exports.md' })
  @Optional()
  @IsIn(QUERY_FORMATS)
  format?: (typeof QUERY_FORMATS)[number];
}

/** What every list accepts: the date, paging and the answer's format. */
export class ListQueryDto extends ExportQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page', maxLength: 2000 })
  @Optional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'page size' })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}
