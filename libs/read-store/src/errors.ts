/** The read-model SQLite file is damaged or is not a SQLite database; the store refuses to open it. */
export class ReadStoreCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(
      `read-model store ${file} is corrupt or not a SQLite database (${detail}); ` +
        'delete it (read models are rebuilt from the event log) or restore it from a backup',
    );
    this.name = 'ReadStoreCorruptError';
  }
}

/**
 * Another connection holds the read-model file. The embedded store keeps every document in memory, so a second
 * writer (another process, or a second store in this one) would leave the first serving stale documents.
 */
export class ReadStoreInUseError extends Error {
  constructor(readonly file: string) {
    super(`read-model store ${file} is already open in another process or by another store in this process`);
    this.name = 'ReadStoreInUseError';
  }
}

/** A commit, drop or query argument the store will not apply; a rejected commit changes nothing. */
export class InvalidReadStoreInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReadStoreInputError';
  }
}
