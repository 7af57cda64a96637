// retry-failed and reprocess: put finished work back on the queues.
import type { Job } from 'bullmq';
import { PDF_ERROR_CODES } from '../schema/errors.js';
import type { ExtractJobData } from '../schema/jobs.js';
import type { Store } from '../store/types.js';
import { reprocessJobId } from './job-ids.js';
import { QUEUE_KINDS, type QueueKind } from './names.js';
import type { Queues } from './queues.js';
import { splitFailure } from './unrecoverable.js';

export interface RetrySummary {
  retried: Record<QueueKind, number>;
  /** Failed jobs left alone because their PDF is unreadable (unless includeUnreadable). */
  keptUnreadable: number;
}

/**
 * Moves failed jobs back to waiting. Jobs that failed because the PDF itself is
 * unreadable (not_pdf, encrypted, damaged, …) would fail the same way again, so
 * they are kept unless `includeUnreadable`.
 */
export async function retryFailed(queues: Queues, options: { includeUnreadable?: boolean } = {}): Promise<RetrySummary> {
  const summary: RetrySummary = { retried: { parse: 0, extract: 0, sources: 0 }, keptUnreadable: 0 };
  const unreadable = new Set<string>(PDF_ERROR_CODES);
  for (const kind of QUEUE_KINDS) {
    const queue = queues[kind];
    const pageSize = 500;
    // Retried jobs leave the failed set, so the kept ones are skipped by offset.
    let kept = 0;
    for (;;) {
      const jobs = (await queue.getFailed(kept, kept + pageSize - 1)).filter((j): j is Job => j !== undefined);
      if (jobs.length === 0) break;
      for (const job of jobs) {
        if (!options.includeUnreadable && unreadable.has(splitFailure(job.failedReason).code)) {
          kept++;
          summary.keptUnreadable++;
          continue;
        }
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        summary.retried[kind]++;
      }
    }
  }
  return summary;
}

export interface ReprocessSummary {
  documents: number;
  enqueued: number;
  /** Documents whose parsed pages are not cached (stored by a run that did not cache them). */
  notCached: number;
}

/**
 * Re-extracts stored documents from their cached pages, with the extractor version
 * of the workers. By default every document stored with another version than
 * `currentVersion`; with `since`, only those stored with version `since` or newer.
 */
export async function reprocess(
  queues: Queues,
  store: Store,
  options: { currentVersion: string; since?: string; onDocument?: () => void },
): Promise<ReprocessSummary> {
  const docs = await store.listDocuments({ status: 'ok', notVersion: options.currentVersion });
  const selected = options.since === undefined ? docs : docs.filter((d) => compareVersions(d.extractorVersion, options.since as string) >= 0);
  const summary: ReprocessSummary = { documents: selected.length, enqueued: 0, notCached: 0 };
  const batch: { name: string; data: ExtractJobData; opts: { jobId: string } }[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await queues.extract.addBulk(batch.splice(0));
  };
  for (const doc of selected) {
    options.onDocument?.();
    if (!(await store.loadParsed(doc.sha256))) {
      summary.notCached++;
      continue;
    }
    const stored = await store.loadDocument(doc.id);
    const bytes = stored?.source.bytes ?? 0;
    batch.push({ name: 'extract', data: { sha256: doc.sha256, path: doc.path, bytes, reason: 'reprocess' }, opts: { jobId: reprocessJobId(doc.sha256, doc.extractorVersion, options.currentVersion) } });
    summary.enqueued++;
    if (batch.length >= 200) await flush();
  }
  await flush();
  return summary;
}

/** Compares dotted numeric versions ("0.10.2" > "0.9.7"); a pre-release tag sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = a.split('-', 2);
  const [coreB = '', preB] = b.split('-', 2);
  const pa = coreA.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = coreB.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}
