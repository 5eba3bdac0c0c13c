import { IdField, TextField } from '../http/dto-fields';

export class LinkLoginDto {
  @TextField({ max: 256, example: 'lisa@groenhorst.nl', description: "the token's `sub` (the login)" })
  sub!: string;

  @IdField({ description: 'the person this login is' })
  personId!: string;
}
