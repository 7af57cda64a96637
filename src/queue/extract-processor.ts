// The processor of the `extract` queue (light, runs in the worker process):
// cached pages → normalise → extract → validate → store, and the JSON when asked.
import type { Job } from 'bullmq';
import { buildDocument, OutputNames, withoutPages, writeJsonAtomic } from '../pipeline/index.js';
import { errorInfo, isUnrecoverable } from '../schema/errors.js';
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
    const parsed = await deps.store.loadParsed(sha256);
    if (!parsed) throw unrecoverable('internal', `no cached pages for ${sha256.slice(0, 12)}… (${path}); enqueue the file again`);
    try {
      const doc = await buildDocument({ path, sha256, bytes, parsed, withText: true });
      const saved = await deps.store.saveDocument(withoutPages(doc), doc.pages ?? []);
      if (names) await writeJsonAtomic(await names.fileFor(path, sha256), deps.withText ? doc : withoutPages(doc));
      return { sha256, documentId: saved.id, action: saved.action, pages: doc.source.pages };
    } catch (err) {
      const info = errorInfo(err);
      if (!isUnrecoverable(info.code)) throw new Error(`[${info.code}] ${info.message}`);
      await deps.store.recordFailure({ sha256, path, bytes, extractorVersion: EXTRACTOR.version, code: info.code, message: info.message });
      throw unrecoverable(info.code, info.message);
    }
  };
}
