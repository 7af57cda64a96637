// fetch: a file's bytes and sha256 (the idempotency key), read once as a stream.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { MinutesError } from '../schema/errors.js';
import { displayName } from './byte-paths.js';

const shown = (path: string | Buffer): string => (typeof path === 'string' ? path : displayName(path));

export interface HashedFile {
  sha256: string;
  bytes: number;
  /** The file's bytes; null when the file is larger than `maxBytes` (only its hash was taken). */
  data: Uint8Array | null;
}

export interface HashFileOptions {
  /** Keep the bytes only up to this size. Default: no limit. */
  maxBytes?: number;
}

/** `path` as bytes for a name that is not UTF-8 (see byte-paths.ts). */
export async function hashFile(path: string | Buffer, options: HashFileOptions = {}): Promise<HashedFile> {
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let bytes = 0;
  const stream = createReadStream(path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
      if (bytes <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new MinutesError('io_error', `cannot read ${shown(path)}: ${code}`, { cause: err });
  } finally {
    stream.destroy();
  }
  const data = bytes <= maxBytes ? new Uint8Array(Buffer.concat(chunks, bytes)) : null;
  return { sha256: hash.digest('hex'), bytes, data };
}
