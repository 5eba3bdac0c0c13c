import { DamagedEventError } from '@crm/event-store';
import { asStorageError } from '@crm/storage';
import { toErrorBody } from './errors.filter';
import { retryAfterOf } from './storage-error-body';

const sqlite = (code: string, message: string) => asStorageError(Object.assign(new Error(message), { code }), '/srv/crm/data/events.sqlite');

describe('storage errors answered', () => {
  it.each([
    ['SQLITE_FULL', 'database or disk is full', 507, 'storage_full'],
    ['SQLITE_READONLY', 'attempt to write a readonly database', 503, 'storage_read_only'],
    ['SQLITE_IOERR_WRITE', 'disk I/O error', 503, 'storage_io_error'],
    ['SQLITE_CANTOPEN', 'unable to open database file', 503, 'storage_unavailable'],
  ])('%s is %i %s with Retry-After, naming the store but not the path', (code, message, statusCode, answer) => {
    const body = toErrorBody(sqlite(code, message));
    expect(body).toMatchObject({ statusCode, code: answer });
    expect(body.message).toContain('event log');
    expect(body.message).not.toContain('/srv/crm');
    expect(retryAfterOf(body)).toBe(30);
  });

  it('names the file and the cause for the operator', () => {
    expect((sqlite('SQLITE_FULL', 'database or disk is full') as Error).message).toBe('/srv/crm/data/events.sqlite: disk full (SQLITE_FULL: database or disk is full)');
  });

  it('a damaged event is 503 event_damaged with its stream and position, and no Retry-After (it needs an operator)', () => {
    const body = toErrorBody(new DamagedEventError('/srv/crm/data/events.sqlite', 150, 'partnership-1', 'checksum mismatch'));
    expect(body).toMatchObject({ statusCode: 503, code: 'event_damaged', streamId: 'partnership-1', position: 150 });
    expect(retryAfterOf(body)).toBeUndefined();
  });

  it('any other error stays a bare internal error', () => {
    expect(toErrorBody(new Error('boom'))).toEqual({ statusCode: 500, code: 'internal_error', message: 'internal error' });
  });
});
