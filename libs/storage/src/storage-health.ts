import { closeSync, fsyncSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileIdentity } from './file-identity';
import { asStorageError, StorageError } from './storage-error';

/**
 * The last write failure of each data file, kept until a write to it succeeds again, so /health can say which
 * store refuses writes and why (its read probes still succeed on a full or read-only disk); and the identity of
 * each file opened, to notice it deleted or replaced. Keyed by file path, shared by every store in the process.
 */
const faults = new Map<string, StorageError>();
const identities = new Map<string, FileIdentity>();

/** Bytes the health probe writes (and syncs) beside a file that failed a write: room for a few commits. */
const PROBE_BYTES = 64 * 1024;

export const storageHealth = {
  /** A write to `error.file` failed. */
  failed(error: StorageError): void {
    faults.set(error.file, error);
  },
  /** A write to `file` succeeded: whatever failed before is gone. */
  succeeded(file: string): void {
    if (faults.size > 0) faults.delete(file);
  },
  /** Checks `identity` whenever the file's health is asked for. */
  watch(identity: FileIdentity): void {
    identities.set(identity.file, identity);
  },
  /**
   * Why writes to `file` fail now, if they do: the file was deleted or replaced, or its last write failed and a
   * probe (a small file written and synced beside it) fails too. When the probe succeeds (space was freed, the
   * file system is writable again), the remembered failure is forgotten: the next real write tells again.
   */
  problemOf(file: string): StorageError | undefined {
    try {
      identities.get(file)?.check();
    } catch (error) {
      return error as StorageError;
    }
    const fault = faults.get(file);
    if (!fault || fault.fault === 'gone' || fault.fault === 'damaged') return fault;
    const probe = join(dirname(file), '.write-probe');
    try {
      const fd = openSync(probe, 'w');
      try {
        writeSync(fd, Buffer.alloc(PROBE_BYTES));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
        unlinkSync(probe);
      }
    } catch {
      try {
        unlinkSync(probe);
      } catch {
        // not created
      }
      return fault;
    }
    faults.delete(file);
    return undefined;
  },
};

/**
 * Runs a write against `file`: a storage fault is thrown as a StorageError naming the file (and remembered for
 * /health), success clears what was remembered.
 */
export function writing<T>(file: string, write: () => T): T {
  let result: T;
  try {
    result = write();
  } catch (error) {
    throw noted(error, file);
  }
  storageHealth.succeeded(file);
  return result;
}

/** `error` as a StorageError naming `file` when it is a storage fault (and then remembered for /health). */
export function noted(error: unknown, file: string): unknown {
  const mapped = asStorageError(error, file);
  if (mapped instanceof StorageError) storageHealth.failed(mapped);
  return mapped;
}
