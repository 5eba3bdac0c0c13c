import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { DamagedEventError } from '../errors';
import { Position, RecordedEvent } from '../event-store.port';
import { EVENT_CHECKSUM_SOURCE } from './event-checksum';

/**
 * A page goes over the page port in parts of about this many characters, each a JSON array of whole events: a
 * message much larger than 100 KB cost the reading thread ten times as much to receive (measured: 2.1 s against
 * 0.12 s for 630 MB of text in messages of 790 KB and of 79 KB), which was an eighth of a rebuild's main thread.
 */
const PART_CHARS = 48 * 1024;

// Plain JavaScript run by the worker, so it works alike from built code and from TypeScript under test.
// It reads pages of the log on a read-only connection of its own and puts each on the page port as JSON texts (parts,
// see PART_CHARS) followed by the page's end: the events as the adapter's readAll gives them, with `data` and
// `metadata` spliced in as stored (JSON the adapter wrote), so that the worker parses nothing and the reading thread
// parses a part with one JSON.parse. It reads at most `credit` pages ahead of the reader, and tells it (on its own
// port) each time a page is ready. It verifies each row's checksum (rows from before checksums: that data and
// metadata parse), and reports a damaged row by position.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { crc32 } = require('node:zlib');
${EVENT_CHECKSUM_SOURCE}
function damage(position, id, streamId, revision, type, data, metadata, checksum) {
  if (checksum !== null) {
    return checksum === eventChecksum(position, id, streamId, revision, type, data, metadata) ? undefined : 'checksum mismatch: the stored row was changed or damaged';
  }
  try { JSON.parse(data); JSON.parse(metadata); } catch (error) { return 'not valid JSON: ' + error.message; }
  return undefined;
}
const Database = require(workerData.driver);
const { file, pageSize, pages } = workerData;
let after = workerData.after;
let credit = 0;
let done = false;
let db;
let read;
// Once done, the worker idles until the reader, having received everything, ends it.
function finish() {
  done = true;
  try { db && db.close(); } catch {}
}
function pump() {
  try {
    if (!db) {
      db = new Database(file, { readonly: true, fileMustExist: true });
      read = db.prepare('SELECT position, id, stream_id, revision, type, data, metadata, checksum FROM events WHERE position > ? ORDER BY position LIMIT ?').raw();
    }
    while (credit > 0 && !done) {
      credit--;
      const rows = read.all(after, pageSize);
      let json = '';
      let parts = 0;
      for (let i = 0; i < rows.length; i++) {
        const [position, id, streamId, revision, type, data, metadata, checksum] = rows[i];
        const damaged = damage(position, id, streamId, revision, type, data, metadata, checksum);
        if (damaged) {
          pages.postMessage({ damaged: { position, streamId, detail: damaged } });
          parentPort.postMessage('page ready');
          finish();
          return;
        }
        json += (json === '' ? '[{"id":' : ',{"id":') + JSON.stringify(id) + ',"streamId":' + JSON.stringify(streamId) + ',"revision":' + revision +
          ',"position":' + position + ',"type":' + JSON.stringify(type) + ',"data":' + data + ',"metadata":' + metadata + '}';
        if (json.length >= ${PART_CHARS}) {
          pages.postMessage(json + ']');
          parts++;
          json = '';
        }
      }
      if (json !== '') {
        pages.postMessage(json + ']');
        parts++;
      }
      const last = rows.length > 0 ? rows[rows.length - 1][0] : after;
      pages.postMessage({ parts, count: rows.length, first: rows.length > 0 ? rows[0][0] : 0, last });
      parentPort.postMessage('page ready');
      after = last;
      if (rows.length < pageSize) finish();
    }
  } catch (error) {
    pages.postMessage({ error: { message: error.message, code: error.code } });
    parentPort.postMessage('page ready');
    finish();
  }
}
parentPort.on('message', (more) => {
  credit += more;
  if (!done) pump();
});
`;

/** Pages read ahead of the reader: enough to keep the worker busy while the reader works on one. */
const READ_AHEAD = 4;

/** What the worker puts on the page port after a page's parts (each a string): the page's end, or why there is none. */
type PageEnd =
  | { parts: number; count: number; first: number; last: number }
  | { error: { message: string; code?: string } }
  | { damaged: { position: number; streamId: string; detail: string } };

/**
 * The log after `after`, page by page up to its end (the last page is short, possibly empty), read in a worker thread
 * while the caller works on the pages before: reading the SQLite file and building the rows' strings is a third of
 * a rebuild's time on one thread. The worker sends each page as text and this thread parses it in one go, which
 * costs no more than parsing each event's data and metadata on its own.
 *
 * A page's text stays in the channel, outside this thread's heap, until the moment it is parsed (receiveMessageOnPort,
 * not a 'message' listener): texts of a megabyte waiting their turn in the heap were each promoted to the old
 * generation by the next scavenge, and piled up there as garbage until a full collection.
 *
 * The worker ends with the last page, or when a reader stops early (`return()`, a `break` out of `for await`).
 */
export function readPagesInWorker(file: string, after: Position, pageSize: number): AsyncIterableIterator<RecordedEvent[]> {
  const { port1: pages, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, after, pageSize, pages: port2, driver: require.resolve('better-sqlite3') },
    transferList: [port2],
  });
  let waiting: (() => void) | undefined;
  let ended = false;
  let failure: Error | undefined;
  const wake = (): void => {
    const resume = waiting;
    waiting = undefined;
    resume?.();
  };
  worker.on('message', wake);
  worker.on('error', (error) => {
    failure ??= error;
    wake();
  });
  worker.on('exit', () => {
    ended = true;
    wake();
  });
  worker.unref();
  worker.postMessage(READ_AHEAD);
  let finished = false;
  let expected = after;

  const end = (): Promise<number> => {
    finished = true;
    pages.close();
    return worker.terminate();
  };
  const stop = async (): Promise<IteratorResult<RecordedEvent[]>> => {
    if (!finished) await end();
    return { done: true, value: undefined };
  };

  /** The next page's parts and end, once the worker has put them on the page port (it says so on its own). */
  const nextMessage = async (): Promise<(PageEnd & { json: string[] }) | undefined> => {
    const json: string[] = [];
    for (;;) {
      const received = receiveMessageOnPort(pages);
      if (received && typeof received.message === 'string') {
        json.push(received.message);
        continue;
      }
      if (received) return { ...(received.message as PageEnd), json };
      if (ended || failure) return undefined;
      // Held open only while someone waits for a page: an abandoned reader does not keep the process alive.
      worker.ref();
      await new Promise<void>((resolve) => (waiting = resolve));
      worker.unref();
    }
  };

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next(): Promise<IteratorResult<RecordedEvent[]>> {
      if (finished) return { done: true, value: undefined };
      const message = await nextMessage();
      if (!message) {
        await end();
        throw failure ?? new Error(`reading the event log ${file} in a worker ended early`);
      }
      if ('damaged' in message) {
        await end();
        const { position, streamId, detail } = message.damaged;
        throw new DamagedEventError(file, position, streamId, detail);
      }
      if ('error' in message) {
        await end();
        throw Object.assign(new Error(message.error.message), message.error.code ? { code: message.error.code } : {});
      }
      worker.postMessage(1);
      const page: RecordedEvent[] = [];
      let parsed = true;
      try {
        for (const part of message.json) {
          const events = JSON.parse(part) as RecordedEvent[];
          if (!Array.isArray(events)) parsed = false;
          else for (const event of events) page.push(event);
        }
      } catch (error) {
        await end();
        throw error;
      }
      // The page holds the rows asked for, in order: stored data or metadata that is not one JSON value each would
      // show here (or have failed to parse) instead of passing for other events.
      const holdsTheRows =
        parsed &&
        message.json.length === message.parts &&
        page.length === message.count &&
        (page.length === 0 || (message.first > expected && page[0]?.position === message.first && page[page.length - 1]?.position === message.last));
      if (!holdsTheRows) {
        await end();
        throw new Error(`event log ${file}: a page read after position ${expected} does not hold the rows read`);
      }
      expected = message.last;
      // The last page: the worker has nothing more to give.
      if (page.length < pageSize) void end();
      return { done: false, value: page };
    },
    return: stop,
  };
}
