import { Intensity, SIDES, Stage } from '@crm/domain';
import { EvaluationFact, PartnershipFacts } from '../facts/partnership-facts';
import { PeopleLookup } from '../facts/person-facts';
import { formalAgreementAt, FormalAgreementAt } from './agreements';
import {
  ageInDays,
  daysBetween,
  displayName,
  intensityAt,
  lastTouchpoint,
  latestEvaluation,
  primaryAt,
  stageAt,
  touchpointRange,
} from './as-of';
import { commitmentTally, CommitmentTally } from './commitments';
import { HealthComponentName, HealthConfig, RULES } from './config';
import { day, explained, Explained, percent, plural, words } from './text';
import { touchpointTotals } from './touchpoint-index';

/**
 * Everything a component needs: the facts at asOf and the configuration. What several components (and the levels
 * report, from the same context) read of the facts is read once per date, when first asked.
 */
export class HealthContext {
  readonly intensity: Intensity;
  /** I: the expected contact interval in days for the intensity at asOf. */
  readonly interval: number;
  private memo: { stage?: Stage; tally?: CommitmentTally; formal?: FormalAgreementAt | null; evaluation?: EvaluationFact | null; year?: [from: number, to: number] } = {};

  constructor(
    readonly facts: PartnershipFacts,
    readonly people: PeopleLookup,
    readonly asOf: string,
    readonly config: HealthConfig,
  ) {
    this.intensity = intensityAt(facts, asOf);
    this.interval = config.expectedIntervalDays[this.intensity];
  }

  /** stageAt. */
  get stage(): Stage {
    return (this.memo.stage ??= stageAt(this.facts, this.asOf));
  }

  /** commitmentTally. */
  get tally(): CommitmentTally {
    return (this.memo.tally ??= commitmentTally(this.facts, this.asOf));
  }

  /** formalAgreementAt. */
  get formal(): FormalAgreementAt | undefined {
    if (this.memo.formal === undefined) this.memo.formal = formalAgreementAt(this.facts, this.asOf) ?? null;
    return this.memo.formal ?? undefined;
  }

  /** latestEvaluation. */
  get lastEvaluation(): EvaluationFact | undefined {
    if (this.memo.evaluation === undefined) this.memo.evaluation = latestEvaluation(this.facts, this.asOf) ?? null;
    return this.memo.evaluation ?? undefined;
  }

  /** touchpointRange over the last 365 days. */
  get lastYear(): [from: number, to: number] {
    return (this.memo.year ??= touchpointRange(this.facts, this.asOf, RULES.yearDays));
  }
}

export function healthContext(facts: PartnershipFacts, people: PeopleLookup, asOf: string, config: HealthConfig): HealthContext {
  return new HealthContext(facts, people, asOf, config);
}

export interface ComponentResult {
  /** 0–100 exactly (the score is the weighted mean of these; shown rounded to 0.1), or null when not applicable (left out of the mean). */
  score: number | null;
  /**
   * Why: worded only when asked, since histories and reports read the scores alone at many dates (SPEC §3.7 budget),
   * and the wording is most of a component's work.
   */
  explain(): Explained;
}

const YEAR = RULES.yearDays;

/**
 * d = days since the last touchpoint: 100 if d ≤ I, 0 if d ≥ 3I, linear between. Until the first touchpoint the
 * opening counts as one (SPEC §3.1 R2): a partnership opened last week is not drifting.
 */
export function recencyComponent({ facts, asOf, interval }: HealthContext): ComponentResult {
  const last = lastTouchpoint(facts, asOf);
  const d = daysBetween(last ? last.at : facts.openedAt, asOf);
  const zeroAt = RULES.recencyZeroFactor * interval;
  const score = d <= interval ? 100 : d >= zeroAt ? 0 : (100 * (zeroAt - d)) / (zeroAt - interval);
  return {
    score,
    explain: () => {
      const since = last ? `last contact ${plural(d, 'day')} ago` : `no contact yet; opened ${plural(d, 'day')} ago`;
      return explained(last ? 'recency.last_contact' : 'recency.no_contact_yet', { days: d, interval }, `${since}; expected every ${interval}`);
    },
  };
}

/**
 * n touchpoints in the last 365 days against E = ceil(365 / I): min(100, 100·n/E). A young partnership (SPEC §3.1
 * R2) is not judged before it is I days old (null), and until it is a year old expects E = ceil(age / I).
 */
export function cadenceComponent(context: HealthContext): ComponentResult {
  const { facts, asOf, interval } = context;
  const age = ageInDays(facts, asOf);
  if (age < interval) {
    return {
      score: null,
      explain: () => explained('cadence.too_young', { age, interval }, `the partnership is ${plural(age, 'day')} old; cadence is judged from day ${interval} (one contact every ${interval} days)`),
    };
  }
  const [from, to] = context.lastYear;
  const n = to - from;
  const young = age < YEAR;
  const expected = Math.ceil((young ? age : YEAR) / interval);
  return {
    score: Math.min(100, (100 * n) / expected),
    explain: () => {
      const window = young ? `since the opening ${plural(age, 'day')} ago` : `in the last ${YEAR} days`;
      return explained(
        young ? 'cadence.since_opening' : 'cadence.last_year',
        { count: n, age, windowDays: YEAR, expected, interval },
        `${plural(n, 'touchpoint')} ${window}; expected ${expected} (one every ${interval} days)`,
      );
    },
  };
}

/** Last evaluation ≤ 365 days ago: 100; 365–545 days: linear to 0; none: 100 while younger than 180 days, else 0. */
export function evaluationComponent(context: HealthContext): ComponentResult {
  const { facts, asOf } = context;
  const last = context.lastEvaluation;
  if (!last) {
    const age = ageInDays(facts, asOf);
    return age < RULES.youngPartnershipDays
      ? {
          score: 100,
          explain: () => explained('evaluation.not_yet', { age, dueByDay: RULES.youngPartnershipDays }, `not evaluated yet; the partnership is ${plural(age, 'day')} old (first evaluation due by day ${RULES.youngPartnershipDays})`),
        }
      : { score: 0, explain: () => explained('evaluation.never', { age }, `never evaluated; the partnership is ${plural(age, 'day')} old`) };
  }
  const e = daysBetween(last.at, asOf);
  const fadeEnd = RULES.evaluationFadeEndDays;
  const score = e <= YEAR ? 100 : e >= fadeEnd ? 0 : (100 * (fadeEnd - e)) / (fadeEnd - YEAR);
  return { score, explain: () => explained('evaluation.last', { days: e, date: day(last.at) }, `last evaluation ${plural(e, 'day')} ago (${day(last.at)}); expected yearly`) };
}

/** (fulfilled on time + 0.5 · fulfilled late) / all commitments due in the last 730 days or open past due; none: null. */
export function commitmentsComponent(context: HealthContext): ComponentResult {
  const { tally } = context;
  const window = RULES.commitmentWindowDays;
  const cancelled = () => (tally.cancelled > 0 ? `; ${tally.cancelled} cancelled left out` : '');
  const counts = () => ({ windowDays: window, total: tally.total, onTime: tally.onTime, late: tally.late, broken: tally.broken, openPastDue: tally.openPastDue, cancelled: tally.cancelled });
  if (tally.total === 0) return { score: null, explain: () => explained('commitments.none', counts(), `no commitments due in the last ${window} days${cancelled()}`) };
  return {
    score: (100 * tally.credit) / tally.total,
    explain: () => {
      const parts = [`${tally.onTime} kept on time`, `${tally.late} late`, `${tally.broken} broken`, `${tally.openPastDue} open past due`];
      return explained('commitments.tally', counts(), `${plural(tally.total, 'commitment')} due in the last ${window} days or still open past due: ${parts.join(', ')}${cancelled()}`);
    },
  };
}

/** A valid formal agreement: 100, 60 if it expires within 60 days; none: null while exploring (stage at asOf), else 0. */
export function formalisationComponent(context: HealthContext): ComponentResult {
  const { formal } = context;
  if (!formal) {
    return context.stage === 'exploring'
      ? { score: null, explain: () => explained('formalisation.none_exploring', {}, 'no formal agreement; none expected while exploring') }
      : { score: 0, explain: () => explained('formalisation.none', {}, 'no valid mou, letter of intent, cooperation agreement or contract') };
  }
  const { agreement } = formal;
  const signed = () => `${words(agreement.kind)} signed ${day(agreement.signedAt)}`;
  const params = () => ({ kind: agreement.kind, signedOn: day(agreement.signedAt), validUntil: agreement.validUntil === undefined ? null : day(agreement.validUntil) });
  const validUntil = agreement.validUntil;
  if (validUntil === undefined) return { score: 100, explain: () => explained('formalisation.open_ended', params(), `${signed()}, without end date`) };
  if (formal.expiring) {
    const daysLeft = formal.daysLeft ?? 0;
    return {
      score: RULES.agreementExpiringScore,
      explain: () => explained('formalisation.expiring', { ...params(), daysLeft }, `${signed()} expires ${day(validUntil)}, in ${plural(daysLeft, 'day')}`),
    };
  }
  return { score: 100, explain: () => explained('formalisation.valid', params(), `${signed()}, valid until ${day(validUntil)}`) };
}

/** p = share of last-365-day interactions initiated by the partner: 100 in [0.25, 0.75], else 100·min(p, 1−p)/0.25. */
export function reciprocityComponent(context: HealthContext): ComponentResult {
  const { facts } = context;
  const [from, to] = context.lastYear;
  const totals = touchpointTotals(facts);
  const n = totals.interactions[to] - totals.interactions[from];
  if (n < RULES.reciprocityMinInteractions) {
    return {
      score: null,
      explain: () => explained(
        'reciprocity.insufficient',
        { count: n, windowDays: YEAR, needed: RULES.reciprocityMinInteractions },
        `${plural(n, 'interaction')} in the last ${YEAR} days; at least ${RULES.reciprocityMinInteractions} needed to judge`,
      ),
    };
  }
  const byPartner = totals.interactionsByPartner[to] - totals.interactionsByPartner[from];
  const p = byPartner / n;
  const balanced = p >= RULES.reciprocityBandLow && p <= RULES.reciprocityBandHigh;
  const score = balanced ? 100 : (100 * Math.min(p, 1 - p)) / RULES.reciprocityBandLow;
  return {
    score,
    explain: () => explained(
      'reciprocity.share',
      { byPartner, count: n, windowDays: YEAR, percent: Math.round(p * 100) },
      `the partner initiated ${byPartner} of ${n} interactions in the last ${YEAR} days (${percent(p)})`,
    ),
  };
}

/** Primary contact assigned on both sides: 100, one side: 50, none: 0 (primaries active at asOf). */
export function continuityComponent({ facts, people, asOf }: HealthContext): ComponentResult {
  const primaries = SIDES.map((side) => primaryAt(facts, side, asOf));
  const assigned = primaries.filter((primary) => primary !== undefined).length;
  return {
    score: (100 * assigned) / SIDES.length,
    explain: () => {
      const described = SIDES.map((side, i) => {
        const primary = primaries[i];
        const name = primary ? displayName(people(primary.personId)) : null;
        return { name, text: primary ? `${side}: ${name}` : `no ${side} primary` };
      });
      const [school, partner] = described.map((entry) => entry.name);
      return explained(
        assigned === 2 ? 'continuity.both' : assigned === 1 ? 'continuity.one' : 'continuity.neither',
        { school, partner },
        `primary contact on ${assigned === 2 ? 'both sides' : assigned === 1 ? 'one side' : 'neither side'} (${described.map((entry) => entry.text).join('; ')})`,
      );
    },
  };
}

/** Latest evaluation within 730 days: ((school + partner)/2 − 1)/9 · 100; none: null. */
export function satisfactionComponent(context: HealthContext): ComponentResult {
  const { asOf } = context;
  const last = context.lastEvaluation;
  const window = RULES.satisfactionWindowDays;
  if (!last || daysBetween(last.at, asOf) > window) return { score: null, explain: () => explained('satisfaction.none', { windowDays: window }, `no evaluation in the last ${window} days`) };
  const mean = (last.schoolSatisfaction + last.partnerSatisfaction) / 2;
  return {
    score: ((mean - 1) / 9) * 100,
    explain: () => explained(
      'satisfaction.latest',
      { date: day(last.at), school: last.schoolSatisfaction, partner: last.partnerSatisfaction },
      `evaluation of ${day(last.at)}: school ${last.schoolSatisfaction}, partner ${last.partnerSatisfaction} out of 10`,
    ),
  };
}

export const HEALTH_FORMULAS: Readonly<Record<HealthComponentName, (context: HealthContext) => ComponentResult>> = {
  recency: recencyComponent,
  cadence: cadenceComponent,
  evaluation: evaluationComponent,
  commitments: commitmentsComponent,
  formalisation: formalisationComponent,
  reciprocity: reciprocityComponent,
  continuity: continuityComponent,
  satisfaction: satisfactionComponent,
};
