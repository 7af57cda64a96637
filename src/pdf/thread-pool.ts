// A fixed pool of worker threads for CPU-bound work on one document at a time. Each
// task has a wall-clock limit (the thread is terminated when it overruns) and each
// thread a heap limit (a task that exhausts it fails with `too_large`, the thread is
// replaced). The parse pool and the pipeline's document pool are both built on it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MinutesError, type ErrorCode } from '../schema/errors.js';
import type { THREAD_READY, ThreadReply, ThreadRequest } from './thread-protocol.js';

export interface ThreadPoolOptions {
  /** Compiled worker script (see resolveWorkerScript). */
  workerUrl: URL;
  /** Worker threads, at least 1. */
  size: number;
  /** Old-generation heap limit per thread in MB (Worker resourceLimits). */
  memoryLimitMb: number;
  /** Extra time past a task's limit before its thread is terminated, so the thread's own timeout can answer first. */
  terminateGraceMs: number;
  /** Says what a thread was doing in failure messages: phase (null before the first phase note) → e.g. "parsing". */
  activity: (phase: string | null) => string;
  /** "parser thread", "document thread": the thread in failure messages. */
  threadName: string;
}

/** A task's failure, with the phase its thread last announced (null when it announced none). */
export class ThreadTaskError extends MinutesError {
  readonly phase: string | null;
  constructor(code: ErrorCode, message: string, phase: string | null) {
    super(code, message);
    this.phase = phase;
  }
}

interface Task<P, R> {
  id: number;
  payload: P;
  transfer: ArrayBuffer[];
  timeoutMs: number;
  resolve: (result: R) => void;
  reject: (err: ThreadTaskError) => void;
}

interface Slot<P, R> {
  worker: Worker;
  /** The thread has loaded its modules (THREAD_READY). */
  ready: boolean;
  task: Task<P, R> | undefined;
  phase: string | null;
  timer: NodeJS.Timeout | undefined;
}

export class ThreadPool<P, R> {
  readonly size: number;
  private readonly options: ThreadPoolOptions;
  private readonly slots = new Set<Slot<P, R>>();
  private readonly queue: Task<P, R>[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: ThreadPoolOptions) {
    this.options = options;
    this.size = options.size;
  }

  /** Runs one task on the next free thread; `transfer` lists buffers of `payload` handed over (not copied). */
  run(payload: P, limits: { timeoutMs: number; transfer?: ArrayBuffer[] }): Promise<R> {
    if (this.closed) return Promise.reject(new ThreadTaskError('internal', `the ${this.options.threadName} pool is closed`, null));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, payload, transfer: limits.transfer ?? [], timeoutMs: limits.timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts up to `count` threads now, so loading their modules overlaps the caller's own start-up. */
  prestart(count: number = this.size): void {
    while (!this.closed && this.slots.size < Math.min(count, this.size)) {
      const slot = this.spawn();
      slot.worker.unref();
    }
    this.dispatch();
  }

  /** Terminates every thread; queued and running tasks are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const closedError = (): ThreadTaskError => new ThreadTaskError('internal', `the ${this.options.threadName} pool was closed`, null);
    for (const task of this.queue.splice(0)) task.reject(closedError());
    await Promise.all(
      [...this.slots].map(async (slot) => {
        this.finish(slot, closedError());
        this.slots.delete(slot);
        await slot.worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => s.task === undefined);
      if (!slot && this.slots.size < this.size) slot = this.spawn();
      if (!slot) return;
      this.start(slot, this.queue.shift() as Task<P, R>);
    }
  }

  private spawn(): Slot<P, R> {
    const { workerUrl, memoryLimitMb, threadName } = this.options;
    const worker = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb } });
    const slot: Slot<P, R> = { worker, ready: false, task: undefined, phase: null, timer: undefined };
    worker.on('message', (reply: ThreadReply<R> | typeof THREAD_READY) => {
      if ('ready' in reply) {
        slot.ready = true;
        return;
      }
      if (slot.task?.id !== reply.id) return;
      if ('phase' in reply) {
        slot.phase = reply.phase;
        return;
      }
      if (reply.ok) this.finish(slot, undefined, reply.result);
      else this.finish(slot, new ThreadTaskError(reply.error.code, reply.error.message, slot.phase));
      this.dispatch();
    });
    worker.on('error', (err: Error & { code?: string }) => {
      // A thread that dies before it is ready failed to load our code: no document is to blame.
      const failure = !slot.ready
        ? new ThreadTaskError('internal', `the ${threadName} could not start: ${err.message}`, null)
        : err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ThreadTaskError('too_large', `${this.activity(slot)} needed more than the memory limit of ${memoryLimitMb} MB per ${threadName}`, slot.phase)
          : new ThreadTaskError('damaged', `the ${threadName} crashed while ${this.activity(slot)}: ${err.message}`, slot.phase);
      this.retire(slot, failure);
    });
    worker.on('exit', (code) => {
      this.retire(slot, new ThreadTaskError('damaged', `the ${threadName} exited unexpectedly (exit code ${code})`, slot.phase));
    });
    this.slots.add(slot);
    return slot;
  }

  private start(slot: Slot<P, R>, task: Task<P, R>): void {
    slot.task = task;
    slot.phase = null;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      const failure = new ThreadTaskError(
        'timeout',
        `${this.activity(slot)} took longer than the limit of ${task.timeoutMs} ms; the ${this.options.threadName} was stopped`,
        slot.phase,
      );
      this.retire(slot, failure);
      void slot.worker.terminate();
    }, task.timeoutMs + this.options.terminateGraceMs);
    const request: ThreadRequest<P> = { id: task.id, payload: task.payload };
    slot.worker.postMessage(request, task.transfer);
  }

  private activity(slot: Slot<P, R>): string {
    return this.options.activity(slot.phase);
  }

  private finish(slot: Slot<P, R>, error: ThreadTaskError | undefined, result?: R): void {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = undefined;
    slot.timer = undefined;
    slot.worker.unref();
    if (!task) return;
    if (error) task.reject(error);
    else task.resolve(result as R);
  }

  /** Takes a dead or killed thread out of the pool; its task fails with `failure`. */
  private retire(slot: Slot<P, R>, failure: ThreadTaskError): void {
    if (!this.slots.delete(slot)) return;
    this.finish(slot, failure);
    if (!this.closed) this.dispatch();
  }
}

export function positiveInt(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

/**
 * Worker threads need compiled JS. `callerUrl` is the import.meta.url of a module one folder
 * below src/ (or dist/), `script` the worker's path from there, e.g. "pdf/parse-worker.js".
 * From dist/ the script is the compiled sibling; from src/ (vitest) the build's copy in dist/.
 */
export function resolveWorkerScript(callerUrl: string, script: string): URL {
  const srcOrDist = callerUrl.endsWith('.ts') ? '../../dist/' : '../';
  const url = new URL(`${srcOrDist}${script}`, callerUrl);
  if (!existsSync(fileURLToPath(url))) {
    throw new MinutesError('internal', `the worker script is missing at ${fileURLToPath(url)}; run \`npm run build\``);
  }
  return url;
}
