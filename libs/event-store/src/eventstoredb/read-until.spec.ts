import type { StreamingRead } from '@eventstore/db-client';
import { Readable } from 'node:stream';
import { readUntil } from './read-until';

/** A read of these items whose cancel() records that the server call would have been cancelled. */
function readOf<T>(items: T[]): StreamingRead<T> & { cancelled: number } {
  const read = Readable.from(items) as unknown as StreamingRead<T> & { cancelled: number };
  read.cancelled = 0;
  read.cancel = async () => void read.cancelled++;
  return read;
}

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
});
