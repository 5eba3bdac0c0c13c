import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { AsOfField, IdField, Optional } from '../http/dto-fields';

export class WorklistQueryDto {
  @IdField({ description: 'the school-side contact person whose list this is' })
  personId!: string;

  @AsOfField()
  asOf?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @Optional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
