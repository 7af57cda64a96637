// fetch: a file's bytes and sha256 (the idempotency key), read once as a stream.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { MinutesError } from '../schema/errors.js';

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

export async function hashFile(path: string, options: HashFileOptions = {}): Promise<HashedFile> {
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
    throw new MinutesError('io_error', `cannot read ${path}: ${code} ${(err as Error).message}`, { cause: err });
  } finally {
    stream.destroy();
  }
  const data = bytes <= maxBytes ? new Uint8Array(Buffer.concat(chunks, bytes)) : null;
  return { sha256: hash.digest('hex'), bytes, data };
}
