// Expands the paths given on the command line into PDF files: files as they are,
// folders recursively (*.pdf, any case), each file once, in a stable order.
import type { Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface FoundPdfs {
  /** PDF paths as the user would write them (joined onto what was given), sorted per argument. */
  files: string[];
  /**
   * Arguments that do not exist, folders that cannot be read (`io_error`), and paths that
   * are no regular file — a FIFO, a device, a socket (`not_a_file`: reading one could block
   * forever or never end) — with the reason.
   */
  missing: { path: string; message: string; code: 'io_error' | 'not_a_file' }[];
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
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();

  const addFile = async (path: string): Promise<void> => {
    const real = await realpath(path).catch(() => path);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(path);
  };

  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      const real = await realpath(dir);
      if (seenDirs.has(real)) return; // symlink loops and folders given twice
      seenDirs.add(real);
      entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (err) {
      // An unreadable folder deep in an archive is reported; the rest is still read.
      missing.push({ path: dir, message: `cannot read ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, code: 'io_error' });
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => undefined);
        if (!target && isPdfName(entry.name)) missing.push({ path, message: `cannot read ${path}: the link points nowhere`, code: 'io_error' });
        else if (target?.isDirectory()) await walk(path);
        else if (target?.isFile() && isPdfName(entry.name)) await addFile(path);
        else if (target && isPdfName(entry.name)) missing.push(notAFile(path, target));
      } else if (entry.isFile() && isPdfName(entry.name)) await addFile(path);
      else if (isPdfName(entry.name)) missing.push(notAFile(path, await stat(path)));
    }
  };

  for (const path of paths) {
    try {
      const info = await stat(path);
      // A file named explicitly is taken whatever its extension: the user chose it.
      if (info.isDirectory()) await walk(path);
      else if (info.isFile()) await addFile(path);
      else missing.push(notAFile(path, info));
    } catch (err) {
      missing.push({ path, message: `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, code: 'io_error' });
    }
  }
  return { files, missing };
}
