// One run of a configured source: find new files, enqueue them as parse jobs,
// remember what was handled. One run per source at a time across all workers.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { MinutesConfig } from '../../schema/config.js';
import type { ParseJobData, SourceRunResult } from '../../schema/jobs.js';
import type { Store } from '../../store/types.js';
import { enqueueFiles } from '../enqueue.js';
import { sourceConfig } from './config-file.js';
import { scanDirectory } from './directory-source.js';
import { scanHttpIndex } from './http-index-source.js';
import { SourceState } from './source-state.js';

/** A run that holds its lock longer than this is presumed dead; another may start. */
const LOCK_TTL_MS = 30 * 60_000;

export interface SourceRunDeps {
  config: MinutesConfig;
  redis: Redis;
  parseQueue: Queue<ParseJobData>;
  store: Store;
  extractorVersion: string;
  log?: (message: string) => void;
}

export async function runSource(name: string, deps: SourceRunDeps): Promise<SourceRunResult & { busy?: true }> {
  const source = sourceConfig(deps.config, name);
  const state = new SourceState(deps.redis, name);
  const unlock = await state.lock(LOCK_TTL_MS);
  if (!unlock) {
    deps.log?.(`source ${name}: another run is in progress; skipped`);
    return { source: name, seen: 0, enqueued: 0, skipped: 0, failed: 0, busy: true };
  }
  try {
    const enqueueDeps = { parseQueue: deps.parseQueue, store: deps.store, extractorVersion: deps.extractorVersion };
    if (source.kind === 'directory') {
      const scan = await scanDirectory(source, state);
      const handled: string[] = [];
      const summary = await enqueueFiles(scan.changed, enqueueDeps, {
        source: name,
        rawPaths: scan.rawPaths,
        onFile: (path, outcome) => {
          if (outcome !== 'failed') handled.push(path);
        },
      });
      await scan.remember(handled);
      for (const f of summary.failed) deps.log?.(`source ${name}: ${f.path}: [${f.code}] ${f.message}`);
      return { source: name, seen: scan.seen, enqueued: summary.enqueued, skipped: summary.alreadyQueued + summary.alreadyStored, failed: summary.failed.length };
    }
    const scan = await scanHttpIndex(source, state);
    for (const f of scan.failed) deps.log?.(`source ${name}: ${f.url}: ${f.message}`);
    const summary = await enqueueFiles(scan.files, enqueueDeps, { source: name });
    return {
      source: name,
      seen: scan.seen,
      enqueued: summary.enqueued,
      skipped: summary.alreadyQueued + summary.alreadyStored,
      failed: summary.failed.length + scan.failed.length,
    };
  } finally {
    await unlock();
  }
}
