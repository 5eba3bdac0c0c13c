import { KEY_PERSON_RISKS } from '@crm/read-models';
import { LEVEL_INPUTS } from '@crm/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EnumField, IdField, Optional, TextField } from '../http/dto-fields';
import { ExportQueryDto } from '../http/list-query.dto';

export class ReportQueryDto extends ExportQueryDto {
  @IdField({ optional: true, description: 'only this school' })
  school?: string;

  @TextField({ optional: true, description: 'only schools in this region' })
  region?: string;

  @EnumField(LEVEL_INPUTS, { optional: true })
  level?: string;
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
