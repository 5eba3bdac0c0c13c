import { KEY_PERSON_RISKS } from '@crm/read-models';
import { LEVEL_INPUTS, STAGES } from '@crm/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { AsOfField, EnumField, IdField, Optional, TextField } from '../http/dto-fields';

export class ReportQueryDto {
  @AsOfField()
  asOf?: string;

  @IdField({ optional: true, description: 'only this school' })
  school?: string;

  @TextField({ optional: true, description: 'only schools in this region' })
  region?: string;

  @EnumField(LEVEL_INPUTS, { optional: true })
  level?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @Optional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

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

export class LevelsHistoryQueryDto {
  @AsOfField({ description: 'the first step (a day is the end of that day in TIME_ZONE); default a year before `to`', example: '2024-11-01' })
  from?: string;

  @AsOfField({ description: 'the last step (a day is the end of that day in TIME_ZONE); default now', example: '2026-11-01' })
  to?: string;

  @EnumField(['month'], { optional: true, description: `step back from \`to\` by calendar month; at most ${MAX_LEVELS_HISTORY_STEPS} steps, else 400 history_too_long` })
  every?: 'month';

  @IdField({ optional: true, description: 'only this school' })
  school?: string;

  @TextField({ optional: true, description: 'only schools in this region' })
  region?: string;

  @EnumField(LEVEL_INPUTS, { optional: true })
  level?: string;
}
