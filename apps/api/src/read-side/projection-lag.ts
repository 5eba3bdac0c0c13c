import { EventStore } from '@crm/event-store';
import { ProjectionsView, ProjectionStatus } from '@crm/read-models';

export interface ProjectionLag extends ProjectionStatus {
  lagEvents: number;
  /** How long ago the oldest event this projection has not committed was recorded; 0 when caught up. */
  lagMs: number;
}

/** How far each projection is behind the head of the log, in events and in time. */
export async function projectionLag(events: EventStore, engine: ProjectionsView): Promise<{ head: number; projections: ProjectionLag[] }> {
  const head = await events.headPosition();
  const projections = await Promise.all(
    engine.status().map(async (status) => {
      const lagEvents = Math.max(0, head - status.position);
      let lagMs = 0;
      if (lagEvents > 0) {
        // The oldest event not committed may be the damaged one the projection stopped at: its age is then unknown (0).
        const [oldest] = await events.readAll(status.position, 1).catch(() => []);
        const recordedAt = Date.parse(String(oldest?.metadata.recordedAt));
        lagMs = Number.isNaN(recordedAt) ? 0 : Math.max(0, Date.now() - recordedAt);
      }
      return { ...status, lagEvents, lagMs };
    }),
  );
  return { head, projections };
}
