// The processor of the `extract` queue (light, runs in the worker process):
// cached pages → normalise → extract → validate → store, and the JSON when asked.
import { rm } from 'node:fs/promises';
import type { Job } from 'bullmq';
import { buildDocumentWithLayout, OutputNames, withoutPages, writeJsonAtomic } from '../pipeline/index.js';
import { errorInfo, isUnrecoverable, type ErrorCode } from '../schema/errors.js';
import { ExtractJobData, type ExtractJobResult } from '../schema/jobs.js';
import type { Store } from '../store/types.js';
import { EXTRACTOR } from '../version.js';
import { unrecoverable } from './unrecoverable.js';

export interface ExtractProcessorDeps {
  store: Store;
  outDir?: string;
  withText: boolean;
}

export function createExtractProcessor(deps: ExtractProcessorDeps): (job: Job) => Promise<ExtractJobResult> {
  const names = deps.outDir !== undefined ? new OutputNames(deps.outDir, []) : undefined;
  return async (job) => {
    const data = ExtractJobData.safeParse(job.data);
    if (!data.success) throw unrecoverable('internal', `invalid extract job data: ${data.error.message}`);
    const { sha256, path, bytes } = data.data;
    const fail = async (code: ErrorCode, message: string): Promise<never> => {
      await deps.store.recordFailure({ sha256, path, bytes, extractorVersion: EXTRACTOR.version, code, message });
      throw unrecoverable(code, message);
    };
    // Pages missing from the cache or no longer loading (damaged, or from an incompatible
    // version) would only fail again: recorded, so the document has its row and its reason.
    const parsed = await deps.store.loadParsed(sha256).catch(() => undefined);
    if (!parsed) return fail('invalid_output', `the cached pages of ${path} are missing or no longer load (damaged, or written by an incompatible version)`);
    try {
      const { document: doc, layouts } = await buildDocumentWithLayout({ path, sha256, bytes, parsed, withText: true });
      // The JSON before the store, taken back when storing fails: a stored document is never a failed job.
      const jsonFile = names ? await names.fileFor(path, sha256) : undefined;
      if (jsonFile) await writeJsonAtomic(jsonFile, deps.withText ? doc : withoutPages(doc));
      const saved = await deps.store.saveDocument(withoutPages(doc), doc.pages ?? [], { layouts }).catch(async (err: unknown) => {
        if (jsonFile) await rm(jsonFile, { force: true }).catch(() => undefined);
        throw err;
      });
      return { sha256, documentId: saved.id, action: saved.action, pages: doc.source.pages };
    } catch (err) {
      const info = errorInfo(err);
      // A document never silently lacks a row: an unreadable one, or one whose last try failed, is recorded.
      const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (!isUnrecoverable(info.code) && !lastTry) throw new Error(`[${info.code}] ${info.message}`);
      return fail(info.code, info.message);
    }
  };
}
