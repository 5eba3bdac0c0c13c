import { eventDate, SCHOOL_LEVELS, schemaVersionOf } from '@crm/domain';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, RecordedEvent, StreamAppend } from '@crm/event-store/event-store.port';
import { SqliteEventStore } from '@crm/event-store/sqlite/sqlite-event-store';
import { executePlan, generateRegion, GENERATOR_USER, GenerateRegionResult } from './generate';
import { UUID_V4 } from './random';
import { planRegion } from './region-plan';

const UNTIL = '2026-11-23T00:00:00.000Z';

interface Generated {
  result: GenerateRegionResult;
  events: RecordedEvent[];
  hash: string;
  appendCalls: number;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function readAll(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (let after = 0; ; ) {
    const page = await store.readAll(after, 5000);
    events.push(...page);
    if (page.length < 5000) return events;
    after = page[page.length - 1].position;
  }
}

/** A fresh SQLite log, generated into; the hash covers ids, streams, revisions, positions, types, data and metadata. */
async function generate(seed: number | string, options: { batchEvents?: number; onProgress?: (events: number, total: number) => void } = {}): Promise<Generated> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-generator-'));
  dirs.push(dir);
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  let appendCalls = 0;
  const append = store.append.bind(store);
  store.append = (streams: StreamAppend[], appendOptions) => {
    appendCalls += 1;
    return append(streams, appendOptions);
  };
  try {
    const result = await generateRegion({ seed, size: 'small', until: UNTIL, store, ...options });
    const events = await readAll(store);
    const hash = createHash('sha256');
    for (const event of events) hash.update(`${JSON.stringify(event)}\n`);
    return { result, events, hash: hash.digest('hex'), appendCalls };
  } finally {
    await store.close();
  }
}

/** The storylines the small region must show, read back from the log the way the read models define them. */
function storylines(events: RecordedEvent[]) {
  type Period = { personId: string; from: string; to?: string };
  const byPartnership = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    if (!event.streamId.startsWith('partnership-')) continue;
    const list = byPartnership.get(event.streamId) ?? [];
    list.push(event);
    byPartnership.set(event.streamId, list);
  }
  const levels = new Set<string>();
  let warm = 0;
  let cold = 0;
  let orphaningDepartures = 0;
  let ended = 0;
  for (const stream of byPartnership.values()) {
    const periods: Record<string, Period[]> = { school: [], partner: [] };
    const touchpoints: { at: string; participants: string[] }[] = [];
    const orphaned: Record<string, boolean> = { school: false, partner: false };
    for (const { type, data } of stream) {
      if (type === 'PartnershipOpened') (data.levels as string[]).forEach((level) => levels.add(level));
      if (type === 'PartnershipEnded') ended += 1;
      if (type === 'InteractionRecorded' || type === 'ActivityRecorded' || type === 'EvaluationHeld') {
        touchpoints.push({ at: eventDate({ type, data })!, participants: data.participantIds as string[] });
      }
      if (type === 'AgreementSigned') touchpoints.push({ at: data.signedAt as string, participants: data.signatoryIds as string[] });
      const side = data.side as string;
      const current = side ? periods[side].at(-1) : undefined;
      if (type === 'ContactPersonAssigned' && data.role === 'primary') {
        periods[side].push({ personId: data.personId as string, from: data.at as string });
        orphaned[side] = false;
      }
      if (type === 'ContactPersonUnassigned' && current && current.personId === data.personId && current.to === undefined) {
        current.to = data.at as string;
        if (data.reason === 'left_organisation') orphaned[side] = true;
      }
    }
    orphaningDepartures += Number(orphaned.school) + Number(orphaned.partner);
    for (const side of ['school', 'partner']) {
      periods[side].forEach((successor, i) => {
        const predecessor = periods[side][i - 1];
        if (!predecessor || predecessor.personId === successor.personId) return;
        const handedOverAt = Date.parse(predecessor.to ?? successor.from);
        const met = touchpoints.some((touchpoint) => touchpoint.participants.includes(successor.personId) && Date.parse(touchpoint.at) <= handedOverAt);
        if (met) warm += 1;
        else cold += 1;
      });
    }
  }
  const dueAt = new Map(events.filter((event) => event.type === 'CommitmentMade').map((event) => [event.data.commitmentId, Date.parse(event.data.dueAt as string)]));
  const late = events.filter((event) => event.type === 'CommitmentFulfilled' && Date.parse(event.data.at as string) > dueAt.get(event.data.commitmentId)!).length;
  const broken = events.filter((event) => event.type === 'CommitmentBroken').length;
  return { levels, warm, cold, orphaningDepartures, ended, late, broken };
}

describe('generateRegion (small, on SQLite)', () => {
  let first: Generated;
  let second: Generated;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    first = await generate(2026, { onProgress: (events, total) => progress.push([events, total]) });
    second = await generate(2026, { batchEvents: 700 });
  }, 60_000);

  it('writes the same log, byte for byte, for the same seed (ids, data, metadata), whatever the batch size', () => {
    expect(first.events.length).toBeGreaterThan(1500);
    expect(second.hash).toBe(first.hash);
    expect(second.appendCalls).toBeGreaterThan(first.appendCalls);
  });

  it('writes another log for another seed', async () => {
    const other = await generate(2027);
    expect(other.hash).not.toBe(first.hash);
  }, 30_000);

  it('reports what it wrote: every planned event, in batches, with progress', () => {
    const { result, events } = first;
    expect(result.events).toBe(events.length);
    expect(result.plannedEvents).toBe(result.events);
    expect(result.partnerships).toBe(40);
    expect(events.filter((event) => event.type === 'PartnershipOpened')).toHaveLength(40);
    expect(events.filter((event) => event.type === 'PersonRegistered')).toHaveLength(result.people);
    expect(events.filter((event) => event.type === 'OrganisationRegistered')).toHaveLength(result.organisations);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(progress.at(-1)).toEqual([result.events, result.events]);
    expect(progress.every(([events, total], i) => events <= total && (i === 0 || events >= progress[i - 1][0]))).toBe(true);
    expect(events.map((event) => event.position)).toEqual(events.map((_, i) => i + 1));
  });

  it('stamps deterministic metadata: the generator, the command date, correlation and causation, the schema version', () => {
    for (const event of first.events) {
      const { metadata } = event;
      expect(metadata.recordedBy).toBe(GENERATOR_USER);
      expect(metadata.schemaVersion).toBe(schemaVersionOf(event.type));
      expect(UUID_V4.test(event.id) && UUID_V4.test(metadata.correlationId as string) && UUID_V4.test(metadata.causationId as string)).toBe(true);
      const date = eventDate(event as { type: string; data: Record<string, unknown> });
      if (date && event.type !== 'ContactPersonUnassigned') expect(metadata.recordedAt).toBe(date);
    }
    // The log is in date order, and everything lies before `until`.
    const recorded = first.events.map((event) => Date.parse(event.metadata.recordedAt as string));
    expect(recorded.every((t, i) => i === 0 || t >= recorded[i - 1])).toBe(true);
    expect(recorded.at(-1)!).toBeLessThan(Date.parse(UNTIL));
  });

  it('writes a departure and the unassignments it causes in one command, caused by the departure event', () => {
    const departures = first.events.filter((event) => event.type === 'PersonLeftOrganisation');
    const unassigned = first.events.filter((event) => event.type === 'ContactPersonUnassigned' && event.data.reason === 'left_organisation');
    expect(unassigned.length).toBeGreaterThan(0);
    for (const event of unassigned) {
      const departure = departures.find((candidate) => candidate.id === event.metadata.causationId);
      expect(departure?.data.personId).toBe(event.data.personId);
      expect(event.metadata.correlationId).toBe(departure?.metadata.correlationId);
    }
  });

  it('has every school level, warm and cold handovers, orphaning departures, ended partnerships, late and broken commitments', () => {
    const found = storylines(first.events);
    expect([...found.levels].sort()).toEqual([...SCHOOL_LEVELS].sort());
    expect(found.warm).toBeGreaterThan(0);
    expect(found.cold).toBeGreaterThan(0);
    expect(found.orphaningDepartures).toBeGreaterThan(0);
    expect(found.ended).toBeGreaterThan(0);
    expect(found.late).toBeGreaterThan(0);
    expect(found.broken).toBeGreaterThan(0);
  });

  it('covers the whole vocabulary a user meets: every stage, intensity change, agreement and activity kinds', () => {
    const types = new Set(first.events.map((event) => event.type));
    for (const type of ['PartnershipStageChanged', 'AgreementSigned', 'EvaluationHeld', 'CommitmentCancelled', 'PersonRoleChanged', 'ActivityRecorded']) {
      expect(types).toContain(type);
    }
    const stages = new Set(first.events.filter((event) => event.type === 'PartnershipStageChanged').map((event) => event.data.to));
    expect([...stages].sort()).toEqual(expect.arrayContaining(['active', 'agreed']));
    const agreementKinds = new Set(first.events.filter((event) => event.type === 'AgreementSigned').map((event) => event.data.kind));
    expect(agreementKinds).toContain('learning_agreement');
    const activityKinds = new Set(first.events.filter((event) => event.type === 'ActivityRecorded').map((event) => event.data.kind));
    expect(activityKinds.size).toBeGreaterThan(5);
  });
});

describe('generateRegion (medium)', () => {
  // About 200,000 events: ~10 s on an idle machine without SQLite. Opt in with GENERATOR_MEDIUM=1.
  const itMedium = process.env.GENERATOR_MEDIUM ? it : it.skip;

  itMedium('writes ~2,000 partnerships and ~200k events, every command accepted by the deciders', async () => {
    let events = 0;
    const counting = { append: async (streams: StreamAppend[]) => {
      for (const stream of streams) events += stream.events.length;
      return { streams: [], position: events };
    } } as unknown as EventStore;
    const plan = planRegion({ seed: 42, size: 'medium', until: UNTIL });
    const outcome = await executePlan(plan, counting, { seed: 42, batchEvents: 5000 });
    expect(plan.counts.partnerships).toBe(2000);
    expect(outcome.events).toBe(events);
    expect(outcome.plannedEvents).toBe(events);
    expect(events).toBeGreaterThan(180_000);
    expect(events).toBeLessThan(220_000);
    expect(Object.values(outcome.stats.partnershipsByLevel).every((n) => n > 0)).toBe(true);
  }, 120_000);
});
