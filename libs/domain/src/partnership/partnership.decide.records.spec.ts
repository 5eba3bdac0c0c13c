/** Partnership: interactions, activities, agreements and evaluations, and who may take part in them. */
import { DeciderSpec } from '../../test/decider-spec';
import {
  AFTER_LEFT,
  agreementSigned,
  BEFORE_LEFT,
  commitmentMade,
  ctx,
  interactionRecorded,
  LEFT_AT,
  NOW,
  opened,
  OUTSIDER,
  P,
  PARTNER_HR,
  PARTNER_LEAVER,
  PARTNER_OWNER,
  plusMs,
  SCHOOL_DIRECTOR,
  SCHOOL_LEAVER,
  SCHOOL_TEACHER,
  SOME_DAY,
  UNKNOWN_PERSON,
} from '../../test/fixtures';
import { PartnershipCommand } from './partnership.commands';
import { partnershipDecider } from './partnership.decider';
import { PartnershipEvent } from './partnership.events';
import { OpenPartnershipState } from './partnership.state';

const spec = DeciderSpec.for(partnershipDecider);
const AT = '2024-03-10T10:00:00.000Z';

const interaction = (extra: Partial<Extract<PartnershipCommand, { type: 'RecordInteraction' }>> = {}): PartnershipCommand => ({
  type: 'RecordInteraction',
  partnershipId: P,
  interactionId: 'interaction-1',
  kind: 'visit',
  occurredAt: AT,
  initiatedBy: 'partner',
  participantIds: [SCHOOL_TEACHER, PARTNER_HR],
  ...extra,
});
const activity = (extra: Partial<Extract<PartnershipCommand, { type: 'RecordActivity' }>> = {}): PartnershipCommand => ({
  type: 'RecordActivity',
  partnershipId: P,
  activityId: 'activity-1',
  kind: 'guest_lecture',
  startsAt: AT,
  participantIds: [PARTNER_OWNER],
  ...extra,
});
const agreement = (extra: Partial<Extract<PartnershipCommand, { type: 'SignAgreement' }>> = {}): PartnershipCommand => ({
  type: 'SignAgreement',
  partnershipId: P,
  agreementId: 'agreement-1',
  kind: 'cooperation_agreement',
  signedAt: AT,
  signatoryIds: [SCHOOL_DIRECTOR, PARTNER_OWNER],
  ...extra,
});
const evaluation = (extra: Partial<Extract<PartnershipCommand, { type: 'HoldEvaluation' }>> = {}): PartnershipCommand => ({
  type: 'HoldEvaluation',
  partnershipId: P,
  evaluationId: 'evaluation-1',
  heldAt: AT,
  participantIds: [SCHOOL_TEACHER, PARTNER_HR],
  schoolSatisfaction: 8,
  partnerSatisfaction: 7,
  ...extra,
});
const terminate = (agreementId: string, at: string | undefined = AT, reason?: string): PartnershipCommand => ({
  type: 'TerminateAgreement',
  partnershipId: P,
  agreementId,
  at,
  reason,
});

describe('partnership: RecordInteraction', () => {
  it('records an interaction with its participants of both sides and a summary', () => {
    const state = spec
      .given([opened()])
      .when(interaction({ summary: 'Rondleiding werkplaats' }), ctx())
      .then([
        {
          type: 'InteractionRecorded',
          data: { partnershipId: P, interactionId: 'interaction-1', kind: 'visit', occurredAt: AT, initiatedBy: 'partner', participantIds: [SCHOOL_TEACHER, PARTNER_HR], summary: 'Rondleiding werkplaats' },
        },
      ]);
    expect([...(state as OpenPartnershipState).recordIds]).toEqual(['interaction-1']);
  });

  it('records an interaction without participants, dated now by default', () => {
    spec
      .given([opened()])
      .when(interaction({ participantIds: undefined, occurredAt: undefined, kind: 'email', initiatedBy: 'school' }), ctx())
      .then([{ type: 'InteractionRecorded', data: { partnershipId: P, interactionId: 'interaction-1', kind: 'email', occurredAt: NOW, initiatedBy: 'school', participantIds: [] } }]);
  });
});

describe('partnership: RecordActivity', () => {
  it('records an activity with its end, student count and participants', () => {
    const state = spec
      .given([opened()])
      .when(activity({ kind: 'internship', endsAt: '2024-06-30T16:00:00.000Z', studentCount: 4 }), ctx())
      .then([
        {
          type: 'ActivityRecorded',
          data: { partnershipId: P, activityId: 'activity-1', kind: 'internship', startsAt: AT, endsAt: '2024-06-30T16:00:00.000Z', studentCount: 4, participantIds: [PARTNER_OWNER] },
        },
      ]);
    expect([...(state as OpenPartnershipState).recordIds]).toEqual(['activity-1']);
  });

  it('records an activity without the optional fields, starting now by default', () => {
    spec
      .given([opened()])
      .when(activity({ startsAt: undefined, participantIds: undefined, kind: 'thank_you' }), ctx())
      .then([{ type: 'ActivityRecorded', data: { partnershipId: P, activityId: 'activity-1', kind: 'thank_you', startsAt: NOW, participantIds: [] } }]);
  });

  it('accepts an end equal to the start, refuses an end before the start', () => {
    expect(spec.given([opened()]).when(activity({ endsAt: AT }), ctx()).events()).toHaveLength(1);
    spec.given([opened()]).when(activity({ endsAt: plusMs(AT, -1) }), ctx()).thenThrows('ends_before_start');
  });

  it('accepts zero students, refuses a negative or fractional student count', () => {
    expect(spec.given([opened()]).when(activity({ studentCount: 0 }), ctx()).events()).toHaveLength(1);
    spec.given([opened()]).when(activity({ studentCount: -1 }), ctx()).thenThrows('invalid_student_count');
    spec.given([opened()]).when(activity({ studentCount: 2.5 }), ctx()).thenThrows('invalid_student_count');
  });
});

describe('partnership: SignAgreement', () => {
  it('records a signed agreement with its validity and signatories', () => {
    const state = spec
      .given([opened()])
      .when(agreement({ validUntil: '2026-03-10T00:00:00.000Z' }), ctx())
      .then([
        {
          type: 'AgreementSigned',
          data: { partnershipId: P, agreementId: 'agreement-1', kind: 'cooperation_agreement', signedAt: AT, validUntil: '2026-03-10T00:00:00.000Z', signatoryIds: [SCHOOL_DIRECTOR, PARTNER_OWNER] },
        },
      ]);
    expect((state as OpenPartnershipState).agreements).toEqual({
      'agreement-1': { kind: 'cooperation_agreement', signedAt: AT, validUntil: '2026-03-10T00:00:00.000Z' },
    });
  });

  it('records an agreement without validity or signatories, signed now by default', () => {
    spec
      .given([opened()])
      .when(agreement({ kind: 'mou', signedAt: undefined, signatoryIds: undefined }), ctx())
      .then([{ type: 'AgreementSigned', data: { partnershipId: P, agreementId: 'agreement-1', kind: 'mou', signedAt: NOW, signatoryIds: [] } }]);
  });

  it('accepts a validity after the signing, however short', () => {
    expect(spec.given([opened()]).when(agreement({ validUntil: plusMs(AT, 1) }), ctx()).events()).toHaveLength(1);
  });

  it('refuses validUntil on or before signedAt', () => {
    spec.given([opened()]).when(agreement({ validUntil: AT }), ctx()).thenThrows('valid_until_not_after_signing');
    spec.given([opened()]).when(agreement({ validUntil: '2024-01-01T00:00:00.000Z' }), ctx()).thenThrows('valid_until_not_after_signing');
  });
});

describe('partnership: TerminateAgreement', () => {
  it('terminates a signed agreement', () => {
    const state = spec
      .given([opened(), agreementSigned('agreement-1', 'mou', SOME_DAY)])
      .when(terminate('agreement-1', AT, 'vervangen door contract'), ctx())
      .then([{ type: 'AgreementTerminated', data: { partnershipId: P, agreementId: 'agreement-1', at: AT, reason: 'vervangen door contract' } }]);
    expect((state as OpenPartnershipState).agreements['agreement-1'].terminatedAt).toBe(AT);
  });

  it('terminates on the day of signing, dated now by default', () => {
    spec
      .given([opened(), agreementSigned('agreement-1', 'mou', SOME_DAY)])
      .when(terminate('agreement-1', SOME_DAY), ctx())
      .then([{ type: 'AgreementTerminated', data: { partnershipId: P, agreementId: 'agreement-1', at: SOME_DAY } }]);
    spec
      .given([opened(), agreementSigned('agreement-1', 'mou', SOME_DAY)])
      .when({ type: 'TerminateAgreement', partnershipId: P, agreementId: 'agreement-1' }, ctx())
      .then([{ type: 'AgreementTerminated', data: { partnershipId: P, agreementId: 'agreement-1', at: NOW } }]);
  });

  it('refuses an unknown agreement (not found)', () => {
    spec.given([opened(), agreementSigned('agreement-1')]).when(terminate('agreement-2'), ctx()).thenThrows('agreement_not_found', 'not_found');
  });

  it('refuses to terminate an agreement twice', () => {
    spec
      .given([opened(), agreementSigned('agreement-1'), { type: 'AgreementTerminated', data: { partnershipId: P, agreementId: 'agreement-1', at: AT } }])
      .when(terminate('agreement-1', NOW), ctx())
      .thenThrows('agreement_already_terminated');
  });

  it('refuses a termination before the signing', () => {
    spec.given([opened(), agreementSigned('agreement-1', 'contract', AT)]).when(terminate('agreement-1', SOME_DAY), ctx()).thenThrows('termination_before_signing');
  });
});

describe('partnership: HoldEvaluation', () => {
  it('records an evaluation with ratings, notes and the next due date', () => {
    const state = spec
      .given([opened()])
      .when(evaluation({ notes: 'Goed jaar', nextEvaluationDue: '2025-03-10T00:00:00.000Z' }), ctx())
      .then([
        {
          type: 'EvaluationHeld',
          data: {
            partnershipId: P,
            evaluationId: 'evaluation-1',
            heldAt: AT,
            participantIds: [SCHOOL_TEACHER, PARTNER_HR],
            schoolSatisfaction: 8,
            partnerSatisfaction: 7,
            notes: 'Goed jaar',
            nextEvaluationDue: '2025-03-10T00:00:00.000Z',
          },
        },
      ]);
    expect([...(state as OpenPartnershipState).recordIds]).toEqual(['evaluation-1']);
  });

  it('accepts the extreme ratings 1 and 10, held now by default', () => {
    spec
      .given([opened()])
      .when(evaluation({ heldAt: undefined, participantIds: undefined, schoolSatisfaction: 1, partnerSatisfaction: 10 }), ctx())
      .then([
        { type: 'EvaluationHeld', data: { partnershipId: P, evaluationId: 'evaluation-1', heldAt: NOW, participantIds: [], schoolSatisfaction: 1, partnerSatisfaction: 10 } },
      ]);
  });

  it.each([0, 11, 7.5, -3, Number.NaN])('refuses the rating %p, for the school and for the partner', (rating) => {
    spec.given([opened()]).when(evaluation({ schoolSatisfaction: rating }), ctx()).thenThrows('rating_out_of_range');
    spec.given([opened()]).when(evaluation({ partnerSatisfaction: rating }), ctx()).thenThrows('rating_out_of_range');
  });

  it('refuses a next evaluation due on or before the evaluation', () => {
    spec.given([opened()]).when(evaluation({ nextEvaluationDue: AT }), ctx()).thenThrows('next_evaluation_not_after');
    spec.given([opened()]).when(evaluation({ nextEvaluationDue: SOME_DAY }), ctx()).thenThrows('next_evaluation_not_after');
  });
});

describe('partnership: client-chosen ids are never used twice (conflict)', () => {
  const earlier: PartnershipEvent[] = [
    opened(),
    interactionRecorded('used-interaction'),
    { type: 'ActivityRecorded', data: { partnershipId: P, activityId: 'used-activity', kind: 'open_day', startsAt: SOME_DAY, participantIds: [] } },
    {
      type: 'EvaluationHeld',
      data: { partnershipId: P, evaluationId: 'used-evaluation', heldAt: SOME_DAY, participantIds: [], schoolSatisfaction: 7, partnerSatisfaction: 7 },
    },
    agreementSigned('used-agreement'),
    commitmentMade('used-commitment'),
  ];
  const usedIds = ['used-interaction', 'used-activity', 'used-evaluation', 'used-agreement', 'used-commitment'];

  const commands: [string, (id: string) => PartnershipCommand][] = [
    ['RecordInteraction', (id) => interaction({ interactionId: id })],
    ['RecordActivity', (id) => activity({ activityId: id })],
    ['HoldEvaluation', (id) => evaluation({ evaluationId: id })],
    ['SignAgreement', (id) => agreement({ agreementId: id })],
    ['MakeCommitment', (id) => ({ type: 'MakeCommitment', partnershipId: P, commitmentId: id, side: 'school', description: 'x', dueAt: '2024-09-01T00:00:00.000Z' })],
  ];

  describe.each(commands)('%s', (_name, command) => {
    it.each(usedIds)('refuses the id %s, already used in this partnership', (id) => {
      spec.given(earlier).when(command(id), ctx()).thenThrows('id_already_used', 'conflict');
    });

    it('accepts a fresh id', () => {
      expect(spec.given(earlier).when(command('fresh-id'), ctx()).events()).toHaveLength(1);
    });
  });
});

describe('partnership: participants, signatories, contact persons and owners belong to the school or the partner', () => {
  type Case = [string, (personIds: string[], at: string) => PartnershipCommand];
  const cases: Case[] = [
    ['RecordInteraction participants', (participantIds, occurredAt) => interaction({ participantIds, occurredAt })],
    ['RecordActivity participants', (participantIds, startsAt) => activity({ participantIds, startsAt })],
    ['HoldEvaluation participants', (participantIds, heldAt) => evaluation({ participantIds, heldAt })],
    ['SignAgreement signatories', (signatoryIds, signedAt) => agreement({ signatoryIds, signedAt })],
  ];

  describe.each(cases)('%s', (_name, command) => {
    it('accepts people of the school and of the partner', () => {
      expect(spec.given([opened()]).when(command([SCHOOL_TEACHER, SCHOOL_DIRECTOR, PARTNER_HR, PARTNER_OWNER], AT), ctx()).events()).toHaveLength(1);
    });

    it('refuses a person of neither organisation', () => {
      spec.given([opened()]).when(command([SCHOOL_TEACHER, OUTSIDER], AT), ctx()).thenThrows('person_not_in_partnership');
    });

    it('refuses an unknown person (not found)', () => {
      spec.given([opened()]).when(command([UNKNOWN_PERSON], AT), ctx()).thenThrows('person_not_found', 'not_found');
    });

    it('refuses the same person twice', () => {
      spec.given([opened()]).when(command([PARTNER_HR, PARTNER_HR], AT), ctx()).thenThrows('duplicate_person');
    });

    it('accepts a person who left on D for an event before D', () => {
      expect(spec.given([opened()]).when(command([SCHOOL_LEAVER, PARTNER_LEAVER], BEFORE_LEFT), ctx()).events()).toHaveLength(1);
    });

    it('refuses a person who left on D for an event on D or after it', () => {
      spec.given([opened()]).when(command([SCHOOL_LEAVER], LEFT_AT), ctx()).thenThrows('person_left');
      spec.given([opened()]).when(command([PARTNER_LEAVER], AFTER_LEFT), ctx()).thenThrows('person_left');
    });
  });
});
