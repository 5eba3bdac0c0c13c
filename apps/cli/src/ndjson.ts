import { EventStore, RecordedEvent, START, StreamAppend } from '@crm/event-store';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const PAGE = 5_000;

/** One event per line, oldest first, as the product reads it: decrypted, `[erased]` where a person was erased. */
export async function exportNdjson(events: EventStore, file: string): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let after = START;
  let count = 0;
  for (;;) {
    const page = await events.readAll(after, PAGE);
    for (const event of page) {
      const { id, streamId, revision, position, type, data, metadata } = event;
      if (!out.write(`${JSON.stringify({ id, streamId, revision, position, type, data, metadata })}\n`)) await once(out, 'drain');
    }
    count += page.length;
    if (page.length < PAGE) break;
    after = page[page.length - 1].position;
  }
  out.end();
  await once(out, 'finish');
  return count;
}

/**
 * Appends the events of an NDJSON export, each at its own stream revision. An event whose revision the stream
 * already has is skipped, so importing the same file twice writes nothing new (and a half-finished import can
 * simply be run again). Ids are kept; personal data is encrypted again on the way in.
 */
export async function importNdjson(events: EventStore, file: string): Promise<{ imported: number; skipped: number }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const revisions = new Map<string, number>();
  let batch: StreamAppend[] = [];
  let imported = 0;
  let skipped = 0;
  const flush = async () => {
    if (batch.length > 0) await events.append(batch);
    batch = [];
  };
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let event: RecordedEvent;
    try {
      event = JSON.parse(line) as RecordedEvent;
    } catch {
      throw new Error(`${file}:${lineNumber}: not a JSON line`);
    }
    if (!event.streamId || !Number.isInteger(event.revision) || !event.type) throw new Error(`${file}:${lineNumber}: not an exported event`);
    if (!revisions.has(event.streamId)) {
      const existing = await events.readStream(event.streamId, 0);
      revisions.set(event.streamId, existing.length - 1);
    }
    const current = revisions.get(event.streamId)!;
    if (event.revision <= current) {
      skipped++;
      continue;
    }
    if (event.revision !== current + 1) throw new Error(`${file}:${lineNumber}: ${event.streamId} jumps from revision ${current} to ${event.revision}`);
    batch.push({
      streamId: event.streamId,
      expectedRevision: current < 0 ? 'no_stream' : current,
      events: [{ id: event.id, type: event.type, data: event.data, metadata: event.metadata }],
    });
    revisions.set(event.streamId, event.revision);
    imported++;
    if (batch.length >= 1_000) await flush();
  }
  await flush();
  return { imported, skipped };
}
