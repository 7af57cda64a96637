// Producer: files → parse jobs. A file already stored with this extractor version,
// or already in the queue under its sha256, adds nothing.
import type { Queue } from 'bullmq';
import { hashFile } from '../pipeline/hash-file.js';
import type { RawPaths } from '../pipeline/byte-paths.js';
import { errorInfo, type ErrorCode } from '../schema/errors.js';
import type { ParseJobData } from '../schema/jobs.js';
import type { Store } from '../store/types.js';
import { parseJobId } from './job-ids.js';

/** already_stored: stored with this extractor version, ok or as a recorded failure (retry those with retry-failed). */
export type EnqueueOutcome = 'enqueued' | 'already_queued' | 'already_stored' | 'failed';

export interface EnqueueOptions {
  /** The configured source that found the files, recorded in the job data. */
  source?: string;
  /** Called once per file, in order, after its outcome is known. */
  onFile?: (path: string, outcome: EnqueueOutcome) => void;
  /** Jobs added per addBulk call. Default 100. */
  batchSize?: number;
  /** Files whose name is not UTF-8 (from findPdfs, absolute): read by these bytes, and the job carries them. */
  rawPaths?: RawPaths;
}

export interface EnqueueSummary {
  files: number;
  enqueued: number;
  alreadyQueued: number;
  alreadyStored: number;
  failed: { path: string; code: ErrorCode; message: string }[];
}

export interface EnqueueDeps {
  parseQueue: Queue<ParseJobData>;
  store: Store;
  extractorVersion: string;
}

export async function enqueueFiles(files: readonly string[], deps: EnqueueDeps, options: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const batchSize = options.batchSize ?? 100;
  const summary: EnqueueSummary = { files: files.length, enqueued: 0, alreadyQueued: 0, alreadyStored: 0, failed: [] };
  const report = (path: string, outcome: EnqueueOutcome): void => {
    if (outcome === 'enqueued') summary.enqueued++;
    else if (outcome === 'already_queued') summary.alreadyQueued++;
    else if (outcome === 'already_stored') summary.alreadyStored++;
    options.onFile?.(path, outcome);
  };
  for (let i = 0; i < files.length; i += batchSize) {
    const batch = files.slice(i, i + batchSize);
    const candidates = await Promise.all(batch.map((path) => classify(path, deps, options.rawPaths?.get(path))));
    const toAdd: ParseJobData[] = [];
    for (const [index, candidate] of candidates.entries()) {
      const path = batch[index] as string;
      if ('failure' in candidate) {
        summary.failed.push({ path, ...candidate.failure });
        report(path, 'failed');
      } else if (candidate.outcome === 'enqueued') {
        // Two copies of one PDF in the same batch are one job.
        if (toAdd.some((d) => d.sha256 === candidate.data.sha256)) report(path, 'already_queued');
        else toAdd.push({ ...candidate.data, ...(options.source ? { source: options.source } : {}) });
      } else report(path, candidate.outcome);
    }
    if (toAdd.length > 0) {
      await deps.parseQueue.addBulk(toAdd.map((data) => ({ name: 'parse', data, opts: { jobId: parseJobId(data.sha256) } })));
      for (const data of toAdd) report(data.path, 'enqueued');
    }
  }
  return summary;
}

type Candidate =
  | { outcome: 'enqueued'; data: ParseJobData }
  | { outcome: 'already_queued' | 'already_stored' }
  | { failure: { code: ErrorCode; message: string } };

async function classify(path: string, deps: EnqueueDeps, raw: Buffer | undefined): Promise<Candidate> {
  try {
    // Only the hash is needed here; the parse worker reads the bytes itself.
    const { sha256, bytes } = await hashFile(raw ?? path, { maxBytes: 0 });
    const stored = await deps.store.findBySha256(sha256);
    if (stored?.extractorVersion === deps.extractorVersion) return { outcome: 'already_stored' };
    if (await deps.parseQueue.getJob(parseJobId(sha256))) return { outcome: 'already_queued' };
    return { outcome: 'enqueued', data: { sha256, path, bytes, ...(raw ? { pathBytes: raw.toString('base64') } : {}) } };
  } catch (err) {
    return { failure: errorInfo(err) };
  }
}
