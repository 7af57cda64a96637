// Where the real PDFs for tests are: the project's fixtures/ and, when present,
// ../shared/corpus beside the project. Tests say loudly when either is missing.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = resolve(repoRoot, '../shared');
export const sharedCorpusDir = join(sharedDir, 'corpus');
export const hasSharedCorpus = existsSync(sharedCorpusDir);

function pdfsUnder(dir: string, recursive: boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return recursive ? pdfsUnder(path, true) : [];
      return /\.pdf$/i.test(name) ? [path] : [];
    });
}

/** The five PDFs of ../shared/corpus (seeds and real), or [] when ../shared is absent. */
export const sharedCorpusPdfs = (): string[] => pdfsUnder(sharedCorpusDir, true);

/** The project's own fixture PDFs (fixtures/*.pdf, not fixtures/bad). */
export const fixturePdfs = (): string[] => pdfsUnder(join(repoRoot, 'fixtures'), false);

export function warnSkipped(what: string, why: string): void {
  console.warn(`SKIPPED: ${what} — ${why}`);
}
