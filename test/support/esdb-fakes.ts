import type { AllStreamSubscription, StreamingRead, SubscribeToAllOptions } from '@eventstore/db-client';
import { Readable } from 'node:stream';

/**
 * Test doubles for the EventStoreDB client's calls, below the client's own code: a fake gRPC response stream fed to
 * the client's real Subscription class (so checkpoints, caught-up messages and events go through its transform as
 * they would from a server), and reads of $all. Not a server: what the server sends is what a test says it sends.
 */

// The client's subscription Transform; not exported by the package's index, so taken from its file.
const { Subscription } = require('@eventstore/db-client/dist/streams/utils/Subscription') as {
  Subscription: new (
    createGRPCStream: () => Promise<Readable>,
    convert: (event: FakeEvent) => unknown,
    options: object,
    checkpointReached?: unknown,
  ) => AllStreamSubscription;
};

/** An event as the fake server sends it; what is left out gets a plain default. */
export interface FakeEvent {
  commit: number;
  streamId: string;
  type: string;
  id?: string;
  revision?: number;
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/** One message of a server's read response, as the client's generated code exposes it. */
export type ServerMessage = Record<string, () => unknown>;

export const eventMessage = (commit: number, streamId = 'person-1', type = 'PersonRegistered'): ServerMessage => fullEventMessage({ commit, streamId, type });

export const fullEventMessage = (event: FakeEvent): ServerMessage => ({ hasEvent: () => true, getEvent: () => event });

export const checkpointMessage = (commit: number): ServerMessage => ({
  hasCheckpoint: () => true,
  getCheckpoint: () => ({ getCommitPosition: () => String(commit), getPreparePosition: () => String(commit) }),
});

export const caughtUpMessage = (): ServerMessage => ({ hasCaughtUp: () => true });

export function recordedEvent({ commit, streamId, type, id, revision = 0, data = {}, metadata = {} }: FakeEvent) {
  return {
    event: {
      id: id ?? `00000000-0000-4000-8000-${String(commit).padStart(12, '0')}`,
      streamId,
      type,
      revision: BigInt(revision),
      isJson: true,
      data,
      metadata,
      created: new Date(0),
      position: { commit: BigInt(commit), prepare: BigInt(commit) },
    },
  };
}

/** A server call: the messages given, then (unless `open`) the end of the call; cancel() is counted. */
export class FakeCall extends Readable {
  cancelled = 0;
  constructor(messages: ServerMessage[], open = false) {
    super({ objectMode: true, read() {} });
    for (const message of messages) this.push(message);
    if (!open) this.push(null);
  }
  cancel(): void {
    this.cancelled += 1;
  }
}

/** A client whose subscribeToAll answers each call with the next fake call, recording the options it was given. */
export class FakeSubscribingClient {
  readonly options: SubscribeToAllOptions[] = [];
  readonly calls: FakeCall[] = [];
  constructor(private readonly next: (options: SubscribeToAllOptions, index: number) => FakeCall) {}

  subscribeToAll = (options: SubscribeToAllOptions = {}): AllStreamSubscription => {
    const call = this.next(options, this.options.length);
    this.options.push(options);
    this.calls.push(call);
    return new Subscription(() => Promise.resolve(call), recordedEvent, {}, options.filter?.checkpointReached);
  };
}

/** A read of $all (the client's StreamingRead) giving events at these positions. */
export function fakeRead(commits: number[]): StreamingRead<unknown> {
  const read = Readable.from(commits.map((commit) => recordedEvent({ commit, streamId: 'person-1', type: 'PersonRegistered' }))) as unknown as StreamingRead<unknown>;
  read.cancel = async () => undefined;
  return read;
}
