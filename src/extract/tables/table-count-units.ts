// Tables shaped like budget tables whose figures count people or cases: "Helårspersoner",
// "Fuldtidspersoner", "Antal" in the corner cell or the caption. Their cells are not kroner.
// Data, with its positive and negative examples in test/extract/table-count-units.test.ts.
/** Words that name what a table counts, when they head its label column or caption. */
export const COUNT_UNIT_WORDS: readonly string[] = [
  'helårspersoner',
  'helårsmodtagere',
  'fuldtidspersoner',
  'fuldtidsækvivalenter',
  'fuldtidsstillinger',
  'årsværk',
  'antal',
  'personer',
  'borgere',
  'modtagere',
  'sager',
  'forløb',
  'pladser',
];

/** A header naming counts: one of the words above as a word of its own ("Antal personer", "Helårspersoner 2025"). */
const COUNT_UNIT = new RegExp(`(?<![\\p{L}])(?:${COUNT_UNIT_WORDS.join('|')})(?![\\p{L}])`, 'iu');

/** Whether a corner cell or caption says the table counts people or cases rather than kroner. */
export function namesCountUnit(text: string): boolean {
  return COUNT_UNIT.test(text);
}
