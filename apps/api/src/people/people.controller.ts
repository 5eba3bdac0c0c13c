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

@ApiTags('people')
@Access('record')
@Controller('people')
export class PeopleController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandDoc('Register a contact person at an organisation', 'PersonRegistered', 201)
  register(@Body() body: RegisterPersonDto, @Envelope() envelope: CommandEnvelope) {
    const { personId = randomUUID(), ...rest } = body;
    return this.commands.execute(new ExecutePersonCommand({ type: 'RegisterPerson', personId, ...rest }, envelope));
  }

  @Patch(':id')
  @CommandDoc('Change a person’s role and tier', 'PersonRoleChanged')
  changeRole(@UuidParam('id') id: string, @Body() body: ChangePersonRoleDto, @Envelope() envelope: CommandEnvelope) {
    return this.commands.execute(new ExecutePersonCommand({ type: 'ChangePersonRole', personId: id, ...body }, envelope));
  }

  @Post(':id/departure')
  @CommandDoc(
    'Record that a person left their organisation; unassigns them from every partnership',
    'PersonLeftOrganisation and one ContactPersonUnassigned per partnership',
  )
  depart(@UuidParam('id') id: string, @Body() body: RecordDepartureDto, @Envelope() envelope: CommandEnvelope) {
    return this.commands.execute(new RecordDepartureCommand({ type: 'RecordDeparture', personId: id, ...body }, envelope));
  }

  @Post(':id/erasure')
  @Access('erasure')
  @CommandDoc('Erase a person’s personal data (GDPR art. 17)', 'PersonErased')
  erase(@UuidParam('id') id: string, @Body() body: ErasePersonDto, @Envelope() envelope: CommandEnvelope) {
    return this.commands.execute(new ExecutePersonCommand({ type: 'ErasePerson', personId: id, ...body }, envelope));
  }
}
