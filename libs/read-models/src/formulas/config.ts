import { EXPECTED_CONTACT_INTERVAL_DAYS, Intensity } from '@crm/domain';

/** The components of relationship health (SPEC §3.1), in the order they are reported. */
export const HEALTH_COMPONENTS = [
  'recency',
  'cadence',
  'evaluation',
  'commitments',
  'formalisation',
  'reciprocity',
  'continuity',
  'satisfaction',
] as const;
export type HealthComponentName = (typeof HEALTH_COMPONENTS)[number];

/** What SPEC §3.1 calls configuration: the weights of the components and the expected contact interval per intensity. */
export interface HealthConfig {
  weights: Readonly<Record<HealthComponentName, number>>;
  expectedIntervalDays: Readonly<Record<Intensity, number>>;
}

export const DEFAULT_HEALTH_CONFIG: HealthConfig = {
  weights: {
    recency: 25,
    cadence: 15,
    evaluation: 15,
    commitments: 15,
    formalisation: 10,
    reciprocity: 5,
    continuity: 10,
    satisfaction: 5,
  },
  expectedIntervalDays: EXPECTED_CONTACT_INTERVAL_DAYS,
};

export interface HealthConfigOverrides {
  weights?: Partial<Record<HealthComponentName, number>>;
  expectedIntervalDays?: Partial<Record<Intensity, number>>;
}

/** The defaults with some weights or intervals replaced (e.g. from settings). */
export function healthConfig(overrides: HealthConfigOverrides = {}): HealthConfig {
  return {
    weights: { ...DEFAULT_HEALTH_CONFIG.weights, ...overrides.weights },
    expectedIntervalDays: { ...DEFAULT_HEALTH_CONFIG.expectedIntervalDays, ...overrides.expectedIntervalDays },
  };
}

/**
 * The fixed windows (days) and thresholds written in SPEC §3. They are the definition of the figures rather than
 * settings, but they are named here once so that no formula carries a bare number.
 */
export const RULES = {
  /** "the last 365 days": cadence, reciprocity, dormancy, key-person dependency, participants, tier involvement. */
  yearDays: 365,
  /** Evaluation score fades from 100 at 365 days to 0 at this age. */
  evaluationFadeEndDays: 545,
  /** A partnership younger than this needs no evaluation yet. */
  youngPartnershipDays: 180,
  /** Commitments due in the last 730 days count; the latest evaluation counts for satisfaction this long. */
  commitmentWindowDays: 730,
  satisfactionWindowDays: 730,
  /** gapDays looks back this far. */
  gapWindowDays: 730,
  /** "last 3 years" for handovers, as 3 × 365 days like every other window. */
  recentHandoverDays: 3 * 365,
  /** A formal agreement expiring within this many days scores 60 and appears on the worklist. */
  agreementExpiringDays: 60,
  agreementExpiringScore: 60,
  /** A commitment due within this many days appears on the worklist. */
  commitmentDueSoonDays: 14,
  /** trend = score(asOf) − score(asOf − trendDays). */
  trendDays: 90,
  /** Status thresholds on the score. */
  healthyFrom: 70,
  attentionFrom: 40,
  /** The worklist flags contact_drifting when recency falls below this. */
  driftingBelow: 50,
  /** Reciprocity: the balanced band of the partner's share of initiatives, and the minimum number of interactions. */
  reciprocityBandLow: 0.25,
  reciprocityBandHigh: 0.75,
  reciprocityMinInteractions: 4,
  /** Recency: 100 up to I days, 0 from recencyZeroFactor × I days. */
  recencyZeroFactor: 3,
  /** Key-person dependency thresholds on the top person's share. */
  keyPersonHighShare: 0.8,
  keyPersonMediumShare: 0.6,
  /** A late fulfilment counts as half a kept commitment. */
  lateFulfilmentCredit: 0.5,
  /** Dutch school year: 1 August – 31 July; the thank-you season starts 1 June (months are 1-based). */
  thankYouFromMonth: 6,
  schoolYearLastMonth: 7,
} as const;
