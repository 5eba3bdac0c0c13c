import { CONTACT_ROLES, ContactRole, Side, SIDES, UNASSIGN_REASONS, UnassignReason } from '@crm/domain';
import { AtField, EnumField, IdField } from '../../http/dto-fields';

export class AssignContactDto {
  @EnumField(SIDES, { example: 'school' })
  side!: Side;

  @IdField()
  personId!: string;

  @EnumField(CONTACT_ROLES, { example: 'primary' })
  role!: ContactRole;

  @AtField()
  at?: string;
}

/** Query of DELETE /partnerships/:id/contacts/:personId. */
export class UnassignContactQuery {
  @EnumField(UNASSIGN_REASONS, { optional: true, example: 'handover', description: 'defaults to other' })
  reason?: UnassignReason;

  @AtField()
  at?: string;
}
