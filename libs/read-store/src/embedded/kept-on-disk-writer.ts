import { AnsweringWorker } from '@crm/storage';
import { WAIT_FOR_WRITER_MS } from './open-read-model-file';

/**
 * Rows to write: the collection and id of each, and the documents' JSON texts one per line (JSON.stringify writes no
 * line break; an empty line removes the document). One text rather than a text per row: a thread receives a single
 * string at the cost of a copy, and tens of thousands of small ones each as an object of its own.
 */
export interface KeptOnDiskRows {
  collections: string[];
  ids: string[];
  bodies: string;
}

// Plain JavaScript run by the worker (so it works alike from built code and from TypeScript under test): a connection
// of its own to the read-model file, writing each batch it is sent in one transaction, in the order sent, and
// answering each with `ok` or the error (message and SQLite code, so the store names a full disk as such).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
let write;
// All or nothing: a connection that failed half-way is closed, and the next batch opens one again.
function open() {
  const connection = new Database(workerData.file, { fileMustExist: true, timeout: workerData.waitMs });
  try {
    prepare(connection);
    db = connection;
  } catch (error) {
    connection.close();
    throw error;
  }
}
function prepare(db) {
  db.pragma('synchronous = NORMAL');
  const upsert = db.prepare('INSERT INTO documents (collection, id, body) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body');
  const remove = db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?');
  const setCheckpoint = db.prepare('INSERT INTO checkpoints (projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position');
  const transaction = db.transaction(({ collections, ids, bodies }, checkpoints) => {
    let at = 0;
    for (let i = 0; i < ids.length; i++) {
      const end = bodies.indexOf('\\n', at);
      const body = bodies.slice(at, end);
      at = end + 1;
      body === '' ? remove.run(collections[i], ids[i]) : upsert.run(collections[i], ids[i], body);
    }
    for (const [projection, position] of checkpoints) setCheckpoint.run(projection, position);
  });
  write = transaction;
}
parentPort.on('message', (message) => {
  if (message === 'stop') {
    if (db) db.close();
    parentPort.close();
    return;
  }
  try {
    if (!db) open();
    write(message.rows, message.checkpoints);
    parentPort.postMessage({ ok: true });
  } catch (error) {
    parentPort.postMessage({ error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

/**
 * Writes the batches of collections kept on disk (the audit trail: an entry per event) in a worker thread, on a
 * connection of its own to the read-model file: the SQLite work of a million entries was a third of a rebuild's main
 * thread (7.3 of 22.3 s), and a rebuild's second core was mostly idle. The caller turns the documents into JSON
 * (what it would send in any case: a structured clone costs as much) and awaits the answer, so a commit still
 * resolves only once its batch is in the file, and a query after it finds it there.
 */
export class KeptOnDiskWriter {
  private readonly worker: AnsweringWorker<{ ok?: true; error?: { message: string; code?: string } }>;

  /** `onEnd`: the worker failed or exited by itself; the caller writes on its own connection again. */
  constructor(file: string, onEnd: () => void) {
    this.worker = new AnsweringWorker(
      WORKER,
      {
        workerData: { driver: require.resolve('better-sqlite3'), file, waitMs: WAIT_FOR_WRITER_MS },
        resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
      },
      (reason) => new KeptOnDiskWriterEndedError(reason),
      onEnd,
    );
  }

  /** Writes the rows and checkpoints in one transaction; resolves once it has committed, rejects with its error. */
  async write(rows: KeptOnDiskRows, checkpoints: Array<[string, number]>): Promise<void> {
    const { error } = await this.worker.ask({ rows, checkpoints });
    if (error) throw Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
  }

  /** Stops the worker once the batches sent before have been written, and waits until it has closed its connection. */
  stop(): Promise<void> {
    return this.worker.stop({ answerWaiting: true });
  }
}

/**
 * The writer thread ended (failed, ran out of memory, or was stopped) before it answered: its connection is closed,
 * and the batch may be written on another one (if the thread committed it before it ended, that writes the same rows
 * and checkpoint again). Not an answer of SQLite's, which carries SQLite's code instead.
 */
export class KeptOnDiskWriterEndedError extends Error {
  constructor(readonly reason: Error) {
    super(`the writer of the collections kept on disk has ended: ${reason.message}`);
    this.name = 'KeptOnDiskWriterEndedError';
  }
}
