// The words of a figure's context: stop words, weak words, noun phrases read backwards
// from a figure, a sentence's subject, and the tests that say whether a phrase names
// something measured. Shared by the context rules (figure-context.ts, context-builders.ts).
import { GENERIC_MEASURE_WORDS, SUBJECT_END_VERBS, isMeasureNoun } from './context-vocabulary.js';
import { lookupMunicipality } from '../meeting/municipalities.js';
import { memoValueByText } from '../../text/memo-by-text.js';
import { MUNICIPALITY_SCOPE_WORDS, NATIONAL_SCOPE_WORDS, OTHER_AREA_WORDS, OTHER_SCOPE_STEMS, escape } from './figure-scope.js';

/** Function words and verbs that end a measured noun phrase when read backwards from a figure. */
export const PHRASE_STOPS = new Set([
  'har', 'er', 'var', 'blev', 'bliver', 'været', 'være', 'giver', 'gav', 'viser', 'viste', 'udgør', 'udgjorde', 'ligger',
  'lå', 'hvilket', 'hvoraf', 'heraf', 'at', 'som', 'der', 'en', 'et', 'den', 'det', 'de', 'og', 'eller', 'samt', 'mens',
  'skal', 'kan', 'vil', 'må', 'bør', 'fået', 'få', 'opnå', 'opnås', 'svarer', 'svarende', 'til', 'ca.', 'ca', 'cirka',
  'mindst', 'højst', 'maksimalt', 'minimum', 'maksimum', 'over', 'under', 'op', 'alt', 'yderligere', 'dvs.',
  'ifølge', 'baseret', 'nemlig', 'fx', 'f.eks.', 'så', 'ligger', 'ligge', 'steg', 'faldt', 'endte', 'landede',
  'mod', 'frem', 'hvor', 'ventes', 'forventes', 'skulle', 'kunne', 'ville', 'burde', 'måtte',
]);
/** Articles stop a phrase, except right after a preposition ("forbrug på de 4 projekter"). */
const ARTICLES = new Set(['en', 'et', 'den', 'det', 'de']);
export const PREPOSITIONS = new Set(['på', 'i', 'af', 'for', 'blandt', 'fra', 'med', 'om', 'hos', 'ved', 'under', 'over', 'mellem', 'efter', 'siden', 'inden']);
/** Words a noun phrase may end on before the figure ("aktiveringsgrad på", "merforbrug på driften på") and are dropped. */
const TRAILING_LINKS = /(?:\s+(?:mere\s+end|mindre\s+end|på|var|er|været|blev|udgjorde|udgør|til|med|af|om|for|i\s+alt|ca\.?|cirka|mindst|højst|maksimalt|minimum|over|under|yderligere|hele|samlet|svarende\s+til|op\s+til|en|et|de))+\s*$/iu;

/** Maximum words in a context phrase. */
export const MAX_CONTEXT_WORDS = 12;

/** Modal verbs before an infinitive: "skal være i job" names the measure "er i job". */
const MODALS = new Set(['skal', 'skulle', 'kan', 'kunne', 'må', 'måtte', 'bør', 'burde', 'vil', 'ville']);
const IRREGULAR_PRESENT: Readonly<Record<string, string>> = { være: 'er', have: 'har', gøre: 'gør', vide: 'ved' };

/**
 * "de nyledige skal være i job" → "de nyledige er i job", "skulle overgå til" → "overgår til":
 * a target's wording turned into the wording of what is measured. Passives ("skal reduceres") keep their form.
 */
export function presentTense(ws: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as string;
    const next = ws[i + 1];
    if (!MODALS.has(w.toLowerCase()) || next === undefined || !/^\p{Ll}+$/u.test(next)) {
      out.push(w);
      continue;
    }
    const lower = next.toLowerCase();
    if (/es$/u.test(lower) && lower.length > 4) out.push(next);
    else if (IRREGULAR_PRESENT[lower]) out.push(IRREGULAR_PRESENT[lower] as string);
    else if (/[eåø]$/u.test(lower) && !PHRASE_STOPS.has(lower) && !PREPOSITIONS.has(lower) && lower !== 'ikke') out.push(`${next}r`);
    else {
      out.push(w);
      continue;
    }
    i++;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Word tests

const GENERIC = new Set(GENERIC_MEASURE_WORDS);

/** Only scope and generic measure words: "kommunens andel", "Andelen endte", "Landsgennemsnittet". */
export function isGeneric(phrase: readonly string[]): boolean {
  return phrase.length > 0 && phrase.every((w) => GENERIC.has(w.toLowerCase()) || isScopeWord(w)) && phrase.some((w) => !PHRASE_STOPS.has(w.toLowerCase()));
}

/** A word that says whose figure it is: a municipality, the nation, another area. Asked for every word near every figure: answered once per word. */
export const isScopeWord = memoValueByText(readIsScopeWord, 20_000);

function readIsScopeWord(word: string): boolean {
  const lower = word.toLowerCase();
  return (
    (/^\p{Lu}/u.test(word) && lookupMunicipality(word) !== null) ||
    MUNICIPALITY_SCOPE_WORDS.includes(lower) ||
    (lower.length >= 4 && NATIONAL_SCOPE_WORDS.some((w) => w.split(' ').includes(lower))) ||
    OTHER_AREA_WORDS.includes(lower)
  );
}

export function isMeasureWord(word: string): boolean {
  return isMeasureNoun(word) || MEASURE_NOUN.test(word);
}

/** Words of a context that name something: not stop, weak, scope or generic words. */
export function contentWords(context: string): number {
  return words(context).filter((w) => !isWeak([w]) && !GENERIC.has(w.toLowerCase())).length;
}

/** Every word of a (short) context also occurs in a longer one. */
export function isContainedIn(context: string, longer: string): boolean {
  const have = new Set(words(longer).map((w) => w.toLowerCase()));
  const own = words(context).filter((w) => !isWeak([w]) || GENERIC.has(w.toLowerCase()));
  // A compound's last part counts as contained: "frekvensen" in "beskæftigelsesfrekvensen for flygtninge".
  const inCompound = (w: string): boolean => w.length >= 6 && [...have].some((h) => h.length > w.length + 3 && h.endsWith(w));
  return own.length > 0 && own.length < have.size && own.every((w) => have.has(w.toLowerCase()) || inCompound(w.toLowerCase()));
}

export function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.join(' ').toLowerCase() === b.join(' ').toLowerCase();
}

/**
 * The words a sentence opens with, up to its first finite verb ("skal", "er", "ventes" …),
 * past a relative clause ("Andelen af ledige, der har været ledige i mere end et år, er …").
 */
export function sentenceHead(before: string): string[] {
  return headAndVerb(before).head;
}

/** The sentence's subject, only when a finite verb ends it ("Forsikrede ledige ventes at give …"). */
export function sentenceSubject(before: string): string[] {
  const { head, verb } = headAndVerb(before);
  return verb ? head : [];
}

function headAndVerb(before: string): { head: string[]; verb: boolean } {
  const ws = words(before.replace(/\s+/gu, ' '));
  let verb = -1;
  for (let i = 1; i < ws.length; i++) {
    if (!SUBJECT_END_VERBS.includes((ws[i] as string).toLowerCase())) continue;
    // "…, der har været ledige i mere end et år, er": the relative clause belongs to the subject.
    if (/^(?:der|som)$/iu.test(ws[i - 1] ?? '')) {
      const close = relativeClauseEnd(before, i);
      if (close > i) {
        i = close;
        continue;
      }
    }
    verb = i;
    break;
  }
  return { head: strong(trimEdges(ws.slice(0, verb < 0 ? ws.length : verb))), verb: verb >= 0 };
}

/** Index of the last word of a relative clause that closes with a comma, or -1. */
function relativeClauseEnd(before: string, from: number): number {
  const raw = before.replace(/[()"“”]/gu, ' ').split(/\s+/u).filter((w) => w !== '' && w !== '-' && w !== '–');
  for (let k = from; k < raw.length; k++) if (/,$/u.test(raw[k] as string)) return k;
  return -1;
}

/** Words after a figure that may join its context. */
export const MAX_POST_WORDS = 14;

/** A phrase, or nothing when it names nothing measured. */
export function strong(phrase: readonly string[]): string[] {
  return phrase.length > 0 && !isWeak(phrase) ? [...phrase] : [];
}

/** Drops stop words and links from both ends of a word list. */
export function trimEdges(ws: readonly string[]): string[] {
  const out = [...ws];
  const loose = (w: string | undefined): boolean => w !== undefined && (PHRASE_STOPS.has(w.toLowerCase()) || PREPOSITIONS.has(w.toLowerCase()) || /^[\d.,]+$/u.test(w));
  while (out.length > 0 && loose(out.at(-1))) out.pop();
  while (out.length > 1 && PHRASE_STOPS.has((out[0] as string).toLowerCase()) && !/^af$/iu.test(out[0] as string)) out.shift();
  return out;
}

/** Nouns that name a measure or rate: "…procent", "…grad", "…andel", "…sats", refusion, medfinansiering. */
export const MEASURE_NOUN = new RegExp(`^(?:\\p{L}*(?:procent|procenten|grad|graden|andel|andelen|sats|satsen|rate|raten)|${OTHER_SCOPE_STEMS.map((w) => escape(w)).join('|')}\\p{L}*)$`, 'iu');

/** The noun phrase before the words of a weak phrase and the stop word in front of it. */
export function phraseBeforeWeak(pre: string, weak: readonly string[]): string[] {
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
export const REFERS_BACK = /^(?:(?:dette|det|samme)\s+tal|tallet|andelen(?:\s+endte)?|det|dette|resultatet|niveauet|status|målet)$/iu;

/** Words that say where or how, not what: a phrase of only these names nothing measured. */
const WEAK_WORDS = new Set([
  'oftest', 'færre', 'flere', 'lidt', 'her', 'herunder', 'heraf', 'dette', 'tal', 'tallet', 'dem', 'ca', 'kun', 'næsten',
  'knap', 'godt', 'hele', 'samlet', 'alle', 'igen', 'nu', 'fortsat', 'stadig',
  // connectives that tie a sentence to the one before: "Ledigheden er dermed faldet med …"
  'dermed', 'derfor', 'således', 'hermed', 'altså', 'samtidig',
  // verdicts and time words say how it went or when, not what was measured
  'målet', 'målene', 'resultatet', 'nået', 'opfyldt', 'indfriet', 'ikke', 'helt', 'delvist', 'vej', 'status',
  'første', 'andet', 'anden', 'tredje', 'fjerde', 'seneste', 'sidste', 'kvartal', 'halvår', 'måned', 'måneder', 'uge',
  'uger', 'år', 'året', 'januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober',
  'november', 'december',
]);

export function isWeak(phrase: readonly string[]): boolean {
  return phrase.every((w) => {
    const lower = w.toLowerCase();
    return (
      WEAK_WORDS.has(lower) ||
      PREPOSITIONS.has(lower) ||
      PHRASE_STOPS.has(lower) ||
      /^[\d.,]+$/u.test(w) ||
      isScopeWord(w) ||
      MUNICIPALITY_SCOPE_WORDS.includes(lower) ||
      NATIONAL_SCOPE_WORDS.includes(lower) ||
      OTHER_AREA_WORDS.includes(lower)
    );
  });
}

export function words(s: string): string[] {
  return s
    .replace(/[()"“”]/gu, ' ')
    .split(/\s+/u)
    .map((w) => w.replace(/[,:;.]+$/u, ''))
    .filter((w) => w !== '' && w !== '-' && w !== '–');
}

export function nounPhraseBefore(pre: string): string[] {
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
    // "unge under 30 år", "borgere over 50 år": an age or duration, not a stop.
    const bound = /^(?:under|over)$/u.test(w) && /^\d/u.test(ws[i + 1] ?? '') && i + 2 < ws.length;
    if (PHRASE_STOPS.has(w) && !(ARTICLES.has(w) && afterPreposition) && !bound) {
      from = i + 1;
      break;
    }
  }
  const phrase = ws.slice(from);
  while (phrase.length > 0 && /^[\d.,)]+$/u.test(phrase[0] as string)) phrase.shift();
  return phrase;
}

export function clip(ws: readonly string[], keep: 'start' | 'end'): string {
  const kept = keep === 'start' ? ws.slice(0, MAX_CONTEXT_WORDS) : ws.slice(-MAX_CONTEXT_WORDS);
  // A phrase cut short must not end on a dangling link ("… 52 uger i").
  // "… i forhold til" cut before its object goes whole.
  const dangling = (w: string): boolean => PREPOSITIONS.has(w) || ARTICLES.has(w) || w === 'til' || w === 'forhold';
  if (keep === 'start' && kept.length < ws.length) while (kept.length > 1 && dangling((kept.at(-1) as string).toLowerCase())) kept.pop();
  return kept.join(' ').replace(/[.,;:]+$/u, '').trim();
}

