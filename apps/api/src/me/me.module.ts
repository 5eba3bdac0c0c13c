import { Global, Module } from '@nestjs/common';
import { WriteSideModule } from '../write-side/write-side.module';
import { Callers } from './callers';
import { LinkLoginHandler } from './link-login';
import { LoginsController } from './logins.controller';
import { MeController } from './me.controller';
import { MeService } from './me.service';

/** Who the caller is: logins linked to people, GET /me, and the caller's person for "my" lists. */
@Global()
@Module({
  imports: [WriteSideModule],
  controllers: [MeController, LoginsController],
  providers: [Callers, MeService, LinkLoginHandler],
  exports: [Callers],
})
export class MeModule {}
