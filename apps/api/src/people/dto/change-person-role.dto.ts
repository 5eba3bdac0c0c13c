import { PERSON_TIERS, PersonTier } from '@crm/domain';
import { AtField, EnumField, TextField } from '../../http/dto-fields';

export class ChangePersonRoleDto {
  @TextField({ example: 'teamleider techniek' })
  role!: string;

  @EnumField(PERSON_TIERS, { example: 'tactical' })
  tier!: PersonTier;

  @AtField()
  at?: string;
}
