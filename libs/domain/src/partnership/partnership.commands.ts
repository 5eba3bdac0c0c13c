import {
  ActivityKind,
  AgreementKind,
  ContactRole,
  Intensity,
  InteractionKind,
  Side,
  Stage,
  UnassignReason,
} from '../shared/vocabulary';

/** Dates named `at` are optional in commands: the server's clock is the default. */
type On<T extends string, D> = { type: T; partnershipId: string } & D;

export type OpenPartnership = On<
  'OpenPartnership',
  { schoolId: string; partnerId: string; levels: string[]; intensity: Intensity; themes?: string[]; openedAt?: string }
>;
export type ChangeStage = On<'ChangeStage', { to: Stage; reason?: string; at?: string }>;
export type ChangeIntensity = On<'ChangeIntensity', { to: Intensity; at?: string }>;
export type AssignContact = On<'AssignContact', { side: Side; personId: string; role: ContactRole; at?: string }>;
export type UnassignContact = On<'UnassignContact', { personId: string; reason?: UnassignReason; at?: string }>;
/** Issued by the system when a person leaves their organisation (SPEC §2, last rule). */
export type UnassignDepartedContact = On<'UnassignDepartedContact', { personId: string; leftAt: string }>;
/**
 * Issued by the system after an assignment and after a departure: unassigns the person if their departure is
 * recorded (context `people`), for an assignment and a departure of the same person that crossed (neither saw the
 * other when it decided). Nothing when the person has not left or is not a contact.
 */
export type ReconcileDepartedContact = On<'ReconcileDepartedContact', { personId: string }>;
export type RecordInteraction = On<
  'RecordInteraction',
  {
    interactionId: string;
    kind: InteractionKind;
    occurredAt?: string;
    initiatedBy: Side;
    participantIds?: string[];
    summary?: string;
  }
>;
export type RecordActivity = On<
  'RecordActivity',
  {
    activityId: string;
    kind: ActivityKind;
    startsAt?: string;
    endsAt?: string;
    studentCount?: number;
    participantIds?: string[];
  }
>;
export type SignAgreement = On<
  'SignAgreement',
  { agreementId: string; kind: AgreementKind; signedAt?: string; validUntil?: string; signatoryIds?: string[] }
>;
export type TerminateAgreement = On<'TerminateAgreement', { agreementId: string; at?: string; reason?: string }>;
export type HoldEvaluation = On<
  'HoldEvaluation',
  {
    evaluationId: string;
    heldAt?: string;
    participantIds?: string[];
    schoolSatisfaction: number;
    partnerSatisfaction: number;
    notes?: string;
    nextEvaluationDue?: string;
  }
>;
export type MakeCommitment = On<
  'MakeCommitment',
  { commitmentId: string; side: Side; ownerId?: string; description: string; dueAt: string; madeAt?: string }
>;
export type CloseCommitment = On<
  'FulfilCommitment' | 'BreakCommitment' | 'CancelCommitment',
  { commitmentId: string; at?: string; reason?: string }
>;
export type EndPartnership = On<'EndPartnership', { at?: string; reason: string }>;

export type PartnershipCommand =
  | OpenPartnership
  | ChangeStage
  | ChangeIntensity
  | AssignContact
  | UnassignContact
  | UnassignDepartedContact
  | ReconcileDepartedContact
  | RecordInteraction
  | RecordActivity
  | SignAgreement
  | TerminateAgreement
  | HoldEvaluation
  | MakeCommitment
  | CloseCommitment
  | EndPartnership;
