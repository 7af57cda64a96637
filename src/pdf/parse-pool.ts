// A fixed pool of worker processes for the CPU-bound parse stage. Each document has
// a wall-clock limit (the process is stopped when it overruns) and each process a
// memory limit (a document that exhausts it fails with `too_large`, the process is replaced).
import { availableParallelism } from 'node:os';
import type { ParsedPdf } from '../schema/parsed.js';
import { resolveParseOptions, type ParseOptions } from './parse-options.js';
import { positiveInt, resolveWorkerScript, WorkerPool } from './worker-pool.js';

export interface ParsePoolOptions {
  /** Worker threads. Default: os.availableParallelism(). */
  size?: number;
  /** Memory limit per parser process in MB (resident memory, sampled; the heap gets less). Default 1536. */
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
  memoryLimitMb: 1536,
  terminateGraceMs: 1000,
});

/** What a parse thread is sent: the bytes (transferred) and the resolved limits. */
export interface ParseTask {
  bytes: Uint8Array;
  options: Readonly<Required<ParseOptions>>;
}

export class ParsePool {
  readonly size: number;
  private readonly defaults: ParseOptions;
  private readonly threads: WorkerPool<ParseTask, ParsedPdf>;

  constructor(options: ParsePoolOptions = {}) {
    this.size = positiveInt(options.size ?? DEFAULT_PARSE_POOL_OPTIONS.size, 'ParsePoolOptions.size');
    const memoryLimitMb = positiveInt(options.memoryLimitMb ?? DEFAULT_PARSE_POOL_OPTIONS.memoryLimitMb, 'ParsePoolOptions.memoryLimitMb');
    this.defaults = options.parse ?? {};
    resolveParseOptions(this.defaults); // fail early on bad limits
    this.threads = new WorkerPool({
      workerUrl: resolveWorkerScript(import.meta.url, 'pdf/parse-worker.js'),
      size: this.size,
      memoryLimitMb,
      terminateGraceMs: options.terminateGraceMs ?? DEFAULT_PARSE_POOL_OPTIONS.terminateGraceMs,
      activity: () => 'parsing',
      workerName: 'parser process',
    });
  }

  parse(bytes: Uint8Array, options?: ParseOptions): Promise<ParsedPdf> {
    const resolved = resolveParseOptions({ ...this.defaults, ...options });
    // A private copy is transferred, so the caller's bytes stay usable.
    const copy = new Uint8Array(bytes);
    return this.threads.run({ bytes: copy, options: resolved }, { timeoutMs: resolved.timeoutMs, transfer: [copy.buffer] });
  }

  /** Starts up to `count` threads now, so loading pdf.js overlaps the caller's own start-up. */
  prestart(count: number = this.size): void {
    this.threads.prestart(count);
  }

  /** Terminates every thread; queued and running documents are rejected. */
  async close(): Promise<void> {
    await this.threads.close();
  }
}
