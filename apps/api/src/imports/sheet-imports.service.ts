import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@crm/event-store';
import { PROJECTIONS, ProjectionsView } from '@crm/read-models';
import { Settings, SETTINGS } from '../config/settings';
import { ReadModels } from '../read-side/read-models.service';
import { Scope } from '../scope/scope';
import { AggregateRepository } from '../write-side/aggregate-repository';
import { CommandEnvelope } from '../write-side/command-envelope';
import { CommandExecutor } from '../write-side/command-executor';
import { UnitOfWork } from '../write-side/unit-of-work';
import { HeaderError, matchHeaders } from './header-matching';
import { ExistingRecords, planImport } from './import-plan';
import { ImportReport, ImportRowReport, summarise } from './import-report';
import { SheetError } from './sheet-errors';
import { readSheet } from './sheet-reader';

/** Thrown inside the commit's plan when a row is refused: the append never happens. */
class RowsRefused extends Error {}

/**
 * SPEC §8: a sheet of organisations, people and partnerships through the domain rules. A dry run plans every row and
 * writes nothing; a commit plans the same and appends every row's events in one append (one SQLite transaction), or,
 * when any row is refused, nothing. Rows are matched against what exists, so the same sheet again writes nothing.
 */
@Injectable()
export class SheetImports {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly repository: AggregateRepository,
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: ProjectionsView,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async import(bytes: Buffer, options: { dryRun: boolean; mapping?: Record<string, string> }, envelope: CommandEnvelope): Promise<ImportReport> {
    const sheet = await readSheet(bytes);
    let headers;
    try {
      headers = matchHeaders(sheet.headers, options.mapping);
    } catch (error) {
      if (error instanceof HeaderError) throw new SheetError(422, error.code, error.message);
      throw error;
    }
    const existing = await this.existing(envelope.scope);
    const report = (rows: ImportRowReport[], committed: boolean, position: number | null): ImportReport => ({
      dryRun: options.dryRun,
      committed,
      position,
      ignoredColumns: headers.ignored,
      summary: summarise(rows),
      rows,
      errors: rows.flatMap((row) => row.errors),
    });

    if (options.dryRun) {
      const work = new UnitOfWork({ now: new Date().toISOString(), timeZone: this.settings.timeZone, load: (streamId, decider) => this.repository.load(streamId, decider) });
      return report(await planImport(work, sheet, headers, existing), false, null);
    }
    let rows: ImportRowReport[] = [];
    let written = false;
    try {
      // An import is idempotent by what it matches; an Idempotency-Key would only hide a second sheet.
      const result = await this.executor.run({ ...envelope, idempotency: undefined, expectedRevision: undefined }, async (tools) => {
        const work = new UnitOfWork(tools);
        rows = await planImport(work, sheet, headers, existing);
        if (rows.some((row) => row.outcome === 'refused')) throw new RowsRefused();
        const writes = work.writes();
        written = writes.some((write) => write.events.length > 0);
        return { resultId: 'import', writes };
      });
      return report(rows, true, written ? result.position : null);
    } catch (error) {
      if (error instanceof RowsRefused) return report(rows, false, null);
      throw error;
    }
  }

  /** What the read models hold, once they have caught up with the log (so a second import sees the first). */
  private async existing(scope: Scope): Promise<ExistingRecords> {
    const head = await this.store.headPosition();
    if (!(await this.projections.waitFor(head, this.settings.minPositionWaitMs))) {
      throw new ServiceUnavailableException({ statusCode: 503, code: 'read_models_behind', message: 'the read models are catching up with the log; try the import again in a moment' });
    }
    const [organisations, people, partnerships] = await Promise.all([this.readModels.organisations(scope), this.readModels.people(scope), this.readModels.partnerships(scope)]);
    return {
      organisations,
      people,
      partnerships: partnerships.map((p) => ({ partnershipId: p.partnershipId, schoolId: p.schoolId, partnerId: p.partnerId, ended: p.endedAt !== undefined && p.endedAt !== null })),
    };
  }
}
