import { Stage } from '@crm/domain';
import { PartnershipFacts } from '../facts/partnership-facts';
import { PeopleLookup } from '../facts/person-facts';
import { addDays, isOpenedBy, lastTouchpoint, stageAt, withinLastDays } from './as-of';
import { DEFAULT_HEALTH_CONFIG, HEALTH_COMPONENTS, HealthComponentName, HealthConfig, RULES } from './config';
import { ComponentResult, HEALTH_FORMULAS, HealthContext, healthContext } from './health-components';
import { day, explained, Explained, plural, ReasonParams, round1 } from './text';

/** `not_opened`: asOf lies before the partnership was opened (an addition to SPEC §3.1's statuses). */
export type HealthStatus = 'ended' | 'dormant' | 'healthy' | 'attention' | 'at_risk' | 'not_opened';

export interface HealthComponent extends Explained {
  name: HealthComponentName;
  /** Rounded to 0.1 for display; the health score is computed from the exact value. */
  score: number | null;
  weight: number;
}

export interface HealthAt extends Explained {
  partnershipId: string;
  asOf: string;
  /** round(weighted mean of the non-null components); null only before the partnership was opened. */
  score: number | null;
  status: HealthStatus;
  components: HealthComponent[];
}

export interface HealthReport extends HealthAt {
  /** score(asOf) − score(asOf − 90 days); null when the partnership was not open 90 days before asOf. */
  trend: number | null;
  trendReason: string;
  trendReasonCode: string;
  trendReasonParams: ReasonParams;
}

/**
 * round(Σ weight·score / Σ weight) over the non-null components; null if none applies. Given the components' exact
 * scores (SPEC §3.1): averaging the displayed ones (0.1) rounds scores near x.5 the wrong way, across the 40 and 70 bands.
 */
export function weightedScore(components: readonly { score: number | null; weight: number }[]): number | null {
  let totalWeight = 0;
  let total = 0;
  for (const { score, weight } of components) {
    if (score === null || weight <= 0) continue;
    totalWeight += weight;
    total += weight * score;
  }
  return totalWeight === 0 ? null : Math.round(total / totalWeight);
}

/**
 * Decision: dormant = no touchpoint in (asOf − 365 days, asOf]; the silence is counted from openedAt, so a partnership
 * opened less than 365 days before asOf is not dormant even without any touchpoint.
 */
export function isDormant(facts: PartnershipFacts, asOf: string): boolean {
  const last = lastTouchpoint(facts, asOf);
  const silenceStart = last ? last.at : facts.openedAt;
  return !withinLastDays(silenceStart, asOf, RULES.yearDays);
}

/** The status of a partnership opened by asOf with this score (SPEC §3.1). */
function statusOf(facts: PartnershipFacts, asOf: string, score: number, stage: Stage = stageAt(facts, asOf)): HealthStatus {
  if (stage === 'ended') return 'ended';
  if (isDormant(facts, asOf)) return 'dormant';
  if (score >= RULES.healthyFrom) return 'healthy';
  if (score >= RULES.attentionFrom) return 'attention';
  return 'at_risk';
}

/** Why the status is what it is (the reason, its code and params). */
function status(facts: PartnershipFacts, asOf: string, score: number, decided: HealthStatus = statusOf(facts, asOf, score)): { status: HealthStatus } & Explained {
  if (decided === 'ended') {
    const why = facts.endReason ? ` (${facts.endReason})` : '';
    const date = day(facts.endedAt ?? asOf);
    return { status: 'ended', ...explained('status.ended', { date, why: facts.endReason ?? null }, `ended on ${date}${why}`) };
  }
  if (decided === 'dormant') {
    const last = lastTouchpoint(facts, asOf);
    const params = { windowDays: RULES.yearDays, date: day(last ? last.at : facts.openedAt) };
    return {
      status: 'dormant',
      ...explained(
        last ? 'status.dormant' : 'status.dormant_since_opening',
        params,
        `no touchpoint in the last ${RULES.yearDays} days (${last ? `last on ${day(last.at)}` : `none since opening on ${day(facts.openedAt)}`})`,
      ),
    };
  }
  const bands = { score, healthyFrom: RULES.healthyFrom, attentionFrom: RULES.attentionFrom };
  if (decided === 'healthy') return { status: 'healthy', ...explained('status.healthy', bands, `score ${score} ≥ ${RULES.healthyFrom}`) };
  if (decided === 'attention') {
    return { status: 'attention', ...explained('status.attention', bands, `score ${score} between ${RULES.attentionFrom} and ${RULES.healthyFrom - 1}`) };
  }
  return { status: 'at_risk', ...explained('status.at_risk', bands, `score ${score} below ${RULES.attentionFrom}`) };
}

/** A component's exact result with its name and weight. */
export interface ExactComponent extends ComponentResult {
  name: HealthComponentName;
  weight: number;
}

/** A component's score as shown: to 0.1. */
export const shownScore = (exact: number | null): number | null => (exact === null ? null : round1(exact));

/**
 * Score, status and the components' exact scores at asOf, without wording any reason: equal to healthAt's score and
 * status, for histories and reports that read health at many dates (SPEC §3.7). Score null and no components before
 * the partnership opened.
 */
export function healthFiguresAt(
  facts: PartnershipFacts,
  people: PeopleLookup,
  asOf: string,
  config: HealthConfig = DEFAULT_HEALTH_CONFIG,
): { score: number | null; status: HealthStatus; components: ExactComponent[]; context?: HealthContext } {
  if (!isOpenedBy(facts, asOf)) return { score: null, status: 'not_opened', components: [] };
  const context = healthContext(facts, people, asOf, config);
  const components = HEALTH_COMPONENTS.map((name): ExactComponent => ({ name, weight: config.weights[name], ...HEALTH_FORMULAS[name](context) }));
  // Recency is never null, so a configuration with a positive recency weight always gives a score.
  const score = weightedScore(components) ?? 0;
  return { score, status: statusOf(facts, asOf, score, context.stage), components, context };
}

/** SPEC §3.1 at one date, without the trend. */
export function healthAt(
  facts: PartnershipFacts,
  people: PeopleLookup,
  asOf: string,
  config: HealthConfig = DEFAULT_HEALTH_CONFIG,
): HealthAt {
  const partnershipId = facts.partnershipId;
  if (!isOpenedBy(facts, asOf)) {
    const params = { openedOn: day(facts.openedAt), asOf: day(asOf) };
    return { partnershipId, asOf, score: null, status: 'not_opened', ...explained('status.not_opened', params, `opened on ${day(facts.openedAt)}, after ${day(asOf)}`), components: [] };
  }
  const exact = healthFiguresAt(facts, people, asOf, config);
  const score = exact.score ?? 0;
  const components = exact.components.map(({ name, score: value, weight, explain }): HealthComponent => ({ name, score: shownScore(value), weight, ...explain() }));
  return { partnershipId, asOf, score, ...status(facts, asOf, score, exact.status), components };
}

/** score(asOf) − score(asOf − 90 days); null when either is (not open then). */
export const trendOf = (now: number | null, then: number | null): number | null => (now === null || then === null ? null : now - then);

/**
 * partnershipHealth's score, status and trend (and the components' exact scores) without wording any reason: for lists
 * and histories, which show figures only (SPEC §3.6, §3.7) and ask for many partnerships or dates at once.
 */
export function healthFigures(
  facts: PartnershipFacts,
  people: PeopleLookup,
  asOf: string,
  config: HealthConfig = DEFAULT_HEALTH_CONFIG,
): { score: number | null; status: HealthStatus; trend: number | null; components: ExactComponent[] } {
  const now = healthFiguresAt(facts, people, asOf, config);
  const then = healthFiguresAt(facts, people, addDays(asOf, -RULES.trendDays), config);
  return { score: now.score, status: now.status, trend: trendOf(now.score, then.score), components: now.components };
}

/** SPEC §3.1: components, score, status and trend = score(asOf) − score(asOf − 90 days). */
export function partnershipHealth(
  facts: PartnershipFacts,
  people: PeopleLookup,
  asOf: string,
  config: HealthConfig = DEFAULT_HEALTH_CONFIG,
): HealthReport {
  const now = healthAt(facts, people, asOf, config);
  const thenAsOf = addDays(asOf, -RULES.trendDays);
  // Only the score of 90 days before is shown (in the trend's reason): its own reasons are not worded.
  const then = healthFiguresAt(facts, people, thenAsOf, config);
  const trend = trendOf(now.score, then.score);
  if (trend === null || now.score === null || then.score === null) {
    const { reason, reasonCode, reasonParams } = explained('trend.not_open', { days: RULES.trendDays, date: day(asOf) }, `not open ${plural(RULES.trendDays, 'day')} before ${day(asOf)}`);
    return { ...now, trend: null, trendReason: reason, trendReasonCode: reasonCode, trendReasonParams: reasonParams };
  }
  const params = { score: now.score, date: day(asOf), thenScore: then.score, thenDate: day(thenAsOf) };
  const { reason, reasonCode, reasonParams } = explained('trend.compared', params, `score ${now.score} on ${day(asOf)}, ${then.score} on ${day(thenAsOf)}`);
  return { ...now, trend, trendReason: reason, trendReasonCode: reasonCode, trendReasonParams: reasonParams };
}
