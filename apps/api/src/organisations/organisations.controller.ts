import { Body, Controller, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Access } from '../auth/access.decorators';
import { Envelope } from '../http/command-envelope.decorator';
import { CommandDoc } from '../http/command-doc';
import { UuidParam } from '../http/uuid-param';
import { CommandEnvelope } from '../write-side/command-envelope';
import { RegisterOrganisationDto } from './dto/register-organisation.dto';
import { UpdateOrganisationDto } from './dto/update-organisation.dto';
import { ExecuteOrganisationCommand } from './organisation-command';
import { ErrorCodes } from '../http/api-doc';
/** What the organisation's decider refuses, by status. */
const ORGANISATION_ERRORS: ErrorCodes = {
  404: ['organisation_not_found'],
  409: ['organisation_exists'],
  422: ['date_in_future', 'invalid_date', 'levels_only_for_schools', 'name_empty', 'school_without_levels', 'unknown_level'],
};


@ApiTags('organisations')
@Access('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandDoc({ operationId: 'registerOrganisation', summary: 'Register a school, company, municipality or network', records: 'OrganisationRegistered', status: 201, errors: ORGANISATION_ERRORS })
  register(@Body() body: RegisterOrganisationDto, @Envelope() envelope: CommandEnvelope) {
    const { organisationId = randomUUID(), ...rest } = body;
    return this.commands.execute(new ExecuteOrganisationCommand({ type: 'RegisterOrganisation', organisationId, ...rest }, envelope));
  }

  @Patch(':id')
  @CommandDoc({ operationId: 'updateOrganisation', summary: 'Change an organisation’s name, kind, levels, sector, region or size', records: 'OrganisationUpdated', errors: ORGANISATION_ERRORS })
  update(@UuidParam('id') id: string, @Body() body: UpdateOrganisationDto, @Envelope() envelope: CommandEnvelope) {
    return this.commands.execute(new ExecuteOrganisationCommand({ type: 'UpdateOrganisation', organisationId: id, changes: body }, envelope));
  }
}
