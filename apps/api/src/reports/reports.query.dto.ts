import { QUERY_FORMATS } from '../http/csv-export';
import { KEY_PERSON_RISKS } from '@crm/read-models';
import { LEVEL_INPUTS } from '@crm/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601 } from 'class-validator';
import { EnumField, IdField, Optional, TextField } from '../http/dto-fields';

export class ReportQueryDto {
  @ApiPropertyOptional({ example: '2026-06-01' })
  @Optional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO-8601 date' })
  asOf?: string;

  @IdField({ optional: true, description: 'only this school' })
  school?: string;

  @TextField({ optional: true, description: 'only schools in this region' })
  region?: string;

  @EnumField(LEVEL_INPUTS, { optional: true })
  level?: string;

  @ApiPropertyOptional({ enum: QUERY_FORMATS })
  @Optional()
  @IsIn(QUERY_FORMATS)
  format?: (typeof QUERY_FORMATS)[number];
}

export class KeyPersonRiskReportQueryDto extends ReportQueryDto {
  @EnumField(KEY_PERSON_RISKS, { optional: true, description: 'school-side risk' })
  risk?: string;
}

export class ContinuityReportQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only partnerships orphaned on either side (true) or on neither (false)' })
  @Optional()
  @IsIn(['true', 'false'])
  orphaned?: 'true' | 'false';
}
