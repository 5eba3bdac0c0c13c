import { EventStore, readPages } from '@crm/event-store';
import { followTogether } from './follow-together';
import type { ProjectionRunner } from './projection-runner';

/** Events read from the log at a time while catching up. */
const PAGE = 1_000;

/**
 * Catches several runners up with the log by reading it once, page by page, for all of them: at start, and for a
 * rebuild from position 0. (A subscription per runner would read, decrypt and parse the whole log once per
 * projection, one event at a time.) The pages come from EventStore.readPages: on SQLite a long read is read ahead
 * in a worker thread while the runners apply the page before, so a rebuild uses a second core. Pages stay small: a
 * large one outlives the garbage collector's young generation and costs more than it saves. Each runner skips what it
 * has already applied. When a page comes back short the log has been read, and the runners follow it live through one
 * subscription (followTogether), which also delivers anything appended meanwhile. Never rejects: a failed read stops
 * the runners with that error.
 */
export async function catchUpTogether(events: EventStore, runners: readonly ProjectionRunner[], pageSize = PAGE): Promise<void> {
  // Each runner's run: one that failed and restarted meanwhile catches up on its own, and is dropped from here.
  const runs = new Map(runners.map((runner) => [runner, runner.run]));
  const current = (runner: ProjectionRunner) => !runner.isStopped && runner.run === runs.get(runner);
  let active = runners.filter(current);
  if (active.length === 0) return;
  const after = Math.min(...active.map((runner) => runner.appliedPosition));
  try {
    for await (const page of readPages(events, after, pageSize)) {
      // Between pages the event loop gets a turn: the queries a process answers meanwhile (from the live
      // generation, during a rebuild) are not held up until the whole log has been read.
      await new Promise(setImmediate);
      for (const runner of active) await runner.catchUp(page, runs.get(runner));
      active = active.filter(current);
      if (active.length === 0) break;
    }
  } catch (error) {
    await Promise.all(active.filter(current).map((runner) => runner.failReading(error as Error, runs.get(runner))));
    return;
  }
  followTogether(events, active.filter(current).map((runner) => [runner, runs.get(runner)!] as const));
}
