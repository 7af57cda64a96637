// Whose figure it is: national (landstal, landsplan, hele landet …), other (refund and
// co-financing rates, regions, benchmark clusters) or the municipality's own, from
// vocabularies held as data and the words of the figure's clause, sentence or table row.
import type { Scope } from '../../schema/contract.js';
import { lookupMunicipality } from '../meeting/municipalities.js';
import { clauseAround, sentenceAround, type Span } from '../common/sentences.js';
import { rowLabel } from '../common/table-cells.js';

/** Words that attribute a figure to the whole country: landstal, landsplan, landsgennemsnit, hele landet … */
export const NATIONAL_SCOPE_WORDS: readonly string[] = [
  'landstal', 'landstallet', 'landstallene', 'landsplan', 'landsgennemsnit', 'landsgennemsnittet', 'landsniveau',
  'landsniveauet', 'hele landet', 'landet som helhed', 'hele danmark', 'danmark som helhed', 'national', 'nationalt',
  'nationale', 'landsdækkende', 'alle kommuner', 'landets kommuner', 'resten af landet', 'i danmark',
];

/** Areas that are neither the municipality nor the country: a region, a benchmark cluster of comparable municipalities. */
export const OTHER_AREA_WORDS: readonly string[] = [
  'regionen', 'regionalt', 'i regionen', 'landsdelen', 'klynge', 'klyngen', 'klyngens', 'klyngegennemsnittet', 'sammenlignelige kommuner',
  'sammenligningskommuner', 'nabokommunerne', 'nabokommuner', 'de øvrige kommuner',
  // The five regions by name: "28,4 % i Region Syddanmark", "Region Hovedstaden: 64 %".
  'region hovedstaden', 'region sjælland', 'region syddanmark', 'region midtjylland', 'region nordjylland',
];

/** Words before a national word that make it a comparison, not an attribution ("højere end landstallet"). */
export const COMPARISON_CUES: readonly string[] = [
  'end', 'i forhold til', 'ift.', 'sammenlignet med', 'svarende til', 'svarer til', 'over', 'under', 'med', 'mod',
  'niveau med', 'følge', 'følger',
];

/** Rates that describe no municipality: refunds, co-financing, interest, tax and price rates. */
export const OTHER_SCOPE_STEMS: readonly string[] = [
  'refusion', 'statsrefusion', 'medfinansiering', 'momsrefusion', 'moms', 'rente', 'tilskudsprocent', 'tilskudssats',
  'udskrivningsprocent', 'skatteprocent', 'grundskyld', 'egenbetaling', 'inflation', 'pris- og lønfremskrivning',
  'p/l-fremskrivning', 'lønfremskrivning', 'prisfremskrivning', 'afdrag', 'dækningsafgift', 'kompensation',
  // The share of a cost a grant or the state pays: "Puljen dækker 75 % af udgiften".
  'puljen dækker', 'puljen finansierer', 'tilskuddet dækker', 'staten dækker', 'staten betaler', 'statstilskud',
];

/** Words that tie a figure to the municipality itself. */
export const MUNICIPALITY_SCOPE_WORDS: readonly string[] = ['kommune', 'kommunen', 'kommunens', 'kommunes', 'jobcentret', 'jobcenteret'];

// ---------------------------------------------------------------------------
// Scope

const compiled = new Map<string, RegExp>();

/** One global, word-bounded RegExp per vocabulary list, compiled once. */
function vocabulary(words: readonly string[]): RegExp {
  const key = words.join('|');
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}])(?:${[...words].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}])`, 'gu');
    compiled.set(key, re);
  }
  return re;
}

/** Index of the last word of the list in text (case-insensitive), or -1. */
function containsWord(text: string, words: readonly string[]): number {
  let at = -1;
  for (const m of text.toLowerCase().matchAll(vocabulary(words))) at = Math.max(at, m.index);
  return at;
}

const COMPARED_BEFORE = new RegExp(`(?:^|\\s)(?:${COMPARISON_CUES.map(escape).join('|')})(?:\\s+(?:på|i|det|den|de))?$`, 'u');
const OTHER_RATE = new RegExp(`(?<![\\p{L}])(?:${OTHER_SCOPE_STEMS.map(escape).join('|')})`, 'u');

/** Escapes a word for use inside a RegExp. */
export function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}

/** Nouns after "nationale" that make it a name ("nationale test"), not a scope. */
const NAMED_INSTRUMENT_AFTER = /^\s*(?:test|tests|prøve|prøver|retningslinjer|klinisk)/u;

/** Index of a national word that attributes (not compares), or -1. */
function nationalAttribution(text: string): number {
  const lower = text.toLowerCase();
  let found = -1;
  for (const m of lower.matchAll(vocabulary(NATIONAL_SCOPE_WORDS))) {
    // "de nationale test" names a test every school takes, not the country's figure.
    if (NAMED_INSTRUMENT_AFTER.test(lower.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    const before = lower.slice(Math.max(0, m.index - 25), m.index).trim();
    if (!COMPARED_BEFORE.test(before)) found = Math.max(found, m.index);
  }
  return found;
}

function municipalityMention(text: string): number {
  let at = containsWord(text, MUNICIPALITY_SCOPE_WORDS);
  for (const m of text.matchAll(/(?<![\p{L}])\p{Lu}[\p{L}]+(?:-\p{Lu}[\p{L}]+)?/gu)) {
    if (lookupMunicipality(m[0])) at = Math.max(at, m.index);
  }
  return at;
}

/**
 * The words after a figure without a national label that belongs to the next figure:
 * "63,5 % (landsgennemsnit: 61,2 %)", "26,8 % (hele landet 28,0 %)". A label after the
 * figure is its own only when it follows it directly as a place ("10,2 % på landsplan").
 */
function withoutNextFigureLabel(post: string, text: string, span: Span, sentence: Span, neighbours: readonly Span[]): string {
  const rest = text.slice(span.end, sentence.end);
  const next = neighbours.filter((n) => n.start >= span.end && n.start <= sentence.end).sort((a, b) => a.start - b.start)[0];
  if (!next) return post;
  const between = text.slice(span.end, next.start).replace(/\s+/gu, ' ').toLowerCase();
  if (!rest.replace(/\s+/gu, ' ').toLowerCase().startsWith(between)) return post;
  if (OWN_PLACE_AFTER.test(between)) return post;
  const label = LABEL_BEFORE_FIGURE.exec(between);
  if (!label) return post;
  const cut = post.toLowerCase().lastIndexOf(label[1] ?? '');
  return cut >= 0 ? post.slice(0, cut) : post;
}

/** "10,2 % på landsplan", "2,9 % i hele landet": a national place right after the figure is the figure's own. */
const OWN_PLACE_AFTER = new RegExp(`^\\s*[,.]?\\s*(?:på|i|for)\\s+(?:${NATIONAL_SCOPE_WORDS.map(escape).join('|')})(?![\\p{L}])`, 'u');

/** A national label right before the next figure: "(landsgennemsnit: ", "(hele landet ", "mod landsgennemsnittet på ". */
const LABEL_BEFORE_FIGURE = new RegExp(
  `(?<![\\p{L}])(${[...NATIONAL_SCOPE_WORDS].sort((a, b) => b.length - a.length).map(escape).join('|')})(?:\\s+(?:er|var|lå|ligger|på|med|til))?\\s*[:=]?\\s*(?:ca\\.\\s*)?$`,
  'u',
);

/** Whether an immediate neighbour word is a rate that belongs to no municipality ("20 % refusion", "medfinansiering på 80 %"). */
function isOtherRate(pre: string, post: string): boolean {
  const near = `${pre.trim().split(/\s+/u).slice(-3).join(' ')} ${post.trim().split(/\s+/u).slice(0, 2).join(' ')}`.toLowerCase();
  return OTHER_RATE.test(near);
}

/** The scope a label names (a row label, a column header): national, other, the municipality, or null. */
export function scopeOfLabel(label: string): Scope | null {
  if (isOtherRate(label, '')) return 'other';
  if (nationalAttribution(label) >= 0) return 'national';
  if (containsWord(label, OTHER_AREA_WORDS) >= 0) return 'other';
  if (municipalityMention(label) >= 0) return 'municipality';
  return null;
}

/**
 * A table cell whose row is labelled by a place ("Klyngen⇥15,0 %", "Hele landet⇥16,2 %"): the row says
 * whose figure it is, whatever other rows of the table (run together into one "sentence") name.
 */
export function rowPlaceScope(text: string, span: Span): 'national' | 'other' | null {
  const label = rowLabel(text, span);
  if (!label || /\d/u.test(label)) return null;
  if (nationalAttribution(label) >= 0) return 'national';
  if (containsWord(label, OTHER_AREA_WORDS) >= 0) return 'other';
  return null;
}

/**
 * The scope of a figure: `other` for refund/co-financing style rates, `national` when its
 * own clause (or, failing that, its sentence) attributes it to the country, else `municipality`.
 */
export function scopeOf(text: string, span: Span, neighbours: readonly Span[]): Scope {
  const sentence = sentenceAround(text, span);
  const clause = clauseAround(text, span, sentence, neighbours);
  const { pre } = clause;
  const post = withoutNextFigureLabel(clause.post, text, span, sentence, neighbours);
  if (isOtherRate(pre, post)) return 'other';
  const byRow = rowPlaceScope(text, span);
  if (byRow) return byRow;
  if (containsWord(`${pre} ${post}`, OTHER_AREA_WORDS) >= 0 && nationalAttribution(`${pre} ${post}`) < 0) return 'other';
  const localNational = Math.max(nationalAttribution(pre), nationalAttribution(post));
  const localMunicipal = Math.max(municipalityMention(pre), municipalityMention(post));
  if (localNational >= 0 && localMunicipal < 0) return 'national';
  if (localMunicipal >= 0 && localNational < 0) return 'municipality';
  if (localNational >= 0 && localMunicipal >= 0) {
    // Both in one clause: the cue nearer the figure wins.
    const preText = pre;
    const distNational = nationalAttribution(post) >= 0 ? nationalAttribution(post) : preText.length - nationalAttribution(preText);
    const distMunicipal = municipalityMention(post) >= 0 ? municipalityMention(post) : preText.length - municipalityMention(preText);
    return distNational <= distMunicipal ? 'national' : 'municipality';
  }
  // A table cell: its row label says whose figure it is ("Landsgennemsnit \t 40,1 %").
  const label = rowLabel(text, span);
  if (label) {
    if (isOtherRate(label, '')) return 'other';
    if (nationalAttribution(label) >= 0) return 'national';
    if (municipalityMention(label) >= 0) return 'municipality';
  }
  // Nothing in the clause: a sentence that opens with a national attribution ("På landsplan er …
  // og …") governs all its figures, unless it also names the municipality.
  const before = text.slice(sentence.start, span.start);
  if (nationalAttribution(before) >= 0 && municipalityMention(text.slice(sentence.start, sentence.end)) < 0) return 'national';
  return 'municipality';
}
