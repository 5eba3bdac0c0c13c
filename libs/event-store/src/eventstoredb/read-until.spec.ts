import type { StreamingRead } from '@eventstore/db-client';
import { Readable } from 'node:stream';
import { READ_DEADLINE_MS, ReadDeadlineError, readUntil } from './read-until';

type Recorded<T> = StreamingRead<T> & { cancelled: number };

/** A read whose cancel() records that the server call would have been cancelled. */
function recording<T>(read: Readable): Recorded<T> {
  const recorded = read as unknown as Recorded<T>;
  recorded.cancelled = 0;
  recorded.cancel = async () => void recorded.cancelled++;
  return recorded;
}

const readOf = <T>(items: T[]) => recording<T>(Readable.from(items));
/** A read whose server never answers: nothing arrives and it never ends. */
const silentRead = () => recording<number>(new Readable({ objectMode: true, read() {} }));

describe('readUntil (EventStoreDB reads)', () => {
  it('cancels the server call when the caller stops before the end of the read', async () => {
    const read = readOf([1, 2, 3, 4]);
    const seen: number[] = [];
    await readUntil(read, (n) => (seen.push(n), n === 2));
    expect(seen).toEqual([1, 2]);
    expect(read.cancelled).toBe(1);
  });

  it('leaves a read that ran to its end alone (the server already closed the call)', async () => {
    const read = readOf([1, 2, 3]);
    const seen: number[] = [];
    await readUntil(read, (n) => void seen.push(n));
    expect(seen).toEqual([1, 2, 3]);
    expect(read.cancelled).toBe(0);
  });

  it('cancels the call when visiting an item throws, and passes the error on', async () => {
    const read = readOf([1, 2]);
    await expect(
      readUntil(read, () => {
        throw new Error('bad event');
      }),
    ).rejects.toThrow('bad event');
    expect(read.cancelled).toBe(1);
  });

  it('gives up on a read the server never finishes at its deadline, cancelling the call (the client sets none on reads)', async () => {
    const read = silentRead();
    await expect(readUntil(read, () => undefined, 20)).rejects.toBeInstanceOf(ReadDeadlineError);
    expect(read.cancelled).toBe(1);
    expect(read.destroyed).toBe(true);
  });

  it('has a deadline of 30 s unless told otherwise', async () => {
    jest.useFakeTimers();
    try {
      const read = silentRead();
      const result = readUntil(read, () => undefined).catch((error: unknown) => error);
      await jest.advanceTimersByTimeAsync(READ_DEADLINE_MS - 1);
      expect(read.cancelled).toBe(0);
      await jest.advanceTimersByTimeAsync(1);
      expect(await result).toBeInstanceOf(ReadDeadlineError);
      expect(READ_DEADLINE_MS).toBe(30_000);
    } finally {
      jest.useRealTimers();
    }
  });
});
