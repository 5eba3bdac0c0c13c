import { ACTIVITY_KINDS, ActivityKind, INTERACTION_KINDS, InteractionKind, Side, SIDES } from '@crm/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, Max, Min } from 'class-validator';
import { DateField, EnumField, IdField, IdListField, TextField, Optional } from '../../http/dto-fields';

export class RecordInteractionDto {
  @IdField({ optional: true })
  interactionId?: string;

  @EnumField(INTERACTION_KINDS, { example: 'call' })
  kind!: InteractionKind;

  @DateField({ optional: true, description: 'defaults to now' })
  occurredAt?: string;

  @EnumField(SIDES, { example: 'partner', description: 'who took the initiative' })
  initiatedBy!: Side;

  @IdListField({ optional: true, description: 'people of the school and the partner who took part' })
  participantIds?: string[];

  @TextField({ optional: true, max: 4000, example: 'Discussed internship places for next year' })
  summary?: string;
}

export class RecordActivityDto {
  @IdField({ optional: true })
  activityId?: string;

  @EnumField(ACTIVITY_KINDS, { example: 'guest_lecture' })
  kind!: ActivityKind;

  @DateField({ optional: true, description: 'defaults to now' })
  startsAt?: string;

  @DateField({ optional: true })
  endsAt?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100_000, example: 24 })
  @Optional()
  @IsInt({ message: 'studentCount must be a whole number' })
  @Min(0)
  @Max(100_000)
  studentCount?: number;

  @IdListField({ optional: true })
  participantIds?: string[];
}

export class HoldEvaluationDto {
  @IdField({ optional: true })
  evaluationId?: string;

  @DateField({ optional: true, description: 'defaults to now' })
  heldAt?: string;

  @IdListField({ optional: true })
  participantIds?: string[];

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10, example: 8 })
  @IsNumber({}, { message: 'schoolSatisfaction must be a number' })
  schoolSatisfaction!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10, example: 7 })
  @IsNumber({}, { message: 'partnerSatisfaction must be a number' })
  partnerSatisfaction!: number;

  @TextField({ optional: true, max: 4000 })
  notes?: string;

  @DateField({ optional: true })
  nextEvaluationDue?: string;
}
