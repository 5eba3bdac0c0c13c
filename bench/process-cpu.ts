import { readFileSync } from 'node:fs';

/**
 * User + system CPU time of a process so far, in ms (Linux /proc; NaN elsewhere). Clock ticks are 10 ms on Linux. On a
 * machine shared with other work, wall time counts the waits for a core too; CPU time does not.
 */
export function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
