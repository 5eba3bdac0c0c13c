import { toTime } from '@crm/domain';
import { PartnershipFacts } from '../facts/partnership-facts';
import { PeopleLookup } from '../facts/person-facts';
import { formalAgreementAt } from './agreements';
import {
  addDays,
  contactsAt,
  daysBetween,
  displayName,
  isEndedBy,
  isOpenedBy,
  lastTouchpoint,
  latestEvaluation,
  onOrBefore,
  stageAt,
  thankYouSeason,
  touchpointsAsOf,
} from './as-of';
import { openCommitmentsAt } from './commitments';
import { DEFAULT_HEALTH_CONFIG, HealthConfig, RULES } from './config';
import { sideContinuity } from './continuity';
import { healthContext, recencyComponent } from './health-components';
import { sideKeyPersonRisk } from './key-person-risk';
import { day, plural, round1, words } from './text';

/** The action types, most pressing first: the order breaks ties between actions due at the same moment. */
export const WORKLIST_ACTION_TYPES = [
  'orphaned',
  'commitment_overdue',
  'evaluation_due',
  'contact_drifting',
  'add_backup_contact',
  'agreement_expiring',
  'commitment_due',
  'thank_you',
] as const;
export type WorklistActionType = (typeof WORKLIST_ACTION_TYPES)[number];

export interface WorklistAction {
  type: WorklistActionType;
  partnershipId: string;
  dueAt: string;
  /** dueAt lies before asOf. */
  overdue: boolean;
  reason: string;
  /** The commitment or agreement the action is about. */
  commitmentId?: string;
  agreementId?: string;
}

export interface Worklist {
  personId: string;
  asOf: string;
  items: WorklistAction[];
}

type Draft = Omit<WorklistAction, 'partnershipId' | 'overdue'>;

/**
 * Due when the last evaluation is a year old or its planned next evaluation has come, whichever is first.
 * Decision: the "older than 180 days" rule applies to partnerships never evaluated (due 180 days after opening,
 * as in the health component); a planned nextEvaluationDue is due on its date whatever the partnership's age.
 */
function evaluationDue(facts: PartnershipFacts, asOf: string): Draft | undefined {
  const last = latestEvaluation(facts, asOf);
  if (!last) {
    const dueAt = addDays(facts.openedAt, RULES.youngPartnershipDays);
    const reason = `never evaluated; the partnership is ${plural(daysBetween(facts.openedAt, asOf), 'day')} old`;
    return onOrBefore(dueAt, asOf) ? { type: 'evaluation_due', dueAt, reason } : undefined;
  }
  const yearly = addDays(last.at, RULES.yearDays);
  const planned = last.nextEvaluationDue !== undefined && toTime(last.nextEvaluationDue) < toTime(yearly);
  const dueAt = planned ? (last.nextEvaluationDue as string) : yearly;
  const reason = planned
    ? `next evaluation planned for ${day(dueAt)} at the evaluation of ${day(last.at)}`
    : `last evaluation on ${day(last.at)}; one is expected every ${RULES.yearDays} days`;
  return onOrBefore(dueAt, asOf) ? { type: 'evaluation_due', dueAt, reason } : undefined;
}

/**
 * Recency below 50. Due from the day recency fell below 50 (last contact + 2I), or the opening without contact.
 * Decision: a paused partnership is not flagged — pausing is a decision not to be in touch.
 */
function contactDrifting(facts: PartnershipFacts, people: PeopleLookup, asOf: string, config: HealthConfig): Draft | undefined {
  if (stageAt(facts, asOf) === 'paused') return undefined;
  const context = healthContext(facts, people, asOf, config);
  const result = recencyComponent(context);
  if (result.score === null || result.score >= RULES.driftingBelow) return undefined;
  const zero = RULES.recencyZeroFactor;
  const belowAfterDays = context.interval * (zero - ((zero - 1) * RULES.driftingBelow) / 100);
  const last = lastTouchpoint(facts, asOf);
  // Until the first touchpoint the opening counts as one (SPEC §3.1 R2).
  const dueAt = addDays(last ? last.at : facts.openedAt, belowAfterDays);
  return { type: 'contact_drifting', dueAt, reason: `${result.reason} (recency ${round1(result.score)})` };
}

function agreementExpiring(facts: PartnershipFacts, asOf: string): Draft | undefined {
  const formal = formalAgreementAt(facts, asOf);
  if (!formal?.expiring || formal.agreement.validUntil === undefined) return undefined;
  const { agreement } = formal;
  return {
    type: 'agreement_expiring',
    dueAt: agreement.validUntil as string,
    agreementId: agreement.id,
    reason: `${words(agreement.kind)} signed ${day(agreement.signedAt)} expires ${day(agreement.validUntil as string)}, in ${plural(formal.daysLeft ?? 0, 'day')}; no later formal agreement`,
  };
}

/**
 * Open commitments of either side (the school contact keeps their own and chases the partner's): overdue when due
 * before asOf, due when due within the next 14 days.
 */
function commitmentActions(facts: PartnershipFacts, people: PeopleLookup, asOf: string): Draft[] {
  const soon = addDays(asOf, RULES.commitmentDueSoonDays);
  return openCommitmentsAt(facts, asOf).flatMap((commitment): Draft[] => {
    const owner = commitment.ownerId ? `, owner ${displayName(people(commitment.ownerId))}` : '';
    const what = `${commitment.side}-side commitment "${commitment.description}"${owner}`;
    if (toTime(commitment.dueAt) < toTime(asOf)) {
      const late = daysBetween(commitment.dueAt, asOf);
      return [{ type: 'commitment_overdue', dueAt: commitment.dueAt, commitmentId: commitment.id, reason: `${what} was due ${day(commitment.dueAt)}, ${plural(late, 'day')} ago` }];
    }
    if (onOrBefore(commitment.dueAt, soon)) {
      return [{ type: 'commitment_due', dueAt: commitment.dueAt, commitmentId: commitment.id, reason: `${what} is due ${day(commitment.dueAt)}` }];
    }
    return [];
  });
}

/** Decision: due at asOf — the condition has no date of its own. */
function addBackupContact(facts: PartnershipFacts, people: PeopleLookup, asOf: string): Draft | undefined {
  const risk = sideKeyPersonRisk(facts, people, 'school', asOf);
  return risk.risk === 'high' ? { type: 'add_backup_contact', dueAt: asOf, reason: `school-side key-person risk high: ${risk.reason}` } : undefined;
}

function orphaned(facts: PartnershipFacts, people: PeopleLookup, asOf: string): Draft | undefined {
  const continuity = sideContinuity(facts, people, 'school', asOf);
  if (!continuity.orphaned || continuity.orphanedSince === null) return undefined;
  return { type: 'orphaned', dueAt: continuity.orphanedSince, reason: `no school-side primary since ${day(continuity.orphanedSince)}: the last primary left the organisation` };
}

/**
 * From 1 June to 31 July (end of the Dutch school year, 1 August – 31 July), when no thank_you activity was recorded
 * since 1 June; due 31 July. Decision: not for partnerships still exploring (nothing to thank for yet).
 */
function thankYou(facts: PartnershipFacts, asOf: string): Draft | undefined {
  const season = thankYouSeason(asOf);
  if (!season || stageAt(facts, asOf) === 'exploring') return undefined;
  const thanked = touchpointsAsOf(facts, asOf).some(
    (touchpoint) => touchpoint.activityKind === 'thank_you' && onOrBefore(season.from, touchpoint.at),
  );
  if (thanked) return undefined;
  return { type: 'thank_you', dueAt: season.dueAt, reason: `no thank-you recorded since ${day(season.from)}; thank the partner before the school year ends on ${day(season.dueAt)}` };
}

/** The actions due for one partnership (the person's role in it aside). */
export function partnershipActions(
  facts: PartnershipFacts,
  people: PeopleLookup,
  asOf: string,
  config: HealthConfig = DEFAULT_HEALTH_CONFIG,
): WorklistAction[] {
  const drafts = [
    evaluationDue(facts, asOf),
    contactDrifting(facts, people, asOf, config),
    agreementExpiring(facts, asOf),
    ...commitmentActions(facts, people, asOf),
    addBackupContact(facts, people, asOf),
    orphaned(facts, people, asOf),
    thankYou(facts, asOf),
  ].filter((draft): draft is Draft => draft !== undefined);
  return drafts.map((draft) => ({ ...draft, partnershipId: facts.partnershipId, overdue: toTime(draft.dueAt) < toTime(asOf) }));
}

/** Most urgent first: earlier dueAt first (so overdue before due), then by type, then by partnership. */
export function byUrgency(a: WorklistAction, b: WorklistAction): number {
  return (
    toTime(a.dueAt) - toTime(b.dueAt) ||
    WORKLIST_ACTION_TYPES.indexOf(a.type) - WORKLIST_ACTION_TYPES.indexOf(b.type) ||
    a.partnershipId.localeCompare(b.partnershipId)
  );
}

/** Partnerships (opened, not ended) where the person is a school-side contact, primary or backup, at asOf. */
export const isSchoolContactAt = (facts: PartnershipFacts, personId: string, asOf: string): boolean =>
  isOpenedBy(facts, asOf) && !isEndedBy(facts, asOf) && contactsAt(facts, 'school', asOf).some((period) => period.personId === personId);

/** SPEC §3.5 for one person. */
export function worklist(
  personId: string,
  partnerships: readonly PartnershipFacts[],
  people: PeopleLookup,
  asOf: string,
  config: HealthConfig = DEFAULT_HEALTH_CONFIG,
): Worklist {
  const items = partnerships
    .filter((facts) => isSchoolContactAt(facts, personId, asOf))
    .flatMap((facts) => partnershipActions(facts, people, asOf, config))
    .sort(byUrgency);
  return { personId, asOf, items };
}
