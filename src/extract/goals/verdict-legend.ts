// A document's own key to its verdict colours and marks ("Grøn = målet er nået",
// "Blå: arbejdet er i gang", "÷ = ikke nået", "(✓) = delvist nået"): the key is read
// once per document, then a verdict cell holding only a key takes the key's meaning,
// before the general vocabulary (where "(✓)" would read as met and "Blå" as nothing).
import type { GoalStatus } from '../../schema/contract.js';
import type { NormalisedPage } from '../../schema/normalised.js';
import { LEGEND_COLOURS } from './verdict-legend-keys.js';
import { findStatus } from './status-vocabulary.js';

export type VerdictLegend = ReadonlyMap<string, Exclude<GoalStatus, 'unknown'>>;

/** A mark: one to three signs that are neither letters nor digits, bracketed or not ("✓", "(✓)", "÷", "+/-"). */
const MARK = String.raw`\(?[^\p{L}\p{N}\s=:,;.()]{1,3}\)?`;
/** The colour words in any case (the key pattern is case-sensitive, for its capital letter codes). */
const COLOUR = LEGEND_COLOURS.map((c) => [...c].map((ch) => (ch.toLowerCase() === ch.toUpperCase() ? ch.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&') : `[${ch.toLowerCase()}${ch.toUpperCase()}]`)).join('')).join('|');
/**
 * A key and its separator: "Grøn =", "Blå:", "÷ =", "(✓) =", a letter code "A =" or "DN =", or a mark
 * set straight before its meaning ("✔ Målet er nået ◐ Målet er delvist nået"). A mark needs
 * "=" or a capital after it (a colon after a sign is punctuation).
 */
const KEY = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(${COLOUR})\s*(?:=|:|–)|(${MARK})\s*=|(?<![\p{L}\p{N}.-])([A-ZÆØÅ]{1,3})\s*=(?!=)|(${MARK})\s+(?=\p{Lu}))\s*`,
  'gu',
);

/** A legend defines several keys; one "x = y" alone is more likely a formula. */
const MIN_KEYS = 2;

const cache = new WeakMap<readonly NormalisedPage[], VerdictLegend>();

/** The verdict legend of a document: key (lower-case, spaces removed) → status. Empty when it prints none. */
export function readVerdictLegend(pages: readonly NormalisedPage[]): VerdictLegend {
  const known = cache.get(pages);
  if (known) return known;
  const legend = new Map<string, Exclude<GoalStatus, 'unknown'>>();
  for (const page of pages) {
    // A legend may wrap over lines: read the page as one stream of words.
    const text = page.text.replace(/\s+/gu, ' ');
    const keys = [...text.matchAll(KEY)];
    keys.forEach((m, i) => {
      const next = keys[i + 1];
      const end = Math.min(next ? next.index : text.length, m.index + m[0].length + 80);
      const meaning = text.slice(m.index + m[0].length, end);
      // The meaning runs to the next key or the end of its sentence.
      const sentence = meaning.split(/(?<=[.;])\s|,\s(?=\S+\s*[=:])/u)[0] ?? '';
      if (!/\bmål|\bindsats|\barbejde|\bdata\b|\bnået|\bopfyldt|\bgang\b|\bproces\b|\bvurder|\bopgø|\bopgjort|\budgå/iu.test(sentence)) return;
      const status = statusOfMeaning(sentence);
      if (status) legend.set(keyOf(m[1] ?? m[2] ?? m[3] ?? m[4] ?? ''), status);
    });
  }
  const result: VerdictLegend = legend.size >= MIN_KEYS ? legend : new Map();
  cache.set(pages, result);
  return result;
}

/** A key's meaning is a short verdict: "målet er nået", "delvist", "ikke data til at vurdere målet". */
function statusOfMeaning(meaning: string): Exclude<GoalStatus, 'unknown'> | null {
  // "målet er nået eller forventes nået": the first reading names the colour; the second widens it.
  // "Udviklingen går i den rigtige retning, men målet er endnu ikke nået": the clause before "men" names it.
  const first = meaning.split(/\s+eller\s+|,\s+men\s+|,\s+og\s+/u)[0] ?? meaning;
  for (const reading of [first, meaning]) {
    const status = findStatus(reading.trim())?.status ?? findStatus(`målet er ${reading.trim()}`)?.status;
    if (status) return status;
  }
  return null;
}

/** Legend meanings, as data: the status each gives its key. */
export const LEGEND_MEANING_EXAMPLES: readonly { meaning: string; status: GoalStatus | null }[] = [
  { meaning: 'målet er nået eller forventes nået.', status: 'met' },
  { meaning: 'målet er delvist nået.', status: 'partly_met' },
  { meaning: 'arbejdet er i gang', status: 'in_progress' },
  { meaning: 'ikke nået', status: 'not_met' },
  { meaning: 'Udgået.', status: 'withdrawn' },
  { meaning: 'Udviklingen går i den rigtige retning, men målet er endnu ikke nået.', status: 'in_progress' },
  { meaning: 'Målet er ikke nået, og udviklingen går i den forkerte retning.', status: 'not_met' },
  { meaning: 'Kan ikke vurderes', status: 'not_assessable' },
];

export function meaningStatus(meaning: string): GoalStatus | null {
  return statusOfMeaning(meaning);
}

export function keyOf(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, '');
}

/** The status a verdict cell's text has by the legend, when the cell holds only a key. */
export function legendStatus(legend: VerdictLegend, cellText: string): Exclude<GoalStatus, 'unknown'> | null {
  if (legend.size === 0) return null;
  return legend.get(keyOf(cellText.replace(/[.!]$/u, ''))) ?? null;
}
