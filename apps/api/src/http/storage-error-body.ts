import { DamagedEventError } from '@crm/event-store';
import { DamagedKeyError } from '@crm/privacy';
import { StorageError, StorageFault } from '@crm/storage';
import { basename } from 'node:path';
import { ErrorBody } from './error-body';

/** Seconds a client is asked to wait before retrying a write the storage refused (the Retry-After header). */
export const STORAGE_RETRY_AFTER_SECONDS = 30;

const ANSWER: Record<StorageFault, { statusCode: number; code: string; cause: string }> = {
  full: { statusCode: 507, code: 'storage_full', cause: 'the disk is full' },
  read_only: { statusCode: 503, code: 'storage_read_only', cause: 'the storage is read-only' },
  io: { statusCode: 503, code: 'storage_io_error', cause: 'the disk reported an I/O error' },
  cannot_open: { statusCode: 503, code: 'storage_unavailable', cause: 'a data file cannot be opened' },
  gone: { statusCode: 503, code: 'storage_unavailable', cause: 'a data file was deleted or replaced while in use' },
  damaged: { statusCode: 503, code: 'storage_damaged', cause: 'a data file is damaged' },
};

const STORE_OF_FILE: Record<string, string> = { 'events.sqlite': 'event log', 'read-models.sqlite': 'read store', 'keys.sqlite': 'key store' };

/**
 * Answers for the storage failing under a request (docs/operations.md, "Faults"): the client learns what is wrong
 * and that nothing was written, not where the files are. Undefined for any other error.
 */
export function storageErrorBody(error: unknown): ErrorBody | undefined {
  if (error instanceof StorageError) {
    const { statusCode, code, cause } = ANSWER[error.fault];
    const store = STORE_OF_FILE[basename(error.file)] ?? 'storage';
    return { statusCode, code, message: `${cause} (${store}): nothing was written; try again later` };
  }
  if (error instanceof DamagedEventError) {
    return {
      statusCode: 503,
      code: 'event_damaged',
      message: `a stored event of this record is damaged (position ${error.position}); an operator must restore or quarantine it`,
      streamId: error.streamId,
      position: error.position,
    };
  }
  if (error instanceof DamagedKeyError) {
    return { statusCode: 503, code: 'key_damaged', message: 'a data key this record needs is damaged; an operator must restore the key store' };
  }
  return undefined;
}

/** Refusals that pass by themselves once space is freed or the disk is back (a damaged record needs an operator). */
const PASSING = new Set(['storage_full', 'storage_read_only', 'storage_io_error', 'storage_unavailable']);

/** The Retry-After seconds for an answer: a storage refusal that passes once space is freed or the disk is back. */
export function retryAfterOf(body: ErrorBody): number | undefined {
  return PASSING.has(body.code) ? STORAGE_RETRY_AFTER_SECONDS : undefined;
}
