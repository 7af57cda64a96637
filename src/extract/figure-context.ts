// What a figure in running text measures: a few words from its sentence
// ("aktiveringsgraden blandt borgere fra Ukraine", "de ledige med et jobmål …"),
// the row label of a table cell, or the context of the figure it parallels.
import { lookupMunicipality } from './municipalities.js';
import { MUNICIPALITY_SCOPE_WORDS, NATIONAL_SCOPE_WORDS, OTHER_AREA_WORDS, OTHER_SCOPE_STEMS, escape } from './figure-scope.js';
import { clauseAround, sentenceAround, type Span } from './sentences.js';
import { rowLabel } from './table-cells.js';

/** Function words and verbs that end a measured noun phrase when read backwards from a figure. */
const PHRASE_STOPS = new Set([
  'har', 'er', 'var', 'blev', 'bliver', 'været', 'være', 'giver', 'gav', 'viser', 'viste', 'udgør', 'udgjorde', 'ligger',
  'lå', 'hvilket', 'hvoraf', 'heraf', 'at', 'som', 'der', 'en', 'et', 'den', 'det', 'de', 'og', 'eller', 'samt', 'mens',
  'skal', 'kan', 'vil', 'må', 'bør', 'fået', 'få', 'opnå', 'opnås', 'svarer', 'svarende', 'til', 'ca.', 'ca', 'cirka',
  'mindst', 'højst', 'maksimalt', 'minimum', 'maksimum', 'over', 'under', 'op', 'alt', 'yderligere', 'dvs.',
  'ifølge', 'baseret', 'nemlig', 'fx', 'f.eks.', 'så', 'ligger', 'ligge', 'steg', 'faldt', 'endte', 'landede',
]);
/** Articles stop a phrase, except right after a preposition ("forbrug på de 4 projekter"). */
const ARTICLES = new Set(['en', 'et', 'den', 'det', 'de']);
const PREPOSITIONS = new Set(['på', 'i', 'af', 'for', 'blandt', 'fra', 'med', 'om', 'hos', 'ved', 'under', 'over', 'mellem']);
/** Words a noun phrase may end on before the figure ("aktiveringsgrad på", "merforbrug på driften på") and are dropped. */
const TRAILING_LINKS = /(?:\s+(?:på|var|er|været|blev|udgjorde|udgør|til|med|af|om|for|i\s+alt|ca\.?|cirka|mindst|højst|maksimalt|minimum|over|under|yderligere|hele|samlet|svarende\s+til|op\s+til|en|et|de))+\s*$/iu;

/** Maximum words in a context phrase. */
const MAX_CONTEXT_WORDS = 12;

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

function contextInSentence(text: string, span: Span, neighbours: readonly Span[], previousContext?: string): string {
  const sentence = sentenceAround(text, span);
  const { pre, post } = clauseAround(text, span, sentence, neighbours);
  const postWords = trimEdges(words(post).filter((w) => !/^[()%.]+$/u.test(w)).slice(0, MAX_POST_WORDS));
  const phrase = nounPhraseBefore(pre);
  // "På landsplan er dette tal 63 %": the figure measures what the previous one did.
  if (previousContext && REFERS_BACK.test(phrase.join(' '))) return previousContext;
  // "67,7 % af de ledige …", "50 % refusion": the measure is named right after the figure.
  if (/^af$/iu.test(postWords[0] ?? '') && postWords.length > 1) return clip([...strong(phrase), ...postWords.slice(1)], 'start');
  if (postWords.length > 0 && MEASURE_NOUN.test(postWords[0] as string)) return clip(postWords, 'start');
  // The noun phrase before the figure ("aktiveringsgraden blandt borgere fra Ukraine"),
  // looking past a weak one ("… ligger over landsgennemsnittet med 47 %"), then the words after it.
  let before = strong(phrase);
  if (before.length === 0) before = strong(phraseBeforeWeak(pre, phrase));
  const after = isWeak(postWords) ? [] : postWords;
  // A lone verb-like word before the figure ("stige", "reduceres"): the sentence's head says more.
  // (Only for the sentence's first figure: a later one is parallel to the one before it.)
  const firstInSentence = !neighbours.some((n) => n.start >= sentence.start && n.end <= span.start);
  const head = firstInSentence ? sentenceHead(text.slice(sentence.start, span.start)) : [];
  const lone = before.length === 1 && /^\p{Ll}[\p{L}]*(?:e|es|er)$/u.test(before[0] as string);
  if (before.length > 0 && !(lone && head.length >= 2)) return clip([...before, ...after], 'start');
  if (head.length >= 2 || (head.length === 1 && after.length === 0 && !previousContext)) return clip([...head, ...after], 'start');
  if (after.length > 0) return clip(after, 'start');
  // "14,1 % i Norddjurs og 13,3 % på landsplan": a parallel figure measures the same thing.
  if (previousContext) return previousContext;
  if (postWords.length > 0) return clip(postWords, 'start');
  return clip(phrase.length > 0 ? phrase : words(pre), 'end');
}

/** The words a sentence opens with, up to its first auxiliary verb ("skal", "er", "var" …). */
function sentenceHead(before: string): string[] {
  const ws = words(before);
  const verb = ws.findIndex((w, i) => i > 0 && /^(?:skal|er|var|blev|bliver|har|havde|kan|vil|må|bør)$/iu.test(w));
  return strong(trimEdges(ws.slice(0, verb < 0 ? ws.length : verb)));
}

/** Words after a figure that may join its context. */
const MAX_POST_WORDS = 14;

/** A phrase, or nothing when it names nothing measured. */
function strong(phrase: readonly string[]): string[] {
  return phrase.length > 0 && !isWeak(phrase) ? [...phrase] : [];
}

/** Drops stop words and links from both ends of a word list. */
function trimEdges(ws: readonly string[]): string[] {
  const out = [...ws];
  const loose = (w: string | undefined): boolean => w !== undefined && (PHRASE_STOPS.has(w.toLowerCase()) || PREPOSITIONS.has(w.toLowerCase()) || /^[\d.,]+$/u.test(w));
  while (out.length > 0 && loose(out.at(-1))) out.pop();
  while (out.length > 1 && PHRASE_STOPS.has((out[0] as string).toLowerCase()) && !/^af$/iu.test(out[0] as string)) out.shift();
  return out;
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

/** "dette tal", "tallet", "Resultatet", "Andelen endte": a phrase that points back to the previous figure. */
const REFERS_BACK = /^(?:(?:dette|det|samme)\s+tal|tallet|andelen(?:\s+endte)?|det|dette|resultatet|niveauet|status|målet)$/iu;

/** Words that say where or how, not what: a phrase of only these names nothing measured. */
const WEAK_WORDS = new Set([
  'oftest', 'færre', 'flere', 'lidt', 'her', 'herunder', 'heraf', 'dette', 'tal', 'tallet', 'dem', 'ca', 'kun', 'næsten',
  'knap', 'godt', 'hele', 'samlet', 'alle', 'igen', 'nu', 'fortsat', 'stadig',
  // verdicts and time words say how it went or when, not what was measured
  'målet', 'målene', 'resultatet', 'nået', 'opfyldt', 'indfriet', 'ikke', 'helt', 'delvist', 'vej', 'status',
  'første', 'andet', 'anden', 'tredje', 'fjerde', 'seneste', 'sidste', 'kvartal', 'halvår', 'måned', 'måneder', 'uge',
  'uger', 'år', 'året', 'januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober',
  'november', 'december',
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
