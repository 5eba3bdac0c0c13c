import { Intensity, INTENSITIES, LEVEL_INPUTS, Stage, STAGES } from '@crm/domain';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { AtField, DateField, EnumField, EnumListField, IdField, TextField, Optional, WellFormedText } from '../../http/dto-fields';

export class OpenPartnershipDto {
  @IdField({ optional: true, description: 'chosen by the client, or made by the server' })
  partnershipId?: string;

  @IdField({ description: 'an organisation of kind school', example: '6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d' })
  schoolId!: string;

  @IdField({ description: 'the company, municipality, network or other school', example: 'c7e8f9a0-b1c2-4d3e-9f4a-5b6c7d8e9f00' })
  partnerId!: string;

  @EnumListField(LEVEL_INPUTS, { example: ['mbo'], description: 'levels of the school this covers; `vo` = vmbo+havo+vwo' })
  levels!: string[];

  @EnumField(INTENSITIES, { example: 'placement' })
  intensity!: Intensity;

  @ApiPropertyOptional({ type: 'string', isArray: true, maxItems: 50, maxLength: 100, example: ['techniek', 'duurzaamheid'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  @WellFormedText({ each: true })
  themes?: string[];

  @DateField({ optional: true, description: 'defaults to now' })
  openedAt?: string;
}

export class ChangeStageDto {
  @EnumField(STAGES.filter((stage) => stage !== 'exploring' && stage !== 'ended'), { example: 'agreed' })
  to!: Stage;

  @TextField({ optional: true, max: 500, example: 'MoU signed' })
  reason?: string;

  @AtField()
  at?: string;
}

export class ChangeIntensityDto {
  @EnumField(INTENSITIES, { example: 'exchange' })
  to!: Intensity;

  @AtField()
  at?: string;
}

export class EndPartnershipDto {
  @TextField({ max: 500, example: 'company moved out of the region' })
  reason!: string;

  @AtField()
  at?: string;
}
