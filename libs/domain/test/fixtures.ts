/**
 * Shared fixtures for the domain tests: a fixed clock, a school and the organisations around it,
 * people on each side (one of whom left), and builders for the partnership events the tests start from.
 */
import { DAY_MS } from '../src/shared/dates';
import { fold } from '../src/shared/decider';
import { organisationDecider, OrganisationState } from '../src/organisation/organisation.decider';
import { personDecider, PersonState } from '../src/person/person.decider';
import { AgreementKind, ContactRole, Intensity, OrganisationKind, PersonTier, Side } from '../src/shared/vocabulary';
import { PartnershipContext } from '../src/partnership/partnership.decide';
import { PartnershipEvent, PartnershipOpened } from '../src/partnership/partnership.events';

// ---- the clock ----------------------------------------------------------------------------------

/** The server's clock in every test. */
export const NOW = '2024-06-15T12:00:00.000Z';
export const OPENED_AT = '2024-01-15T09:00:00.000Z';
/** The day the leavers left the organisation (D). */
export const LEFT_AT = '2024-04-01T00:00:00.000Z';

export const plusMs = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();
export const plusDays = (iso: string, days: number): string => plusMs(iso, days * DAY_MS);

/** The latest date the domain accepts (SPEC §2: at most one day in the future) and the first it refuses. */
export const LATEST_ALLOWED = plusMs(NOW, DAY_MS);
export const FIRST_TOO_LATE = plusMs(NOW, DAY_MS + 1);
export const BEFORE_OPENING = plusMs(OPENED_AT, -1);
export const BEFORE_LEFT = plusMs(LEFT_AT, -1);
export const AFTER_LEFT = plusDays(LEFT_AT, 10);
/** An ordinary date inside the partnership's life. */
export const SOME_DAY = '2024-02-20T10:00:00.000Z';

// ---- organisations ------------------------------------------------------------------------------

export const SCHOOL = 'org-school';
export const PARTNER = 'org-company';
export const OTHER_COMPANY = 'org-other-company';
export const OTHER_SCHOOL = 'org-other-school';
export const MUNICIPALITY = 'org-municipality';
export const UNKNOWN_ORG = 'org-unknown';

export function organisation(organisationId: string, name: string, kind: OrganisationKind, levels: string[] = []): OrganisationState {
  return fold(organisationDecider.evolve, organisationDecider.initialState, [
    { type: 'OrganisationRegistered', data: { organisationId, name, kind, levels: levels as never } },
  ]);
}

export const ORGANISATIONS: Record<string, OrganisationState> = {
  [SCHOOL]: organisation(SCHOOL, 'Het Baken College', 'school', ['vmbo', 'havo', 'vwo']),
  [PARTNER]: organisation(PARTNER, 'Techniek BV', 'company'),
  [OTHER_COMPANY]: organisation(OTHER_COMPANY, 'Bouwbedrijf Noord', 'company'),
  [OTHER_SCHOOL]: organisation(OTHER_SCHOOL, 'ROC Midden', 'school', ['mbo']),
  [MUNICIPALITY]: organisation(MUNICIPALITY, 'Gemeente Zwolle', 'government'),
};

// ---- people -------------------------------------------------------------------------------------

export const SCHOOL_TEACHER = 'person-school-teacher';
export const SCHOOL_DIRECTOR = 'person-school-director';
export const SCHOOL_COORDINATOR = 'person-school-coordinator';
/** Left the school on LEFT_AT. */
export const SCHOOL_LEAVER = 'person-school-leaver';
export const PARTNER_HR = 'person-partner-hr';
export const PARTNER_OWNER = 'person-partner-owner';
/** Left the partner on LEFT_AT. */
export const PARTNER_LEAVER = 'person-partner-leaver';
/** Works for neither the school nor the partner. */
export const OUTSIDER = 'person-outsider';
export const UNKNOWN_PERSON = 'person-unknown';

export function person(
  personId: string,
  organisationId: string,
  name: string,
  tier: PersonTier,
  leftAt?: string,
): PersonState {
  return fold(personDecider.evolve, personDecider.initialState, [
    { type: 'PersonRegistered', data: { personId, organisationId, name, role: tier, tier } },
    ...(leftAt ? [{ type: 'PersonLeftOrganisation' as const, data: { personId, leftAt } }] : []),
  ]);
}

export const PEOPLE: Record<string, PersonState> = {
  [SCHOOL_TEACHER]: person(SCHOOL_TEACHER, SCHOOL, 'Anna de Vries', 'operational'),
  [SCHOOL_DIRECTOR]: person(SCHOOL_DIRECTOR, SCHOOL, 'Bram Jansen', 'strategic'),
  [SCHOOL_COORDINATOR]: person(SCHOOL_COORDINATOR, SCHOOL, 'Chantal Bakker', 'tactical'),
  [SCHOOL_LEAVER]: person(SCHOOL_LEAVER, SCHOOL, 'Dirk Visser', 'operational', LEFT_AT),
  [PARTNER_HR]: person(PARTNER_HR, PARTNER, 'Eva Smit', 'tactical'),
  [PARTNER_OWNER]: person(PARTNER_OWNER, PARTNER, 'Frank Meijer', 'strategic'),
  [PARTNER_LEAVER]: person(PARTNER_LEAVER, PARTNER, 'Gert Mulder', 'operational', LEFT_AT),
  [OUTSIDER]: person(OUTSIDER, OTHER_COMPANY, 'Hanna de Boer', 'operational'),
};

// ---- contexts -----------------------------------------------------------------------------------

export const ctx = (overrides: Partial<PartnershipContext> = {}): PartnershipContext => ({
  now: NOW,
  organisations: ORGANISATIONS,
  people: PEOPLE,
  ...overrides,
});

/** A context in which some people are replaced or added. */
export const ctxWithPeople = (people: Record<string, PersonState>): PartnershipContext => ctx({ people: { ...PEOPLE, ...people } });

// ---- partnership events -------------------------------------------------------------------------

export const P = 'partnership-1';

export const opened = (overrides: Partial<PartnershipOpened['data']> = {}): PartnershipOpened => ({
  type: 'PartnershipOpened',
  data: {
    partnershipId: P,
    schoolId: SCHOOL,
    partnerId: PARTNER,
    levels: ['havo', 'vwo'],
    intensity: 'exchange' as Intensity,
    themes: ['techniek'],
    openedAt: OPENED_AT,
    ...overrides,
  },
});

export const stageChanged = (from: string, to: string, at = SOME_DAY): PartnershipEvent =>
  ({ type: 'PartnershipStageChanged', data: { partnershipId: P, from, to, at } }) as PartnershipEvent;

/** The stage changes that bring a fresh partnership to `stage`. */
export function toStage(stage: 'exploring' | 'agreed' | 'active' | 'paused'): PartnershipEvent[] {
  const path: Record<typeof stage, string[]> = {
    exploring: [],
    agreed: ['agreed'],
    active: ['agreed', 'active'],
    paused: ['agreed', 'paused'],
  };
  let from = 'exploring';
  return path[stage].map((to) => {
    const event = stageChanged(from, to);
    from = to;
    return event;
  });
}

export const assigned = (side: Side, personId: string, role: ContactRole, at = SOME_DAY): PartnershipEvent => ({
  type: 'ContactPersonAssigned',
  data: { partnershipId: P, side, personId, role, at },
});

export const agreementSigned = (agreementId: string, kind: AgreementKind = 'cooperation_agreement', signedAt = SOME_DAY): PartnershipEvent => ({
  type: 'AgreementSigned',
  data: { partnershipId: P, agreementId, kind, signedAt, signatoryIds: [] },
});

export const commitmentMade = (commitmentId: string, side: Side = 'partner'): PartnershipEvent => ({
  type: 'CommitmentMade',
  data: { partnershipId: P, commitmentId, side, description: 'Twee stageplekken per jaar', dueAt: '2024-09-01T00:00:00.000Z', madeAt: OPENED_AT },
});

export const interactionRecorded = (interactionId: string, occurredAt = SOME_DAY): PartnershipEvent => ({
  type: 'InteractionRecorded',
  data: { partnershipId: P, interactionId, kind: 'call', occurredAt, initiatedBy: 'school', participantIds: [] },
});

export const ended = (at = SOME_DAY): PartnershipEvent => ({ type: 'PartnershipEnded', data: { partnershipId: P, at, reason: 'Bedrijf verhuisd' } });
