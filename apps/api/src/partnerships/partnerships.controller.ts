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

@ApiTags('partnerships')
@Access('record')
@Controller('partnerships')
export class PartnershipsController {
  constructor(private readonly commands: CommandBus) {}

  private run(command: PartnershipCommand, envelope: CommandEnvelope, resultId = command.partnershipId) {
    return this.commands.execute(new ExecutePartnershipCommand(command, resultId, envelope));
  }

  @Post()
  @CommandDoc('Open a partnership between a school and a partner', 'PartnershipOpened', 201)
  open(@Body() body: OpenPartnershipDto, @Envelope() envelope: CommandEnvelope) {
    const { partnershipId = randomUUID(), ...rest } = body;
    return this.run({ type: 'OpenPartnership', partnershipId, ...rest }, envelope);
  }

  @Post(':id/stage')
  @CommandDoc('Move the partnership to another stage (exploring → agreed → active, paused)', 'PartnershipStageChanged')
  stage(@UuidParam('id') id: string, @Body() body: ChangeStageDto, @Envelope() envelope: CommandEnvelope) {
    return this.run({ type: 'ChangeStage', partnershipId: id, ...body }, envelope);
  }

  @Post(':id/intensity')
  @CommandDoc('Change the intensity of cooperation', 'PartnershipIntensityChanged')
  intensity(@UuidParam('id') id: string, @Body() body: ChangeIntensityDto, @Envelope() envelope: CommandEnvelope) {
    return this.run({ type: 'ChangeIntensity', partnershipId: id, ...body }, envelope);
  }

  @Post(':id/contacts')
  @CommandDoc('Assign a primary or backup contact person on one side', 'ContactPersonAssigned (after ContactPersonUnassigned of the old primary)')
  assign(@UuidParam('id') id: string, @Body() body: AssignContactDto, @Envelope() envelope: CommandEnvelope) {
    return this.run({ type: 'AssignContact', partnershipId: id, ...body }, envelope);
  }

  @Delete(':id/contacts/:personId')
  @CommandDoc('Unassign a contact person', 'ContactPersonUnassigned')
  unassign(
    @UuidParam('id') id: string,
    @UuidParam('personId') personId: string,
    @Query() query: UnassignContactQuery,
    @Envelope() envelope: CommandEnvelope,
  ) {
    return this.run({ type: 'UnassignContact', partnershipId: id, personId, ...query }, envelope);
  }

  @Post(':id/interactions')
  @CommandDoc('Record a contact: a call, email, visit, meeting, …', 'InteractionRecorded', 201)
  interaction(@UuidParam('id') id: string, @Body() body: RecordInteractionDto, @Envelope() envelope: CommandEnvelope) {
    const { interactionId = randomUUID(), ...rest } = body;
    return this.run({ type: 'RecordInteraction', partnershipId: id, interactionId, ...rest }, envelope, interactionId);
  }

  @Post(':id/activities')
  @CommandDoc('Record an activity: internship, guest lecture, company visit, …', 'ActivityRecorded', 201)
  activity(@UuidParam('id') id: string, @Body() body: RecordActivityDto, @Envelope() envelope: CommandEnvelope) {
    const { activityId = randomUUID(), ...rest } = body;
    return this.run({ type: 'RecordActivity', partnershipId: id, activityId, ...rest }, envelope, activityId);
  }

  @Post(':id/agreements')
  @CommandDoc('Record a signed agreement (MoU, letter of intent, …)', 'AgreementSigned', 201)
  agreement(@UuidParam('id') id: string, @Body() body: SignAgreementDto, @Envelope() envelope: CommandEnvelope) {
    const { agreementId = randomUUID(), ...rest } = body;
    return this.run({ type: 'SignAgreement', partnershipId: id, agreementId, ...rest }, envelope, agreementId);
  }

  @Post(':id/agreements/:aid/termination')
  @CommandDoc('Terminate an agreement', 'AgreementTerminated')
  terminate(
    @UuidParam('id') id: string,
    @UuidParam('aid') agreementId: string,
    @Body() body: TerminateAgreementDto,
    @Envelope() envelope: CommandEnvelope,
  ) {
    return this.run({ type: 'TerminateAgreement', partnershipId: id, agreementId, ...body }, envelope);
  }

  @Post(':id/evaluations')
  @CommandDoc('Record an evaluation with both sides’ satisfaction', 'EvaluationHeld', 201)
  evaluation(@UuidParam('id') id: string, @Body() body: HoldEvaluationDto, @Envelope() envelope: CommandEnvelope) {
    const { evaluationId = randomUUID(), ...rest } = body;
    return this.run({ type: 'HoldEvaluation', partnershipId: id, evaluationId, ...rest }, envelope, evaluationId);
  }

  @Post(':id/commitments')
  @CommandDoc('Record a promise one side made, with its due date', 'CommitmentMade', 201)
  commitment(@UuidParam('id') id: string, @Body() body: MakeCommitmentDto, @Envelope() envelope: CommandEnvelope) {
    const { commitmentId = randomUUID(), ...rest } = body;
    return this.run({ type: 'MakeCommitment', partnershipId: id, commitmentId, ...rest }, envelope, commitmentId);
  }

  @Post(':id/commitments/:cid/fulfilment')
  @CommandDoc('Record that a commitment was kept', 'CommitmentFulfilled')
  fulfil(
    @UuidParam('id') id: string,
    @UuidParam('cid') commitmentId: string,
    @Body() body: FulfilCommitmentDto,
    @Envelope() envelope: CommandEnvelope,
  ) {
    return this.run({ type: 'FulfilCommitment', partnershipId: id, commitmentId, ...body }, envelope);
  }

  @Post(':id/commitments/:cid/breach')
  @CommandDoc('Record that a commitment was broken', 'CommitmentBroken')
  breach(
    @UuidParam('id') id: string,
    @UuidParam('cid') commitmentId: string,
    @Body() body: CloseCommitmentDto,
    @Envelope() envelope: CommandEnvelope,
  ) {
    return this.run({ type: 'BreakCommitment', partnershipId: id, commitmentId, ...body }, envelope);
  }

  @Post(':id/commitments/:cid/cancellation')
  @CommandDoc('Cancel a commitment by agreement', 'CommitmentCancelled')
  cancel(
    @UuidParam('id') id: string,
    @UuidParam('cid') commitmentId: string,
    @Body() body: CloseCommitmentDto,
    @Envelope() envelope: CommandEnvelope,
  ) {
    return this.run({ type: 'CancelCommitment', partnershipId: id, commitmentId, ...body }, envelope);
  }

  @Post(':id/end')
  @CommandDoc('End the partnership; it takes no further events', 'PartnershipEnded')
  end(@UuidParam('id') id: string, @Body() body: EndPartnershipDto, @Envelope() envelope: CommandEnvelope) {
    return this.run({ type: 'EndPartnership', partnershipId: id, ...body }, envelope);
  }
}
