import { Worker } from 'node:worker_threads';
import { EVENT_CHECKSUM_SOURCE } from './event-checksum';

// Plain JavaScript run by the worker (see read-pages-in-worker.ts for why).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { crc32 } = require('node:zlib');
const Database = require(workerData.driver);
${EVENT_CHECKSUM_SOURCE}
const { file, chunk, maxDamaged } = workerData;
try {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const total = db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events').get().head;
  const read = db.prepare('SELECT position, id, stream_id, revision, type, data, metadata, checksum FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?').raw();
  const damaged = [];
  let checked = 0;
  let after = 0;
  parentPort.postMessage({ progress: { checked, total } });
  for (;;) {
    const rows = read.all(after, total, chunk);
    for (const [position, id, streamId, revision, type, data, metadata, checksum] of rows) {
      let detail;
      if (checksum !== null) {
        if (checksum !== eventChecksum(position, id, streamId, revision, type, data, metadata)) detail = 'checksum mismatch: the stored row was changed or damaged';
      } else {
        try { JSON.parse(data); JSON.parse(metadata); } catch (error) { detail = 'not valid JSON: ' + error.message; }
      }
      if (detail && damaged.length < maxDamaged) damaged.push({ position, streamId, detail });
    }
    checked += rows.length;
    if (rows.length === 0) break;
    after = rows[rows.length - 1][0];
    parentPort.postMessage({ progress: { checked, total } });
  }
  db.close();
  parentPort.postMessage({ done: { checked, total, damaged } });
} catch (error) {
  parentPort.postMessage({ failed: error.message });
}
`;

export interface DamagedRow {
  position: number;
  streamId: string;
  detail: string;
}

export interface ChecksumScanReport {
  /** Rows checked so far, of `total` (the head when the scan began; later appends are verified as they are read). */
  checked: number;
  total: number;
  /** Damaged rows found (at most `maxDamaged`). */
  damaged: DamagedRow[];
}

/**
 * Verifies every row of an event log (its checksum; a row from before checksums, that its JSON parses) in a worker
 * thread on a read-only connection, reporting progress as it goes. Never rejects: a scan that could not run
 * resolves with `failed`.
 */
export function scanEventChecksumsInWorker(
  file: string,
  onProgress: (progress: { checked: number; total: number }) => void,
  { chunk = 5_000, maxDamaged = 100 } = {},
): Promise<ChecksumScanReport | { failed: string }> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { file, chunk, maxDamaged, driver: require.resolve('better-sqlite3') } });
    worker.unref();
    worker.on('message', (message: { progress?: { checked: number; total: number }; done?: ChecksumScanReport; failed?: string }) => {
      if (message.progress) onProgress(message.progress);
      if (message.done) resolve(message.done);
      if (message.failed !== undefined) resolve({ failed: message.failed });
    });
    worker.once('error', (error) => resolve({ failed: error.message }));
    worker.once('exit', (code) => resolve({ failed: `checksum scan ended with code ${code}` }));
  });
}
