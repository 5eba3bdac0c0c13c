import type { INestApplication } from '@nestjs/common';
import { DamagedEventError, EVENT_STORE, EventStore } from '@crm/event-store';
import { DataKeyMissingError } from '@crm/privacy';
import { PROJECTIONS, ProjectionsView } from '@crm/read-models';
import { join } from 'node:path';
import { Settings } from '../config/settings';
import { EVENT_LOG_CHECK, EventLogCheck } from '../infrastructure/event-store.module';

/**
 * The data files disagree with each other in a way only a truncated, replaced or restored-out-of-step file explains.
 * The API refuses to start rather than serve from them.
 */
export class DataIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataIntegrityError';
  }
}

export interface DataFiles {
  log: string;
  readModels: string;
  keys: string;
  /** The embedded log: positions 1, 2, 3, … */
  contiguousPositions: boolean;
}

/** Where each store keeps its data, for messages. */
export function dataFilesOf(settings: Pick<Settings, 'dataDir' | 'eventStoreUrl' | 'mongodbUrl'>): DataFiles {
  return {
    log: settings.eventStoreUrl ? 'EventStoreDB' : join(settings.dataDir, 'events.sqlite'),
    readModels: settings.mongodbUrl ? 'MongoDB' : join(settings.dataDir, 'read-models.sqlite'),
    keys: settings.mongodbUrl ? 'MongoDB data_keys' : join(settings.dataDir, 'keys.sqlite'),
    contiguousPositions: !settings.eventStoreUrl,
  };
}

/** How many events at each end of the log are read back (and so decrypted) at start. */
const SAMPLE = 50;

/**
 * Checks, at start, what SQLite's own integrity check cannot see, because each file on its own is a valid database:
 *
 * - The log is at least as long as the read models say they have read. An event log truncated to nothing (0 bytes is
 *   a valid empty database) or replaced by an older copy would otherwise be served: the read models would answer
 *   from events that no longer exist, and new events, numbered from the old head again, would be skipped by
 *   projections whose checkpoints are already past them.
 * - The keys the log was encrypted with are there: the first and last events are read back through the decrypting
 *   store, so an emptied or foreign key store (keys.sqlite) fails here, with DataKeyMissingError naming the
 *   subject, and not later in a rebuild (or by writing new keys beside ciphertext nobody can read any more).
 */
export async function checkDataIntegrity(app: INestApplication, files: DataFiles): Promise<void> {
  // SQLite's own check of every page of the embedded log, started when the log was opened.
  const damaged = await app.get<EventLogCheck>(EVENT_LOG_CHECK).failure;
  if (damaged) throw damaged;
  const events = app.get<EventStore>(EVENT_STORE);
  const projections = app.get<ProjectionsView>(PROJECTIONS);
  // checkpoints first, head second: a projection running meanwhile only moves towards the head
  const ahead = projections.status().filter((status) => status.position > 0);
  const head = await events.headPosition();
  const beyond = ahead.filter((status) => status.position > head);
  if (beyond.length > 0) {
    const [first] = beyond;
    throw new DataIntegrityError(
      `the event log (${files.log}) ends at position ${head}, but the read models (${files.readModels}) have read up to ` +
        `position ${first.position} (${beyond.map((s) => s.name).join(', ')}): the log was truncated or replaced. ` +
        'Restore the log from a backup; only if this log is the right one, delete the read models to rebuild them from it.',
    );
  }
  if (head > 0) {
    // One damaged event does not stop the API: the projections stop at it and /health names it (see EventLogScan).
    const sample = (after: number) => events.readAll(after, SAMPLE).catch((error: unknown) => {
      if (error instanceof DamagedEventError) return [];
      throw error;
    });
    try {
      await sample(0);
      // the embedded log numbers events 1, 2, 3, …; EventStoreDB positions are byte offsets, read only from the start
      if (files.contiguousPositions) await sample(Math.max(0, head - SAMPLE));
    } catch (error) {
      if (!(error instanceof DataKeyMissingError)) throw error;
      throw new DataIntegrityError(
        `the key store (${files.keys}) has no key for ${error.subjectId}, which the event log (${files.log}) was encrypted with, ` +
          'and none was destroyed: the key store was truncated, replaced or restored out of step with the log. ' +
          'Restore it from the backup taken with the log; without it nothing personal in the log can be read.',
      );
    }
  }
}

/** Runs checkDataIntegrity on a started application and closes it (releasing its files) when the data is not sound. */
export async function assertDataIntegrity(app: INestApplication, files: DataFiles): Promise<void> {
  try {
    await checkDataIntegrity(app, files);
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
