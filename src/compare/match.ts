// Links a goal's text or a percentage's context to one canonical indicator, with a
// confidence in 0..1. Words are tokenised (Unicode letters), stop words dropped and
// the rest stemmed (Snowball Danish); a phrase word matches a text word when the
// stems are equal, when it is one part of a Danish compound ("procent" in
// "ledighedsprocenten"), or when the two are near-identical spellings
// (Jaro–Winkler and Dice, for OCR slips and variants). Below the threshold a fact
// stays unlinked, and remains queryable as such.
import { INDICATORS, type Indicator } from './indicators.js';
import { loadTextTools, type TextTools } from './text-tools.js';

export interface MatchOptions {
  /** Minimum confidence for a link; lower scores leave the fact unlinked. Default 0.6. */
  threshold?: number;
}
export const DEFAULT_MATCH_OPTIONS: Readonly<Required<MatchOptions>> = Object.freeze({ threshold: 0.6 });

export interface IndicatorLink {
  indicatorId: string;
  /** 0..1, rounded to 3 decimals so results are identical wherever they are computed. */
  confidence: number;
  /** The taxonomy phrase that matched best. */
  phrase: string;
}

export interface IndicatorMatcher {
  readonly threshold: number;
  /** The best indicator at or above the threshold, or null. */
  match(text: string): IndicatorLink | null;
  /** Every indicator with a score above zero, best first (for inspection and tests). */
  scores(text: string): IndicatorLink[];
}

/** Words that carry no meaning for telling indicators apart. */
export const DANISH_STOP_WORDS: ReadonlySet<string> = new Set([
  'af', 'i', 'på', 'en', 'et', 'de', 'der', 'den', 'det', 'dem', 'som', 'med', 'til', 'for', 'og', 'at',
  'er', 'var', 'være', 'blev', 'bliver', 'skal', 'skulle', 'kan', 'have', 'har', 'havde', 'fra', 'om',
  'ved', 'efter', 'eller', 'over', 'under', 'inden', 'indenfor', 'blandt', 'pr', 'mod', 'samt', 'så',
  'sig', 'sin', 'sit', 'sine', 'deres', 'vores', 'hos', 'alle', 'mindst', 'højst', 'maksimalt', 'procent',
  'pct', 'mere', 'end', 'mellem', 'op', 'ud', 'også', 'dog', 'nu', 'her', 'hvor', 'hvis', 'når', 'kr', 'mio',
]);
// "procent"/"pct" are stop words in running text only when standing alone; inside
// compounds ("ledighedsprocent", "beståelsesprocent") they are kept as part of the word.

interface Token {
  surface: string;
  stem: string;
  numeric: boolean;
}

interface CompiledPhrase {
  text: string;
  tokens: Token[];
}

interface IndexedPhrase {
  text: string;
  /** Indexes into the matcher's vocabulary of phrase words. */
  words: number[];
}

/** Per phrase word, for one text: its best score, the text word giving it, the best from any other text word, and how many text words match it well. */
interface WordMatches {
  best: Float64Array;
  source: Int32Array;
  second: Float64Array;
  mentions: Uint32Array;
}

/** Text words whose comparison with every phrase word is remembered (bounded: cleared when full). */
const MAX_PROFILES = 100_000;

interface CompiledIndicator {
  indicator: Indicator;
  phrases: CompiledPhrase[];
  excludes: CompiledPhrase[];
}

/** Exact stem (or surface) match. */
const EXACT = 1;
/** The phrase word is the head or tail of a compound in the text. */
const COMPOUND_EDGE = 0.85;
/** The phrase word sits inside a longer compound. */
const COMPOUND_INNER = 0.75;
/** Phrase words shorter than this match compounds only exactly ("plan" must not match "beskæftigelsesplan"). */
const MIN_COMPOUND_PART = 5;
const MIN_INNER_PART = 7;
/** Near-identical spellings (a slipped or lost letter): all three measures must agree. */
const MIN_FUZZY_LENGTH = 6;
const MIN_JARO_WINKLER = 0.9;
const MIN_DICE = 0.6;
/** Edits allowed: one, or two in words of 12 letters or more (compounds sharing a head differ by more). */
const maxEdits = (length: number): number => (length >= 12 ? 2 : 1);
const FUZZY_WEIGHT = 0.85;
/** Longer phrases are more specific: one word scores 0.9 of its match, two 0.95, three 0.975. */
const specificity = (words: number): number => 1 - 0.1 * 0.5 ** (words - 1);
/** Each further mention of the phrase's words adds this much, up to MAX_REPEAT_BONUS. */
const REPEAT_BONUS = 0.01;
const MAX_REPEAT_BONUS = 0.03;
/** Two indicators this close are a tie: the winner loses some confidence. */
const TIE_MARGIN = 0.01;
const TIE_PENALTY = 0.9;

export async function createIndicatorMatcher(
  options: MatchOptions = {},
  indicators: readonly Indicator[] = INDICATORS,
): Promise<IndicatorMatcher> {
  const { threshold } = { ...DEFAULT_MATCH_OPTIONS, ...options };
  const tools = await loadTextTools();
  const toTokens = (text: string): Token[] => tokens(tools, text);
  const compile = (text: string): CompiledPhrase => ({ text, tokens: toTokens(text) });
  const compiled: CompiledIndicator[] = indicators.map((indicator) => ({
    indicator,
    phrases: indicator.phrases.map(compile).filter((p) => p.tokens.length > 0),
    excludes: indicator.excludes.map(compile).filter((p) => p.tokens.length > 0),
  }));
  // Every distinct phrase word gets an index; each text word is compared with all of
  // them once per process (its "profile"), so a text costs a few array lookups per phrase.
  const vocabulary: Token[] = [];
  const indexOf = new Map<string, number>();
  const indexed = (phrase: CompiledPhrase): IndexedPhrase => ({
    text: phrase.text,
    words: phrase.tokens.map((t) => {
      let i = indexOf.get(t.surface);
      if (i === undefined) {
        i = vocabulary.length;
        vocabulary.push(t);
        indexOf.set(t.surface, i);
      }
      return i;
    }),
  });
  const entries = compiled.map((c) => ({ id: c.indicator.id, phrases: c.phrases.map(indexed), excludes: c.excludes.map(indexed) }));
  const profiles = new Map<string, [number, number][]>();
  const profile = (t: Token): [number, number][] => {
    let found = profiles.get(t.surface);
    if (!found) {
      found = [];
      for (let i = 0; i < vocabulary.length; i++) {
        const score = tokenScore(tools, vocabulary[i] as Token, t);
        if (score > 0) found.push([i, score]);
      }
      if (profiles.size >= MAX_PROFILES) profiles.clear();
      profiles.set(t.surface, found);
    }
    return found;
  };

  /**
   * A phrase's score in a text. A text word that is one phrase word whole cannot also
   * stand for another as a compound part ("uddannelseshjælp" is not also "uddannelse");
   * that word then needs another text word (its second-best source).
   */
  const phraseScore = (phrase: IndexedPhrase, m: WordMatches): number => {
    let sum = 0;
    let seen = 0;
    const words = phrase.words;
    for (let a = 0; a < words.length; a++) {
      const i = words[a] as number;
      let b = m.best[i] ?? 0;
      if (b > 0 && b < EXACT) {
        const usedWhole = words.some((j, c) => c !== a && j !== i && m.source[j] === m.source[i] && m.best[j] === EXACT);
        if (usedWhole) b = m.second[i] ?? 0;
      }
      if (b === 0) return 0;
      sum += b;
      seen += m.mentions[i] ?? 0;
    }
    const n = words.length;
    const bonus = Math.min(MAX_REPEAT_BONUS, Math.max(0, seen - n) * REPEAT_BONUS);
    return (sum / n) * specificity(n) + bonus;
  };

  const scores = (text: string): IndicatorLink[] => {
    const words = toTokens(text);
    if (words.length === 0) return [];
    const m: WordMatches = {
      best: new Float64Array(vocabulary.length),
      source: new Int32Array(vocabulary.length).fill(-1),
      second: new Float64Array(vocabulary.length),
      mentions: new Uint32Array(vocabulary.length),
    };
    words.forEach((t, position) => {
      for (const [i, score] of profile(t)) {
        const best = m.best[i] ?? 0;
        if (score > best) {
          m.second[i] = best;
          m.best[i] = score;
          m.source[i] = position;
        } else if (score > (m.second[i] ?? 0)) m.second[i] = score;
        if (score >= COMPOUND_EDGE) m.mentions[i] = (m.mentions[i] ?? 0) + 1;
      }
    });
    const links: IndicatorLink[] = [];
    for (const e of entries) {
      if (e.excludes.some((x) => phraseScore(x, m) >= COMPOUND_EDGE * specificity(x.words.length))) continue;
      let top = 0;
      let topPhrase = '';
      for (const phrase of e.phrases) {
        const score = phraseScore(phrase, m);
        if (score > top) {
          top = score;
          topPhrase = phrase.text;
        }
      }
      if (top > 0) links.push({ indicatorId: e.id, confidence: top, phrase: topPhrase });
    }
    links.sort((a, b) => b.confidence - a.confidence || a.indicatorId.localeCompare(b.indicatorId));
    const [first, second] = links;
    if (first && second && first.confidence - second.confidence < TIE_MARGIN) first.confidence *= TIE_PENALTY;
    for (const l of links) l.confidence = round3(Math.min(1, l.confidence));
    return links;
  };

  return {
    threshold,
    scores,
    match: (text) => {
      const best = scores(text)[0];
      return best && best.confidence >= threshold ? best : null;
    },
  };
}

function tokens(tools: TextTools, text: string): Token[] {
  return tools
    .tokenize(text)
    .filter((w) => !DANISH_STOP_WORDS.has(w))
    .map((w) => ({ surface: w, stem: tools.stem(w), numeric: /^\p{N}+$/u.test(w) }));
}

function tokenScore(tools: TextTools, p: Token, t: Token): number {
  if (p.numeric || t.numeric) return p.surface === t.surface ? EXACT : 0;
  if (p.stem === t.stem || p.surface === t.surface) return EXACT;
  const part = p.stem;
  if (part.length >= MIN_COMPOUND_PART && t.surface.length > part.length) {
    if (t.surface.startsWith(part) || t.stem.endsWith(part)) return COMPOUND_EDGE;
    if (part.length >= MIN_INNER_PART && t.surface.includes(part)) return COMPOUND_INNER;
  }
  const a = p.stem;
  const b = t.stem;
  const edits = maxEdits(Math.min(a.length, b.length));
  if (Math.min(a.length, b.length) >= MIN_FUZZY_LENGTH && Math.abs(a.length - b.length) <= edits) {
    const jw = tools.jaroWinkler(a, b);
    if (jw >= MIN_JARO_WINKLER && tools.dice(a, b) >= MIN_DICE && tools.editDistance(a, b) <= edits) {
      return jw * FUZZY_WEIGHT;
    }
  }
  return 0;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
