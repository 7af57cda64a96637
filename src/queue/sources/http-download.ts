// One bounded HTTP GET: a time limit, a size limit (declared and actual), only
// http(s), conditional headers from an earlier response. The body streams into a
// temporary file inside the download folder while its sha256 is taken.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
}

export type Fetched =
  | { status: 'not_modified' }
  | { status: 'ok'; validators: Validators; finalUrl: string };

export class DownloadError extends Error {}

/** GET into memory, for index pages. */
export async function fetchText(url: URL, validators: Validators, limits: FetchLimits): Promise<(Fetched & { status: 'not_modified' }) | { status: 'ok'; validators: Validators; finalUrl: string; text: string }> {
  const response = await request(url, validators, limits);
  if (response.status === 304) return { status: 'not_modified' };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of bodyOf(response)) {
    size += chunk.length;
    if (size > limits.maxBytes) throw new DownloadError(`${url.href}: more than ${limits.maxBytes} bytes`);
    chunks.push(chunk);
  }
  return { status: 'ok', validators: validatorsOf(response), finalUrl: response.url || url.href, text: Buffer.concat(chunks).toString('utf8') };
}

/** GET into `dir`/.partial-…; the caller renames or removes the returned file. */
export async function fetchToFile(
  url: URL,
  validators: Validators,
  limits: FetchLimits,
  dir: string,
): Promise<{ status: 'not_modified' } | { status: 'ok'; validators: Validators; finalUrl: string; tmpFile: string; sha256: string; bytes: number }> {
  const response = await request(url, validators, limits);
  if (response.status === 304) return { status: 'not_modified' };
  const tmpFile = join(dir, `.partial-${randomBytes(8).toString('hex')}`);
  const out = createWriteStream(tmpFile, { flags: 'wx' });
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of bodyOf(response)) {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) throw new DownloadError(`${url.href}: more than ${limits.maxBytes} bytes`);
      hash.update(chunk);
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    out.end();
    await finished(out);
  } catch (err) {
    out.destroy();
    await rm(tmpFile, { force: true });
    throw err;
  }
  return { status: 'ok', validators: validatorsOf(response), finalUrl: response.url || url.href, tmpFile, sha256: hash.digest('hex'), bytes };
}

/** Redirects followed before giving up. */
const MAX_REDIRECTS = 10;

/** Follows redirects itself, so a hop to another scheme or back to a URL already seen gets its own reason. */
async function request(url: URL, validators: Validators, limits: FetchLimits): Promise<Response> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new DownloadError(`${url.href}: only http and https are fetched`);
  const headers: Record<string, string> = { 'user-agent': limits.userAgent };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const seen = new Set<string>([url.href]);
  let current = url;
  let response: Response;
  for (let hops = 0; ; hops++) {
    response = await fetch(current, { headers, redirect: 'manual', signal }).catch((err: unknown) => {
      throw new DownloadError(`${current.href}: ${fetchFailure(err)}`);
    });
    const location = response.status >= 300 && response.status < 400 && response.status !== 304 ? response.headers.get('location') : null;
    if (location === null) break;
    await response.body?.cancel();
    const next = new URL(location, current);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new DownloadError(`${url.href}: redirect refused: ${next.protocol} scheme`);
    if (seen.has(next.href)) throw new DownloadError(`${url.href}: redirect loop (back to ${next.href})`);
    if (hops >= MAX_REDIRECTS) throw new DownloadError(`${url.href}: more than ${MAX_REDIRECTS} redirects`);
    seen.add(next.href);
    current = next;
  }
  Object.defineProperty(response, 'url', { value: current.href });
  if (response.status === 304) {
    await response.body?.cancel();
    return response;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new DownloadError(`${url.href}: HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel();
    throw new DownloadError(`${url.href}: ${declared} bytes declared, more than the limit of ${limits.maxBytes}`);
  }
  return response;
}

/** What fetch's "fetch failed" was: the cause's code in words. */
function fetchFailure(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : (err as { name?: unknown } | null)?.name;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET') return 'connection reset';
  if (code === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return 'timed out';
  const detail = typeof cause?.message === 'string' ? cause.message : (err as Error).message;
  return `fetch failed: ${detail}`;
}

async function* bodyOf(response: Response): AsyncGenerator<Uint8Array> {
  if (!response.body) return;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function validatorsOf(response: Response): Validators {
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}
