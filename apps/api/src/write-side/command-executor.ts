import { Inject, Injectable } from '@nestjs/common';
import { Decider, DomainEvent, ruleViolation } from '@crm/domain';
import { EVENT_STORE, EventStore, IdempotencyKeyUsedError, IdempotentOutcome, WrongExpectedRevisionError } from '@crm/event-store';
import { Settings, SETTINGS } from '../config/settings';
import { AggregateRepository, Loaded } from './aggregate-repository';
import { CommandEnvelope, CommandResult } from './command-envelope';
import { toStoredEvents } from './event-metadata';
import { StreamLocks } from './stream-locks';

type StateDecider<S> = Pick<Decider<never, never, S, never>, 'initialState' | 'evolve'>;

/** What a command decided for one stream. */
export interface PlannedWrite {
  streamId: string;
  decider: StateDecider<unknown>;
  loaded: Loaded<unknown>;
  events: DomainEvent[];
}

export interface Plan {
  resultId: string;
  writes: PlannedWrite[];
}

export interface PlanTools {
  /** Loads a stream's state. The first stream loaded is the command's own: If-Match is checked against it. */
  load<S>(streamId: string, decider: StateDecider<S>): Promise<Loaded<S>>;
  /** The server's clock for this attempt. */
  now: string;
  /** TIME_ZONE: a command's date without a time is the start of that day there (SPEC §1 R2). */
  timeZone: string;
}

/** Retries when another process's writer got in between load and append; the client's If-Match disables this. */
const MAX_ATTEMPTS = 8;

/**
 * Runs a command: load → decide → append with the loaded revisions as expected revisions, all or nothing.
 * Handles If-Match (409 on mismatch, before any rule is evaluated) and Idempotency-Key (a repeat returns the
 * first result and writes nothing; the same key with another request is refused).
 */
@Injectable()
export class CommandExecutor {
  private readonly locks = new StreamLocks();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly repository: AggregateRepository,
    @Inject(SETTINGS) private readonly settings: Pick<Settings, 'timeZone'>,
  ) {}

  async decide<C, E extends DomainEvent, S, Ctx>(
    envelope: CommandEnvelope,
    spec: {
      streamId: string;
      decider: Decider<C, E, S, Ctx>;
      command: C;
      resultId: string;
      context: (state: S, now: string) => Promise<Ctx> | Ctx;
    },
  ): Promise<CommandResult> {
    return this.run(envelope, async (tools) => {
      const loaded = await tools.load(spec.streamId, spec.decider);
      const ctx = { ...(await spec.context(loaded.state, tools.now)), timeZone: tools.timeZone };
      const events = spec.decider.decide(spec.command, loaded.state, ctx);
      return {
        resultId: spec.resultId,
        writes: [{ streamId: spec.streamId, decider: spec.decider as StateDecider<unknown>, loaded, events }],
      };
    });
  }

  async run(envelope: CommandEnvelope, plan: (tools: PlanTools) => Promise<Plan>): Promise<CommandResult> {
    if (envelope.idempotency) {
      const earlier = await this.store.findIdempotentOutcome(envelope.idempotency.key);
      if (earlier) return this.replay(envelope, earlier);
    }
    // The command's own stream (the first it loads) is locked from that load until the command is answered.
    let release: (() => void) | undefined;
    const lockOnce = async (streamId: string) => {
      release ??= await this.locks.acquire(streamId);
    };
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.attempt(envelope, plan, lockOnce);
        } catch (error) {
          if (error instanceof IdempotencyKeyUsedError) return this.replay(envelope, error.outcome);
          const retry = error instanceof WrongExpectedRevisionError && envelope.expectedRevision === undefined && attempt < MAX_ATTEMPTS;
          if (!retry) throw error;
        }
      }
    } finally {
      release?.();
    }
  }

  private async attempt(
    envelope: CommandEnvelope,
    plan: (tools: PlanTools) => Promise<Plan>,
    lock: (streamId: string) => Promise<void>,
  ): Promise<CommandResult> {
    let first = true;
    // Read when first asked for, which is after the lock: commands on one stream are stamped in their order.
    let stamp: string | undefined;
    const now = () => (stamp ??= new Date().toISOString());
    const tools: PlanTools = {
      get now() {
        return now();
      },
      timeZone: this.settings.timeZone,
      load: async (streamId, decider) => {
        if (first) await lock(streamId);
        const loaded = await this.repository.load(streamId, decider);
        if (first && envelope.expectedRevision !== undefined && envelope.expectedRevision !== loaded.revision) {
          throw new WrongExpectedRevisionError(streamId, envelope.expectedRevision, loaded.revision < 0 ? 'no_stream' : loaded.revision);
        }
        first = false;
        return loaded;
      },
    };
    const { resultId, writes } = await plan(tools);
    const primary = writes[0];
    const changing = writes.filter((write) => write.events.length > 0);
    if (changing.length === 0) return { id: resultId, revision: primary.loaded.revision, position: primary.loaded.position };

    const outcome = await this.store.append(
      changing.map((write) => {
        const place = { streamId: write.streamId, expectedRevision: write.loaded.revision < 0 ? ('no_stream' as const) : write.loaded.revision };
        return { ...place, events: toStoredEvents(write.events, envelope, now(), place) };
      }),
      envelope.idempotency && { idempotency: { ...envelope.idempotency, resultId } },
    );
    changing.forEach((write, i) =>
      this.repository.appended(write.streamId, write.decider, write.loaded, write.events, outcome.streams[i].revision, outcome.position),
    );
    const primaryRevision = primary.events.length > 0 ? outcome.streams[0].revision : primary.loaded.revision;
    return { id: resultId, revision: primaryRevision, position: outcome.position };
  }

  private replay(envelope: CommandEnvelope, earlier: IdempotentOutcome): CommandResult {
    if (earlier.fingerprint !== envelope.idempotency?.fingerprint) {
      throw ruleViolation('idempotency_key_reused', 'this Idempotency-Key was used before with a different request');
    }
    return { id: earlier.resultId, revision: earlier.revision, position: earlier.position };
  }
}
