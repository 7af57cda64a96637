// Writes one document as DIR/<basename>.json (CONTRACT.md): atomically, and only
// ever inside DIR, under a name taken from the input's file name, never its content.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ExtractedDocument } from '../schema/contract.js';
import { MinutesError } from '../schema/errors.js';

/** Longest base name we write; file systems allow 255 bytes and we add "-12345678.json". */
const MAX_BASE_LENGTH = 180;

/** The input's file name without .pdf, reduced to characters that are safe in any file system. */
export function safeBaseName(path: string): string {
  const base = basename(path.replace(/\\/g, '/'))
    .replace(/\.pdf$/i, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, MAX_BASE_LENGTH);
  return base.length > 0 ? base : 'document';
}

/**
 * Chooses output names for one run. Inputs that share a base name are told apart by
 * `<base>-<first 8 hex of sha256>`; the first of them in path order keeps the plain
 * name, so the choice does not depend on which file finishes first.
 */
export class OutputNames {
  private readonly firstPathByBase = new Map<string, string>();

  constructor(
    readonly outDir: string,
    inputPaths: readonly string[],
  ) {
    for (const path of [...inputPaths].sort()) {
      const base = safeBaseName(path);
      if (!this.firstPathByBase.has(base)) this.firstPathByBase.set(base, path);
    }
  }

  /** The JSON file for this input; a file already in the folder for other content is never overwritten. */
  async fileFor(path: string, sha256: string): Promise<string> {
    const base = safeBaseName(path);
    const plain = this.inside(`${base}.json`);
    const first = this.firstPathByBase.get(base);
    if ((first === undefined || first === path) && (await holdsSameOrNothing(plain, sha256))) return plain;
    return this.inside(`${base}-${sha256.slice(0, 8)}.json`);
  }

  private inside(fileName: string): string {
    const dir = resolve(this.outDir);
    const file = resolve(dir, fileName);
    if (dirname(file) !== dir) throw new MinutesError('internal', `refusing to write outside ${dir}: ${fileName}`);
    return file;
  }
}

/** True when `file` is absent or holds a document of the same PDF (a re-run may replace it). */
async function holdsSameOrNothing(file: string, sha256: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    return false;
  }
  try {
    const existing = JSON.parse(text) as { source?: { sha256?: unknown } };
    return existing.source?.sha256 === sha256;
  } catch {
    return false;
  }
}

/** Writes `doc` to `file` via a temporary file and rename, so readers never see half a document. */
export async function writeJsonAtomic(file: string, doc: ExtractedDocument): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, `${JSON.stringify(doc, null, 2)}\n`, 'utf8');
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new MinutesError('io_error', `cannot write ${file}: ${(err as Error).message}`, { cause: err });
  }
}
