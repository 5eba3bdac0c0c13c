import {
  ActivityKind,
  AgreementKind,
  ContactRole,
  Intensity,
  SchoolLevel,
  Side,
  Stage,
  UnassignReason,
} from '@crm/domain';

/**
 * What the partnerships projection stores: facts with their dates, never figures that depend on "today".
 * Health, continuity, key-person risk and the rest are computed from these for any `asOf` by the pure
 * functions in ../formulas, so every adapter gives the same answer and a past date reads as it was then.
 */

/** SPEC §3: interactions, activities (at startsAt), evaluations and signed agreements. */
export type TouchpointKind = 'interaction' | 'activity' | 'evaluation' | 'agreement';

export interface TouchpointFact {
  kind: TouchpointKind;
  /** interactionId, activityId, evaluationId or agreementId. */
  id: string;
  at: string;
  participantIds: string[];
  /** Interactions only. */
  initiatedBy?: Side;
  /** Activities only. */
  activityKind?: ActivityKind;
  /** Activities only, when given: the students taking part (placed, for an internship). */
  studentCount?: number;
}

export interface ContactPeriod {
  side: Side;
  personId: string;
  role: ContactRole;
  from: string;
  /** Absent while the person is still assigned. */
  to?: string;
  endReason?: UnassignReason;
}

export interface EvaluationFact {
  id: string;
  at: string;
  schoolSatisfaction: number;
  partnerSatisfaction: number;
  nextEvaluationDue?: string;
}

export interface AgreementFact {
  id: string;
  kind: AgreementKind;
  signedAt: string;
  validUntil?: string;
  terminatedAt?: string;
}

export type CommitmentStatus = 'open' | 'fulfilled' | 'broken' | 'cancelled';

export interface CommitmentFact {
  id: string;
  side: Side;
  ownerId?: string;
  description: string;
  dueAt: string;
  /** When the promise was made (CommitmentMade v2; v1 events are upcast with their recording time). */
  madeAt: string;
  status: CommitmentStatus;
  /** When it was fulfilled, broken or cancelled. */
  closedAt?: string;
}

export interface PartnershipFacts {
  _id: string;
  partnershipId: string;
  schoolId: string;
  partnerId: string;
  levels: SchoolLevel[];
  themes: string[];
  openedAt: string;
  /** Current stage and intensity; the histories give them at any date. */
  stage: Stage;
  intensity: Intensity;
  stageHistory: { stage: Stage; at: string }[];
  intensityHistory: { intensity: Intensity; at: string }[];
  endedAt?: string;
  endReason?: string;
  touchpoints: TouchpointFact[];
  evaluations: EvaluationFact[];
  agreements: AgreementFact[];
  commitments: CommitmentFact[];
  contacts: ContactPeriod[];
  /** Global position of the last event applied; a re-delivered event at or below it is skipped. */
  position: number;
  /** The revision of the aggregate's stream after the last event applied (absent in documents projected before v4/v3/v2). */
  revision?: number;
  [field: string]: unknown;
}
