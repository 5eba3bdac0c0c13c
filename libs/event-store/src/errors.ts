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

/**
 * One stored event cannot be trusted: its checksum does not match what is stored, or its data is not valid JSON.
 * Names the file, the stream and the position, so it can be restored or quarantined (docs/operations.md).
 */
export class DamagedEventError extends Error {
  constructor(
    readonly file: string,
    readonly position: number,
    readonly streamId: string,
    readonly detail: string,
  ) {
    super(`event at position ${position} of stream ${streamId} in ${file} is damaged (${detail})`);
    this.name = 'DamagedEventError';
  }
}
