import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorators';
import { CurrentUser } from '../auth/current-user';
import { AuthenticatedUser } from '../auth/token-verifier';
import { QueryDoc } from '../http/api-doc';
import { AsOf } from '../http/as-of';
import { AsOfQueryDto } from '../http/list-query.dto';
import { MinPositionGuard } from '../read-side/min-position.guard';
import { MeResponse } from './me.response';
import { MeService } from './me.service';
import { CallerScope } from '../scope/caller-scope';
import { Scope } from '../scope/scope';

@ApiTags('me')
@UseGuards(MinPositionGuard)
@Access('me')
@Controller('me')
export class MeController {
  constructor(private readonly service: MeService) {}

  @Get()
  @QueryDoc({
    operationId: 'getMe',
    summary: 'The caller: token sub and roles, the person the login is (token claim or linked by an admin) and their organisation; null when linked to nobody',
    ok: MeResponse,
  })
  me(@Query() _query: AsOfQueryDto, @CurrentUser() user: AuthenticatedUser, @CallerScope() scope: Scope, @AsOf() asOf: string) {
    return this.service.me(user, scope, asOf);
  }
}
