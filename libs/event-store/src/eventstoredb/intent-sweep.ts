import { Position, UnfinishedAppendsReport } from '../event-store.port';

/** The stream the sweep keeps its checkpoint in (under the idempotency prefix, so never a product event). */
export const SWEEP_STREAM = 'idempotency-sweep';
export const SWEEP_CHECKPOINT_EVENT_TYPE = 'SweepCheckpointed';
/** Intents looked at per batch: the sweep holds at most this many in memory, and checkpoints after each batch. */
export const SWEEP_BATCH = 100;

/** One batch of intents after a position, in log order, and how far the batch looked. */
export interface IntentBatch {
  intents: { streamId: string; position: Position }[];
  /** The position the next batch starts after: the last intent's when the batch is full, else the head of the log. */
  reachedTo: Position;
}

/** What the sweep needs of the log (EventStoreDbEventStore provides it). */
export interface SweepSteps {
  /** Where the last sweep got to (0 when none did). */
  loadCheckpoint(): Promise<Position>;
  /** Up to `limit` intents after `after`. */
  intentsAfter(after: Position, limit: number): Promise<IntentBatch>;
  /** Completes the key stream's unfinished intent, if it still has one. */
  settle(streamId: string): Promise<'completed' | 'abandoned' | 'finished-before'>;
  saveCheckpoint(position: Position): Promise<void>;
}

export interface SweepReport extends UnfinishedAppendsReport {
  /** How far the log has been swept (the next sweep starts after it). */
  checkpoint: Position;
}

/**
 * Settles every intent left unfinished after the last sweep's checkpoint, a batch at a time, checkpointing after
 * each batch: a start-up never scans the whole log again, and a sweep cut short (a crash, a shutdown) resumes
 * after its last full batch. An intent written after a checkpoint has a later position, so none is skipped.
 */
export async function sweepUnfinishedAppends(steps: SweepSteps, batch = SWEEP_BATCH): Promise<SweepReport> {
  const report: SweepReport = { completed: [], abandoned: [], checkpoint: await steps.loadCheckpoint() };
  for (;;) {
    const { intents, reachedTo } = await steps.intentsAfter(report.checkpoint, batch);
    for (const streamId of new Set(intents.map((intent) => intent.streamId))) {
      const settled = await steps.settle(streamId);
      if (settled === 'completed') report.completed.push(streamId);
      if (settled === 'abandoned') report.abandoned.push(streamId);
    }
    if (reachedTo > report.checkpoint) {
      await steps.saveCheckpoint(reachedTo);
      report.checkpoint = reachedTo;
    }
    if (intents.length < batch) return report;
  }
}
