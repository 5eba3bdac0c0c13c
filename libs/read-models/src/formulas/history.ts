import { endOfLocalDay, localDayOf, toTime, utcDayTime } from '@crm/domain';
import { PartnershipFacts } from '../facts/partnership-facts';
import { PeopleLookup } from '../facts/person-facts';
import { DEFAULT_HEALTH_CONFIG, HealthComponentName, HealthConfig } from './config';
import { healthFigures, HealthStatus, shownScore } from './health';
import { isOpenedBy } from './as-of';
import { inLevelsFilter, LevelFigures, levelFigures, LevelRow, LevelsFilter, levelsReportOf, OrganisationLookup } from './levels-report';

/**
 * SPEC §3.7: the figures of §3.1 and §3.4 at a series of dates, for charts. Every step is computed by the same
 * formulas as a single answer asOf that step; this module only chooses the steps.
 */

export const HISTORY_INTERVALS = ['week', 'month'] as const;
export type HistoryInterval = (typeof HISTORY_INTERVALS)[number];

/** `2026-05-31` moved back `months` calendar months, the day kept where the month has it, else its last day. */
function monthsBefore(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const index = year * 12 + (month - 1) - months;
  const lastDate = new Date(utcDayTime(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
  return new Date(utcDayTime(Math.floor(index / 12), index % 12, Math.min(date, lastDate))).toISOString().slice(0, 10);
}

/** The default start of a history: the end of the same day a year before `to` (in the time zone). */
export const yearBefore = (to: string, timeZone: string): string => endOfLocalDay(monthsBefore(localDayOf(to, timeZone), 12), timeZone);

function weeksBefore(day: string, weeks: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The dates of a history, oldest first: `to` itself, then the end of the day (in the time zone) one week or one
 * calendar month before it, and so on back to `from` (inclusive). Anchored at `to`, so the latest step is the
 * figure a user sees today. Returns undefined when there would be more than `maxSteps`.
 */
export function historySteps(from: string, to: string, every: HistoryInterval, timeZone: string, maxSteps: number): string[] | undefined {
  const anchor = localDayOf(to, timeZone);
  const start = toTime(from);
  const steps: string[] = [];
  for (let k = 0; ; k++) {
    const asOf = k === 0 ? to : endOfLocalDay(every === 'week' ? weeksBefore(anchor, k) : monthsBefore(anchor, k), timeZone);
    if (toTime(asOf) < start) break;
    if (steps.length === maxSteps) return undefined;
    steps.push(asOf);
  }
  return steps.reverse();
}

export interface HealthStep {
  asOf: string;
  score: number | null;
  status: HealthStatus;
  trend: number | null;
  /** Each component's score at that date (shown to 0.1; null where it does not apply). */
  components: Partial<Record<HealthComponentName, number | null>>;
}

/** Health of one partnership at each step (SPEC §3.1 via partnershipHealth, trend included). */
export function partnershipHealthHistory(
  facts: PartnershipFacts,
  people: PeopleLookup,
  steps: readonly string[],
  config: HealthConfig = DEFAULT_HEALTH_CONFIG,
): HealthStep[] {
  return steps.map((asOf) => {
    const health = healthFigures(facts, people, asOf, config);
    const components: HealthStep['components'] = {};
    for (const component of health.components) components[component.name] = shownScore(component.score);
    return { asOf, score: health.score, status: health.status, trend: health.trend, components };
  });
}

/**
 * What one partnership contributes to the levels report at each step (undefined before it opened): one partnership
 * at a time across all steps, so that what the formulas index once per partnership (its touchpoints in date order,
 * their running totals, its participants) serves every step while it is at hand.
 */
export function levelFiguresAtSteps(
  facts: PartnershipFacts,
  people: PeopleLookup,
  steps: readonly string[],
  config: HealthConfig = DEFAULT_HEALTH_CONFIG,
): (LevelFigures | undefined)[] {
  return steps.map((asOf) => (isOpenedBy(facts, asOf) ? levelFigures(facts, people, asOf, config) : undefined));
}

/**
 * The levels report at each step from levelFiguresAtSteps of each partnership of the filter (figures[i] those of
 * partnerships[i]); each step equals levelsReport at that date.
 */
export function levelsHistoryOf(
  partnerships: readonly PartnershipFacts[],
  figures: readonly (LevelFigures | undefined)[][],
  steps: readonly string[],
  filter: LevelsFilter = {},
) {
  return steps.map((asOf, step) => {
    const selected: PartnershipFacts[] = [];
    const stepFigures: LevelFigures[] = [];
    partnerships.forEach((facts, i) => {
      const at = figures[i][step];
      if (at === undefined) return;
      selected.push(facts);
      stepFigures.push(at);
    });
    return levelsReportOf(selected, stepFigures, asOf, filter);
  });
}

/** SPEC §3.7 levels history: levelsReport at each step, each partnership computed across all steps at once. */
export function levelsHistory(
  partnerships: readonly PartnershipFacts[],
  people: PeopleLookup,
  organisations: OrganisationLookup,
  steps: readonly string[],
  filter: LevelsFilter = {},
  config: HealthConfig = DEFAULT_HEALTH_CONFIG,
) {
  const covered = partnerships.filter((facts) => inLevelsFilter(facts, organisations, filter));
  return levelsHistoryOf(covered, covered.map((facts) => levelFiguresAtSteps(facts, people, steps, config)), steps, filter);
}

/** A levels-report row without its reasons: a history repeats the same explanations at every step. */
export type LevelFiguresRow = Omit<LevelRow, 'reasons' | 'reasonCodes' | 'reasonParams'>;

export const withoutReasons = ({ reasons: _reasons, reasonCodes: _codes, reasonParams: _params, ...figures }: LevelRow): LevelFiguresRow => figures;
