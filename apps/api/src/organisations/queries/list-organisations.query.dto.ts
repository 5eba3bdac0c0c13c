import { LEVEL_INPUTS, ORGANISATION_KINDS } from '@crm/domain';
import { EnumField, TextField } from '../../http/dto-fields';
import { BrinField, KvkField } from '../../http/identifier-fields';
import { ListQueryDto } from '../../http/list-query.dto';

export const ORGANISATION_SORTS = ['name', '-name', 'registeredAt', '-registeredAt'] as const;

export class ListOrganisationsQueryDto extends ListQueryDto {
  @EnumField(ORGANISATION_KINDS, { optional: true })
  kind?: string;

  @EnumField(LEVEL_INPUTS, { optional: true, description: 'schools offering this level' })
  level?: string;

  @TextField({ optional: true })
  region?: string;

  @TextField({ optional: true })
  sector?: string;

  @TextField({ optional: true, description: 'words in the name' })
  text?: string;

  @KvkField('the organisation with this KvK number')
  kvk?: string;

  @BrinField('the school with this BRIN code')
  brin?: string;

  @EnumField(ORGANISATION_SORTS, { optional: true, example: 'name' })
  sort?: string;
}
