import {
  DomainEvent,
  EventMetadata,
  organisationDecider,
  OrganisationState,
  PartnershipContext,
  partnershipDecider,
  PartnershipEvent,
  PartnershipState,
  personDecider,
  PersonLeftOrganisation,
  PersonState,
  schemaVersionOf,
  streamOf,
} from '@crm/domain';
import type { EventStore, EventToAppend, StreamAppend } from '@crm/event-store';
import { performance } from 'node:perf_hooks';
import { IdSource, Seed, seedKey } from './random';
import { planRegion, PlanStats, PlanStep, RegionPlan, RegionSize } from './region-plan';

export interface ExecuteOutcome {
  events: number;
  plannedEvents: number;
  commands: number;
  stats: PlanStats;
}

/**
 * Runs a region plan through the real command path: each command is decided by its aggregate's decider against the
 * stream's current state (folded in memory with the decider's evolve), with the context the API would give it
 * (the clock at the command's own date, the organisations and people it names). A command the domain refuses
 * stops the generator: the plan writes through the rules, never around them.
 *
 * Events are appended in multi-stream batches (one `store.append` per ~`batchEvents` events, every stream with its
 * expected revision), in command order, so the log's global order is the commands' date order. Event ids,
 * correlation and causation ids are derived from the seed, so the same seed gives a byte-identical log.
 */

export interface GenerateRegionOptions {
  seed: Seed;
  size: RegionSize;
  /** End of the generated history (e.g. today at 00:00 UTC). Pass a fixed date for reproducible output. */
  until: Date | string;
  store: EventStore;
  /** Events per append call (default 20,000). A command's events always go in the same call. */
  batchEvents?: number;
  /** Called after each append with the events written so far and the total the plan will write. */
  onProgress?(events: number, total: number): void;
}

export interface GenerateRegionResult {
  seed: string;
  size: RegionSize;
  region: string;
  from: string;
  until: string;
  events: number;
  /** What the plan predicted; equal to `events` unless the domain's rules changed under the plan. */
  plannedEvents: number;
  commands: number;
  partnerships: number;
  people: number;
  organisations: number;
  /** Time to plan and write, in milliseconds (not part of the generated data). */
  elapsedMs: number;
  stats: PlanStats;
}

export const GENERATOR_USER = 'generator';

/**
 * Events per append. With synchronous commits every append writes each index page it dirtied to the WAL, and the
 * (stream_id, revision) index is touched all over by every append; fewer, bigger appends write far less. Measured
 * for the large region (1M events) on SQLite: time in append 138 s at 1,000 (random event ids), 50 s at 5,000,
 * 32 s at 20,000, 27 s at 50,000 (ordered event ids). 20,000 keeps each write transaction well under a second.
 */
export const DEFAULT_BATCH_EVENTS = 20_000;

/** The clock a command is decided with: its own date plus a minute, as if it was entered right after it happened. */
const DECISION_DELAY_MS = 60_000;

export async function generateRegion(options: GenerateRegionOptions): Promise<GenerateRegionResult> {
  const started = performance.now();
  const plan = planRegion({ seed: options.seed, size: options.size, until: options.until });
  const outcome = await executePlan(plan, options.store, {
    seed: options.seed,
    batchEvents: options.batchEvents ?? DEFAULT_BATCH_EVENTS,
    onProgress: options.onProgress,
  });
  return {
    seed: plan.seed,
    size: plan.size,
    region: plan.region,
    from: plan.from,
    until: plan.until,
    events: outcome.events,
    plannedEvents: outcome.plannedEvents,
    commands: outcome.commands,
    partnerships: plan.counts.partnerships,
    people: plan.counts.people,
    organisations: plan.counts.organisations,
    elapsedMs: Math.round(performance.now() - started),
    stats: outcome.stats,
  };
}

/**
 * The partnership state carries two growing indexes besides its record ids (an IdSet, which grows in O(1)):
 * `commitments` and `agreements`. The decider's evolve copies the index it touches on every such event, so folding a
 * stream with many of them is O(n²): at the large size (dozens of learning agreements and commitments per
 * partnership) the generator spent much of its time copying them. The generator therefore keeps, after each evolve,
 * only what a later command of its plan can still consult:
 * - `commitments`: the open ones (the plan closes a commitment once, and never refers to it again);
 * - `agreements`: formal agreements not yet terminated (learning agreements and terminated ones are never
 *   terminated again).
 * Every decision is therefore the one the full state would give; the rest of the state is the decider's own.
 */

/**
 * An empty object in V8's dictionary mode (a property added and deleted). Spreading it and adding a unique key,
 * as evolve does, then stays in dictionary mode instead of creating a new hidden class for every id.
 */
function dictionaryMode<T extends object>(object: T): T {
  (object as Record<string, unknown>).__generator__ = true;
  delete (object as Record<string, unknown>).__generator__;
  return object;
}

/** A copy without `key`, in dictionary mode (see dictionaryMode). */
function omit<V>(record: Record<string, V>, key: string): Record<string, V> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/**
 * The folded state without what the plan will never consult again (see above). Its id-keyed maps are kept in V8's
 * dictionary mode from the opening on: evolve spreads them and adds a new UUID key, and on a fast-mode object every
 * such key would create a new hidden class (and make every later lookup megamorphic).
 */
function compact(state: PartnershipState, event: PartnershipEvent): PartnershipState {
  if (!state.exists) return state;
  if (event.type === 'PartnershipOpened') {
    return { ...state, agreements: dictionaryMode({}), commitments: dictionaryMode({}) };
  }
  let next = state;
  switch (event.type) {
    case 'CommitmentFulfilled':
    case 'CommitmentBroken':
    case 'CommitmentCancelled':
      next = { ...next, commitments: omit(next.commitments, event.data.commitmentId) };
      break;
    case 'AgreementSigned':
      if (event.data.kind === 'learning_agreement') next = { ...next, agreements: omit(next.agreements, event.data.agreementId) };
      break;
    case 'AgreementTerminated':
      next = { ...next, agreements: omit(next.agreements, event.data.agreementId) };
      break;
    default:
      break;
  }
  return next;
}

/** A command the domain refused: the plan has a bug (or the rules changed under it). */
export class GeneratorRefusedError extends Error {
  constructor(
    readonly step: PlanStep,
    readonly refusal: unknown,
  ) {
    const reason =
      refusal instanceof Error ? `${(refusal as { code?: string }).code ?? refusal.name}: ${refusal.message}` : String(refusal);
    super(`the domain refused ${step.command.type} on ${step.streamId} at ${new Date(step.t).toISOString()}: ${reason}`);
    this.name = 'GeneratorRefusedError';
  }
}

interface ExecuteOptions {
  seed: Seed;
  batchEvents: number;
  onProgress?(events: number, total: number): void;
}

/** Decides and appends every step of one run of a plan. */
export async function executePlan(plan: RegionPlan, store: EventStore, options: ExecuteOptions): Promise<ExecuteOutcome> {
  const key = seedKey(options.seed);
  const eventIds = new IdSource(key, 'event', { ordered: true });
  const commandIds = new IdSource(key, 'command', { ordered: true });

  const organisations: Record<string, OrganisationState> = dictionaryMode({});
  const people: Record<string, PersonState> = dictionaryMode({});
  const partnerships = new Map<string, PartnershipState>();
  /** Revision of each stream's last event, written or pending (-1: none). */
  const revisions = new Map<string, number>();
  /** Partnerships each person was ever assigned to (the API reads the same from the log). */
  const assignedTo = new Map<string, string[]>();

  let batch: StreamAppend[] = [];
  let pending = 0;
  let written = 0;

  /** One metadata object per command and schema version (the store only serialises it). */
  const versioned = new Map<number, EventMetadata>();
  const metadataFor = (base: Omit<EventMetadata, 'schemaVersion'>, type: string): EventMetadata => {
    const schemaVersion = schemaVersionOf(type);
    let metadata = versioned.get(schemaVersion);
    if (!metadata || metadata.causationId !== base.causationId || metadata.correlationId !== base.correlationId) {
      metadata = { ...base, schemaVersion };
      versioned.set(schemaVersion, metadata);
    }
    return metadata;
  };

  const stage = (streamId: string, domainEvents: readonly DomainEvent[], metadata: Omit<EventMetadata, 'schemaVersion'>): EventToAppend[] => {
    if (domainEvents.length === 0) return [];
    const revision = revisions.get(streamId) ?? -1;
    const stored: EventToAppend[] = domainEvents.map((event) => ({
      id: eventIds.next(),
      type: event.type,
      data: event.data as unknown as Record<string, unknown>,
      metadata: metadataFor(metadata, event.type) as unknown as Record<string, unknown>,
    }));
    const last = batch[batch.length - 1];
    if (last && last.streamId === streamId) last.events.push(...stored);
    else batch.push({ streamId, expectedRevision: revision < 0 ? 'no_stream' : revision, events: stored });
    revisions.set(streamId, revision + stored.length);
    pending += stored.length;
    return stored;
  };

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await store.append(batch);
    written += pending;
    batch = [];
    pending = 0;
    options.onProgress?.(written, Math.max(written, plan.estimatedEvents));
  };

  const applyPartnership = (streamId: string, state: PartnershipState, events: PartnershipEvent[]): void => {
    let next = state;
    for (const event of events) {
      next = compact(partnershipDecider.evolve(next, event), event);
      if (event.type === 'ContactPersonAssigned') {
        const list = assignedTo.get(event.data.personId) ?? [];
        if (!list.includes(event.data.partnershipId)) list.push(event.data.partnershipId);
        assignedTo.set(event.data.personId, list);
      }
    }
    partnerships.set(streamId, next);
  };

  const run = plan.run();
  let commands = 0;
  for (const step of run) {
    commands += 1;
    const recordedAt = new Date(step.t).toISOString();
    const now = new Date(step.t + DECISION_DELAY_MS).toISOString();
    const commandId = commandIds.next();
    const metadata: Omit<EventMetadata, 'schemaVersion'> = {
      recordedBy: GENERATOR_USER,
      recordedAt,
      correlationId: commandId,
      causationId: commandId,
    };
    try {
      switch (step.aggregate) {
        case 'organisation': {
          const id = step.command.organisationId;
          const state = organisations[id] ?? organisationDecider.initialState;
          const events = organisationDecider.decide(step.command, state, { now });
          organisations[id] = events.reduce(organisationDecider.evolve, state);
          stage(step.streamId, events, metadata);
          break;
        }
        case 'person': {
          const command = step.command;
          const id = command.personId;
          const state = people[id] ?? personDecider.initialState;
          const organisation = command.type === 'RegisterPerson' ? organisations[command.organisationId] : undefined;
          const events = personDecider.decide(command, state, { now, organisation });
          people[id] = events.reduce(personDecider.evolve, state);
          const stored = stage(step.streamId, events, metadata);
          // SPEC §2: a departure unassigns the person from every partnership, in the same append as the departure.
          const left = events.find((event): event is PersonLeftOrganisation => event.type === 'PersonLeftOrganisation');
          if (left) {
            const cascade = { ...metadata, causationId: stored[events.indexOf(left)].id! };
            for (const partnershipId of assignedTo.get(id) ?? []) {
              const streamId = streamOf.partnership(partnershipId);
              const partnership = partnerships.get(streamId) ?? partnershipDecider.initialState;
              const unassign = partnershipDecider.decide(
                { type: 'UnassignDepartedContact', partnershipId, personId: id, leftAt: left.data.leftAt },
                partnership,
                { now, organisations, people },
              );
              applyPartnership(streamId, partnership, unassign);
              stage(streamId, unassign, cascade);
            }
          }
          break;
        }
        case 'partnership': {
          const state = partnerships.get(step.streamId) ?? partnershipDecider.initialState;
          const ctx: PartnershipContext = { now, organisations, people };
          const events = partnershipDecider.decide(step.command, state, ctx);
          applyPartnership(step.streamId, state, events);
          stage(step.streamId, events, metadata);
          break;
        }
      }
    } catch (error) {
      throw new GeneratorRefusedError(step, error);
    }
    if (pending >= options.batchEvents) await flush();
  }
  await flush();
  options.onProgress?.(written, written);
  return { events: written, plannedEvents: run.expectedEvents, commands, stats: run.stats };
}
