import { Worker } from 'node:worker_threads';
import { EventLogCorruptError } from '../errors';

// Plain JavaScript run by the worker, so it works alike from built code and from TypeScript under test.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let answer;
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try { answer = String(db.pragma('quick_check', { simple: true })); } finally { db.close(); }
} catch (error) {
  answer = error.message;
}
parentPort.postMessage(answer);
`;

/**
 * SQLite's quick_check of an event log (every page read: about 2.7 s for 1M events here), on a read-only
 * connection in a worker thread, so the caller can open its other stores meanwhile. Resolves to undefined when
 * the file is sound and to an EventLogCorruptError naming it otherwise; it never rejects, so nobody has to be
 * listening the moment it fails.
 */
export function checkEventLogInWorker(file: string): Promise<EventLogCorruptError | undefined> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { file, driver: require.resolve('better-sqlite3') } });
    worker.once('message', (answer: string) => resolve(answer === 'ok' ? undefined : new EventLogCorruptError(file, answer)));
    worker.once('error', (error) => resolve(new EventLogCorruptError(file, error.message)));
    worker.once('exit', (code) => code !== 0 && resolve(new EventLogCorruptError(file, `integrity check ended with code ${code}`)));
  });
}
