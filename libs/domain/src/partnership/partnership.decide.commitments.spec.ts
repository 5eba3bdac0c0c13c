/** Partnership: commitments, ending, and the ended partnership that takes no further events. */
import { DeciderSpec } from '../../test/decider-spec';
import {
  agreementSigned,
  assigned,
  commitmentMade,
  ctx,
  ctxWithPeople,
  ended,
  LEFT_AT,
  NOW,
  OPENED_AT,
  opened,
  OUTSIDER,
  P,
  PARTNER,
  PARTNER_HR,
  PARTNER_LEAVER,
  person,
  plusMs,
  SCHOOL_DIRECTOR,
  SCHOOL_LEAVER,
  SCHOOL_TEACHER,
  SOME_DAY,
  toStage,
  UNKNOWN_PERSON,
} from '../../test/fixtures';
import { PartnershipCommand, MakeCommitment } from './partnership.commands';
import { partnershipDecider } from './partnership.decider';
import { OpenPartnershipState, PartnershipState } from './partnership.state';

const spec = DeciderSpec.for(partnershipDecider);
const AT = '2024-03-10T10:00:00.000Z';
const DUE = '2024-09-01T00:00:00.000Z';

const make = (extra: Partial<MakeCommitment> = {}): PartnershipCommand => ({
  type: 'MakeCommitment',
  partnershipId: P,
  commitmentId: 'commitment-1',
  side: 'partner',
  ownerId: PARTNER_HR,
  description: 'Twee stageplekken per jaar',
  dueAt: DUE,
  ...extra,
});
type CloseType = 'FulfilCommitment' | 'BreakCommitment' | 'CancelCommitment';
const close = (type: CloseType, commitmentId = 'commitment-1', reason?: string): PartnershipCommand => ({
  type,
  partnershipId: P,
  commitmentId,
  at: AT,
  reason,
});
const commitmentsOf = (state: PartnershipState) => (state as OpenPartnershipState).commitments;

describe('partnership: MakeCommitment', () => {
  it('records a commitment of one side with its owner; it is open', () => {
    const state = spec
      .given([opened()])
      .when(make({ description: '  Twee stageplekken per jaar ' }), ctx())
      .then([
        {
          type: 'CommitmentMade',
          data: { partnershipId: P, commitmentId: 'commitment-1', side: 'partner', ownerId: PARTNER_HR, description: 'Twee stageplekken per jaar', dueAt: DUE, madeAt: NOW },
        },
      ]);
    expect(commitmentsOf(state)).toEqual({ 'commitment-1': { side: 'partner', status: 'open', madeAt: NOW } });
  });

  it('records a commitment without an owner, a due day at its start in Europe/Amsterdam', () => {
    spec
      .given([opened()])
      .when(make({ side: 'school', ownerId: undefined, dueAt: '2024-09-01' }), ctx())
      .then([{ type: 'CommitmentMade', data: { partnershipId: P, commitmentId: 'commitment-1', side: 'school', description: 'Twee stageplekken per jaar', dueAt: '2024-08-31T22:00:00.000Z', madeAt: NOW } }]);
    spec
      .given([opened()])
      .when(make({ side: 'school', ownerId: undefined, dueAt: DUE }), ctx())
      .then([{ type: 'CommitmentMade', data: { partnershipId: P, commitmentId: 'commitment-1', side: 'school', description: 'Twee stageplekken per jaar', dueAt: DUE, madeAt: NOW } }]);
  });

  it('records when the promise was made, not before the opening, and refuses closing it before that', () => {
    spec.given([opened()]).when(make({ madeAt: '2024-01-01T00:00:00.000Z' }), ctx()).thenThrows('date_before_opening');
    spec
      .given([opened(), { type: 'CommitmentMade', data: { partnershipId: P, commitmentId: 'commitment-1', side: 'partner', description: 'x', dueAt: DUE, madeAt: '2024-05-01T00:00:00.000Z' } }])
      .when({ type: 'FulfilCommitment', partnershipId: P, commitmentId: 'commitment-1', at: '2024-04-30T00:00:00.000Z' }, ctx())
      .thenThrows('closed_before_made');
  });

  it('refuses an empty description', () => {
    spec.given([opened()]).when(make({ description: '  ' }), ctx()).thenThrows('description_empty');
  });

  it('refuses an owner of the other side', () => {
    spec.given([opened()]).when(make({ side: 'partner', ownerId: SCHOOL_TEACHER }), ctx()).thenThrows('owner_wrong_side');
    spec.given([opened()]).when(make({ side: 'school', ownerId: PARTNER_HR }), ctx()).thenThrows('owner_wrong_side');
  });

  it('refuses an owner of neither organisation, and an unknown owner (not found)', () => {
    spec.given([opened()]).when(make({ ownerId: OUTSIDER }), ctx()).thenThrows('person_not_in_partnership');
    spec.given([opened()]).when(make({ ownerId: UNKNOWN_PERSON }), ctx()).thenThrows('person_not_found', 'not_found');
  });

  it('refuses an owner who has left (a commitment is made now)', () => {
    spec.given([opened()]).when(make({ ownerId: PARTNER_LEAVER }), ctx()).thenThrows('person_left');
    spec.given([opened()]).when(make({ side: 'school', ownerId: SCHOOL_LEAVER }), ctx()).thenThrows('person_left');
  });

  it('accepts an owner whose departure is recorded for later than now, refuses one who leaves exactly now', () => {
    const leavesTomorrow = person('person-leaves-tomorrow', PARTNER, 'Ines Bos', 'operational', plusMs(NOW, 1));
    const leavesNow = person('person-leaves-now', PARTNER, 'Jan Bos', 'operational', NOW);
    const context = ctxWithPeople({ 'person-leaves-tomorrow': leavesTomorrow, 'person-leaves-now': leavesNow });
    expect(spec.given([opened()]).when(make({ ownerId: 'person-leaves-tomorrow' }), context).events()).toHaveLength(1);
    spec.given([opened()]).when(make({ ownerId: 'person-leaves-now' }), context).thenThrows('person_left');
  });
});

describe('partnership: closing a commitment (fulfil, break, cancel)', () => {
  it('fulfils an open commitment', () => {
    const state = spec
      .given([opened(), commitmentMade('commitment-1')])
      .when(close('FulfilCommitment'), ctx())
      .then([{ type: 'CommitmentFulfilled', data: { partnershipId: P, commitmentId: 'commitment-1', at: AT } }]);
    expect(commitmentsOf(state)['commitment-1']).toEqual({ side: 'partner', status: 'fulfilled', madeAt: OPENED_AT });
  });

  it('breaks an open commitment, with a reason', () => {
    const state = spec
      .given([opened(), commitmentMade('commitment-1')])
      .when(close('BreakCommitment', 'commitment-1', 'geen begeleiders'), ctx())
      .then([{ type: 'CommitmentBroken', data: { partnershipId: P, commitmentId: 'commitment-1', at: AT, reason: 'geen begeleiders' } }]);
    expect(commitmentsOf(state)['commitment-1'].status).toBe('broken');
  });

  it('cancels an open commitment, without a reason, dated now by default', () => {
    const state = spec
      .given([opened(), commitmentMade('commitment-1')])
      .when({ type: 'CancelCommitment', partnershipId: P, commitmentId: 'commitment-1' }, ctx())
      .then([{ type: 'CommitmentCancelled', data: { partnershipId: P, commitmentId: 'commitment-1', at: NOW } }]);
    expect(commitmentsOf(state)['commitment-1'].status).toBe('cancelled');
  });

  it('closes one commitment and leaves the others open', () => {
    const state = spec
      .given([opened(), commitmentMade('commitment-1'), commitmentMade('commitment-2', 'school')])
      .when(close('FulfilCommitment', 'commitment-2'), ctx())
      .then([{ type: 'CommitmentFulfilled', data: { partnershipId: P, commitmentId: 'commitment-2', at: AT } }]);
    expect(commitmentsOf(state)).toEqual({
      'commitment-1': { side: 'partner', status: 'open', madeAt: OPENED_AT },
      'commitment-2': { side: 'school', status: 'fulfilled', madeAt: OPENED_AT },
    });
  });

  it.each<CloseType>(['FulfilCommitment', 'BreakCommitment', 'CancelCommitment'])('%s refuses a commitment that does not exist (not found)', (type) => {
    spec.given([opened(), commitmentMade('commitment-1')]).when(close(type, 'commitment-x'), ctx()).thenThrows('commitment_not_found', 'not_found');
  });

  const closedBy = {
    FulfilCommitment: { type: 'CommitmentFulfilled', data: { partnershipId: P, commitmentId: 'commitment-1', at: SOME_DAY } },
    BreakCommitment: { type: 'CommitmentBroken', data: { partnershipId: P, commitmentId: 'commitment-1', at: SOME_DAY } },
    CancelCommitment: { type: 'CommitmentCancelled', data: { partnershipId: P, commitmentId: 'commitment-1', at: SOME_DAY } },
  } as const;
  const types: CloseType[] = ['FulfilCommitment', 'BreakCommitment', 'CancelCommitment'];

  it.each(types.flatMap((first) => types.map((second) => [first, second] as const)))(
    'after %s, %s is refused (a commitment is closed once)',
    (first, second) => {
      spec.given([opened(), commitmentMade('commitment-1'), closedBy[first]]).when(close(second), ctx()).thenThrows('commitment_closed');
    },
  );
});

describe('partnership: EndPartnership', () => {
  it.each(['exploring', 'agreed', 'active', 'paused'] as const)('ends a partnership from %s, with a trimmed reason', (stage) => {
    const state = spec
      .given([opened(), ...toStage(stage)])
      .when({ type: 'EndPartnership', partnershipId: P, at: AT, reason: ' Bedrijf verhuisd ' }, ctx())
      .then([{ type: 'PartnershipEnded', data: { partnershipId: P, at: AT, reason: 'Bedrijf verhuisd' } }]);
    expect((state as OpenPartnershipState).stage).toBe('ended');
  });

  it('dates the end now by default', () => {
    spec
      .given([opened()])
      .when({ type: 'EndPartnership', partnershipId: P, reason: 'Bedrijf verhuisd' }, ctx())
      .then([{ type: 'PartnershipEnded', data: { partnershipId: P, at: NOW, reason: 'Bedrijf verhuisd' } }]);
  });

  it('refuses to end without a reason', () => {
    spec.given([opened()]).when({ type: 'EndPartnership', partnershipId: P, reason: '  ' }, ctx()).thenThrows('reason_required');
  });
});

describe('partnership: an ended partnership takes no further events', () => {
  const history = [
    opened(),
    assigned('school', SCHOOL_TEACHER, 'primary'),
    assigned('partner', PARTNER_HR, 'primary'),
    agreementSigned('agreement-1'),
    commitmentMade('commitment-1'),
    ended(),
  ];

  it.each<PartnershipCommand>([
    { type: 'ChangeStage', partnershipId: P, to: 'agreed', at: NOW },
    { type: 'ChangeStage', partnershipId: P, to: 'ended', at: NOW },
    { type: 'ChangeIntensity', partnershipId: P, to: 'innovation', at: NOW },
    { type: 'AssignContact', partnershipId: P, side: 'school', personId: SCHOOL_DIRECTOR, role: 'backup', at: NOW },
    { type: 'UnassignContact', partnershipId: P, personId: SCHOOL_TEACHER, at: NOW },
    { type: 'RecordInteraction', partnershipId: P, interactionId: 'i-1', kind: 'call', occurredAt: NOW, initiatedBy: 'school', participantIds: [] },
    { type: 'RecordActivity', partnershipId: P, activityId: 'a-1', kind: 'thank_you', startsAt: NOW, participantIds: [] },
    { type: 'SignAgreement', partnershipId: P, agreementId: 'g-2', kind: 'mou', signedAt: NOW },
    { type: 'TerminateAgreement', partnershipId: P, agreementId: 'agreement-1', at: NOW },
    { type: 'HoldEvaluation', partnershipId: P, evaluationId: 'e-1', heldAt: NOW, schoolSatisfaction: 7, partnerSatisfaction: 7 },
    { type: 'MakeCommitment', partnershipId: P, commitmentId: 'c-2', side: 'school', description: 'x', dueAt: NOW },
    { type: 'FulfilCommitment', partnershipId: P, commitmentId: 'commitment-1', at: NOW },
    { type: 'BreakCommitment', partnershipId: P, commitmentId: 'commitment-1', at: NOW },
    { type: 'CancelCommitment', partnershipId: P, commitmentId: 'commitment-1', at: NOW },
    { type: 'EndPartnership', partnershipId: P, at: NOW, reason: 'nogmaals' },
  ])('refuses $type', (command) => {
    spec.given(history).when(command, ctx()).thenThrows('partnership_ended');
  });

  it('still refuses to open it again (conflict)', () => {
    spec
      .given(history)
      .when({ type: 'OpenPartnership', partnershipId: P, schoolId: 'org-school', partnerId: PARTNER, levels: ['havo'], intensity: 'aligned' }, ctx())
      .thenThrows('partnership_exists', 'conflict');
  });

  it('UnassignDepartedContact is a no-op, also for an assigned contact', () => {
    spec.given(history).when({ type: 'UnassignDepartedContact', partnershipId: P, personId: SCHOOL_TEACHER, leftAt: LEFT_AT }, ctx()).then([]);
    spec.given(history).when({ type: 'UnassignDepartedContact', partnershipId: P, personId: PARTNER_HR, leftAt: NOW }, ctx()).then([]);
  });
});

describe('partnership: MakeCommitment due date', () => {
  it('refuses a due date that is not a date', () => {
    spec.given([opened()]).when(make({ dueAt: 'volgend jaar' }), ctx()).thenThrows('invalid_date');
  });
});
