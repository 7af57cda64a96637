// Finds the PDF of a stored document on this machine: only the paths the store recorded for
// it, and only a file whose bytes hash to the document's sha256, so no request can make the
// server read any other file.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** path → what its hash was at a size and mtime, so a file is hashed once while unchanged. */
const verified = new Map<string, { size: number; mtimeMs: number; sha256: string }>();

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function matches(file: string, sha256: string, bytes: number): Promise<boolean> {
  try {
    const s = await stat(file);
    if (!s.isFile() || s.size !== bytes) return false;
    const seen = verified.get(file);
    if (seen && seen.size === s.size && seen.mtimeMs === s.mtimeMs) return seen.sha256 === sha256;
    const actual = await sha256Of(file);
    verified.set(file, { size: s.size, mtimeMs: s.mtimeMs, sha256: actual });
    return actual === sha256;
  } catch {
    return false;
  }
}

/** The absolute path of the document's PDF, when one of its recorded paths still holds the same bytes. */
export async function findPdfFile(db: Kysely<Database>, doc: { sha256: string; path: string; bytes: number }): Promise<string | undefined> {
  const others = await db.selectFrom('document_paths').select('path').where('sha256', '=', doc.sha256).execute();
  for (const p of [doc.path, ...others.map((o) => o.path)]) {
    const file = resolve(p);
    if (await matches(file, doc.sha256, doc.bytes)) return file;
  }
  return undefined;
}
