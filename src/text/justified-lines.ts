// Justified prose in a narrow column (a two-column agenda, a boxed notat) spreads its words so
// far apart that every gap passes for a column gap: "under\tlandsgennemsnittet.\tLedigheden".
// Such a line is one sentence, not table cells: its words are joined with spaces again.
import type { DraftFragment } from './draft.js';

/** A justified line has at least this many words, each its own fragment. */
const MIN_WORDS = 3;
/** Justification spreads one width over every gap: the gaps differ by rounding only (in em). */
const GAP_SPREAD_EM = 0.35;
/** Wider gaps than this (in em) are columns, however even. */
const MAX_GAP_EM = 4;

/** Prose words: lower-case ones or ones that close a clause; headers and figures are neither. */
const PROSE_WORD = /^\p{Ll}|[\p{L}][.,;:]$/u;

/** Lines as the layout gives them (words with x and width), and whether each is justified prose, as data. */
export const JUSTIFIED_EXAMPLES: readonly { words: readonly [string, number, number][]; justified: boolean }[] = [
  // Chromium, text-align: justify in a 250 pt column
  { words: [['under', 50, 24], ['landsgennemsnittet.', 88, 86], ['Ledigheden', 188, 48], ['var', 250, 14], ['i', 278, 3]], justified: true },
  // a budget row: figures right-aligned in even columns
  { words: [['Aktiveringsindsats', 50, 80], ['41.200', 200, 28], ['43.750', 260, 28], ['41.980', 320, 28]], justified: false },
  // a header row of one word per column
  { words: [['Område', 50, 34], ['Budget', 120, 32], ['Forbrug', 190, 36], ['Afvigelse', 260, 42]], justified: false },
  // label and value cells are no sentence
  { words: [['Mødedato:', 50, 48], ['15.01.2025', 180, 50], ['kl.', 260, 12]], justified: false },
];

/** The fragments of a line, with a justified sentence's words joined back into one fragment. */
export function joinJustified(fragments: DraftFragment[]): DraftFragment[] {
  if (fragments.length < MIN_WORDS || !fragments.every((f, i) => /^\S+$/u.test(f.text) && (i === 0 || f.sep === '\t'))) return fragments;
  const em = Math.max(...fragments.map((f) => f.size), 1);
  const gaps = fragments.slice(1).map((f, i) => f.x - ((fragments[i] as DraftFragment).x + (fragments[i] as DraftFragment).width));
  if (Math.max(...gaps) - Math.min(...gaps) > GAP_SPREAD_EM * em || Math.max(...gaps) > MAX_GAP_EM * em) return fragments;
  if (fragments.filter((f) => PROSE_WORD.test(f.text)).length * 2 < fragments.length) return fragments;
  const first = fragments[0] as DraftFragment;
  const last = fragments.at(-1) as DraftFragment;
  return [{ ...first, text: fragments.map((f) => f.text).join(' '), width: last.x + last.width - first.x }];
}
