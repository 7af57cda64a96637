// Payloads and results of the queue's jobs. They cross process and machine
// boundaries through Redis, so every worker parses them with these schemas.
import { z } from 'zod';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** Parse one PDF: read it from `path` (a path every worker can reach), check its sha256, cache its pages. */
export const ParseJobData = z.object({
  sha256: Sha256,
  path: z.string().min(1),
  bytes: z.number().int().min(0),
  /** The configured source that found the file, when a source run enqueued it. */
  source: z.string().optional(),
  /** The path's bytes (base64) when the file name is not UTF-8; `path` then shows its stray bytes as \xNN. */
  pathBytes: z.string().optional(),
});
export type ParseJobData = z.infer<typeof ParseJobData>;

export const ParseJobResult = z.object({
  sha256: Sha256,
  pages: z.number().int().min(0),
  /** True when the pages came from the cache (a retry after the pages were stored). */
  cached: z.boolean(),
});
export type ParseJobResult = z.infer<typeof ParseJobResult>;

/** Extract, validate and store one document from its cached pages. */
export const ExtractJobData = z.object({
  sha256: Sha256,
  path: z.string().min(1),
  bytes: z.number().int().min(0),
  reason: z.enum(['ingest', 'reprocess']),
});
export type ExtractJobData = z.infer<typeof ExtractJobData>;

export const ExtractJobResult = z.object({
  sha256: Sha256,
  documentId: z.number().int(),
  action: z.enum(['inserted', 'replaced', 'unchanged']),
  pages: z.number().int().min(0),
});
export type ExtractJobResult = z.infer<typeof ExtractJobResult>;

/** Run one configured source (directory or HTTP index) and enqueue what it finds. */
export const SourceRunJobData = z.object({
  source: z.string().min(1),
});
export type SourceRunJobData = z.infer<typeof SourceRunJobData>;

export const SourceRunResult = z.object({
  source: z.string(),
  seen: z.number().int().min(0),
  enqueued: z.number().int().min(0),
  skipped: z.number().int().min(0),
  failed: z.number().int().min(0),
});
export type SourceRunResult = z.infer<typeof SourceRunResult>;
