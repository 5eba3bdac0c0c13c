import {
  ActivityKind,
  AgreementKind,
  ContactRole,
  Intensity,
  InteractionKind,
  SchoolLevel,
  Side,
  Stage,
  UnassignReason,
} from '../shared/vocabulary';

/** Every partnership event names its partnership, so that a consumer of the global log needs no stream-name parsing. */
type Of<T extends string, D> = { type: T; data: { partnershipId: string } & D };

export type PartnershipOpened = Of<
  'PartnershipOpened',
  { schoolId: string; partnerId: string; levels: SchoolLevel[]; intensity: Intensity; themes: string[]; openedAt: string }
>;
export type PartnershipStageChanged = Of<'PartnershipStageChanged', { from: Stage; to: Stage; reason?: string; at: string }>;
export type PartnershipIntensityChanged = Of<'PartnershipIntensityChanged', { from: Intensity; to: Intensity; at: string }>;
export type ContactPersonAssigned = Of<'ContactPersonAssigned', { side: Side; personId: string; role: ContactRole; at: string }>;
export type ContactPersonUnassigned = Of<
  'ContactPersonUnassigned',
  { side: Side; personId: string; reason: UnassignReason; at: string }
>;
export type InteractionRecorded = Of<
  'InteractionRecorded',
  {
    interactionId: string;
    kind: InteractionKind;
    occurredAt: string;
    initiatedBy: Side;
    participantIds: string[];
    summary?: string;
  }
>;
export type ActivityRecorded = Of<
  'ActivityRecorded',
  {
    activityId: string;
    kind: ActivityKind;
    startsAt: string;
    endsAt?: string;
    studentCount?: number;
    participantIds: string[];
  }
>;
export type AgreementSigned = Of<
  'AgreementSigned',
  { agreementId: string; kind: AgreementKind; signedAt: string; validUntil?: string; signatoryIds: string[] }
>;
export type AgreementTerminated = Of<'AgreementTerminated', { agreementId: string; at: string; reason?: string }>;
export type EvaluationHeld = Of<
  'EvaluationHeld',
  {
    evaluationId: string;
    heldAt: string;
    participantIds: string[];
    schoolSatisfaction: number;
    partnerSatisfaction: number;
    notes?: string;
    nextEvaluationDue?: string;
  }
>;
export type CommitmentMade = Of<
  'CommitmentMade',
  { commitmentId: string; side: Side; ownerId?: string; description: string; dueAt: string; madeAt: string }
>;
export type CommitmentFulfilled = Of<'CommitmentFulfilled', { commitmentId: string; at: string }>;
export type CommitmentBroken = Of<'CommitmentBroken', { commitmentId: string; at: string; reason?: string }>;
export type CommitmentCancelled = Of<'CommitmentCancelled', { commitmentId: string; at: string; reason?: string }>;
export type PartnershipEnded = Of<'PartnershipEnded', { at: string; reason: string }>;

export type PartnershipEvent =
  | PartnershipOpened
  | PartnershipStageChanged
  | PartnershipIntensityChanged
  | ContactPersonAssigned
  | ContactPersonUnassigned
  | InteractionRecorded
  | ActivityRecorded
  | AgreementSigned
  | AgreementTerminated
  | EvaluationHeld
  | CommitmentMade
  | CommitmentFulfilled
  | CommitmentBroken
  | CommitmentCancelled
  | PartnershipEnded;
