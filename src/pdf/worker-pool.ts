// A fixed pool of workers for CPU-bound work on one document at a time, each worker
// a child process (default: its whole memory bounded) or a worker thread. Each task
// has a wall-clock limit (the worker is stopped when it overruns) and each worker a
// memory limit (a task that exhausts it fails with `too_large`, the worker is
// replaced). The parse pool and the pipeline's document pool are both built on it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MinutesError, type ErrorCode } from '../schema/errors.js';
import { startWorker, type Isolation, type PoolWorker } from './pool-workers.js';
import type { WORKER_READY, WorkerReply, WorkerRequest } from './worker-protocol.js';

export interface WorkerPoolOptions {
  /** Compiled worker script (see resolveWorkerScript). */
  workerUrl: URL;
  /** Workers, at least 1. */
  size: number;
  /**
   * Memory limit per worker in MB. A process: its resident memory, sampled every
   * RESIDENT_SAMPLE_MS (heap, pdf.js buffers, everything). A thread: its heap only.
   */
  memoryLimitMb: number;
  /** Extra time past a task's limit before its worker is stopped, so the worker's own timeout can answer first. */
  terminateGraceMs: number;
  /** Says what a worker was doing in failure messages: phase (null before the first phase note) → e.g. "parsing". */
  activity: (phase: string | null) => string;
  /** "parser process", "document process": the worker in failure messages. */
  workerName: string;
  /** Child processes (default) or worker threads. */
  isolation?: Isolation;
  /**
   * Workers started as tasks come, at most `size`. Default: `size`. Fewer suits a small batch:
   * each worker costs its start-up (modules, and a cold JIT on its first documents) once.
   */
  eagerWorkers?: number;
  /**
   * Beyond `eagerWorkers`, one more worker (up to `size`) is started when a task waits while
   * every worker has been busy with one task for this long (a long document must not hold up
   * the rest of the batch). Default GROW_AFTER_MS.
   */
  growAfterMs?: number;
}

/** See WorkerPoolOptions.growAfterMs: about what a new document process costs to start and warm. */
export const GROW_AFTER_MS = 2500;

/** How often a process worker's resident memory is read. */
export const RESIDENT_SAMPLE_MS = 100;

/** A task's failure, with the phase its worker last announced (null when it announced none). */
export class WorkerTaskError extends MinutesError {
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
  reject: (err: WorkerTaskError) => void;
}

interface Slot<P, R> {
  worker: PoolWorker;
  /** The worker has loaded its modules (WORKER_READY). */
  ready: boolean;
  task: Task<P, R> | undefined;
  /** When the worker began the current task (performance.now()): sent to it, or the worker's ready note if later. */
  startedAt: number;
  phase: string | null;
  timer: NodeJS.Timeout | undefined;
}

export class WorkerPool<P, R> {
  readonly size: number;
  private readonly options: WorkerPoolOptions;
  private readonly isolation: Isolation;
  private readonly slots = new Set<Slot<P, R>>();
  private readonly queue: Task<P, R>[] = [];
  private nextId = 1;
  private closed = false;
  private watchdog: NodeJS.Timeout | undefined;
  /** How many workers may run now: eagerWorkers, raised by grow() up to size. */
  private allowed: number;
  private growTimer: NodeJS.Timeout | undefined;

  constructor(options: WorkerPoolOptions) {
    this.options = options;
    this.size = options.size;
    this.isolation = options.isolation ?? 'process';
    this.allowed = Math.max(1, Math.min(this.size, options.eagerWorkers ?? this.size));
  }

  /** Runs one task on the next free worker; `transfer` lists buffers of `payload` handed over (not copied) to a thread. */
  run(payload: P, limits: { timeoutMs: number; transfer?: ArrayBuffer[] }): Promise<R> {
    if (this.closed) return Promise.reject(new WorkerTaskError('internal', `the ${this.options.workerName} pool is closed`, null));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, payload, transfer: limits.transfer ?? [], timeoutMs: limits.timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts up to `count` workers now, so loading their modules overlaps the caller's own start-up. */
  prestart(count: number = this.size): void {
    while (!this.closed && this.slots.size < Math.min(count, this.allowed)) {
      const slot = this.spawn();
      slot.worker.unref();
    }
    this.dispatch();
  }

  /** Stops every worker; queued and running tasks are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopWatchdog();
    if (this.growTimer) clearTimeout(this.growTimer);
    this.growTimer = undefined;
    const closedError = (): WorkerTaskError => new WorkerTaskError('internal', `the ${this.options.workerName} pool was closed`, null);
    for (const task of this.queue.splice(0)) task.reject(closedError());
    await Promise.all(
      [...this.slots].map(async (slot) => {
        this.finish(slot, closedError());
        this.slots.delete(slot);
        await slot.worker.kill();
      }),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => s.task === undefined);
      if (!slot && this.slots.size < this.allowed) slot = this.spawn();
      if (!slot) {
        this.armGrowth();
        return;
      }
      this.start(slot, this.queue.shift() as Task<P, R>);
    }
  }

  /** Tasks wait and the pool may still grow: look again once every worker has been on its task for growAfterMs. */
  private armGrowth(): void {
    if (this.growTimer || this.closed || this.allowed >= this.size) return;
    const growAfterMs = this.options.growAfterMs ?? GROW_AFTER_MS;
    const longEnoughAt = (): number => Math.max(...[...this.slots].map((s) => (s.task ? s.startedAt : Number.POSITIVE_INFINITY))) + growAfterMs;
    this.growTimer = setTimeout(() => {
      this.growTimer = undefined;
      if (this.queue.length > 0 && longEnoughAt() <= performance.now()) this.allowed = Math.min(this.size, this.allowed + 1);
      this.dispatch();
    }, Math.max(0, longEnoughAt() - performance.now()));
    this.growTimer.unref();
  }

  private spawn(): Slot<P, R> {
    const { workerUrl, memoryLimitMb, workerName } = this.options;
    const worker = startWorker(this.isolation, workerUrl, memoryLimitMb);
    const slot: Slot<P, R> = { worker, ready: false, task: undefined, startedAt: 0, phase: null, timer: undefined };
    worker.onMessage((message) => {
      const reply = message as WorkerReply<R> | typeof WORKER_READY;
      if ('ready' in reply) {
        slot.ready = true;
        // A task sent before the worker was ready starts now, for growth (its time limit counts from when it was sent).
        if (slot.task) slot.startedAt = performance.now();
        return;
      }
      if (slot.task?.id !== reply.id) return;
      if ('phase' in reply) {
        slot.phase = reply.phase;
        return;
      }
      if (reply.ok) this.finish(slot, undefined, reply.result);
      else this.finish(slot, new WorkerTaskError(reply.error.code, reply.error.message, slot.phase));
      this.dispatch();
    });
    worker.onError((err) => {
      // A worker that dies before it is ready failed to load our code: no document is to blame.
      const failure = !slot.ready
        ? new WorkerTaskError('internal', `the ${workerName} could not start: ${err.message}`, null)
        : err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? this.outOfMemory(slot)
          : this.crashed(slot, err.message);
      this.retire(slot, failure);
    });
    worker.onExit((code, signal) => {
      // V8 aborts a process whose heap is full (SIGABRT, or status 134 through a launcher).
      const failure =
        signal === 'SIGABRT' || code === 134
          ? this.outOfMemory(slot)
          : !slot.ready && this.isolation === 'process'
            ? new WorkerTaskError('internal', `the ${workerName} could not start: ${worker.lastError() ?? `exit code ${code}`}`, null)
            : this.crashed(slot, worker.lastError() ?? `it exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})`);
      this.retire(slot, failure);
    });
    this.slots.add(slot);
    if (this.isolation === 'process') this.startWatchdog();
    return slot;
  }

  private crashed(slot: Slot<P, R>, why: string): WorkerTaskError {
    return new WorkerTaskError('damaged', `the ${this.options.workerName} crashed while ${this.activity(slot)}: ${why}`, slot.phase);
  }

  private outOfMemory(slot: Slot<P, R>): WorkerTaskError {
    const { memoryLimitMb, workerName } = this.options;
    return new WorkerTaskError('too_large', `${this.activity(slot)} needed more than the memory limit of ${memoryLimitMb} MB per ${workerName}`, slot.phase);
  }

  /** Reads each busy process's resident memory; one over the limit is killed and its task fails with too_large. */
  private startWatchdog(): void {
    if (this.watchdog) return;
    const limit = this.options.memoryLimitMb * 1024 * 1024;
    this.watchdog = setInterval(() => {
      for (const slot of this.slots) {
        if (slot.task === undefined) continue; // an idle worker holds what every worker holds
        const resident = slot.worker.residentBytes();
        if (resident === null || resident <= limit) continue;
        this.retire(slot, this.outOfMemory(slot));
        void slot.worker.kill();
      }
    }, RESIDENT_SAMPLE_MS);
    this.watchdog.unref();
  }

  private stopWatchdog(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = undefined;
  }

  private start(slot: Slot<P, R>, task: Task<P, R>): void {
    slot.task = task;
    slot.startedAt = performance.now();
    slot.phase = null;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      const failure = new WorkerTaskError(
        'timeout',
        `${this.activity(slot)} took longer than the limit of ${task.timeoutMs} ms; the ${this.options.workerName} was stopped`,
        slot.phase,
      );
      this.retire(slot, failure);
      void slot.worker.kill();
    }, task.timeoutMs + this.options.terminateGraceMs);
    const request: WorkerRequest<P> = { id: task.id, payload: task.payload };
    slot.worker.send(request, task.transfer);
  }

  private activity(slot: Slot<P, R>): string {
    return this.options.activity(slot.phase);
  }

  private finish(slot: Slot<P, R>, error: WorkerTaskError | undefined, result?: R): void {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = undefined;
    slot.timer = undefined;
    slot.worker.unref();
    if (!task) return;
    if (error) task.reject(error);
    else task.resolve(result as R);
  }

  /** Takes a dead or stopped worker out of the pool; its task fails with `failure`. */
  private retire(slot: Slot<P, R>, failure: WorkerTaskError): void {
    if (!this.slots.delete(slot)) return;
    this.finish(slot, failure);
    if (this.slots.size === 0) this.stopWatchdog();
    if (!this.closed) this.dispatch();
  }
}

export function positiveInt(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

/**
 * Workers need compiled JS. `callerUrl` is the import.meta.url of a module one folder
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
