// What a figure in running text measures and whose figure it is: the sentence and
// clause around it, a short context phrase ("aktiveringsgraden blandt borgere fra
// Ukraine"), and its scope (national / municipality / other) from vocabularies.
import type { Scope } from '../schema/contract.js';
import type { LayoutLine, NormalisedPage } from '../schema/normalised.js';
import { lookupMunicipality } from './municipalities.js';

/** Words that attribute a figure to the whole country: landstal, landsplan, landsgennemsnit, hele landet … */
export const NATIONAL_SCOPE_WORDS: readonly string[] = [
  'landstal', 'landstallet', 'landstallene', 'landsplan', 'landsgennemsnit', 'landsgennemsnittet', 'landsniveau',
  'landsniveauet', 'hele landet', 'landet som helhed', 'hele danmark', 'danmark som helhed', 'national', 'nationalt',
  'nationale', 'landsdækkende', 'alle kommuner', 'landets kommuner', 'resten af landet', 'i danmark',
];

/** Areas that are neither the municipality nor the country: a region, a benchmark cluster of comparable municipalities. */
export const OTHER_AREA_WORDS: readonly string[] = [
  'regionen', 'regionalt', 'i regionen', 'landsdelen', 'klyngen', 'klyngegennemsnittet', 'sammenlignelige kommuner',
  'sammenligningskommuner', 'nabokommunerne', 'de øvrige kommuner',
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
];

/** Words that tie a figure to the municipality itself. */
export const MUNICIPALITY_SCOPE_WORDS: readonly string[] = ['kommune', 'kommunen', 'kommunens', 'kommunes', 'jobcentret', 'jobcenteret'];

/** Function words and verbs that end a measured noun phrase when read backwards from a figure. */
const PHRASE_STOPS = new Set([
  'har', 'er', 'var', 'blev', 'bliver', 'været', 'være', 'giver', 'gav', 'viser', 'viste', 'udgør', 'udgjorde', 'ligger',
  'lå', 'hvilket', 'hvoraf', 'heraf', 'at', 'som', 'der', 'en', 'et', 'den', 'det', 'de', 'og', 'eller', 'samt', 'mens',
  'skal', 'kan', 'vil', 'må', 'bør', 'fået', 'få', 'opnå', 'opnås', 'svarer', 'svarende', 'til', 'ca.', 'ca', 'cirka',
  'mindst', 'højst', 'maksimalt', 'minimum', 'maksimum', 'over', 'under', 'op', 'alt', 'yderligere', 'dvs.',
  'ifølge', 'baseret', 'nemlig', 'fx', 'f.eks.', 'så', 'ligger', 'steg', 'faldt',
]);
/** Articles stop a phrase, except right after a preposition ("forbrug på de 4 projekter"). */
const ARTICLES = new Set(['en', 'et', 'den', 'det', 'de']);
const PREPOSITIONS = new Set(['på', 'i', 'af', 'for', 'blandt', 'fra', 'med', 'om', 'hos', 'ved', 'under', 'over', 'mellem']);
/** Words a noun phrase may end on before the figure ("aktiveringsgrad på", "merforbrug på driften på") and are dropped. */
const TRAILING_LINKS = /(?:\s+(?:på|var|er|været|blev|udgjorde|udgør|til|med|af|om|for|i\s+alt|ca\.?|cirka|mindst|højst|maksimalt|minimum|over|under|yderligere|hele|samlet|svarende\s+til|op\s+til|en|et|de))+\s*$/iu;

/** Maximum words in a context phrase. */
const MAX_CONTEXT_WORDS = 8;

export interface Span {
  readonly start: number;
  readonly end: number;
}

// ---------------------------------------------------------------------------
// Sentences and clauses

/**
 * Abbreviations and ordinals ("31.", "9. eller") whose full stop does not end a sentence.
 * "kr." and "mio." are left out on purpose: an amount often ends a sentence, and a
 * capital after them starts a new one.
 */
const ABBREVIATION_BEFORE_DOT = /(?:(?<![\p{L}])(?:pr|jf|bl\.a|ca|stk|evt|inkl|ekskl|m\.fl|mv|f\.eks|vedr|hhv|pkt|nr|kl|d|dvs|tlf|ift)|(?<!\d)\d{1,2})\.$/iu;

/** The sentence (or table cell) around a span: bounded by full stops, tabs, blank lines and list bullets. */
export function sentenceAround(text: string, span: Span): Span {
  let start = span.start;
  while (start > 0 && !isBoundaryBefore(text, start)) start--;
  let end = span.end;
  while (end < text.length && !isBoundaryAfter(text, end)) end++;
  return { start, end };
}

function isBoundaryBefore(text: string, i: number): boolean {
  const prev = text[i - 1] ?? '';
  if (prev === '\t') return true;
  if (prev === '\n') return lineBreakIsBoundary(text, i - 1);
  if (/\s/u.test(prev) && /[.!?]/u.test(text[i - 2] ?? '') && /[\p{Lu}\d"“(-]/u.test(text[i] ?? '')) {
    return !ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(0, i - 12), i - 1));
  }
  return false;
}

function isBoundaryAfter(text: string, i: number): boolean {
  const c = text[i] ?? '';
  if (c === '\t') return true;
  if (c === '\n') return lineBreakIsBoundary(text, i);
  if (/[.!?]/u.test(c) && /\s/u.test(text[i + 1] ?? '') && /[\p{Lu}"“(-]/u.test(text[i + 2] ?? '')) {
    return !ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(0, i - 10), i + 1));
  }
  return false;
}

/** A line break ends a sentence after a full stop or colon, before a bullet, or after a short (heading) line. */
function lineBreakIsBoundary(text: string, nl: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', nl - 1) + 1, nl).trimEnd();
  const after = text.slice(nl + 1, nl + 4);
  // A line with a tab in it starts a new table row; a wrapped cell's next line has none.
  const nextLineEnd = text.indexOf('\n', nl + 1);
  if (text.slice(nl + 1, nextLineEnd < 0 ? text.length : nextLineEnd).includes('\t')) return true;
  if (before === '' || /^\s*$/u.test(after)) return true;
  if (/[.!?:;]$/u.test(before) && !ABBREVIATION_BEFORE_DOT.test(before.slice(-10))) return true;
  if (/^\s*(?:[-–•\u2022\uf0b7]\s)/u.test(after)) return true;
  return before.length < 30 && !/[,]$/u.test(before) && /^\s*\p{Lu}/u.test(after) && !/\d$/u.test(before);
}

/** Clause joiners that separate one figure's words from the next figure's. */
const CLAUSE_JOINER = /(?:,\s|;\s|\s-\s|\s–\s|:\s|\s(?:og|mens|samt|hvoraf|hvilket|heraf|men)\s)/giu;

/**
 * The words before and after a figure that belong to it: from the previous figure or
 * clause joiner to the figure, and from the figure to the next joiner or figure.
 */
export function clauseAround(text: string, span: Span, sentence: Span, neighbours: readonly Span[]): { pre: string; post: string } {
  const prevEnd = Math.max(sentence.start, ...neighbours.filter((n) => n.end <= span.start).map((n) => n.end));
  const nextStart = Math.min(sentence.end, ...neighbours.filter((n) => n.start >= span.end).map((n) => n.start));
  let pre = text.slice(prevEnd, span.start);
  let post = text.slice(span.end, nextStart);
  const joiners = [...pre.matchAll(CLAUSE_JOINER)];
  // "landsgennemsnit: 26,4 %": a colon right before the figure ends its label, not its clause.
  const labelColon = joiners.at(-1)?.[0].startsWith(':') === true && pre.slice((joiners.at(-1)?.index ?? 0) + 1).trim() === '';
  const lastJoiner = labelColon ? joiners.at(-2) : joiners.at(-1);
  if (lastJoiner) pre = pre.slice(lastJoiner.index + lastJoiner[0].length);
  const firstJoiner = CLAUSE_JOINER.exec(post);
  CLAUSE_JOINER.lastIndex = 0;
  if (firstJoiner) post = post.slice(0, firstJoiner.index);
  return { pre: pre.replace(/\s+/gu, ' '), post: post.replace(/\s+/gu, ' ') };
}

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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}

/** Index of a national word that attributes (not compares), or -1. */
function nationalAttribution(text: string): number {
  const lower = text.toLowerCase();
  let found = -1;
  for (const m of lower.matchAll(vocabulary(NATIONAL_SCOPE_WORDS))) {
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

/** Whether an immediate neighbour word is a rate that belongs to no municipality ("20 % refusion", "medfinansiering på 80 %"). */
function isOtherRate(pre: string, post: string): boolean {
  const near = `${pre.trim().split(/\s+/u).slice(-3).join(' ')} ${post.trim().split(/\s+/u).slice(0, 2).join(' ')}`.toLowerCase();
  return OTHER_RATE.test(near);
}

/**
 * The scope of a figure: `other` for refund/co-financing style rates, `national` when its
 * own clause (or, failing that, its sentence) attributes it to the country, else `municipality`.
 */
export function scopeOf(text: string, span: Span, neighbours: readonly Span[]): Scope {
  const sentence = sentenceAround(text, span);
  const { pre, post } = clauseAround(text, span, sentence, neighbours);
  if (isOtherRate(pre, post)) return 'other';
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

// ---------------------------------------------------------------------------
// Context phrase

/**
 * A few words naming what a figure measures: the noun phrase before it ("aktiveringsgraden
 * blandt borgere fra Ukraine været 73,9 %"), the "af …" group after it ("67,7 % af de ledige …"),
 * else the nearest words of its clause.
 */
export function contextOf(text: string, span: Span, neighbours: readonly Span[], previousContext?: string): string {
  const label = rowLabel(text, span);
  if (label !== null) {
    // A bare cell ("\t78,1 %\t") names nothing itself: its row label does.
    const sentence = sentenceAround(text, span);
    const rest = text.slice(sentence.start, span.start) + text.slice(span.end, sentence.end);
    if (!/\p{L}/u.test(rest)) return clip(words(label), 'start');
  }
  const phrase = contextInSentence(text, span, neighbours, previousContext);
  if (phrase !== '') return phrase;
  return clip(words(label ?? ''), 'start');
}

/** The first cell of a tab-separated row holding the span, when the span is in a later cell. */
export function rowLabel(text: string, span: Span): string | null {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const before = text.slice(lineStart, span.start);
  const tab = before.indexOf('\t');
  if (tab < 0) return null;
  const label = before.slice(0, tab).trim();
  return label === '' ? null : label;
}

function contextInSentence(text: string, span: Span, neighbours: readonly Span[], previousContext?: string): string {
  const sentence = sentenceAround(text, span);
  const { pre, post } = clauseAround(text, span, sentence, neighbours);
  const postWords = words(post).filter((w) => !/^[()%.]+$/u.test(w));
  if (/^af$/iu.test(postWords[0] ?? '') && postWords.length > 1) return clip(postWords.slice(1), 'start');
  // "50 % refusion", "30 % medfinansiering": the measure is named right after the figure.
  if (postWords.length > 0 && MEASURE_NOUN.test(postWords[0] as string)) return clip(postWords, 'start');
  const phrase = nounPhraseBefore(pre);
  // "På landsplan er dette tal 63 %": the figure measures what the previous one did.
  if (previousContext && REFERS_BACK.test(phrase.join(' '))) return previousContext;
  if (phrase.length > 0 && !isWeak(phrase)) return clip(phrase, 'end');
  // "Samarbejdsgraden ligger over landsgennemsnittet med 47 %": look past a weak phrase.
  const earlier = phraseBeforeWeak(pre, phrase);
  if (earlier.length > 0 && !isWeak(earlier)) return clip(earlier, 'end');
  if (postWords.length > 0 && !isWeak(postWords)) return clip(postWords, 'start');
  // "14,1 % i Norddjurs og 13,3 % på landsplan": a parallel figure measures the same thing.
  if (previousContext) return previousContext;
  if (postWords.length > 0) return clip(postWords, 'start');
  return clip(phrase.length > 0 ? phrase : words(pre), 'end');
}

/** Nouns that name a measure or rate: "…procent", "…grad", "…andel", "…sats", refusion, medfinansiering. */
const MEASURE_NOUN = new RegExp(`^(?:\\p{L}*(?:procent|procenten|grad|graden|andel|andelen|sats|satsen|rate|raten)|${OTHER_SCOPE_STEMS.map((w) => escape(w)).join('|')}\\p{L}*)$`, 'iu');

/** The noun phrase before the words of a weak phrase and the stop word in front of it. */
function phraseBeforeWeak(pre: string, weak: readonly string[]): string[] {
  const all = words(pre);
  const cut = all.length - weak.length - trailingCut(pre);
  if (cut <= 1) return [];
  return nounPhraseBefore(all.slice(0, cut - 1).join(' '));
}

/** How many words TRAILING_LINKS and stop words strip from the end of pre. */
function trailingCut(pre: string): number {
  const all = words(pre);
  const kept = words(pre.replace(TRAILING_LINKS, ''));
  return all.length - kept.length;
}

/** "dette tal", "tallet", "det": a phrase that points back to the previous figure. */
const REFERS_BACK = /^(?:(?:dette|det|samme)\s+tal|tallet|andelen|det|dette)$/iu;

/** Words that say where or how, not what: a phrase of only these names nothing measured. */
const WEAK_WORDS = new Set([
  'oftest', 'færre', 'flere', 'lidt', 'her', 'herunder', 'heraf', 'dette', 'tal', 'tallet', 'dem', 'ca', 'kun', 'næsten',
  'knap', 'godt', 'hele', 'samlet', 'alle', 'igen', 'nu', 'fortsat', 'stadig',
]);

function isWeak(phrase: readonly string[]): boolean {
  return phrase.every((w) => {
    const lower = w.toLowerCase();
    return (
      WEAK_WORDS.has(lower) ||
      PREPOSITIONS.has(lower) ||
      PHRASE_STOPS.has(lower) ||
      /^[\d.,]+$/u.test(w) ||
      /^\p{Lu}/u.test(w) && lookupMunicipality(w) !== null ||
      MUNICIPALITY_SCOPE_WORDS.includes(lower) ||
      NATIONAL_SCOPE_WORDS.includes(lower) ||
      OTHER_AREA_WORDS.includes(lower)
    );
  });
}

function words(s: string): string[] {
  return s
    .replace(/[()"“”]/gu, ' ')
    .split(/\s+/u)
    .map((w) => w.replace(/[,:;.]+$/u, ''))
    .filter((w) => w !== '' && w !== '-' && w !== '–');
}

function nounPhraseBefore(pre: string): string[] {
  const ws = words(pre.replace(TRAILING_LINKS, ''));
  while (ws.length > 0 && PHRASE_STOPS.has((ws.at(-1) as string).toLowerCase())) {
    ws.pop();
    const rest = words(ws.join(' ').replace(TRAILING_LINKS, ''));
    ws.length = 0;
    ws.push(...rest);
  }
  let from = 0;
  for (let i = ws.length - 1; i >= 0; i--) {
    const w = (ws[i] as string).toLowerCase();
    const afterPreposition = PREPOSITIONS.has((ws[i - 1] ?? '').toLowerCase());
    if (PHRASE_STOPS.has(w) && !(ARTICLES.has(w) && afterPreposition)) {
      from = i + 1;
      break;
    }
  }
  const phrase = ws.slice(from);
  while (phrase.length > 0 && /^[\d.,)]+$/u.test(phrase[0] as string)) phrase.shift();
  return phrase;
}

function clip(ws: readonly string[], keep: 'start' | 'end'): string {
  const kept = keep === 'start' ? ws.slice(0, MAX_CONTEXT_WORDS) : ws.slice(-MAX_CONTEXT_WORDS);
  return kept.join(' ').replace(/[.,;:]+$/u, '').trim();
}

// ---------------------------------------------------------------------------
// Sentences across page breaks

/** How much of the previous page may carry into the first sentence of a page. */
const MAX_CARRY = 400;

/**
 * The text to read a page's figures in: when the previous page ends mid-sentence
 * ("På landsplan er dette tal" | "39,5 %."), its unfinished sentence is put in front,
 * joined by a space. `offset` is the length added, to shift spans by.
 */
export function withCarryOver(previousPageText: string | undefined, text: string): { text: string; offset: number } {
  const prev = (previousPageText ?? '').trimEnd();
  if (prev === '' || /[.!?:;]$/u.test(prev)) return { text, offset: 0 };
  const tail = prev.slice(-MAX_CARRY);
  const sentence = sentenceAround(tail, { start: tail.length, end: tail.length });
  const carried = tail.slice(sentence.start).replace(/\s+/gu, ' ').trim();
  if (carried === '') return { text, offset: 0 };
  return { text: `${carried} ${text}`, offset: carried.length + 1 };
}

/** A span shifted by an offset. */
export function shifted(span: Span, offset: number): Span {
  return { start: span.start + offset, end: span.end + offset };
}

// ---------------------------------------------------------------------------
// Table cells that wrap over several lines

/** How many lines up a wrapped table cell is followed. */
const MAX_CELL_LINES_ABOVE = 3;

/**
 * The text of the same table cell on the lines above a position, when the cell wraps
 * ("58,2 % i job. Landsgennemsnittet" | "var 54,9 %."): fragments of earlier lines that
 * share the position's column (x range), up to a line that ends a sentence.
 */
export function cellAbove(page: NormalisedPage, offset: number): string | undefined {
  const index = page.lines.findIndex((l) => l.start <= offset && offset <= l.end);
  const line = page.lines[index];
  const cell = line?.fragments.find((f) => f.start <= offset && offset <= f.end);
  if (!line || !cell || cell.width <= 0) return undefined;
  const tabular = (l: LayoutLine): boolean => l.fragments.length > 1;
  if (!tabular(line) && !(page.lines[index - 1] && tabular(page.lines[index - 1] as LayoutLine))) return undefined;
  const parts: string[] = [];
  for (let i = index - 1; i >= 0 && parts.length < MAX_CELL_LINES_ABOVE; i--) {
    const above = (page.lines[i] as LayoutLine).fragments.find((f) => f.x < cell.x + cell.width && cell.x < f.x + f.width && Math.abs(f.x - cell.x) < 4);
    if (!above) break;
    const text = page.text.slice(above.start, above.end).trim();
    if (/[.!?:]$/u.test(text) && !/^\p{Lu}/u.test(parts[0] ?? 'A')) break;
    if (/[.!?]$/u.test(text)) break;
    parts.unshift(text);
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * The text, span and neighbours to read a figure in: the page text, or — when the figure's
 * sentence starts a wrapped table cell — that cell's earlier lines followed by the sentence.
 */
export function figureView(text: string, span: Span, neighbours: readonly Span[], above: string | undefined): { text: string; span: Span; neighbours: Span[] } {
  const sentence = sentenceAround(text, span);
  const startsCell = sentence.start === 0 || /[\t\n]/u.test(text[sentence.start - 1] ?? '');
  if (!above || !startsCell) return { text, span, neighbours: [...neighbours] };
  const shift = above.length + 1 - sentence.start;
  return {
    text: `${above} ${text.slice(sentence.start, sentence.end)}`,
    span: shifted(span, shift),
    neighbours: neighbours.filter((n) => n.start >= sentence.start && n.end <= sentence.end).map((n) => shifted(n, shift)),
  };
}
