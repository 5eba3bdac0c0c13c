import { ExpectedRevision, WrongExpectedRevisionError } from './event-store.port';

/** `actual` is the revision of the stream's last event, -1 when the stream does not exist. */
export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, actual: number): void {
  const ok = expected === 'any' || (expected === 'no_stream' ? actual === -1 : actual === expected);
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual < 0 ? 'no_stream' : actual);
}
