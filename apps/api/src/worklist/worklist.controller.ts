import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { normaliseDate } from '@crm/domain';
import { Inject } from '@nestjs/common';
import { Settings, SETTINGS } from '../config/settings';
import { Access } from '../auth/access.decorators';
import { CurrentUser } from '../auth/current-user';
import { AuthenticatedUser } from '../auth/token-verifier';
import { QueryDoc } from '../http/api-doc';
import { AsOf } from '../http/as-of';
import { WorklistResponse } from '../people/people.response';
import { CsvExport } from '../http/csv-export';
import { Callers } from '../me/callers';
import { MinPositionGuard } from '../read-side/min-position.guard';
import { PeopleQueries } from '../people/queries/people-queries.service';
import { WorklistQueryDto } from './worklist.query.dto';
import { CallerScope } from '../scope/caller-scope';
import { Scope } from '../scope/scope';

@ApiTags('worklist')
@UseGuards(MinPositionGuard)
@Access('read')
@Controller('worklist')
export class WorklistController {
  constructor(
    private readonly people: PeopleQueries,
    private readonly callers: Callers,
    @Inject(SETTINGS) private readonly settings: Pick<Settings, 'timeZone'>,
  ) {}

  @Get()
  @QueryDoc({
    operationId: 'getWorklist',
    summary:
      "The actions due on the partnerships where the person is a school-side contact, most urgent first (SPEC §3.5); without personId the caller's own (404 login_not_linked when the login is linked to nobody)",
    ok: WorklistResponse,
    errors: { 404: ['person_not_found', 'login_not_linked'] },
  })
  @CsvExport((body) => body.items)
  async worklist(@Query() query: WorklistQueryDto, @AsOf() asOf: string, @CurrentUser() user: AuthenticatedUser, @CallerScope() scope: Scope) {
    const personId = query.personId ?? (await this.callers.requirePersonId(user, 'worklist'));
    // A date is the start of that day in TIME_ZONE (SPEC §1 R2): dueBefore=<next Monday> is "this week".
    const dueBefore = query.dueBefore === undefined ? undefined : normaliseDate(query.dueBefore, 'dueBefore', this.settings.timeZone);
    return this.people.worklist(scope, personId, asOf, dueBefore);
  }
}
