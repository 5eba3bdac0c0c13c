import { Body, Controller, Delete, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { PartnershipCommand } from '@crm/domain';
import { randomUUID } from 'node:crypto';
import { Access } from '../auth/access.decorators';
import { CommandDoc } from '../http/command-doc';
import { Envelope } from '../http/command-envelope.decorator';
import { UuidParam } from '../http/uuid-param';
import { CommandEnvelope } from '../write-side/command-envelope';
import { SignAgreementDto, TerminateAgreementDto } from './dto/agreements.dto';
import { CloseCommitmentDto, FulfilCommitmentDto, MakeCommitmentDto } from './dto/commitments.dto';
import { AssignContactDto, UnassignContactQuery } from './dto/contacts.dto';
import { ChangeIntensityDto, ChangeStageDto, EndPartnershipDto, OpenPartnershipDto } from './dto/lifecycle.dto';
import { HoldEvaluationDto, RecordActivityDto, RecordInteractionDto } from './dto/records.dto';
import { ExecutePartnershipCommand } from './partnership-command';
import { ErrorCodes } from '../http/api-doc';
/** What the partnership's decider (libs/domain/src/partnership) refuses, by status. */
const PARTNERSHIP_ERRORS: ErrorCodes = {
  404: ['partnership_not_found', 'organisation_not_found', 'person_not_found', 'agreement_not_found', 'commitment_not_found', 'contact_not_assigned'],
  409: ['partnership_exists', 'id_already_used'],
  422: [
    'agreement_already_terminated', 'backup_is_primary', 'closed_before_made', 'commitment_closed', 'contact_already_assigned', 'contact_wrong_side',
    'date_before_opening', 'date_in_future', 'description_empty', 'duplicate_person', 'ends_before_start', 'intensity_unchanged', 'invalid_date',
    'invalid_student_count', 'invalid_transition', 'level_not_offered', 'levels_required', 'next_evaluation_not_after', 'owner_wrong_side',
    'partner_is_school', 'partnership_ended', 'person_erased', 'person_left', 'person_not_in_partnership', 'rating_out_of_range', 'reason_required',
    'school_not_a_school', 'termination_before_signing', 'unassigned_before_assigned', 'unknown_level', 'valid_until_not_after_signing',
  ],
};


@ApiTags('partnerships')
@Access('record')
@Controller('partnerships')
export class PartnershipsController {
  constructor(private readonly commands: CommandBus) {}

  private run(command: PartnershipCommand, envelope: CommandEnvelope, resultId = command.partnershipId) {
    return this.commands.execute(new ExecutePartnershipCommand(command, resultId, envelope));
  }

  @Post()
  @CommandDoc({ operationId: 'openPartnership', summary: 'Open a partnership between a school and a partner', records: 'PartnershipOpened', status: 201, errors: PARTNERSHIP_ERRORS })
  open(@Body() body: OpenPartnershipDto, @Envelope() envelope: CommandEnvelope) {
    const { partnershipId = randomUUID(), ...rest } = body;
    return this.run({ type: 'OpenPartnership', partnershipId, ...rest }, envelope);
  }

  @Post(':id/stage')
  @CommandDoc({ operationId: 'changePartnershipStage', summary: 'Move the partnership to another stage (exploring → agreed → active, paused)', records: 'PartnershipStageChanged', errors: PARTNERSHIP_ERRORS })
  stage(@UuidParam('id') id: string, @Body() body: ChangeStageDto, @Envelope() envelope: CommandEnvelope) {
    return this.run({ type: 'ChangeStage', partnershipId: id, ...body }, envelope);
  }

  @Post(':id/intensity')
  @CommandDoc({ operationId: 'changePartnershipIntensity', summary: 'Change the intensity of cooperation', records: 'PartnershipIntensityChanged', errors: PARTNERSHIP_ERRORS })
  intensity(@UuidParam('id') id: string, @Body() body: ChangeIntensityDto, @Envelope() envelope: CommandEnvelope) {
    return this.run({ type: 'ChangeIntensity', partnershipId: id, ...body }, envelope);
  }

  @Post(':id/contacts')
  @CommandDoc({ operationId: 'assignContact', summary: 'Assign a primary or backup contact person on one side', records: 'ContactPersonAssigned (after ContactPersonUnassigned of the old primary)', errors: PARTNERSHIP_ERRORS })
  assign(@UuidParam('id') id: string, @Body() body: AssignContactDto, @Envelope() envelope: CommandEnvelope) {
    return this.run({ type: 'AssignContact', partnershipId: id, ...body }, envelope);
  }

  @Delete(':id/contacts/:personId')
  @CommandDoc({ operationId: 'unassignContact', summary: 'Unassign a contact person', records: 'ContactPersonUnassigned', errors: PARTNERSHIP_ERRORS })
  unassign(
    @UuidParam('id') id: string,
    @UuidParam('personId') personId: string,
    @Query() query: UnassignContactQuery,
    @Envelope() envelope: CommandEnvelope,
  ) {
    return this.run({ type: 'UnassignContact', partnershipId: id, personId, ...query }, envelope);
  }

  @Post(':id/interactions')
  @CommandDoc({ operationId: 'recordInteraction', summary: 'Record a contact: a call, email, visit, meeting, …', records: 'InteractionRecorded', status: 201, errors: PARTNERSHIP_ERRORS })
  interaction(@UuidParam('id') id: string, @Body() body: RecordInteractionDto, @Envelope() envelope: CommandEnvelope) {
    const { interactionId = randomUUID(), ...rest } = body;
    return this.run({ type: 'RecordInteraction', partnershipId: id, interactionId, ...rest }, envelope, interactionId);
  }

  @Post(':id/activities')
  @CommandDoc({ operationId: 'recordActivity', summary: 'Record an activity: internship, guest lecture, company visit, …', records: 'ActivityRecorded', status: 201, errors: PARTNERSHIP_ERRORS })
  activity(@UuidParam('id') id: string, @Body() body: RecordActivityDto, @Envelope() envelope: CommandEnvelope) {
    const { activityId = randomUUID(), ...rest } = body;
    return this.run({ type: 'RecordActivity', partnershipId: id, activityId, ...rest }, envelope, activityId);
  }

  @Post(':id/agreements')
  @CommandDoc({ operationId: 'signAgreement', summary: 'Record a signed agreement (MoU, letter of intent, …)', records: 'AgreementSigned', status: 201, errors: PARTNERSHIP_ERRORS })
  agreement(@UuidParam('id') id: string, @Body() body: SignAgreementDto, @Envelope() envelope: CommandEnvelope) {
    const { agreementId = randomUUID(), ...rest } = body;
    return this.run({ type: 'SignAgreement', partnershipId: id, agreementId, ...rest }, envelope, agreementId);
  }

  @Post(':id/agreements/:aid/termination')
  @CommandDoc({ operationId: 'terminateAgreement', summary: 'Terminate an agreement', records: 'AgreementTerminated', errors: PARTNERSHIP_ERRORS })
  terminate(
    @UuidParam('id') id: string,
    @UuidParam('aid') agreementId: string,
    @Body() body: TerminateAgreementDto,
    @Envelope() envelope: CommandEnvelope,
  ) {
    return this.run({ type: 'TerminateAgreement', partnershipId: id, agreementId, ...body }, envelope);
  }

  @Post(':id/evaluations')
  @CommandDoc({ operationId: 'holdEvaluation', summary: 'Record an evaluation with both sides’ satisfaction', records: 'EvaluationHeld', status: 201, errors: PARTNERSHIP_ERRORS })
  evaluation(@UuidParam('id') id: string, @Body() body: HoldEvaluationDto, @Envelope() envelope: CommandEnvelope) {
    const { evaluationId = randomUUID(), ...rest } = body;
    return this.run({ type: 'HoldEvaluation', partnershipId: id, evaluationId, ...rest }, envelope, evaluationId);
  }

  @Post(':id/commitments')
  @CommandDoc({ operationId: 'makeCommitment', summary: 'Record a promise one side made, with its due date', records: 'CommitmentMade', status: 201, errors: PARTNERSHIP_ERRORS })
  commitment(@UuidParam('id') id: string, @Body() body: MakeCommitmentDto, @Envelope() envelope: CommandEnvelope) {
    const { commitmentId = randomUUID(), ...rest } = body;
    return this.run({ type: 'MakeCommitment', partnershipId: id, commitmentId, ...rest }, envelope, commitmentId);
  }

  @Post(':id/commitments/:cid/fulfilment')
  @CommandDoc({ operationId: 'fulfilCommitment', summary: 'Record that a commitment was kept', records: 'CommitmentFulfilled', errors: PARTNERSHIP_ERRORS })
  fulfil(
    @UuidParam('id') id: string,
    @UuidParam('cid') commitmentId: string,
    @Body() body: FulfilCommitmentDto,
    @Envelope() envelope: CommandEnvelope,
  ) {
    return this.run({ type: 'FulfilCommitment', partnershipId: id, commitmentId, ...body }, envelope);
  }

  @Post(':id/commitments/:cid/breach')
  @CommandDoc({ operationId: 'breakCommitment', summary: 'Record that a commitment was broken', records: 'CommitmentBroken', errors: PARTNERSHIP_ERRORS })
  breach(
    @UuidParam('id') id: string,
    @UuidParam('cid') commitmentId: string,
    @Body() body: CloseCommitmentDto,
    @Envelope() envelope: CommandEnvelope,
  ) {
    return this.run({ type: 'BreakCommitment', partnershipId: id, commitmentId, ...body }, envelope);
  }

  @Post(':id/commitments/:cid/cancellation')
  @CommandDoc({ operationId: 'cancelCommitment', summary: 'Cancel a commitment by agreement', records: 'CommitmentCancelled', errors: PARTNERSHIP_ERRORS })
  cancel(
    @UuidParam('id') id: string,
    @UuidParam('cid') commitmentId: string,
    @Body() body: CloseCommitmentDto,
    @Envelope() envelope: CommandEnvelope,
  ) {
    return this.run({ type: 'CancelCommitment', partnershipId: id, commitmentId, ...body }, envelope);
  }

  @Post(':id/end')
  @CommandDoc({ operationId: 'endPartnership', summary: 'End the partnership; it takes no further events', records: 'PartnershipEnded', errors: PARTNERSHIP_ERRORS })
  end(@UuidParam('id') id: string, @Body() body: EndPartnershipDto, @Envelope() envelope: CommandEnvelope) {
    return this.run({ type: 'EndPartnership', partnershipId: id, ...body }, envelope);
  }
}
