// Expands the paths given on the command line into PDF files: files as they are,
// folders recursively (*.pdf, any case), each file once, in a stable order.
import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { displayName, isUtf8Name } from './byte-paths.js';

export interface FoundPdfs {
  /** PDF paths as the user would write them (joined onto what was given), sorted per argument. */
  files: string[];
  /**
   * Arguments that do not exist, folders that cannot be read (`io_error`), and paths that
   * are no regular file — a FIFO, a device, a socket (`not_a_file`: reading one could block
   * forever or never end) — with the reason.
   */
  missing: { path: string; message: string; code: 'io_error' | 'not_a_file' }[];
  /** Files whose name is not UTF-8: the path in `files` (stray bytes as `\\xNN`) → its raw bytes, to open it by. */
  rawPaths: Map<string, Buffer>;
}

/** What a path that is not a regular file is, for the message. */
function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

const notAFile = (path: string, info: Stats): FoundPdfs['missing'][number] => ({
  path,
  message: `${path} is ${kindOf(info)}, not a file: not read`,
  code: 'not_a_file',
});

const isPdfName = (name: string): boolean => /\.pdf$/i.test(name);

export async function findPdfs(paths: readonly string[]): Promise<FoundPdfs> {
  const files: string[] = [];
  const missing: FoundPdfs['missing'] = [];
  const rawPaths = new Map<string, Buffer>();
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  // Identity by the real path's bytes (latin1 keeps every byte), so two non-UTF-8 names never collide.
  const realKey = async (raw: Buffer): Promise<string | undefined> =>
    realpath(raw, { encoding: 'buffer' }).then((r) => r.toString('latin1'), () => undefined);

  const addFile = async (path: string, raw: Buffer): Promise<void> => {
    const real = (await realKey(raw)) ?? raw.toString('latin1');
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(path);
    if (!isUtf8Name(raw)) rawPaths.set(path, raw);
  };

  const walk = async (dir: string, rawDir: Buffer): Promise<void> => {
    let entries: Dirent<Buffer>[];
    try {
      const real = await realKey(rawDir);
      if (real === undefined) throw Object.assign(new Error('cannot resolve'), { code: 'ENOENT' });
      if (seenDirs.has(real)) return; // symlink loops and folders given twice
      seenDirs.add(real);
      entries = (await readdir(rawDir, { withFileTypes: true, encoding: 'buffer' })).sort((a, b) => Buffer.compare(a.name, b.name));
    } catch (err) {
      // An unreadable folder deep in an archive is reported; the rest is still read.
      missing.push({ path: dir, message: `cannot read ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, code: 'io_error' });
      return;
    }
    for (const entry of entries) {
      const name = displayName(entry.name);
      const path = join(dir, name);
      const raw = Buffer.concat([rawDir, Buffer.from('/'), entry.name]);
      if (entry.isDirectory()) await walk(path, raw);
      else if (entry.isSymbolicLink()) {
        const target = await stat(raw).catch(() => undefined);
        if (!target && isPdfName(name)) missing.push({ path, message: `cannot read ${path}: the link points nowhere`, code: 'io_error' });
        else if (target?.isDirectory()) await walk(path, raw);
        else if (target?.isFile() && isPdfName(name)) await addFile(path, raw);
        else if (target && isPdfName(name)) missing.push(notAFile(path, target));
      } else if (entry.isFile() && isPdfName(name)) await addFile(path, raw);
      else if (isPdfName(name)) missing.push(notAFile(path, await stat(raw)));
    }
  };

  for (const path of paths) {
    const raw = Buffer.from(path);
    try {
      const info = await stat(raw);
      // A file named explicitly is taken whatever its extension: the user chose it.
      if (info.isDirectory()) await walk(path, raw);
      else if (info.isFile()) await addFile(path, raw);
      else missing.push(notAFile(path, info));
    } catch (err) {
      missing.push({ path, message: `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, code: 'io_error' });
    }
  }
  return { files, missing, rawPaths };
}
