import { DAY_MS, FORMAL_AGREEMENT_KINDS, toTime } from '@crm/domain';
import { AgreementFact, PartnershipFacts } from '../facts/partnership-facts';
import { asOfTime, daysBetween, timesOf } from './as-of';
import { RULES } from './config';

/**
 * A formal agreement (mou, letter of intent, cooperation agreement, contract) is valid at asOf when it was signed
 * by then, not terminated by then, and validUntil is absent or after asOf.
 */
export function isValidFormalAgreementAt(agreement: AgreementFact, asOf: string): boolean {
  return validAt(agreement, toTime(agreement.signedAt), agreement.terminatedAt === undefined ? 0 : toTime(agreement.terminatedAt), agreement.validUntil === undefined ? 0 : toTime(agreement.validUntil), toTime(asOf));
}

/** isValidFormalAgreementAt on times (terminated and validUntil read only where the agreement has them). */
function validAt(agreement: AgreementFact, signed: number, terminated: number, validUntil: number, end: number): boolean {
  return (
    FORMAL_AGREEMENT_KINDS.includes(agreement.kind) &&
    signed <= end &&
    (agreement.terminatedAt === undefined || terminated > end) &&
    (agreement.validUntil === undefined || validUntil > end)
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
  // The valid ones on times read once per partnership (timesOf): a history asks at many dates.
  const end = asOfTime(asOf);
  const { agreements } = facts;
  const signed = timesOf(agreements, 'signedAt');
  const terminated = timesOf(agreements, 'terminatedAt');
  const validUntil = timesOf(agreements, 'validUntil');
  const lastsUntil = (i: number): number => (agreements[i].validUntil === undefined ? Number.POSITIVE_INFINITY : validUntil[i]);
  let best = -1;
  for (let i = 0; i < agreements.length; i++) {
    if (validAt(agreements[i], signed[i], terminated[i], validUntil[i], end) && (best === -1 || lastsUntil(i) > lastsUntil(best))) best = i;
  }
  if (best === -1) return undefined;
  const agreement = agreements[best];
  if (agreement.validUntil === undefined) return { agreement, expiring: false, daysLeft: null };
  return {
    agreement,
    expiring: validUntil[best] <= end + RULES.agreementExpiringDays * DAY_MS,
    daysLeft: daysBetween(asOf, agreement.validUntil),
  };
}
