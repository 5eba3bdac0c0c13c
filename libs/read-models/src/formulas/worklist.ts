import { Side, toTime } from '@crm/domain';
import { ContactPeriod, PartnershipFacts } from '../facts/partnership-facts';
import { PeopleLookup } from '../facts/person-facts';
import { formalAgreementAt } from './agreements';
import {
  addDays,
  backupsAt,
  contactsAt,
  daysBetween,
  displayName,
  isEndedBy,
  isOpenedBy,
  lastTouchpoint,
  latestEvaluation,
  laterOf,
  onOrBefore,
  primaryAt,
  sideOf,
  stageAt,
  thankYouSeason,
  touchpointsAsOf,
  touchpointsInLastDays,
} from './as-of';
import { openCommitmentsAt } from './commitments';
import { DEFAULT_HEALTH_CONFIG, HealthConfig, RULES } from './config';
import { sideContinuity } from './continuity';
import { healthContext, recencyComponent } from './health-components';
import { sideKeyPersonRisk } from './key-person-risk';
import { day, explained, Explained, plural, round1, words } from './text';

/** The action types, most pressing first: the order breaks ties between actions due at the same moment. */
export const WORKLIST_ACTION_TYPES = [
  'orphaned',
  'partner_contact_left',
  'commitment_overdue',
  'evaluation_due',
  'contact_drifting',
  'add_backup_contact',
  'involve_backup',
  'agreement_expiring',
  'commitment_due',
  'thank_you',
] as const;
export type WorklistActionType = (typeof WORKLIST_ACTION_TYPES)[number];

/** What clears each action: recording this makes the item disappear (its cause is then gone). */
export const CLEARED_BY: Readonly<Record<WorklistActionType, string>> = {
  orphaned: 'assign a new school-side primary contact',
  partner_contact_left: 'assign a new partner-side primary contact',
  commitment_overdue: 'record the commitment as fulfilled, broken or cancelled',
  evaluation_due: 'record an evaluation',
  contact_drifting: 'record a contact with the partner (an interaction or activity)',
  add_backup_contact: 'assign a school-side backup contact',
  involve_backup: 'record a touchpoint the backup contact takes part in',
  agreement_expiring: 'sign a new formal agreement',
  commitment_due: 'record the commitment as fulfilled, broken or cancelled',
  thank_you: 'record a thank_you activity',
};

/** A person an action is about, with their name (`[erased]` where erased) and side. */
export interface ConcernedPerson {
  personId: string;
  name: string;
  side: Side | null;
}

export interface WorklistAction extends Explained {
  type: WorklistActionType;
  partnershipId: string;
  dueAt: string;
  /** dueAt lies before asOf. */
  overdue: boolean;
  /** What the person can do so that the item disappears. */
  clearedBy: string;
  /** The people the action is about (the contact to call, the owner of a commitment, the contact who left…). */
  concerns: ConcernedPerson[];
  /** The commitment or agreement the action is about. */
  commitmentId?: string;
  agreementId?: string;
}

export interface Worklist {
  personId: string;
  asOf: string;
  /** Only actions due before this instant, when asked (`dueBefore`). */
  dueBefore: string | null;
  items: WorklistAction[];
}

type Draft = Omit<WorklistAction, 'partnershipId' | 'overdue' | 'clearedBy' | 'concerns'> & { concerns: (string | undefined)[] };

const primaryIds = (facts: PartnershipFacts, asOf: string, ...sides: Side[]): (string | undefined)[] =>
  sides.map((side) => primaryAt(facts, side, asOf)?.personId);

/**
 * Due when the last evaluation is a year old or its planned next evaluation has come, whichever is first.
 * Decision: the "older than 180 days" rule applies to partnerships never evaluated (due 180 days after opening,
 * as in the health component); a planned nextEvaluationDue is due on its date whatever the partnership's age.
 */
function evaluationDue(facts: PartnershipFacts, asOf: string): Draft | undefined {
  const last = latestEvaluation(facts, asOf);
  if (!last) {
    const dueAt = addDays(facts.openedAt, RULES.youngPartnershipDays);
    const age = daysBetween(facts.openedAt, asOf);
    const why = explained('worklist.evaluation_never', { age }, `never evaluated; the partnership is ${plural(age, 'day')} old`);
    return onOrBefore(dueAt, asOf) ? { type: 'evaluation_due', dueAt, ...why, concerns: primaryIds(facts, asOf, 'school', 'partner') } : undefined;
  }
  const yearly = addDays(last.at, RULES.yearDays);
  const planned = last.nextEvaluationDue !== undefined && toTime(last.nextEvaluationDue) < toTime(yearly);
  const dueAt = planned ? (last.nextEvaluationDue as string) : yearly;
  const params = { dueOn: day(dueAt), date: day(last.at), everyDays: RULES.yearDays };
  const why = planned
    ? explained('worklist.evaluation_planned', params, `next evaluation planned for ${day(dueAt)} at the evaluation of ${day(last.at)}`)
    : explained('worklist.evaluation_yearly', params, `last evaluation on ${day(last.at)}; one is expected every ${RULES.yearDays} days`);
  return onOrBefore(dueAt, asOf) ? { type: 'evaluation_due', dueAt, ...why, concerns: primaryIds(facts, asOf, 'school', 'partner') } : undefined;
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
  const recency = result.explain();
  const why = explained('worklist.contact_drifting', { ...recency.reasonParams, recencyCode: recency.reasonCode, recency: round1(result.score) }, `${recency.reason} (recency ${round1(result.score)})`);
  return { type: 'contact_drifting', dueAt, ...why, concerns: primaryIds(facts, asOf, 'partner') };
}

function agreementExpiring(facts: PartnershipFacts, asOf: string): Draft | undefined {
  const formal = formalAgreementAt(facts, asOf);
  if (!formal?.expiring || formal.agreement.validUntil === undefined) return undefined;
  const { agreement } = formal;
  return {
    type: 'agreement_expiring',
    dueAt: agreement.validUntil as string,
    agreementId: agreement.id,
    concerns: facts.touchpoints.find((touchpoint) => touchpoint.kind === 'agreement' && touchpoint.id === agreement.id)?.participantIds ?? [],
    ...explained(
      'worklist.agreement_expiring',
      { kind: agreement.kind, signedOn: day(agreement.signedAt), validUntil: day(agreement.validUntil as string), daysLeft: formal.daysLeft ?? 0 },
      `${words(agreement.kind)} signed ${day(agreement.signedAt)} expires ${day(agreement.validUntil as string)}, in ${plural(formal.daysLeft ?? 0, 'day')}; no later formal agreement`,
    ),
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
    const params = {
      side: commitment.side,
      description: commitment.description,
      owner: commitment.ownerId ? displayName(people(commitment.ownerId)) : null,
      dueOn: day(commitment.dueAt),
    };
    const base = { dueAt: commitment.dueAt, commitmentId: commitment.id, concerns: [commitment.ownerId] };
    if (toTime(commitment.dueAt) < toTime(asOf)) {
      const late = daysBetween(commitment.dueAt, asOf);
      return [{ type: 'commitment_overdue', ...base, ...explained('worklist.commitment_overdue', { ...params, daysLate: late }, `${what} was due ${day(commitment.dueAt)}, ${plural(late, 'day')} ago`) }];
    }
    if (onOrBefore(commitment.dueAt, soon)) {
      return [{ type: 'commitment_due', ...base, ...explained('worklist.commitment_due', params, `${what} is due ${day(commitment.dueAt)}`) }];
    }
    return [];
  });
}

/**
 * Key-person risk high on the school side and no school-side backup assigned (SPEC §3.5 R2): with a backup, the action
 * is to involve them (involveBackup), not to add another. Decision: due at asOf — the condition has no date of its own.
 */
function addBackupContact(facts: PartnershipFacts, people: PeopleLookup, asOf: string): Draft | undefined {
  if (backupsAt(facts, 'school', asOf).length > 0) return undefined;
  const risk = sideKeyPersonRisk(facts, people, 'school', asOf);
  if (risk.risk !== 'high') return undefined;
  return {
    type: 'add_backup_contact',
    dueAt: asOf,
    ...explained('worklist.add_backup_contact', { ...risk.reasonParams, riskCode: risk.reasonCode }, `school-side key-person risk high and no backup assigned: ${risk.reason}`),
    concerns: [primaryAt(facts, 'school', asOf)?.personId, ...risk.activePersonIds],
  };
}

/** The last touchpoint, on or before asOf, the person took part in. */
function lastParticipation(facts: PartnershipFacts, personId: string, asOf: string): string | undefined {
  const touchpoints = touchpointsAsOf(facts, asOf);
  for (let index = touchpoints.length - 1; index >= 0; index--) {
    if (touchpoints[index].participantIds.includes(personId)) return touchpoints[index].at;
  }
  return undefined;
}

/**
 * A school-side backup who took part in no touchpoint in the last 365 days: a backup who knows nobody at the partner
 * cannot take over warmly (seed 001). Due from the assignment, or a year after their last touchpoint, whichever is later.
 */
function involveBackups(facts: PartnershipFacts, people: PeopleLookup, asOf: string): Draft[] {
  const recent = touchpointsInLastDays(facts, asOf, RULES.yearDays);
  return backupsAt(facts, 'school', asOf)
    .filter((period: ContactPeriod) => !recent.some((touchpoint) => touchpoint.participantIds.includes(period.personId)))
    .map((period): Draft => {
      const last = lastParticipation(facts, period.personId, asOf);
      const name = displayName(people(period.personId));
      return {
        type: 'involve_backup',
        dueAt: last ? laterOf(period.from, addDays(last, RULES.yearDays)) : period.from,
        ...(last
          ? explained('worklist.involve_backup', { name, date: day(last), windowDays: RULES.yearDays }, `backup contact ${name} last took part in a touchpoint on ${day(last)}, more than ${RULES.yearDays} days ago`)
          : explained('worklist.involve_backup_never', { name, date: day(period.from) }, `backup contact ${name} (since ${day(period.from)}) has taken part in no touchpoint`)),
        concerns: [period.personId],
      };
    });
}

function orphaned(facts: PartnershipFacts, people: PeopleLookup, asOf: string): Draft | undefined {
  const continuity = sideContinuity(facts, people, 'school', asOf);
  if (!continuity.orphaned || continuity.orphanedSince === null) return undefined;
  return {
    type: 'orphaned',
    dueAt: continuity.orphanedSince,
    ...explained('worklist.orphaned', { date: day(continuity.orphanedSince) }, `no school-side primary since ${day(continuity.orphanedSince)}: the last primary left the organisation`),
    concerns: [lastPrimary(facts, 'school', asOf)],
  };
}

/** The partner side is orphaned: its primary left the partner organisation and nobody took over (SPEC §3.5 R2). */
function partnerContactLeft(facts: PartnershipFacts, people: PeopleLookup, asOf: string): Draft | undefined {
  const continuity = sideContinuity(facts, people, 'partner', asOf);
  if (!continuity.orphaned || continuity.orphanedSince === null) return undefined;
  const departed = lastPrimary(facts, 'partner', asOf);
  return {
    type: 'partner_contact_left',
    dueAt: continuity.orphanedSince,
    ...explained(
      'worklist.partner_contact_left',
      { name: displayName(people(departed ?? '')), date: day(continuity.orphanedSince) },
      `the partner-side primary ${displayName(people(departed ?? ''))} left the partner organisation on ${day(continuity.orphanedSince)}; nobody took over`,
    ),
    concerns: [departed],
  };
}

/** The person whose primary period on this side ended last, by asOf. */
function lastPrimary(facts: PartnershipFacts, side: Side, asOf: string): string | undefined {
  let last: ContactPeriod | undefined;
  for (const period of facts.contacts) {
    if (period.side !== side || period.role !== 'primary' || period.to === undefined || !onOrBefore(period.to, asOf)) continue;
    if (!last || toTime(period.to) >= toTime(last.to as string)) last = period;
  }
  return last?.personId;
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
  return {
    type: 'thank_you',
    dueAt: season.dueAt,
    ...explained(
      'worklist.thank_you',
      { since: day(season.from), dueOn: day(season.dueAt) },
      `no thank-you recorded since ${day(season.from)}; thank the partner before the school year ends on ${day(season.dueAt)}`,
    ),
    concerns: primaryIds(facts, asOf, 'partner'),
  };
}

/** The actions due for one partnership, for one of its school-side contacts. */
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
    ...involveBackups(facts, people, asOf),
    orphaned(facts, people, asOf),
    partnerContactLeft(facts, people, asOf),
    thankYou(facts, asOf),
  ].filter((draft): draft is Draft => draft !== undefined);
  return drafts.map(({ concerns, ...draft }) => ({
    ...draft,
    partnershipId: facts.partnershipId,
    overdue: toTime(draft.dueAt) < toTime(asOf),
    clearedBy: CLEARED_BY[draft.type],
    concerns: concernedPeople(facts, people, concerns),
  }));
}

/** Each id once, in the order given, with name and side. */
function concernedPeople(facts: PartnershipFacts, people: PeopleLookup, ids: readonly (string | undefined)[]): ConcernedPerson[] {
  const unique = [...new Set(ids.filter((id): id is string => id !== undefined))];
  return unique.map((personId) => {
    const person = people(personId);
    return { personId, name: displayName(person), side: sideOf(facts, person) ?? null };
  });
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

/**
 * Whether an action is addressed to this contact. Decision: the backup is never told to add a backup (SPEC §3.5 R2),
 * and a backup's involvement is asked of the primary and of the backup themselves, not of other backups.
 */
function addressedTo(action: WorklistAction, facts: PartnershipFacts, personId: string, asOf: string): boolean {
  const isBackup = backupsAt(facts, 'school', asOf).some((period) => period.personId === personId);
  if (action.type === 'add_backup_contact') return !isBackup;
  if (action.type === 'involve_backup') return !isBackup || action.concerns.some((person) => person.personId === personId);
  return true;
}

export interface WorklistOptions {
  config?: HealthConfig;
  /** Only actions due before this instant (a window such as "this week"); overdue ones included. */
  dueBefore?: string;
}

/** SPEC §3.5 for one person. */
export function worklist(
  personId: string,
  partnerships: readonly PartnershipFacts[],
  people: PeopleLookup,
  asOf: string,
  options: WorklistOptions = {},
): Worklist {
  const { config = DEFAULT_HEALTH_CONFIG, dueBefore } = options;
  const items = partnerships
    .filter((facts) => isSchoolContactAt(facts, personId, asOf))
    .flatMap((facts) => partnershipActions(facts, people, asOf, config).filter((action) => addressedTo(action, facts, personId, asOf)))
    .filter((action) => dueBefore === undefined || toTime(action.dueAt) < toTime(dueBefore))
    .sort(byUrgency);
  return { personId, asOf, dueBefore: dueBefore ?? null, items };
}
