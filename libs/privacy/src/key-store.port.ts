import { DomainError } from '@crm/domain';

/**
 * Data keys for crypto-shredding (SPEC §6), held outside the event log. A subject is whose data a key protects:
 * `person:<id>` (a person's name, email, phone, departure reason) or `partnership:<id>` (free text of a
 * partnership). Destroying a subject's key makes every ciphertext made with it unreadable for good; the store
 * keeps a tombstone, so the subject never gets a new key and "erased" stays distinguishable from "never keyed".
 *
 * Two adapters pass test/contract/key-store.contract.ts: SQLite (`<DATA_DIR>/keys.sqlite`, embedded) and
 * MongoDB (collection `data_keys`, production).
 */
export interface KeyStore {
  /**
   * The subject's key, made (32 random bytes) and durably stored first when it has none. Throws
   * SubjectErasedError when the subject's key was destroyed. Concurrent calls for one subject get the same key.
   */
  getOrCreate(subjectId: string): Promise<Buffer>;

  /** The subject's key, or whether it was destroyed, or that it never had one. */
  get(subjectId: string): Promise<KeyLookup>;

  /**
   * Destroys the subject's key and leaves a tombstone; idempotent (a destroyed or never-keyed subject ends up
   * tombstoned too). Once it resolves, the key is gone from the store.
   */
  destroy(subjectId: string): Promise<void>;

  close(): Promise<void>;
}

export type KeyLookup = { status: 'active'; key: Buffer } | { status: 'destroyed'; destroyedAt: string } | { status: 'absent' };

/** Length of a data key: AES-256. */
export const KEY_BYTES = 32;

/** Subject ids: whose data a key protects. */
export const subjectOf = {
  person: (personId: string) => `person:${personId}`,
  partnership: (partnershipId: string) => `partnership:${partnershipId}`,
};

/** Nest injection token for the KeyStore port. */
export const KEY_STORE = Symbol('KEY_STORE');

/**
 * Personal data about a subject whose key is destroyed cannot be written any more (it could never be read, and
 * writing it in the clear would undo the erasure). A 422 like the domain's own `person_erased`.
 */
export class SubjectErasedError extends DomainError {
  constructor(readonly subjectId: string) {
    const [kind, id] = splitSubject(subjectId);
    super(
      // Only people are erased (POST /people/:id/erasure); any other subject's key gone is named as a subject.
      kind === 'person' ? 'person_erased' : 'subject_erased',
      `${kind} ${id} has been erased; personal data about them can no longer be recorded`,
      'rule',
      kind === 'person' ? { personId: id } : { subjectId },
    );
    this.name = 'SubjectErasedError';
  }
}

/** A ciphertext whose key is neither active nor destroyed: the key store is not the one the log was written with. */
export class DataKeyMissingError extends Error {
  constructor(readonly subjectId: string) {
    super(
      `no data key for ${subjectId}, and none was destroyed: the key store does not belong to this event log ` +
        '(check DATA_DIR / MONGODB_URL, or restore keys.sqlite / the data_keys collection from a backup)',
    );
    this.name = 'DataKeyMissingError';
  }
}

function splitSubject(subjectId: string): [string, string] {
  const colon = subjectId.indexOf(':');
  return colon < 0 ? ['subject', subjectId] : [subjectId.slice(0, colon), subjectId.slice(colon + 1)];
}

export function checkSubjectId(subjectId: string): void {
  if (typeof subjectId !== 'string' || !/^[a-z]+:\S+$/.test(subjectId)) throw new Error(`invalid key subject "${subjectId}"`);
}
