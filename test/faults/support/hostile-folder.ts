// The fault suite's inputs: the hostile PDFs of fixtures/faults next to good documents,
// and a folder of only the good ones for the clean run the store is compared with.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { plainPdf } from '../../../fixtures/faults/hostile-pdfs.js';
import { join } from 'node:path';
import { writeHostileFiles } from '../../../fixtures/faults/write-all.js';
import { repoRoot } from '../../queue/support/harness.js';

/** The memory limit per document process in the suite: small, so the bomb passes it quickly. */
export const TEST_MEMORY_LIMIT_MB = 384;
/** Inflated size of the bomb: its decoder's buffer alone passes the limit. */
export const BOMB_MB = 1024;
/** What the main process (hashing, storing, writing) may hold besides the document processes. */
export const MAIN_PROCESS_BUDGET_MB = 350;

/** Each hostile file that must fail, with its code. */
export const EXPECTED_FAILURES: Readonly<Record<string, string>> = {
  'decompression-bomb.pdf': 'too_large',
  'huge-page-tree.pdf': 'too_large',
  'deeply-nested.pdf': 'damaged',
  'page-tree-loop.pdf': 'damaged',
};

/** Files that must be stored as in a clean run: odd but readable ones, and real fixtures. */
export const GOOD_FILES = ['plain.pdf', 'xref-prev-loop.pdf', 'off-page-geometry.pdf', 'image-only.pdf', 'viborg-referat.pdf', 'lolland-two-columns.pdf'];
const FIXTURE_FILES = ['viborg-referat.pdf', 'lolland-two-columns.pdf'];
/** A good document whose name is not UTF-8 (latin1 æ), written into both folders; the store shows it so. */
const LATIN1_NAME = Buffer.concat([Buffer.from('referat-'), Buffer.from([0xe6]), Buffer.from('ldre.pdf')]);
export const LATIN1_SHOWN = 'referat-\\xe6ldre.pdf';
/** Good documents in all: GOOD_FILES and the one with the latin1 name. */
export const GOOD_COUNT = GOOD_FILES.length + 1;

/** `dir/hostile` (everything) and `dir/clean` (the good files only). */
export async function writeHostileFolders(dir: string): Promise<{ hostile: string; clean: string }> {
  const hostile = join(dir, 'hostile');
  const clean = join(dir, 'clean');
  await writeHostileFiles(hostile, BOMB_MB);
  for (const name of FIXTURE_FILES) copyFileSync(join(repoRoot, 'fixtures', name), join(hostile, name));
  mkdirSync(clean, { recursive: true });
  for (const name of GOOD_FILES) copyFileSync(join(hostile, name), join(clean, name));
  const latin1 = plainPdf([{ text: 'Referat - Aeldreudvalget, 4. april 2025: 61,5 % tilfredse.', x: 56, y: 780 }]);
  for (const folder of [hostile, clean]) writeFileSync(Buffer.concat([Buffer.from(`${folder}/`), LATIN1_NAME]), latin1);
  return { hostile, clean };
}
