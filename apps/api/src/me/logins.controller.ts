import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorators';
import { CommandDoc } from '../http/command-doc';
import { Envelope } from '../http/command-envelope.decorator';
import { CommandEnvelope } from '../write-side/command-envelope';
import { LinkLoginDto } from './link-login.dto';
import { LinkLoginCommand } from './link-login';

@ApiTags('me')
@Access('logins')
@Controller('logins')
export class LoginsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandDoc({
    operationId: 'linkLogin',
    summary: 'Link a login (a token `sub`) to the person it is, for tokens without a person claim; answers the person id',
    records: 'LoginLinked',
    status: 201,
    errors: { 404: ['person_not_found'], 422: ['sub_empty', 'person_erased', 'person_left'] },
  })
  link(@Body() body: LinkLoginDto, @Envelope() envelope: CommandEnvelope) {
    return this.commands.execute(new LinkLoginCommand({ type: 'LinkLogin', sub: body.sub, personId: body.personId }, envelope));
  }
}
