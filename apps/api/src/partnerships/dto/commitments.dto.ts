import { Side, SIDES } from '@crm/domain';
import { AtField, DateField, EnumField, IdField, TextField } from '../../http/dto-fields';

export class MakeCommitmentDto {
  @IdField({ optional: true })
  commitmentId?: string;

  @EnumField(SIDES, { example: 'partner', description: 'the side that promises' })
  side!: Side;

  @IdField({ optional: true, description: 'the person who will deliver' })
  ownerId?: string;

  @TextField({ max: 1000, example: 'Offer four internship places in February' })
  description!: string;

  @DateField({ example: '2026-02-01T00:00:00.000Z' })
  dueAt!: string;

  @DateField({ optional: true, description: 'when the promise was made; defaults to now' })
  madeAt?: string;
}

export class CloseCommitmentDto {
  @AtField()
  at?: string;

  @TextField({ optional: true, max: 500 })
  reason?: string;
}

export class FulfilCommitmentDto {
  @AtField()
  at?: string;
}
