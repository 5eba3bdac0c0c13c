import { LEVEL_INPUTS, ORGANISATION_KINDS, ORGANISATION_SIZES, OrganisationKind, OrganisationSize } from '@crm/domain';
import { BrinField, KvkField } from '../../http/identifier-fields';
import { EnumField, EnumListField, IdField, TextField } from '../../http/dto-fields';

export class RegisterOrganisationDto {
  @IdField({ optional: true, description: 'chosen by the client, or made by the server' })
  organisationId?: string;

  @TextField({ example: 'Clusius College' })
  name!: string;

  @EnumField(ORGANISATION_KINDS, { example: 'school' })
  kind!: OrganisationKind;

  @EnumListField(LEVEL_INPUTS, { optional: true, example: ['vmbo', 'havo'], description: 'schools only; `vo` = vmbo+havo+vwo' })
  levels?: string[];

  @TextField({ optional: true, example: 'agri-food' })
  sector?: string;

  @TextField({ optional: true, example: 'Noord-Holland Noord' })
  region?: string;

  @EnumField(ORGANISATION_SIZES, { optional: true, example: 'small' })
  size?: OrganisationSize;

  @KvkField()
  kvk?: string;

  @BrinField()
  brin?: string;
}
