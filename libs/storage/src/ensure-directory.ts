import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StorageError } from './storage-error';

/**
 * Creates `dir` and its missing parents, or throws a StorageError naming it and the cause. (Node's
 * `mkdirSync(dir, { recursive: true })` spins for good on a path it cannot create under some file systems, e.g.
 * `/proc/x`; this walks the path itself.)
 */
export function ensureDirectory(dir: string): void {
  const path = resolve(dir);
  const missing: string[] = [];
  for (let at = path; ; at = dirname(at)) {
    const stat = statSync(at, { throwIfNoEntry: false });
    if (stat) {
      if (!stat.isDirectory()) throw new StorageError('cannot_open', path, `${at} is not a directory`);
      break;
    }
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const at of missing) {
    try {
      mkdirSync(at);
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      if (code === 'EEXIST' && statSync(at, { throwIfNoEntry: false })?.isDirectory()) continue;
      throw new StorageError(code === 'EROFS' ? 'read_only' : code === 'ENOSPC' ? 'full' : 'cannot_open', path, `cannot create the directory: ${message}`);
    }
  }
}
