// The in-process harness: for each PDF, fetch → skip check → parse + build (one round
// trip to a document thread) → cache parsed pages → store → write JSON. This thread
// only hashes, stores and writes; it never loads pdf.js or the extractors. One bad
// file never stops the batch: every file ends as ok, skipped or failed, with the reason.
import { access, readFile, rm, stat } from 'node:fs/promises';
import { errorInfo, MinutesError, type ErrorCode } from '../schema/errors.js';
import { classifyStoreError, STORE_STOP_CODES } from '../schema/write-errors.js';
import type { ExtractedDocument } from '../schema/contract.js';
import type { PageLayout } from '../schema/normalised.js';
import { resolveParseOptions, type ParseOptions } from '../pdf/parse-options.js';
import type { SaveAction, Store } from '../store/types.js';
import { EXTRACTOR } from '../version.js';
import { DocumentPool, type DocumentOutcome } from './document-pool.js';
import { findPdfs } from './find-pdfs.js';
import { openable, type RawPaths } from './byte-paths.js';
import { hashFile, type HashedFile } from './hash-file.js';
import { OutputNames, writeJsonAtomic } from './output-json.js';
import { runStages, type Stage } from './run-stages.js';
import { withoutPages } from './without-pages.js';

export type FileResult =
  | { status: 'ok'; path: string; sha256: string; pages: number; jsonFile: string; action: SaveAction }
  | {
      status: 'skipped';
      path: string;
      sha256: string;
      /** Why: stored before with this extractor version (ok or failed), or the same bytes as another input of this run. */
      reason: 'stored' | 'failed_before' | 'duplicate';
      /** failed_before: the code it failed with then. duplicate: null. */
      previousCode: string | null;
      /** duplicate: the input of this run with the same bytes. */
      duplicateOf: string | null;
      /** stored, duplicate: the JSON written from the store because this input had none in the output folder; else null. */
      jsonFile: string | null;
    }
  | { status: 'failed'; path: string; sha256: string | null; code: ErrorCode; message: string; stage: string };

export interface IngestOptions {
  /** Folder for the JSON documents. */
  outDir: string;
  /** Put the normalised page texts into the JSON (`pages`). Default false. */
  withText?: boolean;
  /** Which stored documents are read again; see Reread. Default 'none'. */
  reread?: Reread;
  /**
   * Document threads (each parses, normalises, extracts and validates one document at a time),
   * and documents in flight (+1, so storing and writing overlap the threads). Default: os.availableParallelism().
   */
  concurrency?: number;
  /** Per-document limits; see DEFAULT_PARSE_OPTIONS. timeoutMs covers parsing and extraction together. */
  parse?: ParseOptions;
  /** Heap limit per document thread in MB (parsing and extraction). Default: DEFAULT_DOCUMENT_POOL_OPTIONS.memoryLimitMb. */
  memoryLimitMb?: number;
  /** Called once the inputs are known. */
  onStart?: (total: number) => void;
  /** Called as each file ends. */
  onResult?: (result: FileResult) => void;
  /** Called with every stage error (before the failure is recorded). */
  onError?: (error: unknown, at: { stage: string; path: string }) => void;
}

/**
 * Which documents already stored with this extractor version are read again:
 * none (skipped), those that failed (`--retry-failed`), or all (`--force`). A reread
 * document replaces its row and its JSON: the store never holds it twice.
 */
export type Reread = 'none' | 'failed' | 'all';

export interface IngestReport {
  results: FileResult[];
  ok: number;
  failed: number;
  skipped: number;
  /** Pages of the documents ingested (ok) in this run. */
  pages: number;
  seconds: number;
  /**
   * Set when the store or the output folder could not be written (a full disk, a read-only
   * file system): the batch stopped there, and the files not yet started are not in `results`.
   */
  stopped?: { code: ErrorCode; message: string; notStarted: number };
}

interface FileContext {
  readonly path: string;
  hashed?: HashedFile;
  /** What the document thread answered; dropped once stored. */
  outcome?: DocumentOutcome | undefined;
  document?: ExtractedDocument;
  /** Where each run of the page texts sits, stored to draw pages without the PDF. */
  layouts?: PageLayout[] | undefined;
  result?: FileResult;
  /** Resolves the `done` of this file's claim on its sha256. */
  release?: () => void;
  /** This file's turn to claim its sha256, after the files started before it. */
  turn?: ClaimTurn;
  /** Where its JSON was written. */
  jsonFile?: string;
}

/**
 * Files hash in parallel but claim their sha256 in the order they were started, so of
 * two inputs with the same bytes the same one is always stored and the other skipped.
 */
export interface ClaimTurn {
  /** Settles when the file started before this one has claimed (or failed before claiming). */
  previous: Promise<void>;
  /** Lets the next file claim; safe to call more than once. */
  pass: () => void;
}

/** Everything one file's stages need, shared by all files of a run. */
export interface IngestDeps {
  store: Store;
  pool: DocumentPool;
  names: OutputNames;
  withText: boolean;
  reread: Reread;
  parse: Readonly<Required<ParseOptions>>;
  /** sha256 → the first input of this run with those bytes, and when it is done (the same PDF twice is parsed once). */
  claimed: Map<string, { path: string; done: Promise<void> }>;
  onError?: IngestOptions['onError'];
  /** Inputs whose name is not UTF-8, opened by their bytes. */
  rawPaths?: RawPaths;
  /** The first store-wide write failure; no file starts after it. */
  halt?: MinutesError;
}

export async function ingestPaths(paths: readonly string[], store: Store, options: IngestOptions): Promise<IngestReport> {
  const startedAt = performance.now();
  const parse = resolveParseOptions(options.parse);
  const { files, missing, rawPaths } = await findPdfs(paths);
  options.onStart?.(files.length + missing.length);
  const results: FileResult[] = [];
  const report = (result: FileResult): void => {
    results.push(result);
    options.onResult?.(result);
  };
  for (const m of missing) report({ status: 'failed', path: m.path, sha256: null, code: m.code, message: m.message, stage: 'find' });

  const { queue, bytes } = await largestFirst(files, rawPaths);
  const pool = new DocumentPool({
    ...(options.concurrency !== undefined ? { size: options.concurrency } : {}),
    ...(options.memoryLimitMb !== undefined ? { memoryLimitMb: options.memoryLimitMb } : {}),
    ...(bytes < SMALL_BATCH_BYTES ? { eagerWorkers: 1 } : {}),
    parse,
  });
  pool.prestart(files.length);
  const deps: IngestDeps = {
    store,
    pool,
    names: new OutputNames(options.outDir, files),
    withText: options.withText ?? false,
    reread: options.reread ?? 'none',
    parse,
    claimed: new Map(),
    rawPaths,
    ...(options.onError ? { onError: options.onError } : {}),
  };
  try {
    let next = 0;
    let previousClaim = Promise.resolve();
    const lane = async (): Promise<void> => {
      while (next < queue.length && !deps.halt) {
        const path = queue[next++] as string;
        let pass = (): void => {};
        const turn: ClaimTurn = { previous: previousClaim, pass: () => pass() };
        previousClaim = new Promise<void>((resolve) => (pass = resolve));
        report(await ingestFile(path, deps, turn));
      }
    };
    await Promise.all(Array.from({ length: Math.min(pool.size + 1, queue.length) }, lane));
  } finally {
    await pool.close();
  }
  // Report in input order, whatever order the files finished in.
  const order = new Map([...missing.map((m) => m.path), ...files].map((path, i) => [path, i]));
  results.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
  const count = (status: FileResult['status']): number => results.filter((r) => r.status === status).length;
  const halt = deps.halt;
  return {
    ...(halt ? { stopped: { code: errorInfo(halt).code, message: halt.message, notStarted: files.length - (results.length - missing.length) } } : {}),
    results,
    ok: count('ok'),
    failed: count('failed'),
    skipped: count('skipped'),
    pages: results.reduce((sum, r) => sum + (r.status === 'ok' ? r.pages : 0), 0),
    seconds: (performance.now() - startedAt) / 1000,
  };
}

/**
 * A batch of fewer PDF bytes starts one document process, not one per core: a process costs
 * ~2.5 CPU-s to start and warm (modules, pdf.js, the rules' regular expressions, a cold JIT on
 * its first documents), about the work of 1 MB of text PDFs (npm run bench, issue 12). More
 * processes start when a long document holds the first one up (WorkerPoolOptions.growAfterMs).
 */
const SMALL_BATCH_BYTES = 1_000_000;

/**
 * The order files are started in: largest first, so a long document does not start last
 * and leave the other threads idle while it runs. Equal sizes keep their input order.
 * With the batch's size in bytes.
 */
async function largestFirst(files: readonly string[], rawPaths: RawPaths): Promise<{ queue: string[]; bytes: number }> {
  const sizes = await Promise.all(files.map((path) => stat(openable(path, rawPaths)).then((s) => s.size, () => 0)));
  const queue = files.map((path, i) => ({ path, size: sizes[i] ?? 0, i })).sort((a, b) => b.size - a.size || a.i - b.i).map((f) => f.path);
  return { queue, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}

/** Runs one file through every stage; never throws for a bad document. */
export async function ingestFile(path: string, deps: IngestDeps, turn?: ClaimTurn): Promise<FileResult> {
  const context: FileContext = turn ? { path, turn } : { path };
  try {
    return await runFile(context, deps);
  } finally {
    context.turn?.pass();
    context.release?.();
  }
}

async function runFile(context: FileContext, deps: IngestDeps): Promise<FileResult> {
  const path = context.path;
  const run = await runStages(context, fileStages(deps), {
    onError: (error, at) => deps.onError?.(error, { stage: at.stage, path }),
  });
  if (run.ok && context.result) return context.result;
  const { code, message } = run.ok
    ? { code: 'internal' as const, message: 'the stages ended without a result' }
    : errorInfo(run.error);
  const stage = run.ok ? 'end' : run.stage;
  const hashed = context.hashed;
  if (WRITE_STAGES.includes(stage) && STORE_STOP_CODES.includes(code)) {
    // The machine's fault, not the document's: nothing is recorded (the store could not take it
    // anyway, and a re-run must not skip the file as failed before), and the batch stops.
    deps.halt ??= new MinutesError(code, message);
    return { status: 'failed', path, sha256: hashed?.sha256 ?? null, code, message, stage };
  }
  if (hashed) {
    try {
      await deps.store.recordFailure({ sha256: hashed.sha256, path, bytes: hashed.bytes, extractorVersion: EXTRACTOR.version, code, message });
    } catch (err) {
      const why = errorInfo(err);
      return { status: 'failed', path, sha256: hashed.sha256, code, message: `${message} (and recording the failure failed: ${why.message})`, stage };
    }
  }
  return { status: 'failed', path, sha256: hashed?.sha256 ?? null, code, message, stage };
}

/** Stages that write to the store or the output folder. */
const WRITE_STAGES: readonly string[] = ['cache', 'write', 'store'];

function fileStages(deps: IngestDeps): Stage<FileContext>[] {
  return [
    {
      name: 'fetch',
      run: async (c) => {
        c.hashed = await hashFile(openable(c.path, deps.rawPaths), { maxBytes: deps.parse.maxBytes });
      },
    },
    {
      name: 'skip',
      run: async (c) => {
        const { sha256 } = need(c.hashed);
        await c.turn?.previous;
        const first = deps.claimed.get(sha256);
        if (first === undefined) deps.claimed.set(sha256, { path: c.path, done: new Promise<void>((resolve) => (c.release = resolve)) });
        c.turn?.pass();
        if (first !== undefined) {
          await first.done;
          const stored = await deps.store.findBySha256(sha256);
          const exported = stored?.status === 'ok' && stored.extractorVersion === EXTRACTOR.version;
          c.result = {
            status: 'skipped',
            path: c.path,
            sha256,
            reason: 'duplicate',
            previousCode: null,
            duplicateOf: first.path,
            jsonFile: exported ? await exportIfWanting(deps, c.path, stored.id, sha256) : null,
          };
          return 'stop';
        }
        const stored = await deps.store.findBySha256(sha256);
        if (stored?.extractorVersion !== EXTRACTOR.version) return 'next';
        const failed = stored.status === 'failed';
        if (deps.reread === 'all' || (failed && deps.reread === 'failed')) return 'next';
        c.result = {
          status: 'skipped',
          path: c.path,
          sha256,
          reason: failed ? 'failed_before' : 'stored',
          previousCode: failed ? (stored.errorCode ?? 'internal') : null,
          duplicateOf: null,
          jsonFile: failed ? null : await exportIfWanting(deps, c.path, stored.id, sha256),
        };
        return 'stop';
      },
    },
    {
      // Parse and build run together in a document thread; a build failure is raised in 'build', below.
      name: 'parse',
      run: async (c) => {
        const hashed = need(c.hashed);
        if (hashed.data === null) {
          throw new MinutesError('too_large', `the file has ${hashed.bytes} bytes, more than the limit of ${deps.parse.maxBytes}`);
        }
        const bytes = hashed.data;
        hashed.data = null; // handed over to the thread: this thread keeps no copy while the document is worked on
        const outcome = await deps.pool.process({ path: c.path, sha256: hashed.sha256, byteCount: hashed.bytes, bytes, handOver: true });
        if (!outcome.ok && outcome.stage === 'parse') throw outcome.error;
        c.outcome = outcome;
      },
    },
    {
      // Even when the build failed: a later extractor version can then reprocess without parsing again.
      name: 'cache',
      run: async (c) => {
        const encoded = need(c.outcome).parsedCache;
        if (encoded) await deps.store.cacheEncodedParsed(need(c.hashed).sha256, encoded);
      },
    },
    {
      name: 'build',
      run: async (c) => {
        const outcome = need(c.outcome);
        c.outcome = undefined;
        if (!outcome.ok) throw outcome.error;
        c.document = outcome.document;
        c.layouts = outcome.layouts;
      },
    },
    {
      // The JSON first, then the store: a document the store has is never reported failed
      // because its JSON could not be written, and a store failure takes the JSON back.
      name: 'write',
      run: async (c) => {
        const doc = need(c.document);
        const jsonFile = await deps.names.fileFor(c.path, doc.source.sha256);
        await writeJsonAtomic(jsonFile, deps.withText ? doc : withoutPages(doc)).catch((err: unknown) => {
          throw classifyStoreError(err) ?? err;
        });
        c.jsonFile = jsonFile;
      },
    },
    {
      name: 'store',
      run: async (c) => {
        const doc = need(c.document);
        const jsonFile = need(c.jsonFile);
        try {
          const saved = await deps.store.saveDocument(withoutPages(doc), doc.pages ?? [], { replaceCurrent: deps.reread === 'all', ...(c.layouts ? { layouts: c.layouts } : {}) });
          c.result = { status: 'ok', path: c.path, sha256: doc.source.sha256, pages: doc.source.pages, jsonFile, action: saved.action };
        } catch (err) {
          await rm(jsonFile, { force: true }).catch(() => undefined);
          throw err;
        }
      },
    },
  ];
}

/**
 * A skipped document whose JSON is not in the output folder (a new --out, a deleted
 * file), or holds no page texts while --with-text asks for them, is written from the
 * store, so every ok input has the JSON this run asked for after any run.
 */
async function exportIfWanting(deps: IngestDeps, path: string, id: number, sha256: string): Promise<string | null> {
  const file = await deps.names.fileFor(path, sha256);
  if (await holdsWhatIsAsked(file, deps.withText)) return null;
  const stored = await deps.store.loadDocument(id, { withText: deps.withText });
  if (!stored) return null;
  // The stored document keeps the path it was first ingested under; this run's output names this input.
  await writeJsonAtomic(file, { ...stored, source: { ...stored.source, path } });
  return file;
}

/** The JSON is there and, when page texts are asked for, holds them (one written without --with-text does not). */
async function holdsWhatIsAsked(file: string, withText: boolean): Promise<boolean> {
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (!exists || !withText) return exists;
  try {
    const doc = JSON.parse(await readFile(file, 'utf8')) as { pages?: unknown };
    return Array.isArray(doc.pages);
  } catch {
    return false;
  }
}

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new MinutesError('internal', 'a pipeline stage ran before the stage that feeds it');
  return value;
}
