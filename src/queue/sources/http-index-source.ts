// HTTP index source: a page listing PDF links. The page is fetched with a
// conditional GET; new links are downloaded (bounded concurrency, a per-host
// rate limit, a size limit) into the configured folder only, under a name made
// from the sha256 and the URL's sanitised file name — never a path from the page.
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { HttpIndexSourceConfig } from '../../schema/config.js';
import { safeBaseName } from '../../pipeline/index.js';
import { extractLinks } from './html-links.js';
import { HostRateLimit, mapLimited } from './host-rate-limit.js';
import { fetchText, fetchToFile, type FetchLimits, type Validators } from './http-download.js';
import type { SourceState } from './source-state.js';

/** Index pages are small; a bigger one is refused. */
const MAX_INDEX_BYTES = 10 * 1024 * 1024;

interface KnownLink extends Validators {
  sha256: string;
  file: string;
}

export interface HttpIndexScan {
  /** Downloaded files to enqueue (new links, or changed documents when refetchKnown). */
  files: string[];
  /** Links on the page that matched the pattern. */
  seen: number;
  notModified: boolean;
  failed: { url: string; message: string }[];
}

export async function scanHttpIndex(config: HttpIndexSourceConfig, state: SourceState): Promise<HttpIndexScan> {
  const limits: FetchLimits = { timeoutMs: config.timeoutMs, maxBytes: config.maxBytes, userAgent: config.userAgent };
  const rate = new HostRateLimit(config.perHostIntervalMs);
  const indexUrl = new URL(config.url);
  const indexValidators = (await state.get<Validators>('index')) ?? {};
  await rate.wait(indexUrl);
  const index = await fetchText(indexUrl, indexValidators, { ...limits, maxBytes: MAX_INDEX_BYTES });
  if (index.status === 'not_modified') return { files: [], seen: 0, notModified: true, failed: [] };

  const pattern = new RegExp(config.linkPattern, 'i');
  const links = extractLinks(index.text, index.finalUrl).filter((url) => pattern.test(decodePath(url)));
  const known = await state.getMany<KnownLink>(links.map((url) => `link:${url.href}`));
  const todo = links.filter((_, i) => config.refetchKnown || known[i] === undefined);

  const downloadDir = resolve(config.downloadDir);
  await mkdir(downloadDir, { recursive: true });
  const failed: HttpIndexScan['failed'] = [];
  const files = await mapLimited(todo, config.concurrency, async (url): Promise<string | undefined> => {
    const before = known[links.indexOf(url)];
    try {
      await rate.wait(url);
      const got = await fetchToFile(url, before ?? {}, limits, downloadDir);
      if (got.status === 'not_modified') return undefined;
      const file = insideDir(downloadDir, `${got.sha256.slice(0, 16)}-${safeBaseName(decodePath(url))}.pdf`);
      if (await exists(file)) await rm(got.tmpFile, { force: true }); // same bytes already downloaded
      else await rename(got.tmpFile, file);
      await state.set(`link:${url.href}`, { sha256: got.sha256, file, ...got.validators } satisfies KnownLink);
      return before?.sha256 === got.sha256 ? undefined : file;
    } catch (err) {
      failed.push({ url: url.href, message: err instanceof Error ? err.message : String(err) });
      return undefined;
    }
  });
  // Remember the page only when every link was fetched: otherwise a 304 next time would hide the failures.
  if (failed.length === 0) await state.set('index', index.validators);
  return { files: files.filter((f): f is string => f !== undefined), seen: links.length, notModified: false, failed };
}

function decodePath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}

function insideDir(dir: string, name: string): string {
  const file = resolve(dir, name);
  if (dirname(file) !== dir) throw new Error(`refusing to write outside ${dir}: ${name}`);
  return file;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
