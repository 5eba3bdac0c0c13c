/** The SQLite event log file is damaged or is not a SQLite database; the store refuses to open it. */
export class EventLogCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`event log ${file} is corrupt or not a SQLite database (${detail}); restore it from a backup or move it aside`);
    this.name = 'EventLogCorruptError';
  }
}
