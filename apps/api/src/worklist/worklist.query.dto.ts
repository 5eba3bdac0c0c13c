import { IdField } from '../http/dto-fields';
import { ExportQueryDto } from '../http/list-query.dto';

export class WorklistQueryDto extends ExportQueryDto {
  @IdField({ description: 'the school-side contact person whose list this is' })
  personId!: string;
}
