import { Scope } from '../scope/scope';

/** What every command carries besides its payload: who, why, and the client's concurrency and retry guards. */
export interface CommandEnvelope {
  recordedBy: string;
  /** Whose records the caller may act on (SPEC §6 R2): not stored with the events. */
  scope: Scope;
  /** The person the token says the caller is (its person claim), when it says so. */
  recordedByPerson?: string;
  correlationId: string;
  /** Id of the request (or event) that caused this command. */
  causationId: string;
  /** From If-Match: the stream revision the client saw. */
  expectedRevision?: number;
  /** From Idempotency-Key, with a fingerprint of the request it came with. */
  idempotency?: { key: string; fingerprint: string };
}

/** The answer to every command (SPEC §4). */
export interface CommandResult {
  id: string;
  revision: number;
  position: number;
}
