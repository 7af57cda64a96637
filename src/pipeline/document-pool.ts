// Worker processes that take one document from bytes to its contract document: parse,
// normalise, extract and validate run in the same process, one round trip per document,
// so a batch keeps every core busy and the calling process only hashes, stores and writes.
// The time limit covers the whole work; the memory limit (resident, whatever holds it:
// the heap or pdf.js's buffers) applies to each process, so a bomb costs its own document.
import { availableParallelism } from 'node:os';
import type { ExtractedDocument } from '../schema/contract.js';
import { MinutesError, type ErrorCode } from '../schema/errors.js';
import type { PageLayout } from '../schema/normalised.js';
import type { EncodedParsed } from '../store/parsed-cache-codec.js';
import { resolveParseOptions, type ParseOptions } from '../pdf/parse-options.js';
import { positiveInt, resolveWorkerScript, WorkerPool, WorkerTaskError } from '../pdf/worker-pool.js';
import type { Isolation } from '../pdf/pool-workers.js';

export interface DocumentPoolOptions {
  /** Worker processes. Default: os.availableParallelism(). */
  size?: number;
  /** Memory limit per document process in MB (resident memory, sampled; the heap gets less); covers parsing and extraction. Default 1536. */
  memoryLimitMb?: number;
  /** Limits for every document unless process() is given its own; timeoutMs covers parse + build. Default: DEFAULT_PARSE_OPTIONS. */
  parse?: ParseOptions;
  /** Extra time past timeoutMs before a worker is stopped, so the worker's own timeout can answer first. Default 1000 ms. */
  terminateGraceMs?: number;
  /** Child processes, each bounded as a whole (default), or worker threads (heap limit only). */
  isolation?: Isolation;
  /** Processes started as documents come (default: size); more only when a long document holds them up. See WorkerPoolOptions.eagerWorkers. */
  eagerWorkers?: number;
}

export const DEFAULT_DOCUMENT_POOL_OPTIONS = Object.freeze({
  size: availableParallelism(),
  memoryLimitMb: 1536,
  terminateGraceMs: 1000,
});

/** One document for a thread: its identity (for the contract's `source`), bytes and limits. */
export interface DocumentTask {
  path: string;
  sha256: string;
  /** Size of the file in bytes, as hashed. */
  byteCount: number;
  bytes: Uint8Array;
  options: Readonly<Required<ParseOptions>>;
}

export interface DocumentInput {
  /** The path as given (the contract's source.path). */
  path: string;
  sha256: string;
  /** Size of the file in bytes, as hashed. */
  byteCount: number;
  bytes: Uint8Array;
  /** Move the bytes' buffer to a worker thread instead of copying it (the caller is done with them); a process always gets a copy. Default false. */
  handOver?: boolean;
}

/**
 * A process's answer: the parsed pages always (they are cached even when the build fails), and
 * the document or the build's error. The pages come encoded for the cache (gzipped JSON): a few
 * bytes over IPC instead of every text item cloned across and encoded again in the caller.
 */
export type DocumentWork =
  | { parsedCache: EncodedParsed; document: ExtractedDocument; layouts: PageLayout[] }
  | { parsedCache: EncodedParsed; buildError: { code: ErrorCode; message: string } };

/** The phase a thread announces after parsing; before it, the thread is parsing. */
export const BUILD_PHASE = 'build';

export type DocumentOutcome =
  | { ok: true; parsedCache: EncodedParsed; document: ExtractedDocument; layouts?: PageLayout[] }
  | {
      ok: false;
      /** parse: the PDF could not be read. build: normalise, extract or validate failed (or the limits ran out there). */
      stage: 'parse' | 'build';
      error: MinutesError;
      /** The parsed pages, encoded for the cache, when parsing succeeded. */
      parsedCache: EncodedParsed | null;
    };

export class DocumentPool {
  readonly size: number;
  private readonly defaults: ParseOptions;
  private readonly workers: WorkerPool<DocumentTask, DocumentWork>;

  constructor(options: DocumentPoolOptions = {}) {
    this.size = positiveInt(options.size ?? DEFAULT_DOCUMENT_POOL_OPTIONS.size, 'DocumentPoolOptions.size');
    const memoryLimitMb = positiveInt(options.memoryLimitMb ?? DEFAULT_DOCUMENT_POOL_OPTIONS.memoryLimitMb, 'DocumentPoolOptions.memoryLimitMb');
    this.defaults = options.parse ?? {};
    resolveParseOptions(this.defaults); // fail early on bad limits
    this.workers = new WorkerPool({
      workerUrl: resolveWorkerScript(import.meta.url, 'pipeline/document-worker.js'),
      size: this.size,
      memoryLimitMb,
      terminateGraceMs: options.terminateGraceMs ?? DEFAULT_DOCUMENT_POOL_OPTIONS.terminateGraceMs,
      activity: (phase) => (phase === BUILD_PHASE ? 'normalising and extracting (after parsing)' : 'parsing'),
      workerName: options.isolation === 'thread' ? 'document thread' : 'document process',
      ...(options.isolation ? { isolation: options.isolation } : {}),
      ...(options.eagerWorkers !== undefined ? { eagerWorkers: positiveInt(options.eagerWorkers, 'DocumentPoolOptions.eagerWorkers') } : {}),
    });
  }

  /**
   * Parses and builds one document; never rejects: failures come back as outcomes with their stage.
   * The thread gets a copy of the bytes, unless `handOver` is set and they fill their own buffer:
   * then that buffer moves to the thread (no copy; the caller's view becomes empty).
   */
  async process(input: DocumentInput, options?: ParseOptions): Promise<DocumentOutcome> {
    const resolved = resolveParseOptions({ ...this.defaults, ...options });
    const own = input.bytes;
    const movable = input.handOver === true && own.byteOffset === 0 && own.byteLength === own.buffer.byteLength && own.buffer instanceof ArrayBuffer;
    const bytes = movable ? own : new Uint8Array(own);
    const task: DocumentTask = { path: input.path, sha256: input.sha256, byteCount: input.byteCount, bytes, options: resolved };
    try {
      const work = await this.workers.run(task, { timeoutMs: resolved.timeoutMs, transfer: [bytes.buffer as ArrayBuffer] });
      if ('document' in work) return { ok: true, parsedCache: work.parsedCache, document: work.document, layouts: work.layouts };
      return { ok: false, stage: 'build', error: new MinutesError(work.buildError.code, work.buildError.message), parsedCache: work.parsedCache };
    } catch (err) {
      const failure = err instanceof MinutesError ? err : new MinutesError('internal', String(err));
      const phase = err instanceof WorkerTaskError ? err.phase : null;
      return { ok: false, stage: phase === BUILD_PHASE ? 'build' : 'parse', error: failure, parsedCache: null };
    }
  }

  /** Starts up to `count` threads now, so loading their modules overlaps the caller's own start-up. */
  prestart(count: number = this.size): void {
    this.workers.prestart(count);
  }

  /** Terminates every thread; queued and running documents end as failed outcomes (code internal). */
  async close(): Promise<void> {
    await this.workers.close();
  }
}
