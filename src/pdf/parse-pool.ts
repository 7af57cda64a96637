// A fixed pool of worker threads for the CPU-bound parse stage. Each document has
// a wall-clock limit (the thread is terminated when it overruns) and each thread a
// heap limit (a document that exhausts it fails with `too_large`, the thread is replaced).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MinutesError } from '../schema/errors.js';
import type { ParsedPdf } from '../schema/parsed.js';
import { resolveParseOptions, type ParseOptions } from './parse-options.js';
import type { ParseReply, ParseRequest } from './parse-worker-protocol.js';

export interface ParsePoolOptions {
  /** Worker threads. Default: os.availableParallelism(). */
  size?: number;
  /** Old-generation heap limit per thread in MB (Worker resourceLimits). Default 1024. */
  memoryLimitMb?: number;
  /** Limits applied to every document unless parse() is given its own. Default: DEFAULT_PARSE_OPTIONS. */
  parse?: ParseOptions;
  /**
   * Extra time past ParseOptions.timeoutMs before the thread is terminated, so the
   * thread's own timeout can answer first and the thread stays warm. Default 1000 ms.
   */
  terminateGraceMs?: number;
}

export const DEFAULT_PARSE_POOL_OPTIONS = Object.freeze({
  size: availableParallelism(),
  memoryLimitMb: 1024,
  terminateGraceMs: 1000,
});

interface Task {
  id: number;
  bytes: Uint8Array;
  options: Readonly<Required<ParseOptions>>;
  resolve: (parsed: ParsedPdf) => void;
  reject: (err: MinutesError) => void;
}

interface Slot {
  worker: Worker;
  task: Task | undefined;
  timer: NodeJS.Timeout | undefined;
}

export class ParsePool {
  readonly size: number;
  private readonly memoryLimitMb: number;
  private readonly graceMs: number;
  private readonly defaults: ParseOptions;
  private readonly workerUrl: URL;
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: ParsePoolOptions = {}) {
    this.size = positiveInt(options.size ?? DEFAULT_PARSE_POOL_OPTIONS.size, 'size');
    this.memoryLimitMb = positiveInt(options.memoryLimitMb ?? DEFAULT_PARSE_POOL_OPTIONS.memoryLimitMb, 'memoryLimitMb');
    this.graceMs = options.terminateGraceMs ?? DEFAULT_PARSE_POOL_OPTIONS.terminateGraceMs;
    this.defaults = options.parse ?? {};
    resolveParseOptions(this.defaults); // fail early on bad limits
    this.workerUrl = resolveWorkerUrl();
  }

  parse(bytes: Uint8Array, options?: ParseOptions): Promise<ParsedPdf> {
    if (this.closed) return Promise.reject(new MinutesError('internal', 'the parse pool is closed'));
    const resolved = resolveParseOptions({ ...this.defaults, ...options });
    return new Promise<ParsedPdf>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, bytes, options: resolved, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts up to `count` threads now, so loading pdf.js overlaps the caller's own start-up. */
  prestart(count: number = this.size): void {
    while (!this.closed && this.slots.size < Math.min(count, this.size)) {
      const slot = this.spawn();
      slot.worker.unref();
    }
    this.dispatch();
  }

  /** Terminates every thread; queued and running documents are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new MinutesError('internal', 'the parse pool was closed'));
    await Promise.all(
      [...this.slots].map(async (slot) => {
        this.finish(slot, new MinutesError('internal', 'the parse pool was closed'));
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
      this.run(slot, this.queue.shift() as Task);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, { resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb } });
    const slot: Slot = { worker, task: undefined, timer: undefined };
    worker.on('message', (reply: ParseReply) => {
      if (slot.task?.id !== reply.id) return;
      if (reply.ok) this.finish(slot, undefined, reply.parsed);
      else this.finish(slot, new MinutesError(reply.error.code, reply.error.message));
      this.dispatch();
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const failure =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new MinutesError('too_large', `reading the PDF needed more than the memory limit of ${this.memoryLimitMb} MB per parser thread`)
          : new MinutesError('damaged', `the parser thread crashed: ${err.message}`);
      this.retire(slot, failure);
    });
    worker.on('exit', (code) => {
      this.retire(slot, new MinutesError('damaged', `the parser thread exited unexpectedly (exit code ${code})`));
    });
    this.slots.add(slot);
    return slot;
  }

  private run(slot: Slot, task: Task): void {
    slot.task = task;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      const failure = new MinutesError('timeout', `parsing took longer than the limit of ${task.options.timeoutMs} ms; the parser thread was stopped`);
      this.retire(slot, failure);
      void slot.worker.terminate();
    }, task.options.timeoutMs + this.graceMs);
    // A private copy is transferred, so the caller's bytes stay usable.
    const bytes = new Uint8Array(task.bytes);
    const request: ParseRequest = { id: task.id, bytes, options: task.options };
    slot.worker.postMessage(request, [bytes.buffer]);
  }

  private finish(slot: Slot, error: MinutesError | undefined, parsed?: ParsedPdf): void {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = undefined;
    slot.timer = undefined;
    slot.worker.unref();
    if (!task) return;
    if (error) task.reject(error);
    else task.resolve(parsed as ParsedPdf);
  }

  /** Takes a dead or killed thread out of the pool; its document fails with `failure`. */
  private retire(slot: Slot, failure: MinutesError): void {
    if (!this.slots.delete(slot)) return;
    this.finish(slot, failure);
    if (!this.closed) this.dispatch();
  }
}

function positiveInt(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`ParsePoolOptions.${name} must be a positive integer, got ${value}`);
  return value;
}

/**
 * Worker threads need compiled JS. From dist/ the script sits beside this file; when
 * this module runs from src/ (vitest), the build's copy in dist/pdf/ is used.
 */
function resolveWorkerUrl(): URL {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../../dist/pdf/parse-worker.js', here) : new URL('./parse-worker.js', here);
  if (!existsSync(fileURLToPath(url))) {
    throw new MinutesError('internal', `the parse worker script is missing at ${fileURLToPath(url)}; run \`npm run build\``);
  }
  return url;
}
