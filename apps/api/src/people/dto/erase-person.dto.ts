import { AtField } from '../../http/dto-fields';

export class ErasePersonDto {
  @AtField('when the erasure was requested; defaults to now')
  at?: string;
}
