import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601 } from 'class-validator';
import { DateField, IdField, Optional } from '../http/dto-fields';

export class WorklistQueryDto {
  @IdField({ optional: true, description: "the school-side contact person whose list this is; default the caller's own person (GET /me)" })
  personId?: string;

  @ApiPropertyOptional({ example: '2026-06-01' })
  @Optional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO-8601 date' })
  asOf?: string;

  @DateField({ optional: true, description: 'only actions due before this date (overdue ones included), e.g. next Monday for "this week"' })
  dueBefore?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @Optional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
