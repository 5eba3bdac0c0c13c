import { asStorageError, StorageError } from './storage-error';

/**
 * The last write failure of each data file, kept until a write to it succeeds again, so /health can say which
 * store refuses writes and why (its read probes still succeed on a full or read-only disk). Keyed by file path,
 * shared by every store in the process.
 */
const faults = new Map<string, StorageError>();

export const storageHealth = {
  /** A write to `error.file` failed. */
  failed(error: StorageError): void {
    faults.set(error.file, error);
  },
  /** A write to `file` succeeded: whatever failed before is gone. */
  succeeded(file: string): void {
    if (faults.size > 0) faults.delete(file);
  },
  /** The write failure `file` is known for, if any. */
  faultOf(file: string): StorageError | undefined {
    return faults.get(file);
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
