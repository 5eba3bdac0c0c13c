import { NotLeaderError, UnavailableError, WrongExpectedVersionError } from '@eventstore/db-client';
import { ReadDeadlineError } from './read-until';
import { RETRY_DELAYS_MS, withRetries } from './transient-errors';

// The client's error classes take a gRPC error; what matters here is their class, as the adapter tests it.
const a = <T>(ErrorClass: new (...args: never[]) => T): T => Object.create(ErrorClass.prototype) as T;

describe('EventStoreDB retries', () => {
  it('sends a write again after a failover error (the node left, or lost its leadership) until it succeeds', async () => {
    const errors = [a(UnavailableError), a(NotLeaderError), new ReadDeadlineError(30_000)];
    const waited: number[] = [];
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls++;
        const error = errors.shift();
        if (error) throw error;
        return 'written';
      },
      async (ms) => void waited.push(ms),
    );
    expect(result).toBe('written');
    expect(calls).toBe(4);
    expect(waited).toEqual([250, 500, 1000]);
  });

  it('does not retry an answer from the server, such as a revision mismatch', async () => {
    let calls = 0;
    const mismatch = a(WrongExpectedVersionError);
    await expect(
      withRetries(async () => {
        calls++;
        throw mismatch;
      }, async () => undefined),
    ).rejects.toBe(mismatch);
    expect(calls).toBe(1);
  });

  it('gives up after waiting longer than a leader election, with the last error', async () => {
    let calls = 0;
    const waited: number[] = [];
    await expect(
      withRetries(async () => {
        calls++;
        throw a(UnavailableError);
      }, async (ms) => void waited.push(ms)),
    ).rejects.toBeInstanceOf(UnavailableError);
    expect(calls).toBe(RETRY_DELAYS_MS.length + 1);
    expect(waited.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThan(12_000);
  });
});
