import { schemaVersionOf } from './events';

/** A stored event as read from the log, in whatever shape version it was written. */
export interface StoredShape {
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** Lifts one event type from `from` to `from + 1`. */
interface Upcaster {
  type: string;
  from: number;
  upcast(event: StoredShape): Record<string, unknown>;
}

const UPCASTERS: readonly Upcaster[] = [
  {
    // v1 had no business date for a commitment; the best fact available is when it was recorded.
    type: 'CommitmentMade',
    from: 1,
    upcast: ({ data, metadata }) => ({ ...data, madeAt: data.madeAt ?? metadata.recordedAt }),
  },
];

/** Brings an event written in any earlier shape to today's, step by step; current events pass through untouched. */
export function upcast<E extends StoredShape>(event: E): E {
  const target = schemaVersionOf(event.type);
  let version = Number(event.metadata.schemaVersion ?? 1);
  if (version >= target) return event;
  let data = event.data;
  while (version < target) {
    const step = UPCASTERS.find((u) => u.type === event.type && u.from === version);
    if (!step) throw new Error(`no upcaster for ${event.type} v${version}`);
    data = step.upcast({ ...event, data });
    version++;
  }
  return { ...event, data, metadata: { ...event.metadata, schemaVersion: version } };
}
