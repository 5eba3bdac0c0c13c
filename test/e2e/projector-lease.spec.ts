import { DEFAULT_TIME_ZONE } from '@crm/domain';
import { EventStore } from '@crm/event-store';
import { createProtectedEventStore } from '@crm/privacy';
import { ALL_PROJECTIONS, PartnershipFacts, ProjectionEngine, RemoteProjections } from '@crm/read-models';
import { createReadStore, EmbeddedReadStore, ReadStore, StoredDocument } from '@crm/read-store';
import Database from 'better-sqlite3';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { ExecuteOrganisationCommand } from '../../apps/api/src/organisations/organisation-command';
import { OrganisationCommandHandler } from '../../apps/api/src/organisations/organisation-command.handler';
import { SchoolPartnerships } from '../../apps/api/src/organisations/school-partnerships';
import { PartnershipCommandHandler } from '../../apps/api/src/partnerships/partnership-command.handler';
import { ExecutePartnershipCommand } from '../../apps/api/src/partnerships/partnership-command';
import { PersonCommandHandler } from '../../apps/api/src/people/person-command.handler';
import { CommandScope } from '../../apps/api/src/scope/command-scope';
import { ReadModels } from '../../apps/api/src/read-side/read-models.service';
import { ExecutePersonCommand } from '../../apps/api/src/people/person-commands';
import { PersonErasure } from '../../apps/api/src/people/person-erasure';
import { AggregateRepository } from '../../apps/api/src/write-side/aggregate-repository';
import { CommandExecutor } from '../../apps/api/src/write-side/command-executor';
import { EVERY_SCHOOL } from '../../apps/api/src/scope/scope';
import { daysAgo } from '../support/fixtures';

/**
 * Two projector processes (the built bundle, `npm run build`) on one data directory with a short lease: exactly one
 * applies events at a time; after SIGKILL of the active one the standby takes over within the lease's TTL plus one
 * renewal interval, resuming from the checkpoint; and the read models they built together equal a rebuild from
 * position 0, so no event was applied twice (or skipped). Runs on the embedded stores (SQLite lease, embedded read
 * store) and, with MONGODB_URL set, on MongoDB (Mongo lease, read store and key store in a database of its own).
 */

const BUILT_PROJECTOR = join(__dirname, '../../dist/apps/projector/apps/projector/src/main.js');
// A projector that gets no CPU for a whole TTL rightly stops ("lease lost"): with 1.5 s that happened to the standby
// on a 2-core machine at load 15 (two busy loops beside npm test). 6 s costs the test about 10 s more.
const TTL_MS = 6000;
const RENEW_EVERY_MS = TTL_MS / 3;
/** Process scheduling and log delivery on a busy test machine. */
const SLACK_MS = 750;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface LogLine {
  level: string;
  time: string;
  msg: string;
  pid: number;
  position?: number;
  [field: string]: unknown;
}

interface ProjectorProcess {
  child: ChildProcess;
  lines: LogLine[];
  output(): string;
  has(msg: string | RegExp): LogLine | undefined;
  waitFor(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startProjector(env: NodeJS.ProcessEnv): ProjectorProcess {
  const child = spawn(process.execPath, [BUILT_PROJECTOR], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: LogLine[] = [];
  let output = '';
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk;
    partial += chunk;
    const complete = partial.split('\n');
    partial = complete.pop()!;
    for (const text of complete) if (text.trim()) lines.push(JSON.parse(text) as LogLine);
  });
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const matches = (msg: string | RegExp) => (line: LogLine) => (typeof msg === 'string' ? line.msg === msg : msg.test(line.msg));
  return {
    child,
    lines,
    output: () => output,
    exited,
    has: (msg) => lines.find(matches(msg)),
    waitFor: async (predicate, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = lines.find(predicate);
        if (found) return found;
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`projector ${child.pid} exited (${child.exitCode ?? child.signalCode}):\n${output}`);
        if (Date.now() > deadline) throw new Error(`projector ${child.pid}: nothing matched within ${timeoutMs} ms:\n${output}`);
        await sleep(20);
      }
    },
  };
}

/** Records commands in this process, through the same handlers and protected log the API uses. */
/** Who holds a lease in the embedded lease store now. */
function leaseHolders(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'leases.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT holder FROM leases').all() as { holder: string }[]).map((row) => row.holder);
  } finally {
    db.close();
  }
}

async function openWriter(dataDir: string, mongodbUrl?: string) {
  const { events } = await createProtectedEventStore({ dataDir, mongodbUrl });
  const repository = new AggregateRepository(events);
  const executor = new CommandExecutor(events, repository, { timeZone: DEFAULT_TIME_ZONE });
  const organisations = new OrganisationCommandHandler(executor, undefined as unknown as SchoolPartnerships);
  // Outside a request the scope is every school's: the scope's read models are never asked.
  const scope = new CommandScope(repository, undefined as unknown as ReadModels);
  const people = new PersonCommandHandler(executor, repository, undefined as unknown as PersonErasure, scope);
  const partnerships = new PartnershipCommandHandler(executor, repository, scope);
  const envelope = () => ({ recordedBy: 'lease-test', scope: EVERY_SCHOOL, correlationId: randomUUID(), causationId: randomUUID() });

  const schoolId = randomUUID();
  const companyId = randomUUID();
  const teacherId = randomUUID();
  const ownerId = randomUUID();
  const partnershipId = randomUUID();
  await organisations.execute(
    new ExecuteOrganisationCommand({ type: 'RegisterOrganisation', organisationId: schoolId, name: 'Clusius College', kind: 'school', levels: ['vo'] }, envelope()),
  );
  await organisations.execute(
    new ExecuteOrganisationCommand({ type: 'RegisterOrganisation', organisationId: companyId, name: 'Agrifirm Noord', kind: 'company', sector: 'agri-food' }, envelope()),
  );
  await people.execute(
    new ExecutePersonCommand({ type: 'RegisterPerson', personId: teacherId, organisationId: schoolId, name: 'Fatima el Amrani', role: 'stagecoördinator', tier: 'operational' }, envelope()),
  );
  await people.execute(
    new ExecutePersonCommand({ type: 'RegisterPerson', personId: ownerId, organisationId: companyId, name: 'Jan de Vries', role: 'eigenaar', tier: 'strategic' }, envelope()),
  );
  await partnerships.execute(
    new ExecutePartnershipCommand(
      { type: 'OpenPartnership', partnershipId, schoolId, partnerId: companyId, levels: ['vmbo'], intensity: 'placement', openedAt: daysAgo(365) },
      partnershipId,
      envelope(),
    ),
  );

  const recorded: string[] = [];
  return {
    events,
    partnershipId,
    recorded,
    async recordInteraction(): Promise<void> {
      const interactionId = randomUUID();
      await partnerships.execute(
        new ExecutePartnershipCommand(
          {
            type: 'RecordInteraction',
            partnershipId,
            interactionId,
            kind: 'call',
            initiatedBy: recorded.length % 2 ? 'school' : 'partner',
            occurredAt: daysAgo(300 - (recorded.length % 300)),
            participantIds: [teacherId, ownerId],
            summary: `call ${recorded.length}`,
          },
          interactionId,
          envelope(),
        ),
      );
      recorded.push(interactionId);
    },
  };
}

/** Every document of each projection's live generation, by projection name, sorted by id. */
async function liveDocuments(store: ReadStore): Promise<Record<string, StoredDocument[]>> {
  const view = new RemoteProjections(store, ALL_PROJECTIONS);
  await view.start();
  try {
    const all: Record<string, StoredDocument[]> = {};
    for (const { name } of ALL_PROJECTIONS) all[name] = await store.find(view.collection(name), {}, { sort: { _id: 1 } });
    return all;
  } finally {
    await view.stop();
  }
}

/** The read models built from position 0 by a fresh engine in a fresh embedded store: what they must equal. */
async function rebuiltFromZero(events: EventStore): Promise<Record<string, StoredDocument[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-lease-rebuild-'));
  const store = await EmbeddedReadStore.open(join(dir, 'read-models.sqlite'));
  const engine = new ProjectionEngine(events, store, ALL_PROJECTIONS);
  try {
    await engine.start();
    await engine.whenCaughtUp();
    await engine.stop();
    return await liveDocuments(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** MONGODB_URL with a database of this run's own, so runs never meet. */
function withDatabase(url: string, database: string): string {
  return url.replace(/^(mongodb(?:\+srv)?:\/\/[^/?#]*)(\/[^?#]*)?/, `$1/${database}`);
}

describe('projector failover with a lease', () => {
  const mongoBase = process.env.MONGODB_URL;
  const mode = mongoBase ? 'MongoDB' : 'SQLite';
  const mongodbUrl = mongoBase ? withDatabase(mongoBase, `crm_lease_${randomUUID().slice(0, 8)}`) : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-lease-e2e-'));
  const children: ProjectorProcess[] = [];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    EVENTSTORE_URL: '',
    MONGODB_URL: mongodbUrl ?? '',
    AUTH_JWT_SECRET: '',
    AUTH_JWKS_URL: '',
    AUTH_ISSUER: '',
    AUTH_AUDIENCE: '',
    PROJECTOR_LEASE_TTL_MS: String(TTL_MS),
    LOG_LEVEL: 'info',
  };
  const start = () => {
    const projector = startProjector(env);
    children.push(projector);
    return projector;
  };

  afterAll(async () => {
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(children.map((projector) => projector.exited));
    if (mongodbUrl) {
      const client = await new MongoClient(mongodbUrl).connect();
      await client.db().dropDatabase();
      await client.close();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`${mode}: one active projector at a time; SIGKILL hands over within the lease; nothing applied twice`, async () => {
    expect(existsSync(BUILT_PROJECTOR)).toBe(true);
    const writer = await openWriter(dataDir, mongodbUrl);
    try {
      for (let i = 0; i < 150; i++) await writer.recordInteraction();
      const before = await writer.events.headPosition();

      // Two projectors start together: exactly one takes the lease, the other waits as a standby.
      const pair = [start(), start()];
      await Promise.all(pair.map((p) => p.waitFor((line) => line.msg === 'lease acquired' || line.msg === 'standby')));
      await sleep(TTL_MS); // several renewals and standby attempts later: still one
      const active = pair.find((p) => p.has('lease acquired'))!;
      const standby = pair.find((p) => p !== active)!;
      expect(pair.map((p) => (p.has('lease acquired') ? 'active' : p.has('standby') ? 'standby' : '?')).sort()).toEqual(['active', 'standby']);
      // The standby has not opened the stores: it has projected nothing.
      expect(standby.has(/^resuming from checkpoint/)).toBeUndefined();
      await active.waitFor((line) => line.msg.startsWith('projections caught up') && line.position === before);

      // Events keep coming; the active one applies them live. At a steady pace (about a hundred a second), not flat out:
      // flat out, the ~8 s until the end of the handover wrote ~9,600 interactions to this one partnership, and
      // projecting and comparing them took longer than the failover itself.
      let writing = true;
      const written = (async () => {
        while (writing) {
          await writer.recordInteraction();
          await sleep(10);
        }
      })();
      await active.waitFor((line) => line.msg === 'projected' && (line.position ?? 0) > before);
      await sleep(300);

      // SIGKILL mid-stream: no flush, no release. The standby takes over once the lease runs out.
      const killedAt = Date.now();
      active.child.kill('SIGKILL');
      expect((await active.exited).signal).toBe('SIGKILL');
      const acquired = await standby.waitFor((line) => line.msg === 'lease acquired', TTL_MS * 4);
      // Not before the lease could have run out (the last renewal was at most a third of the TTL before the kill).
      // How soon after is the keeper's bound, held on a fake clock in projector-process.spec.ts: here, on a loaded
      // machine, a late timer only makes it later, so an upper bound would test the machine, not the product.
      const handover = Date.parse(acquired.time) - killedAt;
      expect(handover).toBeGreaterThanOrEqual(TTL_MS - RENEW_EVERY_MS - SLACK_MS);
      const resumed = await standby.waitFor((line) => line.msg.startsWith('resuming from checkpoint'));
      expect(resumed.position).toBeGreaterThan(before); // the killed one's committed work is kept, not redone from 0

      await sleep(500);
      writing = false;
      await written;
      const head = await writer.events.headPosition();
      await standby.waitFor((line) => (line.msg === 'projected' || line.msg.startsWith('projections caught up')) && line.position === head);

      // SIGTERM: checkpoints flushed, lease released, exit 0.
      standby.child.kill('SIGTERM');
      expect(await standby.exited).toEqual({ code: 0, signal: null });
      expect(standby.lines.map((line) => line.msg).slice(-3)).toEqual(['stopping (SIGTERM)', 'checkpoints flushed', 'lease released']);
      expect(standby.lines.filter((line) => line.msg === 'lease acquired')).toHaveLength(1);

      // The lease was released (no holder left in the lease store), so a restart need not wait for its expiry,
      // and it resumes exactly from the flushed checkpoint.
      if (!mongodbUrl) expect(leaseHolders(dataDir)).toEqual([]);
      const restarted = start();
      await restarted.waitFor((line) => line.msg === 'lease acquired');
      expect((await restarted.waitFor((line) => line.msg.startsWith('resuming from checkpoint'))).position).toBe(head);
      restarted.child.kill('SIGTERM');
      expect((await restarted.exited).code).toBe(0);

      // What the three processes built equals a rebuild from position 0: no event applied twice, none skipped.
      const store = await createReadStore({ dataDir, mongodbUrl });
      let live: Record<string, StoredDocument[]>;
      try {
        live = await liveDocuments(store);
        for (const { name } of ALL_PROJECTIONS) {
          const target = `${name}_g1`;
          expect({ projection: name, checkpoint: await store.checkpoint(target) }).toEqual({ projection: name, checkpoint: head });
        }
      } finally {
        await store.close();
      }
      const partnership = live.partnerships.find((doc) => doc._id === writer.partnershipId) as unknown as PartnershipFacts;
      const interactions = partnership.touchpoints.filter((touchpoint) => touchpoint.kind === 'interaction').map((touchpoint) => touchpoint.id);
      expect(interactions).toHaveLength(writer.recorded.length);
      expect(new Set(interactions)).toEqual(new Set(writer.recorded));
      expect(writer.recorded.length).toBeGreaterThan(150);
      expect(live).toEqual(await rebuiltFromZero(writer.events));
    } finally {
      await writer.events.close();
    }
  }, 120_000);
});
