/**
 * A small builder for the stored facts the formulas consume, so that a test reads as a story:
 *
 *   const facts = partnership({ openedAt: ago(400), intensity: 'exchange' })
 *     .contact('school', TEACHER, 'primary', ago(400))
 *     .interaction(ago(10), { by: 'partner', with: [TEACHER] })
 *     .build();
 *
 * Dates are counted in days before (ago) or after (later) one fixed asOf.
 */
import { ActivityKind, AgreementKind, ContactRole, DAY_MS, Intensity, PersonTier, SchoolLevel, Side, Stage, UnassignReason } from '@crm/domain';
import {
  AgreementFact,
  CommitmentFact,
  CommitmentStatus,
  ContactPeriod,
  EvaluationFact,
  PartnershipFacts,
  TouchpointFact,
} from '../src/facts/partnership-facts';
import { PeopleLookup, PersonFacts } from '../src/facts/person-facts';

export const ASOF = '2025-03-01T12:00:00.000Z';

const shift = (iso: string, days: number): string => new Date(Date.parse(iso) + days * DAY_MS).toISOString();
/** `days` days before `from` (asOf by default). */
export const ago = (days: number, from: string = ASOF): string => shift(from, -days);
/** `days` days after `from` (asOf by default). */
export const later = (days: number, from: string = ASOF): string => shift(from, days);

export const SCHOOL_ID = 'org-school';
export const PARTNER_ID = 'org-partner';
export const OTHER_ORG_ID = 'org-other';

// ---- people -------------------------------------------------------------------------------------

export interface PersonOptions {
  /** Organisation by side (school or partner of the default partnership) or explicit id. */
  side?: Side;
  organisationId?: string;
  name?: string;
  tier?: PersonTier;
  /** Tier changes after registration: [{ tier, from }]. */
  tierChanges?: { tier: PersonTier; from: string }[];
  registeredAt?: string;
  leftAt?: string;
  erased?: boolean;
}

export function person(personId: string, options: PersonOptions = {}): PersonFacts {
  const organisationId = options.organisationId ?? (options.side === 'partner' ? PARTNER_ID : SCHOOL_ID);
  const registeredAt = options.registeredAt ?? '2015-01-01T00:00:00.000Z';
  const tier = options.tier ?? 'operational';
  const roleHistory = [
    { role: 'role', tier, from: registeredAt },
    ...(options.tierChanges ?? []).map((change) => ({ role: 'role', tier: change.tier, from: change.from })),
  ];
  return {
    _id: personId,
    personId,
    organisationId,
    name: options.erased ? '[erased]' : (options.name ?? personId),
    role: 'role',
    tier: roleHistory[roleHistory.length - 1].tier,
    roleHistory,
    registeredAt,
    leftAt: options.leftAt,
    erased: options.erased ?? false,
    position: 0,
  };
}

export function lookup(...people: PersonFacts[]): PeopleLookup {
  const byId = new Map(people.map((one) => [one.personId, one]));
  return (personId) => byId.get(personId);
}

// ---- partnerships -------------------------------------------------------------------------------

export interface PartnershipOptions {
  id?: string;
  openedAt?: string;
  intensity?: Intensity;
  levels?: SchoolLevel[];
  schoolId?: string;
  partnerId?: string;
  /** A stage to be in from the opening on (after `exploring` at openedAt). */
  stage?: Stage;
}

let counter = 0;
const nextId = (prefix: string): string => `${prefix}-${++counter}`;

export class PartnershipBuilder {
  private readonly facts: PartnershipFacts;

  constructor(options: PartnershipOptions = {}) {
    const openedAt = options.openedAt ?? ago(400);
    const intensity = options.intensity ?? 'exchange';
    const id = options.id ?? nextId('partnership');
    this.facts = {
      _id: id,
      partnershipId: id,
      schoolId: options.schoolId ?? SCHOOL_ID,
      partnerId: options.partnerId ?? PARTNER_ID,
      levels: options.levels ?? ['mbo'],
      themes: [],
      openedAt,
      stage: 'exploring',
      intensity,
      stageHistory: [{ stage: 'exploring', at: openedAt }],
      intensityHistory: [{ intensity, at: openedAt }],
      touchpoints: [],
      evaluations: [],
      agreements: [],
      commitments: [],
      contacts: [],
      position: 0,
    };
    if (options.stage && options.stage !== 'exploring') this.stage(options.stage, openedAt);
  }

  stage(stage: Stage, at: string): this {
    this.facts.stageHistory.push({ stage, at });
    return this;
  }

  intensity(intensity: Intensity, at: string): this {
    this.facts.intensityHistory.push({ intensity, at });
    return this;
  }

  ended(at: string, reason = 'completed'): this {
    this.facts.endedAt = at;
    this.facts.endReason = reason;
    return this.stage('ended', at);
  }

  interaction(at: string, options: { by?: Side; with?: string[] } = {}): this {
    return this.touch({ kind: 'interaction', id: nextId('interaction'), at, participantIds: options.with ?? [], initiatedBy: options.by ?? 'school' });
  }

  /** Several interactions, `initiatedBy` given per interaction, all on the days before asOf given. */
  interactions(days: number[], by: Side[] | Side = 'school', participants: string[] = []): this {
    days.forEach((days, index) => this.interaction(ago(days), { by: Array.isArray(by) ? by[index] : by, with: participants }));
    return this;
  }

  activity(at: string, options: { kind?: ActivityKind; with?: string[]; students?: number } = {}): this {
    const students = options.students === undefined ? {} : { studentCount: options.students };
    return this.touch({ kind: 'activity', id: nextId('activity'), at, participantIds: options.with ?? [], activityKind: options.kind ?? 'guest_lecture', ...students });
  }

  evaluation(at: string, options: { school?: number; partner?: number; with?: string[]; nextDue?: string } = {}): this {
    const evaluation: EvaluationFact = {
      id: nextId('evaluation'),
      at,
      schoolSatisfaction: options.school ?? 8,
      partnerSatisfaction: options.partner ?? 8,
      nextEvaluationDue: options.nextDue,
    };
    this.facts.evaluations.push(evaluation);
    return this.touch({ kind: 'evaluation', id: evaluation.id, at, participantIds: options.with ?? [] });
  }

  agreement(kind: AgreementKind, signedAt: string, options: { validUntil?: string; terminatedAt?: string; with?: string[] } = {}): this {
    const agreement: AgreementFact = { id: nextId('agreement'), kind, signedAt, validUntil: options.validUntil, terminatedAt: options.terminatedAt };
    this.facts.agreements.push(agreement);
    return this.touch({ kind: 'agreement', id: agreement.id, at: signedAt, participantIds: options.with ?? [] });
  }

  commitment(
    dueAt: string,
    options: { status?: CommitmentStatus; closedAt?: string; side?: Side; madeAt?: string; ownerId?: string; description?: string; id?: string } = {},
  ): this {
    const commitment: CommitmentFact = {
      id: options.id ?? nextId('commitment'),
      side: options.side ?? 'school',
      ownerId: options.ownerId,
      description: options.description ?? 'deliver something',
      dueAt,
      madeAt: options.madeAt ?? this.facts.openedAt,
      status: options.status ?? 'open',
      closedAt: options.closedAt,
    };
    this.facts.commitments.push(commitment);
    return this;
  }

  contact(side: Side, personId: string, role: ContactRole, from: string, options: { to?: string; endReason?: UnassignReason } = {}): this {
    const period: ContactPeriod = { side, personId, role, from, to: options.to, endReason: options.to ? (options.endReason ?? 'other') : undefined };
    this.facts.contacts.push(period);
    return this;
  }

  build(): PartnershipFacts {
    const facts = structuredClone(this.facts);
    facts.stage = facts.stageHistory[facts.stageHistory.length - 1].stage;
    facts.intensity = facts.intensityHistory[facts.intensityHistory.length - 1].intensity;
    return facts;
  }

  private touch(touchpoint: TouchpointFact): this {
    this.facts.touchpoints.push(touchpoint);
    return this;
  }
}

export const partnership = (options: PartnershipOptions = {}): PartnershipBuilder => new PartnershipBuilder(options);
