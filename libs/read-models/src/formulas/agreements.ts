import { FORMAL_AGREEMENT_KINDS, toTime } from '@crm/domain';
import { AgreementFact, PartnershipFacts } from '../facts/partnership-facts';
import { addDays, daysBetween, onOrBefore } from './as-of';
import { RULES } from './config';

/**
 * A formal agreement (mou, letter of intent, cooperation agreement, contract) is valid at asOf when it was signed
 * by then, not terminated by then, and validUntil is absent or after asOf.
 */
export function isValidFormalAgreementAt(agreement: AgreementFact, asOf: string): boolean {
  return (
    FORMAL_AGREEMENT_KINDS.includes(agreement.kind) &&
    onOrBefore(agreement.signedAt, asOf) &&
    (agreement.terminatedAt === undefined || toTime(agreement.terminatedAt) > toTime(asOf)) &&
    (agreement.validUntil === undefined || toTime(agreement.validUntil) > toTime(asOf))
  );
}

export interface FormalAgreementAt {
  /** The valid formal agreement that lasts longest (open-ended first). */
  agreement: AgreementFact;
  /** It ends within 60 days (and no other valid formal agreement lasts longer). */
  expiring: boolean;
  /** Whole days until validUntil; null when open-ended. */
  daysLeft: number | null;
}

/** The partnership's formal footing at asOf, or undefined when no formal agreement is valid. */
export function formalAgreementAt(facts: PartnershipFacts, asOf: string): FormalAgreementAt | undefined {
  const lastsUntil = (agreement: AgreementFact): number =>
    agreement.validUntil === undefined ? Number.POSITIVE_INFINITY : toTime(agreement.validUntil);
  const valid = facts.agreements.filter((agreement) => isValidFormalAgreementAt(agreement, asOf));
  if (valid.length === 0) return undefined;
  const agreement = valid.reduce((best, next) => (lastsUntil(next) > lastsUntil(best) ? next : best));
  if (agreement.validUntil === undefined) return { agreement, expiring: false, daysLeft: null };
  return {
    agreement,
    expiring: onOrBefore(agreement.validUntil, addDays(asOf, RULES.agreementExpiringDays)),
    daysLeft: daysBetween(asOf, agreement.validUntil),
  };
}
