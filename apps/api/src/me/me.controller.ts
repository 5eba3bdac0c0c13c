import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorators';
import { CurrentUser } from '../auth/current-user';
import { AuthenticatedUser } from '../auth/token-verifier';
import { AsOf } from '../http/as-of';
import { MinPositionGuard } from '../read-side/min-position.guard';
import { MeService } from './me.service';

@ApiTags('me')
@ApiHeader({ name: 'X-Min-Position', required: false, description: 'wait until the read models include this log position' })
@UseGuards(MinPositionGuard)
@Access('read')
@Controller('me')
export class MeController {
  constructor(private readonly service: MeService) {}

  @Get()
  @ApiOperation({
    summary: 'The caller: token sub and roles, the person the login is (token claim or linked by an admin) and their organisation; null when linked to nobody',
  })
  me(@CurrentUser() user: AuthenticatedUser, @AsOf() asOf: string) {
    return this.service.me(user, asOf);
  }
}
