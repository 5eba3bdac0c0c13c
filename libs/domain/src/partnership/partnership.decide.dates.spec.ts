/**
 * Partnership, SPEC §2: no event is dated before the partnership's `openedAt` or more than one day in the future.
 * Checked for every command that dates an event.
 */
import { DeciderSpec } from '../../test/decider-spec';
import {
  agreementSigned,
  assigned,
  BEFORE_OPENING,
  commitmentMade,
  ctx,
  FIRST_TOO_LATE,
  LATEST_ALLOWED,
  opened,
  OPENED_AT,
  P,
  PARTNER_HR,
  SCHOOL_DIRECTOR,
  SCHOOL_TEACHER,
} from '../../test/fixtures';
import { PartnershipCommand } from './partnership.commands';
import { partnershipDecider } from './partnership.decider';
import { PartnershipEvent } from './partnership.events';

const spec = DeciderSpec.for(partnershipDecider);

/** The history each command needs, the command dated `date`, and the dated field of its (last) event. */
type Case = [string, PartnershipEvent[], (date: string) => PartnershipCommand, string];

const cases: Case[] = [
  ['ChangeStage', [], (at) => ({ type: 'ChangeStage', partnershipId: P, to: 'agreed', at }), 'at'],
  ['ChangeIntensity', [], (at) => ({ type: 'ChangeIntensity', partnershipId: P, to: 'aligned', at }), 'at'],
  ['AssignContact', [], (at) => ({ type: 'AssignContact', partnershipId: P, side: 'school', personId: SCHOOL_TEACHER, role: 'primary', at }), 'at'],
  [
    'AssignContact (handover)',
    [assigned('school', SCHOOL_TEACHER, 'primary', OPENED_AT)],
    (at) => ({ type: 'AssignContact', partnershipId: P, side: 'school', personId: SCHOOL_DIRECTOR, role: 'primary', at }),
    'at',
  ],
  ['UnassignContact', [assigned('partner', PARTNER_HR, 'primary', OPENED_AT)], (at) => ({ type: 'UnassignContact', partnershipId: P, personId: PARTNER_HR, at }), 'at'],
  [
    'RecordInteraction',
    [],
    (occurredAt) => ({ type: 'RecordInteraction', partnershipId: P, interactionId: 'i-1', kind: 'meeting', occurredAt, initiatedBy: 'school', participantIds: [SCHOOL_TEACHER] }),
    'occurredAt',
  ],
  ['RecordActivity', [], (startsAt) => ({ type: 'RecordActivity', partnershipId: P, activityId: 'a-1', kind: 'company_visit', startsAt, participantIds: [PARTNER_HR] }), 'startsAt'],
  ['SignAgreement', [], (signedAt) => ({ type: 'SignAgreement', partnershipId: P, agreementId: 'g-1', kind: 'letter_of_intent', signedAt }), 'signedAt'],
  ['TerminateAgreement', [agreementSigned('g-1', 'mou', OPENED_AT)], (at) => ({ type: 'TerminateAgreement', partnershipId: P, agreementId: 'g-1', at }), 'at'],
  [
    'HoldEvaluation',
    [],
    (heldAt) => ({ type: 'HoldEvaluation', partnershipId: P, evaluationId: 'e-1', heldAt, schoolSatisfaction: 6, partnerSatisfaction: 9 }),
    'heldAt',
  ],
  ['FulfilCommitment', [commitmentMade('c-1')], (at) => ({ type: 'FulfilCommitment', partnershipId: P, commitmentId: 'c-1', at }), 'at'],
  ['BreakCommitment', [commitmentMade('c-1')], (at) => ({ type: 'BreakCommitment', partnershipId: P, commitmentId: 'c-1', at }), 'at'],
  ['CancelCommitment', [commitmentMade('c-1')], (at) => ({ type: 'CancelCommitment', partnershipId: P, commitmentId: 'c-1', at }), 'at'],
  ['EndPartnership', [], (at) => ({ type: 'EndPartnership', partnershipId: P, at, reason: 'gestopt' }), 'at'],
];

describe.each(cases)('partnership dates: %s', (_name, history, command, field) => {
  const given = spec.given([opened(), ...history]);
  const datesOf = (events: PartnershipEvent[]) => events.map((event) => (event.data as Record<string, unknown>)[field]);

  it('refuses a date before the opening', () => {
    given.when(command(BEFORE_OPENING), ctx()).thenThrows('date_before_opening');
  });

  it('accepts a date exactly at the opening', () => {
    expect(datesOf(given.when(command(OPENED_AT), ctx()).events())).toContain(OPENED_AT);
  });

  it('accepts a date exactly one day after now', () => {
    const events = given.when(command(LATEST_ALLOWED), ctx()).events();
    expect(events.length).toBeGreaterThan(0);
    expect(datesOf(events).every((date) => date === LATEST_ALLOWED)).toBe(true);
  });

  it('refuses a date more than one day after now', () => {
    given.when(command(FIRST_TOO_LATE), ctx()).thenThrows('date_in_future');
  });

  it('refuses a date that is not a date', () => {
    given.when(command('31-02-2024'), ctx()).thenThrows('invalid_date');
  });

  it('normalises a date to a full UTC ISO string', () => {
    expect(datesOf(given.when(command('2024-03-10T11:00:00+01:00'), ctx()).events())).toContain('2024-03-10T10:00:00.000Z');
  });
});
