import { DAY_MS, toTime } from '@crm/domain';
import { CommitmentFact, CommitmentStatus, PartnershipFacts } from '../facts/partnership-facts';
import { asOfTime, onOrBefore, timesOf, withinLastDays } from './as-of';
import { RULES } from './config';

/**
 * Commitments as they stood at asOf.
 *
 * Decision: `madeAt` is the recording time (CommitmentMade has no business date), so a commitment is known at asOf
 * when it was recorded by then or was already due by then (history recorded afterwards still counts for its dates).
 */
export const isKnownAt = (commitment: CommitmentFact, asOf: string): boolean =>
  onOrBefore(commitment.madeAt, asOf) || onOrBefore(commitment.dueAt, asOf);

/** Status at asOf: a commitment closed after asOf was still open then. */
export function commitmentStatusAt(commitment: CommitmentFact, asOf: string): CommitmentStatus {
  if (commitment.status === 'open' || commitment.closedAt === undefined) return 'open';
  return onOrBefore(commitment.closedAt, asOf) ? commitment.status : 'open';
}

export const isPastDue = (commitment: CommitmentFact, asOf: string): boolean => onOrBefore(commitment.dueAt, asOf);

/** Open commitments at asOf, earliest due first. */
export function openCommitmentsAt(facts: PartnershipFacts, asOf: string): CommitmentFact[] {
  return facts.commitments
    .filter((commitment) => isKnownAt(commitment, asOf) && commitmentStatusAt(commitment, asOf) === 'open')
    .sort((a, b) => toTime(a.dueAt) - toTime(b.dueAt));
}

export interface CommitmentTally {
  /** Commitments in scope: due in the last 730 days, or open and past due (cancelled ones excluded). */
  total: number;
  onTime: number;
  late: number;
  broken: number;
  openPastDue: number;
  /** Cancelled commitments that would otherwise be in scope: left out of the ratio (neither kept nor broken). */
  cancelled: number;
  /** onTime + 0.5 · late. */
  credit: number;
}

/**
 * SPEC §3.1 commitments: those due in (asOf − 730 days, asOf], plus open ones past due from before that window.
 * Fulfilled on time = closedAt ≤ dueAt; fulfilled after asOf counts as open at asOf; cancelled ones are left out.
 */
export function commitmentTally(facts: PartnershipFacts, asOf: string): CommitmentTally {
  const tally: CommitmentTally = { total: 0, onTime: 0, late: 0, broken: 0, openPastDue: 0, cancelled: 0, credit: 0 };
  // isPastDue, isKnownAt (past due implies known), commitmentStatusAt and withinLastDays on times read once.
  const end = asOfTime(asOf);
  const windowStart = end - RULES.commitmentWindowDays * DAY_MS;
  const { commitments } = facts;
  const dues = timesOf(commitments, 'dueAt');
  const closes = timesOf(commitments, 'closedAt');
  for (let i = 0; i < commitments.length; i++) {
    const commitment = commitments[i];
    const due = dues[i];
    if (!(due <= end)) continue;
    const closed = commitment.status === 'open' || commitment.closedAt === undefined ? undefined : closes[i];
    const status: CommitmentStatus = closed !== undefined && closed <= end ? commitment.status : 'open';
    const inWindow = due > windowStart;
    if (!inWindow && status !== 'open') continue;
    if (status === 'cancelled') {
      tally.cancelled += 1;
      continue;
    }
    tally.total += 1;
    if (status === 'open') tally.openPastDue += 1;
    else if (status === 'broken') tally.broken += 1;
    else if ((closed as number) <= due) tally.onTime += 1;
    else tally.late += 1;
  }
  tally.credit = tally.onTime + RULES.lateFulfilmentCredit * tally.late;
  return tally;
}
