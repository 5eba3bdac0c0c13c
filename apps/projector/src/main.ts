import { Lease, LEASES_COLLECTION, MongoLease, SqliteLease } from '@crm/lease';
import { createProtectedEventStore } from '@crm/privacy';
import { createReadStore, ReadStore, ReadStoreInUseError } from '@crm/read-store';
import { ALL_PROJECTIONS, keptOnDiskCollections } from '@crm/read-models';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Settings, settingsFromEnv } from '../../api/src/config/settings';
import { createLogger, exitOnStartupFailure, Logger } from '../../api/src/observability/logger';
import { LeaseGuardedReadStore } from './lease-guarded-read-store';
import { Projector } from './projector';
import { Activation, ActivationContext, ProjectorProcess } from './projector-process';

/** The lease store: MongoDB (collection `leases`) in production, `<DATA_DIR>/leases.sqlite` on one machine. */
async function openLease(settings: Settings): Promise<Lease> {
  return settings.mongodbUrl ? MongoLease.connect(settings.mongodbUrl) : new SqliteLease(join(settings.dataDir, 'leases.sqlite'));
}

/**
 * The embedded read store admits one process at a time. A holder that lost its lease may not have exited yet (it
 * stops within moments of its next renewal), so its successor waits for the file while it holds the lease.
 */
async function openReadStore(settings: Settings, log: Logger, context: ActivationContext): Promise<ReadStore> {
  for (let warned = false; ; ) {
    try {
      return await createReadStore({ dataDir: settings.dataDir, mongodbUrl: settings.mongodbUrl, keptOnDisk: keptOnDiskCollections(ALL_PROJECTIONS) });
    } catch (error) {
      if (!(error instanceof ReadStoreInUseError) || context.stopping() || !context.holds()) throw error;
      if (!warned) log.warn({ file: error.file }, 'the read store is still open in another process; waiting for it');
      warned = true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Opens the stores (only now that the lease is held) and starts the projections from their checkpoints. */
async function activate(settings: Settings, log: Logger, context: ActivationContext, onFailure: (error: Error) => void): Promise<Activation> {
  const store = await openReadStore(settings, log, context);
  let events;
  try {
    ({ events } = await createProtectedEventStore(settings));
  } catch (error) {
    await store.close();
    throw error;
  }
  const fence = settings.mongodbUrl ? { collection: LEASES_COLLECTION, name: context.lease, holder: context.holder } : undefined;
  const projector = new Projector(events, new LeaseGuardedReadStore(store, context.assertHeld, fence), log, onFailure);
  const close = async () => {
    await store.close();
    await events.close();
  };
  try {
    await projector.start();
  } catch (error) {
    await projector.stop().catch(() => undefined);
    await close();
    throw error;
  }
  return {
    stop: async () => {
      await projector.stop();
      await close();
    },
  };
}

async function main(): Promise<void> {
  const settings = settingsFromEnv();
  const log = createLogger('projector', settings.logLevel);
  const lease = await openLease(settings);
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let exiting = false;
  const shutdown = async (reason: string, code: number) => {
    if (exiting) return;
    exiting = true;
    try {
      await projector.stop(reason);
      await lease.close();
    } catch (error) {
      log.error({ err: error }, `stopping failed: ${(error as Error).message}`);
      code ||= 1;
    }
    process.exit(code);
  };
  const projector: ProjectorProcess = new ProjectorProcess({
    lease,
    holder,
    ttlMs: settings.projectorLeaseTtlMs,
    log,
    // A projection that stopped on an error: commit what was applied, give the lease up, and let the orchestrator
    // restart this process (it resumes from the checkpoints, or a standby takes over).
    activate: (context) => activate(settings, log, context, () => void shutdown('projection failed', 1)),
    exit: (code) => process.exit(code),
  });
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  try {
    await projector.run();
  } catch (error) {
    log.error({ err: error }, `could not start projecting: ${(error as Error).message}`);
    await shutdown('start failed', 1);
  }
}

main().catch((error) => exitOnStartupFailure('projector', error));
