import { LEVEL_INPUTS, ORGANISATION_KINDS, ORGANISATION_SIZES, OrganisationKind, OrganisationSize } from '@crm/domain';
import { BrinField, KvkField } from '../../http/identifier-fields';
import { EnumField, EnumListField, TextField } from '../../http/dto-fields';

/** Only the fields sent are changed. */
export class UpdateOrganisationDto {
  @TextField({ optional: true, min: 1, example: 'Clusius College Alkmaar' })
  name?: string;

  @EnumField(ORGANISATION_KINDS, { optional: true })
  kind?: OrganisationKind;

  @EnumListField(LEVEL_INPUTS, { optional: true, example: ['vmbo'] })
  levels?: string[];

  @TextField({ optional: true, example: 'techniek' })
  sector?: string;

  @TextField({ optional: true, example: 'Noord-Holland Noord' })
  region?: string;

  @EnumField(ORGANISATION_SIZES, { optional: true })
  size?: OrganisationSize;

  @KvkField()
  kvk?: string;

  @BrinField()
  brin?: string;
}
