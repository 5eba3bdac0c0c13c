import { PERSON_TIERS, PersonTier } from '@crm/domain';
import { DateField, EmailField, EnumField, IdField, TextField } from '../../http/dto-fields';

export class RegisterPersonDto {
  @IdField({ optional: true, description: 'chosen by the client, or made by the server' })
  personId?: string;

  @IdField({ description: 'the organisation the person works for' })
  organisationId!: string;

  @TextField({ example: 'Fatima el Amrani' })
  name!: string;

  @EmailField({ optional: true, example: 'f.elamrani@clusius.nl' })
  email?: string;

  @TextField({ optional: true, max: 40, example: '+31 72 512 3456' })
  phone?: string;

  @TextField({ example: 'stagecoördinator', description: 'free text' })
  role!: string;

  @EnumField(PERSON_TIERS, { example: 'operational' })
  tier!: PersonTier;

  @DateField({ optional: true, description: 'since when the person works at the organisation; unknown when left out (a member from the start)' })
  joinedAt?: string;
}
