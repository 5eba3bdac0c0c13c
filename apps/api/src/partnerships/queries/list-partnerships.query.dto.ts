import { KEY_PERSON_RISKS, HEALTH_STATUSES } from '@crm/read-models';
import { INTENSITIES, LEVEL_INPUTS, STAGES } from '@crm/domain';
import { EnumField, IdField, TextField } from '../../http/dto-fields';
import { ListQueryDto } from '../../http/list-query.dto';

export const PARTNERSHIP_SORTS = ['healthScore', '-healthScore', 'trend', '-trend', 'openedAt', '-openedAt', 'school', '-school', 'partner', '-partner'] as const;

export class ListPartnershipsQueryDto extends ListQueryDto {
  @EnumField(LEVEL_INPUTS, { optional: true, example: 'mbo' })
  level?: string;

  @EnumField(STAGES, { optional: true, description: 'stage at asOf' })
  stage?: string;

  @EnumField(HEALTH_STATUSES, { optional: true, example: 'at_risk', description: 'health status at asOf' })
  status?: string;

  @EnumField(INTENSITIES, { optional: true, example: 'exchange', description: 'intensity at asOf' })
  intensity?: string;

  @EnumField(KEY_PERSON_RISKS, { optional: true, example: 'high', description: 'school-side key-person risk at asOf; ended partnerships only with stage=ended' })
  risk?: string;

  @TextField({ optional: true, description: 'region of the school' })
  region?: string;

  @TextField({ optional: true, description: 'sector of the partner' })
  sector?: string;

  @IdField({ optional: true, description: 'schoolId' })
  school?: string;

  @IdField({ optional: true, description: 'partnerId' })
  partner?: string;

  @TextField({ optional: true, description: 'words in the school or partner name or the themes' })
  text?: string;

  @EnumField(PARTNERSHIP_SORTS, { optional: true, example: 'healthScore', description: 'default healthScore: the weakest first; trend: the worst decline (90 days) first; ended partnerships last on healthScore and trend' })
  sort?: string;
}
