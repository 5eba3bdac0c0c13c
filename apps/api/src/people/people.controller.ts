import { Body, Controller, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Access } from '../auth/access.decorators';
import { CommandDoc } from '../http/command-doc';
import { Envelope } from '../http/command-envelope.decorator';
import { UuidParam } from '../http/uuid-param';
import { CommandEnvelope } from '../write-side/command-envelope';
import { ChangePersonRoleDto } from './dto/change-person-role.dto';
import { ErasePersonDto } from './dto/erase-person.dto';
import { RecordDepartureDto } from './dto/record-departure.dto';
import { RegisterPersonDto } from './dto/register-person.dto';
import { ExecutePersonCommand, RecordDepartureCommand } from './person-commands';
import { ErrorCodes } from '../http/api-doc';
/** What the person's decider refuses, by status. */
const PERSON_ERRORS: ErrorCodes = {
  404: ['person_not_found', 'organisation_not_found'],
  409: ['person_exists'],
  422: ['date_in_future', 'invalid_date', 'name_empty', 'person_already_erased', 'person_already_left', 'person_erased', 'person_left', 'unknown_level'],
};


@ApiTags('people')
@Access('record')
@Controller('people')
export class PeopleController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandDoc({ operationId: 'registerPerson', summary: 'Register a contact person at an organisation', records: 'PersonRegistered', status: 201, errors: PERSON_ERRORS })
  register(@Body() body: RegisterPersonDto, @Envelope() envelope: CommandEnvelope) {
    const { personId = randomUUID(), ...rest } = body;
    return this.commands.execute(new ExecutePersonCommand({ type: 'RegisterPerson', personId, ...rest }, envelope));
  }

  @Patch(':id')
  @CommandDoc({ operationId: 'changePersonRole', summary: 'Change a person’s role and tier', records: 'PersonRoleChanged', errors: PERSON_ERRORS })
  changeRole(@UuidParam('id') id: string, @Body() body: ChangePersonRoleDto, @Envelope() envelope: CommandEnvelope) {
    return this.commands.execute(new ExecutePersonCommand({ type: 'ChangePersonRole', personId: id, ...body }, envelope));
  }

  @Post(':id/departure')
  @CommandDoc({ operationId: 'recordDeparture', summary: 'Record that a person left their organisation; unassigns them from every partnership', records: 'PersonLeftOrganisation and one ContactPersonUnassigned per partnership', errors: PERSON_ERRORS })
  depart(@UuidParam('id') id: string, @Body() body: RecordDepartureDto, @Envelope() envelope: CommandEnvelope) {
    return this.commands.execute(new RecordDepartureCommand({ type: 'RecordDeparture', personId: id, ...body }, envelope));
  }

  @Post(':id/erasure')
  @Access('erasure')
  @CommandDoc({ operationId: 'erasePerson', summary: 'Erase a person’s personal data (GDPR art. 17)', records: 'PersonErased', errors: PERSON_ERRORS })
  erase(@UuidParam('id') id: string, @Body() body: ErasePersonDto, @Envelope() envelope: CommandEnvelope) {
    return this.commands.execute(new ExecutePersonCommand({ type: 'ErasePerson', personId: id, ...body }, envelope));
  }
}
