import { PERSON_TIERS, PersonTier, SCHOOL_LEVELS, SchoolLevel, Stage, STAGES } from '@crm/domain';
import { OrganisationFacts } from '../facts/organisation-facts';
import { PartnershipFacts } from '../facts/partnership-facts';
import { PeopleLookup } from '../facts/person-facts';
import { formalAgreementAt } from './agreements';
import { ageInDays, isOpenedBy, latestEvaluation, stageAt, touchpointRange, withinLastDays } from './as-of';
import { commitmentTally } from './commitments';
import { DEFAULT_HEALTH_CONFIG, HealthConfig, RULES } from './config';
import { healthFiguresAt, HealthStatus } from './health';
import { sideKeyPersonRiskLevel } from './key-person-risk';
import { recurringForLevels } from './recurring-cooperation';
import { ReasonParams, round1, share } from './text';
import { sideTouchpoints } from './touchpoint-index';

export type OrganisationLookup = (organisationId: string) => OrganisationFacts | undefined;

export interface LevelsFilter {
  schoolId?: string;
  /** The region of the school (case and surrounding spaces ignored). */
  region?: string;
  /** Levels to report; all of SCHOOL_LEVELS by default. */
  levels?: readonly SchoolLevel[];
}

export interface LevelRow {
  level: SchoolLevel;
  /** Partnerships of this level opened on or before asOf, ended ones included. */
  partnerships: number;
  byStage: Record<Stage, number>;
  meanHealth: number | null;
  atRiskShare: number | null;
  dormantShare: number | null;
  formalAgreementShare: number | null;
  evaluatedShare: number | null;
  commitmentsKeptRatio: number | null;
  highKeyPersonRiskShare: number | null;
  tierInvolvement: Record<PersonTier, number | null>;
  /** SPEC §3.8: share of the partnerships not ended and at least a year old with an activity kind held in two or more school years. */
  recurringShare: number | null;
  /** What each figure was computed over. */
  reasons: Record<string, string>;
  /** The code of each figure's reason, per figure, worded with `reasonParams`. */
  reasonCodes: Record<string, LevelsFigureCode>;
  reasonParams: ReasonParams;
}

/** The codes of the levels report's figure reasons (`reasonCodes`, per figure). */
export const LEVELS_FIGURE_CODES = [
  'levels.partnerships',
  'levels.mean_health',
  'levels.at_risk',
  'levels.dormant',
  'levels.formal_agreement',
  'levels.evaluated',
  'levels.commitments_kept',
  'levels.high_key_person_risk',
  'levels.tier_involvement',
  'levels.recurring',
] as const;
export type LevelsFigureCode = (typeof LEVELS_FIGURE_CODES)[number];

export interface LevelsReport {
  asOf: string;
  filter: LevelsFilter;
  levels: LevelRow[];
}

/** What one partnership contributes to the levels report, computed once however many levels it has. */
export interface LevelFigures {
  stage: Stage;
  /** Not ended at asOf: the population of every health-derived figure. */
  current: boolean;
  score: number | null;
  status: HealthStatus;
  formal: boolean;
  olderThanYoung: boolean;
  evaluated: boolean;
  keptCredit: number;
  keptTotal: number;
  schoolRiskHigh: boolean;
  tiers: Set<PersonTier>;
  /** recurringForLevels: null when not in the base of recurringShare. */
  recurring: boolean | null;
}

/** Tiers of the school-side people in touchpoints of the last 365 days, each as of the touchpoint's date. */
function schoolTiers(facts: PartnershipFacts, people: PeopleLookup, asOf: string): Set<PersonTier> {
  const [from, to] = touchpointRange(facts, asOf, RULES.yearDays);
  const { withTier } = sideTouchpoints(facts, people, 'school');
  return new Set(PERSON_TIERS.filter((tier) => withTier[tier][to] > withTier[tier][from]));
}

/** An ended partnership counts in `partnerships` and `byStage` only: none of its other figures is read. */
const endedFigures: Omit<LevelFigures, 'tiers'> = {
  stage: 'ended',
  current: false,
  score: null,
  status: 'ended',
  formal: false,
  olderThanYoung: false,
  evaluated: false,
  keptCredit: 0,
  keptTotal: 0,
  schoolRiskHigh: false,
  recurring: null,
};

export function levelFigures(facts: PartnershipFacts, people: PeopleLookup, asOf: string, config: HealthConfig = DEFAULT_HEALTH_CONFIG): LevelFigures {
  const stage = stageAt(facts, asOf);
  // A history asks the report at many dates, at most of which many partnerships have ended long ago.
  if (stage === 'ended') return { ...endedFigures, tiers: new Set() };
  const health = healthFiguresAt(facts, people, asOf, config);
  // What the health components read of the facts at asOf, read once (a partnership not opened by asOf has no context).
  const lastEvaluation = health.context ? health.context.lastEvaluation : latestEvaluation(facts, asOf);
  const tally = health.context ? health.context.tally : commitmentTally(facts, asOf);
  const formal = health.context ? health.context.formal : formalAgreementAt(facts, asOf);
  return {
    stage,
    current: true,
    score: health.score,
    status: health.status,
    formal: formal !== undefined,
    olderThanYoung: ageInDays(facts, asOf) >= RULES.youngPartnershipDays,
    evaluated: lastEvaluation !== undefined && withinLastDays(lastEvaluation.at, asOf, RULES.yearDays),
    keptCredit: tally.credit,
    keptTotal: tally.total,
    schoolRiskHigh: sideKeyPersonRiskLevel(facts, people, 'school', asOf) === 'high',
    tiers: stage === 'active' ? schoolTiers(facts, people, asOf) : new Set(),
    recurring: recurringForLevels(facts, asOf),
  };
}

const sameRegion = (a: string | undefined, b: string): boolean => a !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

function levelRow(level: SchoolLevel, rows: readonly LevelFigures[]): LevelRow {
  const count = (items: readonly LevelFigures[], test: (figures: LevelFigures) => boolean): number => items.filter(test).length;
  const current = rows.filter((figures) => figures.current);
  const formalBase = rows.filter((figures) => figures.stage === 'agreed' || figures.stage === 'active');
  const evaluationBase = current.filter((figures) => figures.olderThanYoung);
  const active = rows.filter((figures) => figures.stage === 'active');
  const recurringBase = rows.filter((figures) => figures.recurring !== null);
  const scores = current.map((figures) => figures.score).filter((score): score is number => score !== null);
  const keptTotal = current.reduce((sum, figures) => sum + figures.keptTotal, 0);
  const keptCredit = current.reduce((sum, figures) => sum + figures.keptCredit, 0);
  const byStage = Object.fromEntries(STAGES.map((stage) => [stage, count(rows, (figures) => figures.stage === stage)])) as Record<Stage, number>;
  const tierInvolvement = Object.fromEntries(
    PERSON_TIERS.map((tier) => [tier, share(count(active, (figures) => figures.tiers.has(tier)), active.length)]),
  ) as Record<PersonTier, number | null>;
  return {
    level,
    partnerships: rows.length,
    byStage,
    meanHealth: scores.length ? round1(scores.reduce((sum, score) => sum + score, 0) / scores.length) : null,
    atRiskShare: share(count(current, (figures) => figures.status === 'at_risk'), current.length),
    dormantShare: share(count(current, (figures) => figures.status === 'dormant'), current.length),
    formalAgreementShare: share(count(formalBase, (figures) => figures.formal), formalBase.length),
    evaluatedShare: share(count(evaluationBase, (figures) => figures.evaluated), evaluationBase.length),
    commitmentsKeptRatio: share(keptCredit, keptTotal),
    highKeyPersonRiskShare: share(count(current, (figures) => figures.schoolRiskHigh), current.length),
    tierInvolvement,
    recurringShare: share(count(recurringBase, (figures) => figures.recurring === true), recurringBase.length),
    reasons: {
      partnerships: `${rows.length} opened on or before asOf, ended ones included; each counts once for every level it has`,
      meanHealth: `mean health score over the ${current.length} partnerships not ended`,
      atRiskShare: `share of the ${current.length} partnerships not ended with status at_risk`,
      dormantShare: `share of the ${current.length} partnerships not ended with status dormant (no touchpoint in ${RULES.yearDays} days)`,
      formalAgreementShare: `share of the ${formalBase.length} agreed or active partnerships with a valid mou, letter of intent, cooperation agreement or contract`,
      evaluatedShare: `share of the ${evaluationBase.length} partnerships not ended and at least ${RULES.youngPartnershipDays} days old evaluated in the last ${RULES.yearDays} days`,
      commitmentsKeptRatio: `(on time + 0.5 × late) over ${keptTotal} commitments due in the last ${RULES.commitmentWindowDays} days or open past due, cancelled ones left out, in partnerships not ended`,
      highKeyPersonRiskShare: `share of the ${current.length} partnerships not ended with high school-side key-person risk`,
      tierInvolvement: `share of the ${active.length} active partnerships where a school person of that tier (as of the touchpoint) took part in a touchpoint in the last ${RULES.yearDays} days`,
      recurringShare: `share of the ${recurringBase.length} partnerships not ended and at least ${RULES.yearDays} days old with an activity kind held in two or more school years (1 August – 31 July)`,
    },
    reasonCodes: {
      partnerships: 'levels.partnerships',
      meanHealth: 'levels.mean_health',
      atRiskShare: 'levels.at_risk',
      dormantShare: 'levels.dormant',
      formalAgreementShare: 'levels.formal_agreement',
      evaluatedShare: 'levels.evaluated',
      commitmentsKeptRatio: 'levels.commitments_kept',
      highKeyPersonRiskShare: 'levels.high_key_person_risk',
      tierInvolvement: 'levels.tier_involvement',
      recurringShare: 'levels.recurring',
    },
    reasonParams: {
      opened: rows.length,
      current: current.length,
      formalBase: formalBase.length,
      evaluationBase: evaluationBase.length,
      youngDays: RULES.youngPartnershipDays,
      yearDays: RULES.yearDays,
      commitments: keptTotal,
      commitmentWindowDays: RULES.commitmentWindowDays,
      active: active.length,
      recurringBase: recurringBase.length,
    },
  };
}

/**
 * SPEC §3.4: per school level, optionally for one school or the schools of one region.
 * Decisions: counts (partnerships, byStage) cover every partnership opened on or before asOf; the health-derived
 * figures (meanHealth, at_risk, dormant, evaluated, commitments, key-person risk) cover those not ended at asOf;
 * shares are null when there is nothing to divide by.
 */
export function levelsReport(
  partnerships: readonly PartnershipFacts[],
  people: PeopleLookup,
  organisations: OrganisationLookup,
  asOf: string,
  filter: LevelsFilter = {},
  config: HealthConfig = DEFAULT_HEALTH_CONFIG,
): LevelsReport {
  const selected = levelsSelection(partnerships, organisations, asOf, filter);
  return levelsReportOf(selected, selected.map((facts) => levelFigures(facts, people, asOf, config)), asOf, filter);
}

/** The partnerships levelsReport covers: opened on or before asOf, of the filter's school and region. */
export function levelsSelection(
  partnerships: readonly PartnershipFacts[],
  organisations: OrganisationLookup,
  asOf: string,
  filter: LevelsFilter = {},
): PartnershipFacts[] {
  return partnerships.filter((facts) => isOpenedBy(facts, asOf) && inLevelsFilter(facts, organisations, filter));
}

/** Of the filter's school and region (levelsSelection without the date). */
export const inLevelsFilter = (facts: PartnershipFacts, organisations: OrganisationLookup, filter: LevelsFilter): boolean =>
  (filter.schoolId === undefined || facts.schoolId === filter.schoolId) &&
  (filter.region === undefined || sameRegion(organisations(facts.schoolId)?.region, filter.region));

/** levelsReport from the figures of each selected partnership (figures[i] those of selected[i]), for callers that compute them in parts. */
export function levelsReportOf(
  selected: readonly PartnershipFacts[],
  figures: readonly LevelFigures[],
  asOf: string,
  filter: LevelsFilter = {},
): LevelsReport {
  const levels = (filter.levels ?? SCHOOL_LEVELS).map((level) =>
    levelRow(
      level,
      figures.filter((_, index) => selected[index].levels.includes(level)),
    ),
  );
  return { asOf, filter, levels };
}
