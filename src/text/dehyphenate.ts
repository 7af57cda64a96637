// Words split across lines: "fleksjob-" + "ansatte" → "fleksjobansatte", while real
// hyphens stay: "IGU-" + "pladser" → "IGU-pladser", "2025-" + "2028" → "2025-2028",
// and "Børne-" + "og Familieudvalget" or a capitalised next word are left alone.
// The continuation moves up to the first line, so the page text holds whole words.
import { SOFT_HYPHEN } from './clean-chars.js';
import type { DraftLine } from './draft.js';

/** A line ending in a word and a hyphen (or a soft hyphen). */
const LINE_END_HYPHEN = /(?<word>[\p{L}\p{N}]+)(?<hyphen>-|\u00AD)$/u;
/** The first word of the next line with any punctuation glued to it. */
const FIRST_TOKEN = /^(?<word>[\p{L}\p{N}][\p{L}\p{N}-]*)(?<tail>[^\s]*)/u;
/** After "Børne-", "Social-" a conjunction means a shared compound ending: the hyphen is real. */
const CONJUNCTIONS = new Set(['og', 'eller', 'samt', 'til', 'som', 'men', 'end', 'and', 'or']);
/** How far left of a table cell a line may start and still continue that cell (points). */
const CELL_COLUMN_SLACK = 12;
/** Prefixes written with a hyphen in Danish ("ikke-vestlige"). */
const HYPHEN_PREFIXES = new Set(['ikke', 'ex', 'anti', 'non', 'pro', 'semi', 'vice']);

export type Vocabulary = ReadonlyMap<string, number>;

/** How often each word form occurs in the document (hyphenated compounds as one form). */
export function vocabularyOf(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
      const w = m[0].toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return counts;
}

type Join = 'drop-hyphen' | 'keep-hyphen' | null;

function decide(prefix: string, hyphen: string, next: string, vocabulary: Vocabulary): Join {
  if (hyphen === SOFT_HYPHEN) return 'drop-hyphen';
  const first = next[0] ?? '';
  if (/\p{N}/u.test(first)) return /\p{N}$/u.test(prefix) ? 'keep-hyphen' : null;
  if (!/\p{Ll}/u.test(first)) return null;
  if (CONJUNCTIONS.has(next.toLowerCase())) return null;
  // Abbreviations and names with inner capitals: "IGU-pladser", "UngiAarhus-tilbud", "e-mail".
  if (/[\p{Lu}\p{N}]$/u.test(prefix) || /.\p{Lu}/u.test(prefix) || prefix.length === 1) return 'keep-hyphen';
  if (HYPHEN_PREFIXES.has(prefix.toLowerCase())) return 'keep-hyphen';
  const hyphenated = vocabulary.get(`${prefix}-${next}`.toLowerCase()) ?? 0;
  const closed = vocabulary.get(`${prefix}${next}`.toLowerCase()) ?? 0;
  return hyphenated > closed ? 'keep-hyphen' : 'drop-hyphen';
}

/**
 * Two pieces of one cell that wrapped onto two lines ("Tillægs-" over "bevillinger"), joined by
 * the same rules as page lines: "Tillægsbevillinger", but "Børne- og Ungeudvalget", "IGU-pladser".
 */
export function joinWrapped(first: string, second: string, vocabulary: Vocabulary = new Map()): string {
  const a = first.trimEnd();
  const b = second.trimStart();
  const end = LINE_END_HYPHEN.exec(a);
  const next = FIRST_TOKEN.exec(b);
  const join = end?.groups && next?.groups ? decide(end.groups['word'] ?? '', end.groups['hyphen'] ?? '', next.groups['word'] ?? '', vocabulary) : null;
  if (join === 'drop-hyphen') return `${a.slice(0, -1)}${b}`;
  if (join === 'keep-hyphen') return `${a}${b}`;
  return a === '' ? b : b === '' ? a : `${a} ${b}`;
}

/** Joins words split across consecutive lines in reading order, in place; returns how many were joined. */
export function dehyphenate(lines: DraftLine[], vocabulary: Vocabulary): number {
  let joined = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    // The next line in reading order, in the same column or at the top of the next one.
    if (!line || !next || next.column < line.column) continue;
    const last = line.fragments.at(-1);
    const head = next.fragments[0];
    if (!last || !head) continue;
    // A cell after a gap wraps inside its own column: a next line starting left of it (a row
    // label, a numbered heading after the table) does not continue it. So a finance system's
    // trailing minus in a row's last cell ("1.205.000-") never takes "3." of the next heading.
    if (last.sep === '\t' && head.x < last.x - CELL_COLUMN_SLACK) continue;
    const end = LINE_END_HYPHEN.exec(last.text);
    const start = FIRST_TOKEN.exec(head.text);
    if (!end?.groups || !start?.groups) continue;
    const prefix = end.groups['word'] ?? '';
    const hyphen = end.groups['hyphen'] ?? '-';
    const word = start.groups['word'] ?? '';
    const join = decide(prefix, hyphen, word, vocabulary);
    if (!join) continue;
    const moved = start[0];
    last.text = last.text.slice(0, -1) + (join === 'keep-hyphen' ? '-' : '') + moved;
    last.width = Math.max(last.width, 0);
    head.text = head.text.slice(moved.length).trimStart();
    if (head.text === '') {
      next.fragments.shift();
      const newHead = next.fragments[0];
      if (newHead) newHead.sep = '';
    }
    if (next.fragments.length === 0) lines.splice(i + 1, 1);
    joined++;
  }
  for (const line of lines) for (const f of line.fragments) f.text = f.text.replaceAll(SOFT_HYPHEN, '');
  return joined;
}
