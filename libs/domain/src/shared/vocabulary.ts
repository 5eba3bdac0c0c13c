import { ruleViolation } from './domain-error';

/** The closed vocabularies of SPEC §1. Each list is the single source for validation, docs and read models. */

export const SCHOOL_LEVELS = ['po', 'vmbo', 'havo', 'vwo', 'mbo', 'hbo', 'wo'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** `vo` (voortgezet onderwijs) is accepted as input for vmbo + havo + vwo. */
export const LEVEL_ALIASES: Readonly<Record<string, readonly SchoolLevel[]>> = {
  vo: ['vmbo', 'havo', 'vwo'],
};
export const LEVEL_INPUTS = [...SCHOOL_LEVELS, ...Object.keys(LEVEL_ALIASES)] as const;

export const ORGANISATION_KINDS = ['school', 'company', 'government', 'network', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type OrganisationSize = (typeof ORGANISATION_SIZES)[number];

export const PERSON_TIERS = ['strategic', 'tactical', 'operational'] as const;
export type PersonTier = (typeof PERSON_TIERS)[number];

export const STAGES = ['exploring', 'agreed', 'active', 'paused', 'ended'] as const;
export type Stage = (typeof STAGES)[number];

/** Stage changes through PartnershipStageChanged; `ended` is reached only through PartnershipEnded. */
export const STAGE_TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  exploring: ['agreed'],
  agreed: ['active', 'paused'],
  active: ['paused'],
  paused: ['agreed', 'active'],
  ended: [],
};

export const INTENSITIES = ['placement', 'aligned', 'exchange', 'innovation'] as const;
export type Intensity = (typeof INTENSITIES)[number];

export const SIDES = ['school', 'partner'] as const;
export type Side = (typeof SIDES)[number];

export const CONTACT_ROLES = ['primary', 'backup'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const UNASSIGN_REASONS = ['left_organisation', 'handover', 'other'] as const;
export type UnassignReason = (typeof UNASSIGN_REASONS)[number];

export const INTERACTION_KINDS = ['call', 'email', 'visit', 'meeting', 'event', 'message', 'other'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const ACTIVITY_KINDS = [
  'internship',
  'guest_lecture',
  'company_visit',
  'open_day',
  'practice_assignment',
  'hybrid_teacher',
  'elective_course',
  'research_project',
  'brainstorm',
  'network_meeting',
  'teacher_internship',
  'media_publicity',
  'thank_you',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const AGREEMENT_KINDS = ['mou', 'letter_of_intent', 'cooperation_agreement', 'contract', 'learning_agreement'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** Agreement kinds that formalise the partnership itself (a learning agreement covers one student). */
export const FORMAL_AGREEMENT_KINDS: readonly AgreementKind[] = ['mou', 'letter_of_intent', 'cooperation_agreement', 'contract'];

/** Expected contact interval in days per intensity (SPEC §1). */
export const EXPECTED_CONTACT_INTERVAL_DAYS: Readonly<Record<Intensity, number>> = {
  placement: 120,
  aligned: 90,
  exchange: 60,
  innovation: 30,
};

/** Expands aliases (`vo`) and removes duplicates, keeping the canonical order of SCHOOL_LEVELS. */
export function expandLevels(input: readonly string[]): SchoolLevel[] {
  const wanted = new Set<string>();
  for (const level of input) {
    const expanded = LEVEL_ALIASES[level] ?? (SCHOOL_LEVELS.includes(level as SchoolLevel) ? [level] : undefined);
    if (!expanded) throw ruleViolation('unknown_level', `${level} is not a school level (${LEVEL_INPUTS.join(', ')})`);
    for (const one of expanded) wanted.add(one);
  }
  return SCHOOL_LEVELS.filter((level) => wanted.has(level));
}
