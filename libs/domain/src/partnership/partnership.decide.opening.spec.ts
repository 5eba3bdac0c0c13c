/** Partnership: opening, stage transitions, intensity, and commands on a partnership that does not exist. */
import { IdSet } from '../shared/id-set';
import { DeciderSpec } from '../../test/decider-spec';
import {
  ctx,
  FIRST_TOO_LATE,
  LATEST_ALLOWED,
  MUNICIPALITY,
  NOW,
  opened,
  OPENED_AT,
  OTHER_COMPANY,
  OTHER_SCHOOL,
  P,
  PARTNER,
  SCHOOL,
  SCHOOL_TEACHER,
  SOME_DAY,
  toStage,
  UNKNOWN_ORG,
} from '../../test/fixtures';
import { DomainError } from '../shared/domain-error';
import { Stage } from '../shared/vocabulary';
import { OpenPartnership, PartnershipCommand } from './partnership.commands';
import { partnershipReferences } from './partnership.decide';
import { partnershipDecider } from './partnership.decider';
import { OpenPartnershipState } from './partnership.state';

const spec = DeciderSpec.for(partnershipDecider);

const open = (overrides: Partial<OpenPartnership> = {}): PartnershipCommand => ({
  type: 'OpenPartnership',
  partnershipId: P,
  schoolId: SCHOOL,
  partnerId: PARTNER,
  levels: ['havo', 'vwo'],
  intensity: 'exchange',
  themes: ['techniek'],
  openedAt: OPENED_AT,
  ...overrides,
});

describe('partnership: opening', () => {
  it('opens a partnership; it starts exploring, without contacts, agreements or commitments', () => {
    const state = spec.when(open(), ctx()).then([opened()]);
    expect(state).toEqual({
      exists: true,
      partnershipId: P,
      schoolId: SCHOOL,
      partnerId: PARTNER,
      levels: ['havo', 'vwo'],
      intensity: 'exchange',
      themes: ['techniek'],
      openedAt: OPENED_AT,
      stage: 'exploring',
      contacts: { school: { backups: [], assignedAt: {} }, partner: { backups: [], assignedAt: {} } },
      agreements: {},
      commitments: {},
      recordIds: IdSet.empty(),
    });
  });

  it('expands the `vo` alias to vmbo, havo and vwo', () => {
    spec.when(open({ levels: ['vo'] }), ctx()).then([opened({ levels: ['vmbo', 'havo', 'vwo'] })]);
    spec.when(open({ levels: ['vwo', 'vo'] }), ctx()).then([opened({ levels: ['vmbo', 'havo', 'vwo'] })]);
  });

  it('trims the themes and drops empty and duplicate ones', () => {
    spec.when(open({ themes: [' techniek ', 'zorg', 'techniek', '  '] }), ctx()).then([opened({ themes: ['techniek', 'zorg'] })]);
    spec.when(open({ themes: undefined }), ctx()).then([opened({ themes: [] })]);
  });

  it('dates the opening now by default, and a given day at its start in the time zone (Europe/Amsterdam by default)', () => {
    spec.when(open({ openedAt: undefined }), ctx()).then([opened({ openedAt: NOW })]);
    spec.when(open({ openedAt: '2024-01-15' }), ctx()).then([opened({ openedAt: '2024-01-14T23:00:00.000Z' })]);
    spec.when(open({ openedAt: '2024-01-15' }), { ...ctx(), timeZone: 'UTC' }).then([opened({ openedAt: '2024-01-15T00:00:00.000Z' })]);
    spec.when(open({ openedAt: '2024-01-15T09:00:00+01:00' }), ctx()).then([opened({ openedAt: '2024-01-15T08:00:00.000Z' })]);
  });

  it('accepts any organisation other than the school as partner, also another school', () => {
    spec.when(open({ partnerId: MUNICIPALITY }), ctx()).then([opened({ partnerId: MUNICIPALITY })]);
    spec.when(open({ partnerId: OTHER_SCHOOL }), ctx()).then([opened({ partnerId: OTHER_SCHOOL })]);
  });

  it.each([
    ['a company', OTHER_COMPANY],
    ['a government', MUNICIPALITY],
  ])('refuses %s as the school', (_name, schoolId) => {
    spec.when(open({ schoolId, levels: ['havo'] }), ctx()).thenThrows('school_not_a_school');
  });

  it('refuses the school as its own partner', () => {
    spec.when(open({ partnerId: SCHOOL }), ctx()).thenThrows('partner_is_school');
  });

  it('refuses an unknown school or partner (not found)', () => {
    spec.when(open({ schoolId: UNKNOWN_ORG }), ctx()).thenThrows('organisation_not_found', 'not_found');
    spec.when(open({ partnerId: UNKNOWN_ORG }), ctx()).thenThrows('organisation_not_found', 'not_found');
  });

  it.each([[['po']], [['mbo']], [['havo', 'wo']], [['vo', 'hbo']]])('refuses levels the school does not offer: %j', (levels) => {
    spec.when(open({ levels }), ctx()).thenThrows('level_not_offered');
  });

  it('refuses a level that is not a school level instead of dropping it', () => {
    expect(() => partnershipDecider.decide(open({ levels: ['havo', 'xyz'] }), spec.state, ctx())).toThrow(DomainError);
  });

  it('refuses a partnership without levels', () => {
    spec.when(open({ levels: [] }), ctx()).thenThrows('levels_required');
  });

  it('refuses an opening more than one day in the future, allows exactly one day', () => {
    spec.when(open({ openedAt: FIRST_TOO_LATE }), ctx()).thenThrows('date_in_future');
    spec.when(open({ openedAt: LATEST_ALLOWED }), ctx()).then([opened({ openedAt: LATEST_ALLOWED })]);
  });

  it('refuses an opening date that is not a date', () => {
    spec.when(open({ openedAt: 'gisteren' }), ctx()).thenThrows('invalid_date');
  });

  it('refuses to open the same partnership twice (conflict)', () => {
    spec.given([opened()]).when(open(), ctx()).thenThrows('partnership_exists', 'conflict');
  });

  it.each<PartnershipCommand>([
    { type: 'ChangeStage', partnershipId: P, to: 'agreed' },
    { type: 'ChangeIntensity', partnershipId: P, to: 'innovation' },
    { type: 'AssignContact', partnershipId: P, side: 'school', personId: SCHOOL_TEACHER, role: 'primary' },
    { type: 'UnassignContact', partnershipId: P, personId: SCHOOL_TEACHER },
    { type: 'UnassignDepartedContact', partnershipId: P, personId: SCHOOL_TEACHER, leftAt: SOME_DAY },
    { type: 'RecordInteraction', partnershipId: P, interactionId: 'i-1', kind: 'call', initiatedBy: 'school' },
    { type: 'EndPartnership', partnershipId: P, reason: 'klaar' },
  ])('refuses $type on a partnership that does not exist (not found)', (command) => {
    spec.when(command, ctx()).thenThrows('partnership_not_found', 'not_found');
  });
});

describe('partnership: stage', () => {
  const changeStage = (to: Stage, extra: { reason?: string; at?: string } = {}): PartnershipCommand => ({
    type: 'ChangeStage',
    partnershipId: P,
    to,
    at: SOME_DAY,
    ...extra,
  });

  it.each<[Stage, Stage]>([
    ['exploring', 'agreed'],
    ['agreed', 'active'],
    ['agreed', 'paused'],
    ['active', 'paused'],
    ['paused', 'agreed'],
    ['paused', 'active'],
  ])('moves from %s to %s', (from, to) => {
    const state = spec
      .given([opened(), ...toStage(from as 'exploring')])
      .when(changeStage(to), ctx())
      .then([{ type: 'PartnershipStageChanged', data: { partnershipId: P, from, to, at: SOME_DAY } }]);
    expect((state as OpenPartnershipState).stage).toBe(to);
  });

  it('records the reason when given', () => {
    spec
      .given([opened()])
      .when(changeStage('agreed', { reason: 'intentieverklaring getekend' }), ctx())
      .then([{ type: 'PartnershipStageChanged', data: { partnershipId: P, from: 'exploring', to: 'agreed', reason: 'intentieverklaring getekend', at: SOME_DAY } }]);
  });

  it('dates the change now by default', () => {
    spec
      .given([opened()])
      .when(changeStage('agreed', { at: undefined }), ctx())
      .then([{ type: 'PartnershipStageChanged', data: { partnershipId: P, from: 'exploring', to: 'agreed', at: NOW } }]);
  });

  it.each<[Stage, Stage]>([
    ['exploring', 'active'],
    ['exploring', 'paused'],
    ['exploring', 'exploring'],
    ['agreed', 'exploring'],
    ['agreed', 'agreed'],
    ['active', 'agreed'],
    ['active', 'exploring'],
    ['active', 'active'],
    ['paused', 'exploring'],
    ['paused', 'paused'],
  ])('refuses %s to %s', (from, to) => {
    spec
      .given([opened(), ...toStage(from as 'exploring')])
      .when(changeStage(to), ctx())
      .thenThrows('invalid_transition');
  });

  it.each<Stage>(['exploring', 'agreed', 'active', 'paused'])('refuses `ended` through ChangeStage from %s (EndPartnership records why)', (from) => {
    spec
      .given([opened(), ...toStage(from as 'exploring')])
      .when(changeStage('ended'), ctx())
      .thenThrows('invalid_transition');
  });
});

describe('partnership: intensity', () => {
  it('changes the intensity, recording where it came from', () => {
    const state = spec
      .given([opened()])
      .when({ type: 'ChangeIntensity', partnershipId: P, to: 'innovation', at: SOME_DAY }, ctx())
      .then([{ type: 'PartnershipIntensityChanged', data: { partnershipId: P, from: 'exchange', to: 'innovation', at: SOME_DAY } }]);
    expect((state as OpenPartnershipState).intensity).toBe('innovation');
  });

  it('may go down as well as up, dated now by default', () => {
    spec
      .given([opened()])
      .when({ type: 'ChangeIntensity', partnershipId: P, to: 'placement' }, ctx())
      .then([{ type: 'PartnershipIntensityChanged', data: { partnershipId: P, from: 'exchange', to: 'placement', at: NOW } }]);
  });

  it('refuses an unchanged intensity', () => {
    spec.given([opened()]).when({ type: 'ChangeIntensity', partnershipId: P, to: 'exchange' }, ctx()).thenThrows('intensity_unchanged');
  });
});

describe('partnershipReferences (what the shell loads into the context)', () => {
  it.each<[PartnershipCommand, { organisationIds: string[]; personIds: string[] }]>([
    [open(), { organisationIds: [SCHOOL, PARTNER], personIds: [] }],
    [{ type: 'AssignContact', partnershipId: P, side: 'school', personId: 'a', role: 'primary' }, { organisationIds: [], personIds: ['a'] }],
    [{ type: 'UnassignDepartedContact', partnershipId: P, personId: 'a', leftAt: SOME_DAY }, { organisationIds: [], personIds: ['a'] }],
    [{ type: 'RecordInteraction', partnershipId: P, interactionId: 'i', kind: 'call', initiatedBy: 'school', participantIds: ['a', 'b'] }, { organisationIds: [], personIds: ['a', 'b'] }],
    [{ type: 'RecordActivity', partnershipId: P, activityId: 'x', kind: 'guest_lecture' }, { organisationIds: [], personIds: [] }],
    [{ type: 'SignAgreement', partnershipId: P, agreementId: 'g', kind: 'mou', signatoryIds: ['a'] }, { organisationIds: [], personIds: ['a'] }],
    [{ type: 'HoldEvaluation', partnershipId: P, evaluationId: 'e', schoolSatisfaction: 7, partnerSatisfaction: 8, participantIds: ['b'] }, { organisationIds: [], personIds: ['b'] }],
    [{ type: 'MakeCommitment', partnershipId: P, commitmentId: 'c', side: 'school', ownerId: 'a', description: 'x', dueAt: SOME_DAY }, { organisationIds: [], personIds: ['a'] }],
    [{ type: 'EndPartnership', partnershipId: P, reason: 'x' }, { organisationIds: [], personIds: [] }],
  ])('names the ids of %#', (command, expected) => {
    expect(partnershipReferences(command)).toEqual(expected);
  });
});
