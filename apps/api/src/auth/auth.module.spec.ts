import { Controller, Get, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { settingsFromEnv } from '../config/settings';
import { SettingsModule } from '../config/settings.module';
import { Access, Public } from './access.decorators';
import { AuthModule } from './auth.module';

/** Routes that are in ROUTE_RULES with these classes: GET /people (read), POST /people/:id/erasure (erasure). */
@Access('read')
@Controller('people')
class DeclaredController {
  @Get() list() {}
  @Post(':id/erasure') @Access('erasure') erase() {}
}

@Controller('mixed')
class MixedController {
  @Get('open') @Public() open() {}
  @Get('covered') @Access('reports') covered() {}
  @Get('forgotten') forgotten() {}
  helper() {}
}

/** A route with an @Access class but no row in ROUTE_RULES. */
@Access('read')
@Controller('people')
class UnruledController {
  @Get(':id/salary') salary() {}
}

/** A route whose @Access names another class than its row (GET /audit is `audit`). */
@Controller('audit')
class MisclassedController {
  @Get() @Access('read') list() {}
}

describe('AuthModule', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-auth-module-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const start = async (controllers: unknown[]) => {
    const moduleRef = await Test.createTestingModule({
      imports: [SettingsModule.forRoot({ ...settingsFromEnv({}), dataDir, auth: { jwtSecret: 's'.repeat(32) } }), AuthModule],
      controllers: controllers as never[],
    }).compile();
    await moduleRef.init();
    return moduleRef.close();
  };

  it('starts when every route is @Public() or has an @Access class (on the handler or its controller)', async () => {
    await expect(start([DeclaredController])).resolves.toBeUndefined();
  });

  it('refuses to start when a route has neither, naming it; methods that are not routes do not count', async () => {
    await expect(start([DeclaredController, MixedController])).rejects.toThrow(/routes without an access rule .*: MixedController\.forgotten$/);
  });

  it('refuses to start when a route has no row in ROUTE_RULES, naming it', async () => {
    await expect(start([DeclaredController, UnruledController])).rejects.toThrow(/without a matching row in ROUTE_RULES .*: GET \/people\/:id\/salary \(UnruledController\.salary: @Access\('read'\), table: no row\)$/);
  });

  it('refuses to start when a route’s @Access names another class than its row', async () => {
    await expect(start([MisclassedController])).rejects.toThrow(/GET \/audit \(MisclassedController\.list: @Access\('read'\), table: audit\)$/);
  });
});
