// Letter-spaced (tracked) capitals, as agenda systems and report templates print a masthead:
// "D A G S O R D E N", "K O M M U N E · R E F E R A T". The text layer gives one letter per word,
// so no title word is found in it until the letters are joined again.

/** Three or more single letters, each separated by one space. */
const TRACKED_RUN = /(?<![\p{L}\p{N}])\p{L}(?: \p{L}){2,}(?![\p{L}\p{N}])/gu;

/**
 * The text with each letter-spaced run joined into one word. The spacing between the words of a
 * run is often no wider than between its letters, so a run may join several words into one
 * ("SKIVEKOMMUNE"): see {@link trackedRuns} for matching a word at a run's ends.
 */
export function joinLetterSpacing(text: string): string {
  return text.replace(TRACKED_RUN, (run) => run.replace(/ /gu, ''));
}

/** The letter-spaced runs of a text, joined and lower-cased ("dagsorden", "skivekommune"). */
export function trackedRuns(text: string): string[] {
  return [...text.matchAll(TRACKED_RUN)].map((m) => m[0].replace(/ /gu, '').toLowerCase());
}

/**
 * True when a letter-spaced run is one of the words, or starts or ends with one (a masthead's
 * words may run together: "REFERATØKONOMIUDVALGET").
 */
export function trackedRunHasWord(text: string, words: readonly string[]): boolean {
  return trackedRuns(text).some((run) => words.some((w) => !w.includes(' ') && (run.startsWith(w) || run.endsWith(w))));
}

/** Mastheads as data: the kind word a letter-spaced line carries (null: none). */
export const LETTER_SPACING_EXAMPLES: readonly { line: string; word: string | null }[] = [
  { line: 'D A G S O R D E N', word: 'dagsorden' },
  { line: 'S K I V E K O M M U N E · D A G S O R D E N', word: 'dagsorden' },
  { line: 'R E F E R A T Ø K O N O M I U D V A L G E T', word: 'referat' },
  { line: 'B E S L U T N I N G S P R O T O K O L', word: 'beslutningsprotokol' },
  // initials and short spaced abbreviations are no masthead
  { line: 'Udvalget for A B C', word: null },
  { line: 'Notat om tilsyn, K O N C E P T', word: null },
];
