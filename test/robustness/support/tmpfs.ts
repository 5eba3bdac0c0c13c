import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small tmpfs of its own: a disk that really fills up. Needs root (mount). */
export interface Tmpfs {
  dir: string;
  unmount(): void;
}

/** Mounts a tmpfs of `sizeMiB`, or answers why it cannot (not root, no mount in a container) for a skip. */
export function mountTmpfs(sizeMiB: number): Tmpfs | { unavailable: string } {
  const dir = mkdtempSync(join(tmpdir(), 'crm-tmpfs-'));
  const mount = (...args: string[]) => execFileSync('mount', args, { stdio: 'pipe' });
  try {
    if (process.getuid?.() !== 0) throw new Error('not running as root');
    mount('-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const output = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return { unavailable: `cannot mount a tmpfs (${output || (error as Error).message})` };
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
