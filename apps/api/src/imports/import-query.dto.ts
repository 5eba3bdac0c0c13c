import { EnumField } from '../http/dto-fields';
import { AsOfQueryDto } from '../http/list-query.dto';

export class ImportQueryDto {
  @EnumField(['true', 'false'], { optional: true, description: 'true (default): report only; false: write every row or none' })
  dryRun?: 'true' | 'false';
}

/** asOf as on every read route; the template is the same on every day. */
export class TemplateQueryDto extends AsOfQueryDto {
  @EnumField(['xlsx', 'csv'], { optional: true, description: 'default xlsx' })
  format?: 'xlsx' | 'csv';
}
