import { QUERY_FORMATS } from '../http/csv-export';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601 } from 'class-validator';
import { IdField, Optional } from '../http/dto-fields';

export class WorklistQueryDto {
  @IdField({ description: 'the school-side contact person whose list this is' })
  personId!: string;

  @ApiPropertyOptional({ example: '2026-06-01' })
  @Optional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO-8601 date' })
  asOf?: string;

  @ApiPropertyOptional({ enum: QUERY_FORMATS })
  @Optional()
  @IsIn(QUERY_FORMATS)
  format?: (typeof QUERY_FORMATS)[number];
}
