import { Worker, WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread that answers each message it is sent with one message, in the order sent (the SQLite work the
 * stores hand to a thread of their own: the log's checkpoints, the audit trail's writes). It keeps the process alive
 * only while someone awaits an answer. When it ends (an error, an exit, out of memory) every caller still waiting is
 * refused with `endedError` of the reason, and `onEnd` tells its owner, who does the work on its own connection again.
 * Its source answers the message 'stop' by closing what it holds and its port.
 */
export class AnsweringWorker<Answer> {
  private readonly worker: Worker;
  private readonly waiting: Array<{ resolve: (answer: Answer) => void; reject: (error: Error) => void }> = [];
  private ended: Error | undefined;
  private stopping = false;

  constructor(
    source: string,
    options: Pick<WorkerOptions, 'workerData' | 'resourceLimits'>,
    private readonly endedError: (reason: Error) => Error,
    onEnd: () => void,
  ) {
    this.worker = new Worker(source, { ...options, eval: true });
    this.worker.unref();
    this.worker.on('message', (answer: Answer) => {
      const waiter = this.waiting.shift();
      if (this.waiting.length === 0) this.worker.unref();
      waiter?.resolve(answer);
    });
    const end = (reason: Error) => {
      if (this.ended) return;
      this.ended = this.endedError(reason);
      for (const waiter of this.waiting.splice(0)) waiter.reject(this.ended);
      if (!this.stopping) onEnd();
    };
    this.worker.on('error', end);
    this.worker.on('exit', (code) => end(new Error(`the worker thread exited (code ${code})`)));
  }

  /** Sends `message`; resolves with the worker's answer to it. */
  ask(message: unknown): Promise<Answer> {
    if (this.ended) return Promise.reject(this.ended);
    if (this.stopping) return Promise.reject(this.endedError(new Error('the worker thread was stopped')));
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.ref();
      this.worker.postMessage(message);
    });
  }

  /**
   * Stops the worker and waits until it has exited. `answerWaiting`: the messages sent before are still answered (the
   * worker takes them in order); otherwise their callers are refused at once.
   */
  async stop({ answerWaiting }: { answerWaiting: boolean }): Promise<void> {
    if (this.ended || this.stopping) return;
    this.stopping = true;
    if (!answerWaiting) for (const waiter of this.waiting.splice(0)) waiter.reject(this.endedError(new Error('the worker thread was stopped')));
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.ref();
    this.worker.postMessage('stop');
    await exited;
  }
}
