import { AGREEMENT_KINDS, AgreementKind } from '@crm/domain';
import { AtField, DateField, EnumField, IdField, IdListField, TextField } from '../../http/dto-fields';

export class SignAgreementDto {
  @IdField({ optional: true })
  agreementId?: string;

  @EnumField(AGREEMENT_KINDS, { example: 'mou' })
  kind!: AgreementKind;

  @DateField({ optional: true, description: 'defaults to now' })
  signedAt?: string;

  @DateField({ optional: true, example: '2028-03-12T00:00:00.000Z' })
  validUntil?: string;

  @IdListField({ optional: true })
  signatoryIds?: string[];
}

export class TerminateAgreementDto {
  @AtField()
  at?: string;

  @TextField({ optional: true, max: 500 })
  reason?: string;
}
