import { EventStore } from '@crm/event-store';
import type { ProjectionRunner } from './projection-runner';

/** What a runner following the log holds: leaving stops the deliveries to it (and closes the subscription if it was the last). */
export interface Following {
  leave(): Promise<void>;
}

/**
 * Runners that have caught up together follow the log live through one subscription: each event is read, checked,
 * decrypted and parsed once for all of them, not once per projection (five times for every command, and for every
 * event of a large import). Each event goes to the runners in turn, each awaited, and each skips what it has
 * already applied. A runner that fails leaves and restarts on its own (ProjectionRunner.fail); the others go on. The
 * subscription closes when the last runner has left: stopped, failed, or replaced by a rebuilt generation.
 *
 * `members`: each runner with the run it follows for (ProjectionRunner.run); a runner restarted since is not sent to.
 */
export function followTogether(events: EventStore, members: ReadonlyArray<readonly [ProjectionRunner, number]>): void {
  const following = new Map(members.filter(([runner, run]) => !runner.isStopped && runner.run === run));
  if (following.size === 0) return;
  const subscription = events.subscribe({
    from: Math.min(...[...following.keys()].map((runner) => runner.appliedPosition)),
    onEvent: async (event) => {
      for (const [runner, run] of following) {
        try {
          const waiting = runner.receive(event, run);
          if (waiting) await waiting;
        } catch (error) {
          runner.fail(error as Error, run);
        }
      }
    },
    onCaughtUp: () => {
      for (const [runner, run] of following) runner.caughtUpLive(run);
    },
    onError: (error) => {
      for (const [runner, run] of [...following]) runner.fail(error, run);
    },
  });
  for (const [runner, run] of following) {
    runner.followBy(run, {
      leave: async () => {
        if (!following.delete(runner)) return;
        if (following.size === 0) await subscription.close();
      },
    });
  }
}
