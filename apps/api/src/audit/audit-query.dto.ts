import { AsOfField, IdField, TextField } from '../http/dto-fields';
import { ListQueryDto } from '../http/list-query.dto';

/** GET /audit: who recorded what and when (SPEC §6 R2), newest first; `asOf` bounds it like `to`. */
export class AuditQueryDto extends ListQueryDto {
  @TextField({ optional: true, max: 200, description: 'only what this login recorded (the token `sub`, as in `recordedBy`)' })
  recordedBy?: string;

  @IdField({ optional: true, description: 'only what the login of this person recorded (a person id)' })
  recordedByPerson?: string;

  @IdField({ optional: true, description: 'only events about this person (the person, a participant, a signatory, the contact or the owner)' })
  person?: string;

  @IdField({ optional: true, description: 'only events of this partnership' })
  partnership?: string;

  @IdField({ optional: true, description: 'only events about this organisation (its own, its people’s registrations, a partnership it opened)' })
  organisation?: string;

  @AsOfField({ description: 'recorded at or after this; a date without a time is the START of that day in TIME_ZONE', example: '2026-01-01' })
  from?: string;

  @AsOfField({ description: 'recorded at or before this; a date without a time is the END of that day in TIME_ZONE', example: '2026-01-31' })
  to?: string;
}
