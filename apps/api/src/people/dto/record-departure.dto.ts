import { DateField, TextField } from '../../http/dto-fields';

export class RecordDepartureDto {
  @DateField({ optional: true, description: 'the last day at the organisation; defaults to now' })
  leftAt?: string;

  @TextField({ optional: true, max: 500, example: 'retired' })
  reason?: string;
}
