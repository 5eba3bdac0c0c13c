import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601 } from 'class-validator';
import { IdField, Optional } from '../http/dto-fields';
import { ReportQueryDto } from './reports.query.dto';

const TRUE_FALSE = ['true', 'false'] as const;

export class PartnerLoadQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ enum: TRUE_FALSE, description: 'only partners that are over-asked (true) or not (false)' })
  @Optional()
  @IsIn(TRUE_FALSE)
  overAsked?: 'true' | 'false';
}

export class DeparturesQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ example: '2025-08-01', description: 'departures on or after this date; default 365 days before asOf (with `person`: any time)' })
  @Optional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-07-31', description: 'departures on or before this date; default (and at most) asOf' })
  @Optional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date' })
  to?: string;

  @IdField({ optional: true, description: 'only this person: the aftermath of their departure' })
  person?: string;
}

export class RecurringCooperationQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ enum: TRUE_FALSE, description: 'only partnerships with (true) or without (false) an activity kind held in two or more school years' })
  @Optional()
  @IsIn(TRUE_FALSE)
  recurring?: 'true' | 'false';
}
