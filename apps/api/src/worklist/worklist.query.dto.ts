import { DateField, IdField } from '../http/dto-fields';
import { ExportQueryDto } from '../http/list-query.dto';

export class WorklistQueryDto extends ExportQueryDto {
  @IdField({ optional: true, description: "the school-side contact person whose list this is; default the caller's own person (GET /me)" })
  personId?: string;

  @DateField({ optional: true, description: 'only actions due before this date (overdue ones included), e.g. next Monday for "this week"' })
  dueBefore?: string;
}
