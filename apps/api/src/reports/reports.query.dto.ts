import { KEY_PERSON_RISKS } from '@crm/read-models';
import { LEVEL_INPUTS, STAGES } from '@crm/domain';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EnumField, IdField, Optional, TextField } from '../http/dto-fields';
import { HistoryRangeQueryDto } from '../http/history-range';
import { ExportQueryDto } from '../http/list-query.dto';

/** What a report covers: one school, the schools of a region, one level. */
export class ReportScopeDto {
  @IdField({ optional: true, description: 'only this school' })
  school?: string;

  @TextField({ optional: true, description: 'only schools in this region' })
  region?: string;

  @EnumField(LEVEL_INPUTS, { optional: true })
  level?: string;
}

export class ReportQueryDto extends IntersectionType(ExportQueryDto, ReportScopeDto) {}

/** Reports over running partnerships: ended ones only when `stage=ended` is asked. */
export class RunningReportQueryDto extends ReportQueryDto {
  @EnumField(STAGES, { optional: true, description: 'only partnerships in this stage at asOf; without it, those not ended (ended ones only with stage=ended)' })
  stage?: string;
}

export class KeyPersonRiskReportQueryDto extends RunningReportQueryDto {
  @EnumField(KEY_PERSON_RISKS, { optional: true, description: 'school-side risk' })
  risk?: string;
}

export class ContinuityReportQueryDto extends RunningReportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only partnerships orphaned on either side (true) or on neither (false)' })
  @Optional()
  @IsIn(['true', 'false'])
  orphaned?: 'true' | 'false';
}

/** At most this many steps in a levels history: five years by month. */
export const MAX_LEVELS_HISTORY_STEPS = 61;

export class LevelsHistoryQueryDto extends IntersectionType(HistoryRangeQueryDto, ReportScopeDto) {
  @EnumField(['month'], { optional: true, description: `step back from \`to\` by calendar month; at most ${MAX_LEVELS_HISTORY_STEPS} steps, else 400 history_too_long` })
  every?: 'month';
}
