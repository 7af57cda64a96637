// Directory source: the PDFs under a folder that are new or changed since the
// last run (size or modification time differ from what the state remembers).
import { stat } from 'node:fs/promises';
import type { DirectorySourceConfig } from '../../schema/config.js';
import { findPdfs, openable, type RawPaths } from '../../pipeline/index.js';
import type { SourceState } from './source-state.js';

interface SeenFile {
  size: number;
  mtimeMs: number;
}

export interface DirectoryScan {
  /** Files to enqueue. */
  changed: string[];
  /** Files found in total. */
  seen: number;
  /** Files whose name is not UTF-8, with the bytes to open them by. */
  rawPaths: RawPaths;
  /** Call with the files that were enqueued (or found stored) to remember them. */
  remember(files: readonly string[]): Promise<void>;
}

export async function scanDirectory(config: DirectorySourceConfig, state: SourceState): Promise<DirectoryScan> {
  const { files, missing, rawPaths } = await findPdfs([config.path]);
  if (missing.length > 0) throw new Error(`[io_error] ${missing.map((m) => m.message).join('; ')}`);
  const stats = new Map<string, SeenFile>();
  for (const file of files) {
    const info = await stat(openable(file, rawPaths)).catch(() => undefined);
    if (info) stats.set(file, { size: info.size, mtimeMs: info.mtimeMs });
  }
  const known = await state.getMany<SeenFile>([...stats.keys()].map(fieldOf));
  const changed = [...stats.entries()]
    .filter(([, now], i) => {
      const before = known[i];
      return !before || before.size !== now.size || before.mtimeMs !== now.mtimeMs;
    })
    .map(([file]) => file);
  return {
    changed,
    seen: files.length,
    rawPaths,
    async remember(done) {
      for (const file of done) {
        const seen = stats.get(file);
        if (seen) await state.set(fieldOf(file), seen);
      }
    },
  };
}

const fieldOf = (file: string): string => `file:${file}`;
