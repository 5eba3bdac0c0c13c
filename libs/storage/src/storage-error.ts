/**
 * What went wrong with a data file, in words an operator acts on, whatever the store (SQLite, the file system):
 * - `full`: no space left (SQLITE_FULL, ENOSPC)
 * - `read_only`: the file or its file system no longer takes writes (SQLITE_READONLY*, EROFS, EACCES)
 * - `io`: the disk failed a read or write (SQLITE_IOERR*, EIO)
 * - `cannot_open`: the file cannot be opened or created (SQLITE_CANTOPEN, ENOTDIR, …)
 * - `gone`: the file (or its directory) was deleted or replaced while the process had it open
 * - `damaged`: the file is not a valid database (SQLITE_CORRUPT*, SQLITE_NOTADB)
 */
export type StorageFault = 'full' | 'read_only' | 'io' | 'cannot_open' | 'gone' | 'damaged';

const DESCRIPTION: Record<StorageFault, string> = {
  full: 'disk full',
  read_only: 'read-only',
  io: 'disk I/O error',
  cannot_open: 'cannot open',
  gone: 'removed or replaced',
  damaged: 'damaged',
};

/** A data file refused a read or write: names the file and the cause. Nothing of the failed write is stored. */
export class StorageError extends Error {
  constructor(
    readonly fault: StorageFault,
    readonly file: string,
    /** The underlying error, e.g. `SQLITE_FULL: database or disk is full`. */
    readonly detail: string,
  ) {
    super(`${file}: ${DESCRIPTION[fault]} (${detail})`);
    this.name = 'StorageError';
  }
}

const SQLITE_FAULTS: [RegExp, StorageFault][] = [
  [/^SQLITE_FULL/, 'full'],
  [/^SQLITE_READONLY/, 'read_only'],
  [/^SQLITE_IOERR/, 'io'],
  [/^SQLITE_CANTOPEN/, 'cannot_open'],
  [/^(SQLITE_CORRUPT|SQLITE_NOTADB)/, 'damaged'],
];

const SYSTEM_FAULTS: Record<string, StorageFault> = {
  ENOSPC: 'full',
  EDQUOT: 'full',
  EROFS: 'read_only',
  EACCES: 'read_only',
  EPERM: 'read_only',
  EIO: 'io',
  ENOENT: 'cannot_open',
  ENOTDIR: 'cannot_open',
  EISDIR: 'cannot_open',
};

/** The fault an error from SQLite or the file system stands for; undefined for any other error. */
export function storageFaultOf(error: unknown): StorageFault | undefined {
  if (error instanceof StorageError) return error.fault;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  return SQLITE_FAULTS.find(([pattern]) => pattern.test(code))?.[1] ?? SYSTEM_FAULTS[code];
}

/** `error` as a StorageError naming `file` when it is a storage fault; otherwise `error` itself. */
export function asStorageError(error: unknown, file: string): unknown {
  if (error instanceof StorageError) return error;
  const fault = storageFaultOf(error);
  if (!fault) return error;
  const { code, message } = error as { code: string; message?: string };
  return new StorageError(fault, file, message && !message.includes(code) ? `${code}: ${message}` : (message ?? code));
}
