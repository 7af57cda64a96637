// Options of a queue-mode worker process. Every default is documented and frozen.
import { z } from 'zod';
import type { QueueKind } from './names.js';
import { OCR_MODES, type OcrMode } from '../pdf/parse-options.js';
import type { StoreLocation } from './connection.js';

export interface ParseLimits {
  /** Wall-clock limit for parsing one PDF, in ms; exceeded → `timeout` (no retry). Default 120 000. */
  timeoutMs: number;
  /** Memory limit of the process that parses, in MB (resident); exceeded → `too_large` (no retry). Default 1536. */
  memoryLimitMb: number;
  /** Files larger than this fail with `too_large`. Default 256 MiB. */
  maxBytes: number;
  /** Documents with more pages fail with `too_large`. Default 5000. */
  maxPages: number;
  /** OCR of pages without a text layer: auto, always or never. Default auto. */
  ocr: OcrMode;
}

export interface WorkerRunOptions {
  redisUrl: string;
  store: StoreLocation;
  /** Queues this process takes jobs from. Default: all (parse, extract, sources). */
  queues: readonly QueueKind[];
  /** Parse jobs at once in this process, each in its own sandboxed child process. Default 1. */
  concurrency: number;
  /** Extract jobs at once (light: in this process). Default 4. */
  extractConcurrency: number;
  parse: ParseLimits;
  /** Also write DIR/<basename>.json per stored document, like `minutes ingest --out`. */
  outDir?: string;
  /** Keep page texts in the JSON written to outDir. Default false. */
  withText: boolean;
  /** minutes.config.json, read by source runs. Default ./minutes.config.json. */
  configPath: string;
  /** A job whose worker stops renewing its lock is handed to another worker after this. Default 30 000 ms. */
  lockDurationMs: number;
  /** How often this worker looks for jobs abandoned by dead workers. Default 30 000 ms. */
  stalledIntervalMs: number;
}

export const DEFAULT_PARSE_LIMITS: Readonly<ParseLimits> = Object.freeze({
  timeoutMs: 120_000,
  memoryLimitMb: 1536,
  maxBytes: 256 * 1024 * 1024,
  maxPages: 5000,
  ocr: 'auto',
});

export const DEFAULT_WORKER_OPTIONS = Object.freeze({
  queues: Object.freeze(['parse', 'extract', 'sources'] as QueueKind[]),
  concurrency: 1,
  extractConcurrency: 4,
  parse: DEFAULT_PARSE_LIMITS,
  withText: false,
  configPath: 'minutes.config.json',
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
});

/** What the sandboxed parse processor needs; handed to its child process as JSON in the environment. */
export const ParseProcessorConfig = z.object({
  redisUrl: z.string().min(1),
  store: z.object({ databaseUrl: z.string().optional(), sqliteFile: z.string().optional() }),
  parse: z.object({
    timeoutMs: z.number().positive(),
    memoryLimitMb: z.number().int().positive(),
    maxBytes: z.number().positive(),
    maxPages: z.number().positive(),
    ocr: z.enum(OCR_MODES).default('auto'),
  }),
});
export type ParseProcessorConfig = z.infer<typeof ParseProcessorConfig>;

export const PARSE_PROCESSOR_CONFIG_ENV = 'MINUTES_PARSE_PROCESSOR_CONFIG';
