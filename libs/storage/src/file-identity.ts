import { statSync } from 'node:fs';
import { StorageError } from './storage-error';
import { storageHealth } from './storage-health';

/**
 * Remembers which file (device and inode) a store opened, to notice when it is deleted or replaced underneath the
 * open connection (a deleted DATA_DIR, a file restored by copying over it). SQLite goes on writing to the open,
 * unlinked file without an error: every write would be lost at the next start.
 */
export class FileIdentity {
  private readonly dev: number;
  private readonly ino: number;

  constructor(readonly file: string) {
    const stat = statSync(file);
    this.dev = stat.dev;
    this.ino = stat.ino;
    storageHealth.watch(this);
  }

  /** Throws StorageError `gone` when the path no longer leads to the file that was opened. */
  check(): void {
    let stat;
    try {
      stat = statSync(this.file, { throwIfNoEntry: false });
    } catch (error) {
      throw new StorageError('gone', this.file, `cannot be reached: ${(error as Error).message}`);
    }
    if (!stat) throw new StorageError('gone', this.file, 'the file or its directory was deleted while open; restart to open it again');
    if (stat.dev !== this.dev || stat.ino !== this.ino) {
      throw new StorageError('gone', this.file, 'another file now has this name; restart to open it');
    }
  }
}
