import { PERSON_TIERS, PersonTier } from '@crm/domain';
import { IsEmail } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { EnumField, IdField, TextField, Optional } from '../../http/dto-fields';

export class RegisterPersonDto {
  @IdField({ optional: true, description: 'chosen by the client, or made by the server' })
  personId?: string;

  @IdField({ description: 'the organisation the person works for' })
  organisationId!: string;

  @TextField({ example: 'Fatima el Amrani' })
  name!: string;

  @ApiPropertyOptional({ example: 'f.elamrani@clusius.nl' })
  @Optional()
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;

  @TextField({ optional: true, max: 40, example: '+31 72 512 3456' })
  phone?: string;

  @TextField({ example: 'stagecoördinator', description: 'free text' })
  role!: string;

  @EnumField(PERSON_TIERS, { example: 'operational' })
  tier!: PersonTier;
}
