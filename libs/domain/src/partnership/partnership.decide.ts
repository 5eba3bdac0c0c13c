import { DecisionContext } from '../shared/decider';
import { assertNotInFuture, isAfter, normaliseDate } from '../shared/dates';
import { conflict, notFound, ruleViolation } from '../shared/domain-error';
import { expandLevels, Side, STAGE_TRANSITIONS } from '../shared/vocabulary';
import { OrganisationState } from '../organisation/organisation.decider';
import { isMemberAt, PersonState } from '../person/person.decider';
import { PartnershipCommand } from './partnership.commands';
import { PartnershipEvent } from './partnership.events';
import { assignedSide, OpenPartnershipState, PartnershipState } from './partnership.state';

/** Facts from other streams that the rules need: the organisations and people a command names. */
export interface PartnershipContext extends DecisionContext {
  organisations: Readonly<Record<string, OrganisationState>>;
  people: Readonly<Record<string, PersonState>>;
}

/** The ids of other aggregates a command refers to, so the shell knows what to load into the context. */
export function partnershipReferences(command: PartnershipCommand): { organisationIds: string[]; personIds: string[] } {
  switch (command.type) {
    case 'OpenPartnership':
      return { organisationIds: [command.schoolId, command.partnerId], personIds: [] };
    case 'AssignContact':
    case 'UnassignContact':
    case 'UnassignDepartedContact':
    case 'ReconcileDepartedContact':
      return { organisationIds: [], personIds: [command.personId] };
    case 'RecordInteraction':
    case 'RecordActivity':
    case 'HoldEvaluation':
      return { organisationIds: [], personIds: command.participantIds ?? [] };
    case 'SignAgreement':
      return { organisationIds: [], personIds: command.signatoryIds ?? [] };
    case 'MakeCommitment':
      return { organisationIds: [], personIds: command.ownerId ? [command.ownerId] : [] };
    default:
      return { organisationIds: [], personIds: [] };
  }
}

/** Normalises an event date, and checks it against the partnership's opening and the clock (SPEC §2). */
function eventDate(state: OpenPartnershipState, value: string | undefined, field: string, ctx: DecisionContext): string {
  const date = normaliseDate(value ?? ctx.now, field, ctx.timeZone);
  assertNotInFuture(date, ctx.now, field);
  if (isAfter(state.openedAt, date)) {
    throw ruleViolation('date_before_opening', `${field} (${date}) is before the partnership opened (${state.openedAt})`, {
      field,
    });
  }
  return date;
}

/** Each person must exist, work for the school or the partner, and not have left by `at`. Returns each person's side. */
function assertParticipants(
  state: OpenPartnershipState,
  personIds: readonly string[],
  at: string,
  ctx: PartnershipContext,
  field: string,
): Side[] {
  if (new Set(personIds).size !== personIds.length) {
    throw ruleViolation('duplicate_person', `${field} names the same person twice`, { field });
  }
  return personIds.map((personId) => {
    const person = ctx.people[personId];
    if (!person?.exists) throw notFound('person_not_found', `person ${personId} does not exist`, { field, personId });
    const side: Side | undefined =
      person.organisationId === state.schoolId ? 'school' : person.organisationId === state.partnerId ? 'partner' : undefined;
    if (!side) {
      throw ruleViolation('person_not_in_partnership', `person ${personId} works for neither the school nor the partner`, {
        field,
        personId,
      });
    }
    if (person.erased) throw ruleViolation('person_erased', `person ${personId} has been erased`, { field, personId });
    if (!isMemberAt(person, person.organisationId, at)) {
      throw ruleViolation('person_left', `person ${personId} had left the organisation by ${at}`, { field, personId });
    }
    return side;
  });
}

function assertNewRecordId(state: OpenPartnershipState, id: string): void {
  if (state.recordIds.has(id) || state.agreements[id] || state.commitments[id]) {
    throw conflict('id_already_used', `id ${id} is already used in this partnership`, { id });
  }
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

function decideOpen(command: Extract<PartnershipCommand, { type: 'OpenPartnership' }>, ctx: PartnershipContext): PartnershipEvent[] {
  const school = ctx.organisations[command.schoolId];
  const partner = ctx.organisations[command.partnerId];
  if (!school?.exists) throw notFound('organisation_not_found', `school ${command.schoolId} does not exist`, { field: 'schoolId' });
  if (!partner?.exists) {
    throw notFound('organisation_not_found', `partner ${command.partnerId} does not exist`, { field: 'partnerId' });
  }
  if (school.kind !== 'school') {
    throw ruleViolation('school_not_a_school', `organisation ${command.schoolId} is a ${school.kind}, not a school`);
  }
  if (command.partnerId === command.schoolId) {
    throw ruleViolation('partner_is_school', 'the partner of a partnership cannot be the school itself');
  }
  const levels = expandLevels(command.levels);
  if (levels.length === 0) throw ruleViolation('levels_required', 'a partnership covers at least one school level');
  const notOffered = levels.filter((level) => !school.levels.includes(level));
  if (notOffered.length > 0) {
    throw ruleViolation('level_not_offered', `the school does not offer ${notOffered.join(', ')}`, { levels: notOffered });
  }
  const openedAt = normaliseDate(command.openedAt ?? ctx.now, 'openedAt', ctx.timeZone);
  assertNotInFuture(openedAt, ctx.now, 'openedAt');
  const themes = [...new Set((command.themes ?? []).map((theme) => theme.trim()).filter(Boolean))];
  return [
    {
      type: 'PartnershipOpened',
      data: {
        partnershipId: command.partnershipId,
        schoolId: command.schoolId,
        partnerId: command.partnerId,
        levels,
        intensity: command.intensity,
        themes,
        openedAt,
      },
    },
  ];
}

function decideOnOpen(command: PartnershipCommand, state: OpenPartnershipState, ctx: PartnershipContext): PartnershipEvent[] {
  const partnershipId = state.partnershipId;
  switch (command.type) {
    case 'OpenPartnership':
      throw conflict('partnership_exists', `partnership ${partnershipId} is already open`);

    case 'ChangeStage': {
      if (command.to === 'ended') {
        throw ruleViolation('invalid_transition', 'a partnership ends through POST /partnerships/:id/end, which records why');
      }
      if (!STAGE_TRANSITIONS[state.stage].includes(command.to)) {
        throw ruleViolation('invalid_transition', `a partnership cannot go from ${state.stage} to ${command.to}`, {
          from: state.stage,
          to: command.to,
          allowed: STAGE_TRANSITIONS[state.stage],
        });
      }
      const at = eventDate(state, command.at, 'at', ctx);
      return [
        { type: 'PartnershipStageChanged', data: { partnershipId, from: state.stage, to: command.to, ...optional('reason', command.reason), at } },
      ];
    }

    case 'ChangeIntensity': {
      if (command.to === state.intensity) {
        throw ruleViolation('intensity_unchanged', `the partnership already has intensity ${command.to}`);
      }
      const at = eventDate(state, command.at, 'at', ctx);
      return [{ type: 'PartnershipIntensityChanged', data: { partnershipId, from: state.intensity, to: command.to, at } }];
    }

    case 'AssignContact': {
      const at = eventDate(state, command.at, 'at', ctx);
      const [personSide] = assertParticipants(state, [command.personId], at, ctx, 'personId');
      const person = ctx.people[command.personId];
      // A contact person is someone to call now: a recorded departure rules them out, whatever the date of the assignment.
      if (person.exists && person.leftAt) {
        throw ruleViolation('person_left', `person ${command.personId} left the organisation on ${person.leftAt}`, { field: 'personId' });
      }
      if (personSide !== command.side) {
        throw ruleViolation('contact_wrong_side', `person ${command.personId} works for the ${personSide} side, not the ${command.side}`);
      }
      const contacts = state.contacts[command.side];
      if (command.role === 'backup' && contacts.primary === command.personId) {
        throw ruleViolation('backup_is_primary', 'the primary contact cannot also be a backup');
      }
      if (
        (command.role === 'primary' && contacts.primary === command.personId) ||
        (command.role === 'backup' && contacts.backups.includes(command.personId))
      ) {
        throw ruleViolation('contact_already_assigned', `person ${command.personId} is already the ${command.role} contact`);
      }
      const events: PartnershipEvent[] = [];
      if (command.role === 'primary' && contacts.primary) {
        // A new primary replaces the old one: record the handover explicitly.
        events.push({
          type: 'ContactPersonUnassigned',
          data: { partnershipId, side: command.side, personId: contacts.primary, reason: 'handover', at },
        });
      }
      events.push({
        type: 'ContactPersonAssigned',
        data: { partnershipId, side: command.side, personId: command.personId, role: command.role, at },
      });
      return events;
    }

    case 'UnassignContact': {
      const side = assignedSide(state, command.personId);
      if (!side) {
        throw notFound('contact_not_assigned', `person ${command.personId} is not a contact person of this partnership`);
      }
      const at = eventDate(state, command.at, 'at', ctx);
      const assignedAt = state.contacts[side].assignedAt[command.personId];
      if (assignedAt && isAfter(assignedAt, at)) {
        throw ruleViolation('unassigned_before_assigned', `at (${at}) is before the person was assigned (${assignedAt})`, { field: 'at' });
      }
      return [
        { type: 'ContactPersonUnassigned', data: { partnershipId, side, personId: command.personId, reason: command.reason ?? 'other', at } },
      ];
    }

    case 'UnassignDepartedContact': {
      const side = assignedSide(state, command.personId);
      if (!side) return [];
      // A departure back-dated before the assignment is recorded at the assignment, so tenure is never negative.
      const assignedAt = state.contacts[side].assignedAt[command.personId] ?? state.openedAt;
      const at = isAfter(assignedAt, command.leftAt) ? assignedAt : command.leftAt;
      return [{ type: 'ContactPersonUnassigned', data: { partnershipId, side, personId: command.personId, reason: 'left_organisation', at } }];
    }

    case 'ReconcileDepartedContact': {
      // A departed person is never left a contact: the departure's own unassignment, owed to a partnership the
      // departure did not see them assigned to (the assignment was decided before the departure, and written after
      // the departure looked).
      const person = ctx.people[command.personId];
      if (!person?.exists || !person.leftAt) return [];
      return decideOnOpen({ type: 'UnassignDepartedContact', partnershipId, personId: command.personId, leftAt: person.leftAt }, state, ctx);
    }

    case 'RecordInteraction': {
      assertNewRecordId(state, command.interactionId);
      const occurredAt = eventDate(state, command.occurredAt, 'occurredAt', ctx);
      const participantIds = command.participantIds ?? [];
      assertParticipants(state, participantIds, occurredAt, ctx, 'participantIds');
      return [
        {
          type: 'InteractionRecorded',
          data: {
            partnershipId,
            interactionId: command.interactionId,
            kind: command.kind,
            occurredAt,
            initiatedBy: command.initiatedBy,
            participantIds,
            ...optional('summary', command.summary),
          },
        },
      ];
    }

    case 'RecordActivity': {
      assertNewRecordId(state, command.activityId);
      const startsAt = eventDate(state, command.startsAt, 'startsAt', ctx);
      const endsAt = command.endsAt === undefined ? undefined : normaliseDate(command.endsAt, 'endsAt', ctx.timeZone);
      if (endsAt && isAfter(startsAt, endsAt)) throw ruleViolation('ends_before_start', 'endsAt is before startsAt');
      if (command.studentCount !== undefined && (!Number.isInteger(command.studentCount) || command.studentCount < 0)) {
        throw ruleViolation('invalid_student_count', 'studentCount is a whole number of zero or more');
      }
      const participantIds = command.participantIds ?? [];
      assertParticipants(state, participantIds, startsAt, ctx, 'participantIds');
      return [
        {
          type: 'ActivityRecorded',
          data: {
            partnershipId,
            activityId: command.activityId,
            kind: command.kind,
            startsAt,
            ...optional('endsAt', endsAt),
            ...optional('studentCount', command.studentCount),
            participantIds,
          },
        },
      ];
    }

    case 'SignAgreement': {
      assertNewRecordId(state, command.agreementId);
      const signedAt = eventDate(state, command.signedAt, 'signedAt', ctx);
      const validUntil = command.validUntil === undefined ? undefined : normaliseDate(command.validUntil, 'validUntil', ctx.timeZone);
      if (validUntil && !isAfter(validUntil, signedAt)) {
        throw ruleViolation('valid_until_not_after_signing', 'validUntil must be after signedAt');
      }
      const signatoryIds = command.signatoryIds ?? [];
      assertParticipants(state, signatoryIds, signedAt, ctx, 'signatoryIds');
      return [
        {
          type: 'AgreementSigned',
          data: { partnershipId, agreementId: command.agreementId, kind: command.kind, signedAt, ...optional('validUntil', validUntil), signatoryIds },
        },
      ];
    }

    case 'TerminateAgreement': {
      const agreement = state.agreements[command.agreementId];
      if (!agreement) throw notFound('agreement_not_found', `agreement ${command.agreementId} does not exist in this partnership`);
      if (agreement.terminatedAt) {
        throw ruleViolation('agreement_already_terminated', `agreement was terminated on ${agreement.terminatedAt}`);
      }
      const at = eventDate(state, command.at, 'at', ctx);
      if (isAfter(agreement.signedAt, at)) throw ruleViolation('termination_before_signing', 'an agreement ends after it was signed');
      return [{ type: 'AgreementTerminated', data: { partnershipId, agreementId: command.agreementId, at, ...optional('reason', command.reason) } }];
    }

    case 'HoldEvaluation': {
      assertNewRecordId(state, command.evaluationId);
      for (const field of ['schoolSatisfaction', 'partnerSatisfaction'] as const) {
        const rating = command[field];
        if (!Number.isInteger(rating) || rating < 1 || rating > 10) {
          throw ruleViolation('rating_out_of_range', `${field} is a whole number from 1 to 10`, { field });
        }
      }
      const heldAt = eventDate(state, command.heldAt, 'heldAt', ctx);
      const nextEvaluationDue =
        command.nextEvaluationDue === undefined ? undefined : normaliseDate(command.nextEvaluationDue, 'nextEvaluationDue', ctx.timeZone);
      if (nextEvaluationDue && !isAfter(nextEvaluationDue, heldAt)) {
        throw ruleViolation('next_evaluation_not_after', 'nextEvaluationDue must be after heldAt');
      }
      const participantIds = command.participantIds ?? [];
      assertParticipants(state, participantIds, heldAt, ctx, 'participantIds');
      return [
        {
          type: 'EvaluationHeld',
          data: {
            partnershipId,
            evaluationId: command.evaluationId,
            heldAt,
            participantIds,
            schoolSatisfaction: command.schoolSatisfaction,
            partnerSatisfaction: command.partnerSatisfaction,
            ...optional('notes', command.notes),
            ...optional('nextEvaluationDue', nextEvaluationDue),
          },
        },
      ];
    }

    case 'MakeCommitment': {
      assertNewRecordId(state, command.commitmentId);
      if (!command.description.trim()) throw ruleViolation('description_empty', 'a commitment says what is promised');
      const dueAt = normaliseDate(command.dueAt, 'dueAt', ctx.timeZone);
      const madeAt = eventDate(state, command.madeAt, 'madeAt', ctx);
      if (command.ownerId) {
        const [ownerSide] = assertParticipants(state, [command.ownerId], madeAt, ctx, 'ownerId');
        if (ownerSide !== command.side) {
          throw ruleViolation('owner_wrong_side', `owner ${command.ownerId} works for the ${ownerSide} side, not the ${command.side}`);
        }
      }
      return [
        {
          type: 'CommitmentMade',
          data: {
            partnershipId,
            commitmentId: command.commitmentId,
            side: command.side,
            ...optional('ownerId', command.ownerId),
            description: command.description.trim(),
            dueAt,
            madeAt,
          },
        },
      ];
    }

    case 'FulfilCommitment':
    case 'BreakCommitment':
    case 'CancelCommitment': {
      const commitment = state.commitments[command.commitmentId];
      if (!commitment) throw notFound('commitment_not_found', `commitment ${command.commitmentId} does not exist in this partnership`);
      if (commitment.status !== 'open') {
        throw ruleViolation('commitment_closed', `commitment is already ${commitment.status}`, { status: commitment.status });
      }
      const at = eventDate(state, command.at, 'at', ctx);
      if (isAfter(commitment.madeAt, at)) {
        throw ruleViolation('closed_before_made', `at (${at}) is before the commitment was made (${commitment.madeAt})`, { field: 'at' });
      }
      const { commitmentId } = command;
      if (command.type === 'FulfilCommitment') return [{ type: 'CommitmentFulfilled', data: { partnershipId, commitmentId, at } }];
      const type = command.type === 'BreakCommitment' ? 'CommitmentBroken' : 'CommitmentCancelled';
      return [{ type, data: { partnershipId, commitmentId, at, ...optional('reason', command.reason) } }];
    }

    case 'EndPartnership': {
      if (!command.reason.trim()) throw ruleViolation('reason_required', 'ending a partnership records why');
      const at = eventDate(state, command.at, 'at', ctx);
      return [{ type: 'PartnershipEnded', data: { partnershipId, at, reason: command.reason.trim() } }];
    }
  }
}

export function decidePartnership(command: PartnershipCommand, state: PartnershipState, ctx: PartnershipContext): PartnershipEvent[] {
  if (command.type === 'OpenPartnership') {
    if (state.exists) throw conflict('partnership_exists', `partnership ${command.partnershipId} is already open`);
    return decideOpen(command, ctx);
  }
  if (!state.exists) throw notFound('partnership_not_found', `partnership ${command.partnershipId} does not exist`);
  if (state.stage === 'ended') {
    if (command.type === 'UnassignDepartedContact' || command.type === 'ReconcileDepartedContact') return [];
    throw ruleViolation('partnership_ended', 'an ended partnership takes no further events');
  }
  return decideOnOpen(command, state, ctx);
}
