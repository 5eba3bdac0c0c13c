import { EnumField } from '../http/dto-fields';

export class ImportQueryDto {
  @EnumField(['true', 'false'], { optional: true, description: 'true (default): report only; false: write every row or none' })
  dryRun?: 'true' | 'false';
}

export class TemplateQueryDto {
  @EnumField(['xlsx', 'csv'], { optional: true, description: 'default xlsx' })
  format?: 'xlsx' | 'csv';
}
