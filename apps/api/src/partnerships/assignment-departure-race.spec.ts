import { DEFAULT_TIME_ZONE, PartnershipState, partnershipDecider, streamOf } from '@crm/domain';
import { EventStore, EventToAppend, SqliteEventStore, StreamAppend } from '@crm/event-store';
import { ALL_PROJECTIONS, ProjectionEngine } from '@crm/read-models';
import { createReadStore, ReadStore } from '@crm/read-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordDepartureCommand } from '../people/person-commands';
import { RecordDepartureHandler } from '../people/record-departure.handler';
import { CommandScope } from '../scope/command-scope';
import { AggregateRepository } from '../write-side/aggregate-repository';
import { CommandEnvelope } from '../write-side/command-envelope';
import { CommandExecutor } from '../write-side/command-executor';
import { ExecutePartnershipCommand } from './partnership-command';
import { PartnershipCommandHandler } from './partnership-command.handler';
import { EVERY_SCHOOL } from '../scope/scope';

/**
 * An assignment of a person and that person's departure, crossing: one command is held just before its append
 * (a gate in front of the real embedded log, no timing) while the other runs from start to end.
 */
const meta = { recordedBy: 'test', recordedAt: '2025-01-01T00:00:00.000Z', correlationId: 'c', causationId: 'c', schemaVersion: 1 };
const event = (type: string, data: Record<string, unknown>): EventToAppend => ({ type, data, metadata: meta });
const envelope: CommandEnvelope = { recordedBy: 'test', scope: EVERY_SCHOOL, correlationId: 'c', causationId: 'c' };
const P = 'p1';
const ANNA = 'anna';

/** The real log, with one append held at a gate: the one that first writes the given stream after hold(). */
class GatedLog {
  private held?: { streamId: string; arrive: () => void; released: Promise<void> };
  readonly store: EventStore;

  constructor(private readonly log: EventStore) {
    this.store = Object.assign(Object.create(log) as EventStore, {
      append: async (streams: StreamAppend[], options?: Parameters<EventStore['append']>[1]) => {
        const held = this.held;
        if (held && streams.some((write) => write.streamId === held.streamId)) {
          this.held = undefined;
          held.arrive();
          await held.released;
        }
        return this.log.append(streams, options);
      },
    });
  }

  /** Holds the next append to `streamId`: `arrived` once the command has decided and reached it, `release` lets it on. */
  hold(streamId: string): { arrived: Promise<void>; release: () => void } {
    let arrive!: () => void;
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.held = { streamId, arrive, released };
    return { arrived, release };
  }
}

describe('an assignment and the same person’s departure, crossing (real embedded log and read models)', () => {
  let dir: string;
  let log: SqliteEventStore;
  let readStore: ReadStore;
  let gate: GatedLog;
  let assign: () => Promise<unknown>;
  let depart: () => Promise<unknown>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-race-'));
    log = new SqliteEventStore(join(dir, 'events.sqlite'));
    readStore = await createReadStore({ dataDir: dir });
    await log.append([
      {
        streamId: streamOf.person(ANNA),
        expectedRevision: 'no_stream',
        events: [event('PersonRegistered', { personId: ANNA, organisationId: 'company', name: 'Anna', role: 'hr', tier: 'tactical' })],
      },
      {
        streamId: streamOf.partnership(P),
        expectedRevision: 'no_stream',
        events: [
          event('PartnershipOpened', {
            partnershipId: P,
            schoolId: 'school',
            partnerId: 'company',
            levels: ['mbo'],
            intensity: 'placement',
            themes: [],
            openedAt: '2025-01-01T00:00:00.000Z',
          }),
        ],
      },
    ]);
    // The read models as committed before the commands: the departure finds later assignments in the log after them.
    const engine = new ProjectionEngine(log, readStore, ALL_PROJECTIONS);
    await engine.start();
    await engine.whenCaughtUp();
    await engine.stop();

    gate = new GatedLog(log);
    const repository = new AggregateRepository(gate.store);
    const executor = new CommandExecutor(gate.store, repository, { timeZone: DEFAULT_TIME_ZONE });
    const scope = { person: async () => undefined, partnership: async () => undefined } as unknown as CommandScope;
    const assignments = new PartnershipCommandHandler(executor, repository, scope);
    const departures = new RecordDepartureHandler(executor, gate.store, readStore, engine, scope, repository);
    assign = () =>
      assignments.execute(
        new ExecutePartnershipCommand({ type: 'AssignContact', partnershipId: P, side: 'partner', personId: ANNA, role: 'primary' }, P, envelope),
      );
    depart = () => departures.execute(new RecordDepartureCommand({ type: 'RecordDeparture', personId: ANNA }, envelope));
  });

  afterEach(async () => {
    await readStore.close();
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const partnershipLog = async () =>
    (await log.readStream(streamOf.partnership(P))).slice(1).map((e) => `${e.type}${e.data.reason ? ` (${String(e.data.reason)})` : ''}`);
  const primaryContact = async () => {
    const events = await log.readStream(streamOf.partnership(P));
    const state = events.reduce<PartnershipState>((s, e) => partnershipDecider.evolve(s, e as never), partnershipDecider.initialState);
    return state.exists ? state.contacts.partner.primary : 'no partnership';
  };

  it('an assignment written after the departure looked: the assignment, reading the person after its append, unassigns her', async () => {
    const held = gate.hold(streamOf.partnership(P));
    const assigning = assign();
    await held.arrived; // decided while Anna had not left
    await depart(); // finds no partnership of Anna's: the assignment is not written yet
    held.release();
    await assigning;

    expect(await partnershipLog()).toEqual(['ContactPersonAssigned', 'ContactPersonUnassigned (left_organisation)']);
    expect(await primaryContact()).toBeUndefined();
  });

  it('an assignment written while the departure waited to append: the departure, looking again after its append, unassigns her', async () => {
    const held = gate.hold(streamOf.person(ANNA));
    const departing = depart();
    await held.arrived; // decided, and looked for Anna's partnerships, before the assignment
    await assign(); // Anna has not left yet: assigned, nothing to reconcile
    expect(await primaryContact()).toBe(ANNA);
    held.release();
    await departing;

    expect(await partnershipLog()).toEqual(['ContactPersonAssigned', 'ContactPersonUnassigned (left_organisation)']);
    expect(await primaryContact()).toBeUndefined();
  });

  it('without crossing, an assignment after the departure is refused and writes nothing', async () => {
    await depart();
    await expect(assign()).rejects.toMatchObject({ code: 'person_left' });
    expect(await partnershipLog()).toEqual([]);
  });
});
