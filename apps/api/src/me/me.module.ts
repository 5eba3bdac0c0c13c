import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ScopeGuard } from '../scope/scope.guard';
import { Scopes } from '../scope/scopes';
import { CommandScope } from '../scope/command-scope';
import { WriteSideModule } from '../write-side/write-side.module';
import { Callers } from './callers';
import { LinkLoginHandler } from './link-login';
import { LoginsController } from './logins.controller';
import { MeController } from './me.controller';
import { MeService } from './me.service';

/** Who the caller is: logins linked to people, GET /me, the caller's person for "my" lists, and the caller's scope. */
@Global()
@Module({
  imports: [WriteSideModule],
  controllers: [MeController, LoginsController],
  providers: [Callers, Scopes, CommandScope, MeService, LinkLoginHandler, { provide: APP_GUARD, useClass: ScopeGuard }],
  exports: [Callers, Scopes, CommandScope],
})
export class MeModule {}
