// Broken Danish letters. Some PDFs map æ/ø/å to garbage ("BÅ~redygtig", "mÅ~,de",
// "Å~konomi") or lose the ring of å ("Sager pa vej"). The garbage is lossy: "Å~,"
// before a letter is always ø, a bare "Å~" may be æ, å, ø or Ø. Each broken word is
// rebuilt from every possible letter and the spelling the evidence supports wins:
// a word of the same document's clean text, a Danish word list entry, or a compound
// of known words; ties go to the more frequent form, then to the most similar word.
import { danishWords, similarity, type WordList } from './danish-words.js';
import type { DraftLine } from './draft.js';

/** The lossy encoding of æ/å/ø seen in the wild ("BÅ~redygtig", "mÅ~,de"). */
const BROKEN_MARK = 'Å~';
/** Lines whose words lost their rings: "pa" for "på", "ogsa" for "også". */
const LOST_RING_WORD = /(?<![\p{L}])(?:pa|ogsa|sadan|sadanne|saledes|maske|fa|ma)(?![\p{L}])/u;
/** Cheap test that decides whether a page needs the word list at all. */
const NEEDS_REPAIR = /Å~|(?<![\p{L}])(?:pa|ogsa|sadan|sadanne|saledes|maske)(?![\p{L}])/u;
/** A word that may hold broken letters; "Å~," only counts when a letter follows. */
const BROKEN_WORD = /(?:Å~,(?=[\p{L}\p{N}])|Å~|[\p{L}\p{N}])+(?:[-.](?:Å~,(?=[\p{L}\p{N}])|Å~|[\p{L}\p{N}])+)*/gu;
const WORD = /[\p{L}]+/gu;
const MAX_CANDIDATES = 729;
/** When nothing else decides: å, then æ, then ø (their order in the corpus's broken words). */
const LETTER_PRIOR = 'åæøÅÆØ';

export interface CasedVocabulary {
  /** Lower-cased word → count, over the document's clean text. */
  lower: ReadonlyMap<string, number>;
  /** Word as printed → count. */
  exact: ReadonlyMap<string, number>;
  /** Word as printed → count of occurrences inside a sentence, where a capital marks a name. */
  midSentence: ReadonlyMap<string, number>;
}

export function casedVocabularyOf(texts: Iterable<string>): CasedVocabulary {
  const lower = new Map<string, number>();
  const exact = new Map<string, number>();
  const midSentence = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.matchAll(WORD)) {
      const w = m[0];
      if (w.length < 2) continue;
      exact.set(w, (exact.get(w) ?? 0) + 1);
      lower.set(w.toLowerCase(), (lower.get(w.toLowerCase()) ?? 0) + 1);
      if (/[\p{L}\p{N},] ?$/u.test(text.slice(Math.max(0, m.index - 2), m.index))) {
        midSentence.set(w, (midSentence.get(w) ?? 0) + 1);
      }
    }
  }
  return { lower, exact, midSentence };
}

export function pageNeedsRepair(text: string): boolean {
  return NEEDS_REPAIR.test(text);
}

/** Text of the document that is certainly clean: lines without broken marks or ring-less words. */
export function isCleanLine(text: string): boolean {
  return !text.includes(BROKEN_MARK) && !LOST_RING_WORD.test(text);
}

interface Scored {
  word: string;
  rank: number[];
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

class Chooser {
  constructor(
    private readonly vocab: CasedVocabulary,
    private readonly words: WordList,
  ) {}

  private known(word: string): number {
    return this.vocab.lower.get(word.toLowerCase()) ?? 0;
  }

  private inList(word: string): boolean {
    return this.words.has(word) || this.words.has(word.toLowerCase());
  }

  /** Best support for word as a compound of two known words (with an optional linking s/e). */
  private compound(word: string): number {
    const w = word.toLowerCase();
    let best = 0;
    for (let i = 3; i <= w.length - 2; i++) {
      const right = w.slice(i);
      const rightScore = this.known(right) + (this.inList(right) ? 1 : 0);
      if (rightScore === 0) continue;
      for (const left of [w.slice(0, i), /[se]$/u.test(w.slice(0, i)) ? w.slice(0, i - 1) : '']) {
        if (left.length < 3) continue;
        const leftScore = this.known(left) + (this.inList(left) ? 1 : 0);
        if (leftScore > 0) best = Math.max(best, Math.min(leftScore, rightScore));
      }
    }
    return best;
  }

  private rank(word: string): number[] {
    const known = this.known(word);
    const listed = this.inList(word);
    const compound = known > 0 || listed ? 0 : this.compound(word);
    const level = known > 0 ? 3 : listed ? 2 : compound > 0 ? 1 : 0;
    return [level, known, compound];
  }

  /** Chooses among spellings that differ in their restored letters. */
  choose(candidates: readonly string[], sentenceStart: boolean): string {
    const scored: Scored[] = candidates.map((word) => ({ word, rank: this.rank(word) }));
    scored.sort((a, b) => compare(a.rank, b.rank));
    const top = scored[0];
    if (!top) return '';
    let tied = scored.filter((s) => compare(s.rank, top.rank) === 0).map((s) => s.word);
    if (tied.length > 1 && (top.rank[0] ?? 0) === 0) tied = this.mostSimilar(tied);
    const lowerForms = [...new Set(tied.map((w) => w.toLowerCase()))];
    if (lowerForms.length > 1) {
      lowerForms.sort((a, b) => priorOf(a) - priorOf(b));
    }
    const chosen = lowerForms[0] ?? top.word;
    return this.caseOf(tied.filter((w) => w.toLowerCase() === chosen), sentenceStart);
  }

  /** The spelling closest (Jaro–Winkler) to a word of the document's clean text. */
  private mostSimilar(words: readonly string[]): string[] {
    let best = -1;
    let winners: string[] = [...words];
    for (const word of words) {
      const w = word.toLowerCase();
      let score = 0;
      for (const [known] of this.vocab.lower) {
        if (Math.abs(known.length - w.length) > 2 || known[0] !== w[0]) continue;
        score = Math.max(score, similarity(w, known));
      }
      if (score > best + 1e-9) {
        best = score;
        winners = [word];
      } else if (Math.abs(score - best) <= 1e-9) {
        winners.push(word);
      }
    }
    return best >= 0.9 ? winners : [...words];
  }

  /**
   * Capitalisation of a restored first letter: a sentence start takes a capital; inside
   * a sentence the document decides, first by how it writes the word (or its inflected
   * forms, "Økonomiudvalgets" after "Økonomiudvalget") mid-sentence, then anywhere.
   */
  private caseOf(forms: readonly string[], sentenceStart: boolean): string {
    const capitalised = forms.find((w) => /^\p{Lu}/u.test(w));
    const lower = forms.find((w) => /^\p{Ll}/u.test(w));
    if (!capitalised || !lower) return forms[0] ?? '';
    if (sentenceStart) return capitalised;
    const stem = lower.slice(0, Math.max(4, lower.length - 2));
    const stemCounts = (counts: ReadonlyMap<string, number>): [number, number] => {
      let up = 0;
      let down = 0;
      for (const [w, n] of counts) {
        if (w.length < stem.length || Math.abs(w.length - lower.length) > 2) continue;
        if (!w.toLowerCase().startsWith(stem)) continue;
        if (/^\p{Lu}/u.test(w)) up += n;
        else down += n;
      }
      return [up, down];
    };
    const exactCounts = (counts: ReadonlyMap<string, number>): [number, number] => [
      counts.get(capitalised) ?? 0,
      counts.get(lower) ?? 0,
    ];
    for (const [up, down] of [
      exactCounts(this.vocab.midSentence),
      stemCounts(this.vocab.midSentence),
      exactCounts(this.vocab.exact),
      stemCounts(this.vocab.exact),
      compoundHeadCounts(lower, this.vocab.midSentence),
    ]) {
      if (up !== down) return up > down ? capitalised : lower;
    }
    return lower;
  }
}

/** A compound's head is at least this long ("udvalget"), so derivational endings ("-ningen") do not count. */
const MIN_HEAD = 7;
const MIN_MODIFIER = 3;

/**
 * Capitalisation of other compounds with the same head, written mid-sentence: names of
 * committees and institutions are capitalised compounds ("Beskæftigelsesudvalget" tells
 * how to write "økonomiudvalgets"), while the head alone ("udvalget") is not counted.
 * The longest shared head that has any vote decides; a genitive s is ignored on both sides.
 */
function compoundHeadCounts(lower: string, midSentence: ReadonlyMap<string, number>): [number, number] {
  const base = lower.replace(/s$/u, '');
  for (let length = base.length - MIN_MODIFIER; length >= MIN_HEAD; length--) {
    const head = base.slice(-length);
    let up = 0;
    let down = 0;
    for (const [w, n] of midSentence) {
      const other = w.toLowerCase().replace(/s$/u, '');
      if (other.length < length + MIN_MODIFIER || !other.endsWith(head) || other === base) continue;
      if (/^\p{Lu}/u.test(w)) up += n;
      else down += n;
    }
    if (up !== down) return [up, down];
  }
  return [0, 0];
}

function priorOf(word: string): number {
  let score = 0;
  for (const ch of word) {
    const i = LETTER_PRIOR.indexOf(ch);
    if (i >= 0) score += i;
  }
  return score;
}

type Slot = readonly string[];

/** Splits a broken word into fixed text and slots of possible letters. */
function slotsOf(token: string): (string | Slot)[] {
  const parts: (string | Slot)[] = [];
  let i = 0;
  let buffer = '';
  const otherLetters = token.replace(/Å~,?/gu, '').replace(/[^\p{L}]/gu, '');
  const shouting = otherLetters.length >= 2 && otherLetters === otherLetters.toUpperCase();
  while (i < token.length) {
    if (token.startsWith(BROKEN_MARK, i)) {
      const comma = token[i + 2] === ',' && i + 3 < token.length;
      const atStart = i === 0 || !/\p{L}/u.test(token[i - 1] ?? '');
      if (buffer) parts.push(buffer);
      buffer = '';
      const lower = comma ? ['ø'] : ['æ', 'å', 'ø'];
      const upper = comma ? ['Ø'] : ['Æ', 'Å', 'Ø'];
      parts.push(shouting ? upper : atStart ? [...lower, ...upper] : lower);
      i += comma ? 3 : 2;
    } else {
      buffer += token[i];
      i++;
    }
  }
  if (buffer) parts.push(buffer);
  return parts;
}

function expand(parts: readonly (string | Slot)[]): string[] {
  let out = [''];
  for (const part of parts) {
    if (typeof part === 'string') out = out.map((s) => s + part);
    else out = out.flatMap((s) => part.map((ch) => s + ch));
    if (out.length > MAX_CANDIDATES) out = out.slice(0, MAX_CANDIDATES);
  }
  return out;
}

function atSentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index).trimEnd();
  return before === '' || /[.!?:"“]$/u.test(before);
}

/** Repairs one string; returns the new string and how many words changed. */
function repairString(text: string, chooser: Chooser, vocab: CasedVocabulary, lostRings: boolean): [string, number] {
  let count = 0;
  let out = text;
  if (out.includes(BROKEN_MARK)) {
    out = out.replace(BROKEN_WORD, (token, offset: number) => {
      if (!token.includes(BROKEN_MARK)) return token;
      count++;
      // Case and journal numbers ("00.30.10-Å~00-2-24") use capital letters.
      if (/\p{N}/u.test(token.replace(/Å~/gu, ''))) return token.replace(/Å~,?(?=[\p{L}\p{N}])|Å~/gu, 'Ø');
      return chooser.choose(expand(slotsOf(token)), atSentenceStart(text, offset));
    });
  }
  if (lostRings && LOST_RING_WORD.test(out)) {
    out = out.replace(WORD, (word) => {
      const fixed = restoreRing(word, vocab);
      if (fixed !== word) count++;
      return fixed;
    });
  }
  return [out, count];
}

/** "pa" → "på" when the document itself writes the ringed form far more often. */
function restoreRing(word: string, vocab: CasedVocabulary): string {
  const positions = [...word].flatMap((ch, i) => (ch === 'a' || ch === 'A' ? [i] : []));
  if (positions.length === 0 || positions.length > 3) return word;
  const own = vocab.lower.get(word.toLowerCase()) ?? 0;
  let best = word;
  let bestCount = 0;
  for (let mask = 1; mask < 1 << positions.length; mask++) {
    const chars = [...word];
    positions.forEach((p, bit) => {
      if (mask & (1 << bit)) chars[p] = chars[p] === 'A' ? 'Å' : 'å';
    });
    const candidate = chars.join('');
    const n = vocab.lower.get(candidate.toLowerCase()) ?? 0;
    if (n >= 2 && n > 2 * own && n > bestCount) {
      best = candidate;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Repairs broken letters in the lines of one page, in place, and returns the number
 * of words changed. vocab is the document's clean text; the word list loads here.
 */
export function repairLines(lines: DraftLine[], vocab: CasedVocabulary): number {
  const chooser = new Chooser(vocab, danishWords());
  let count = 0;
  for (const line of lines) {
    const lostRings = line.fragments.some((f) => LOST_RING_WORD.test(f.text));
    for (const f of line.fragments) {
      const [text, n] = repairString(f.text, chooser, vocab, lostRings);
      f.text = text;
      count += n;
    }
  }
  return count;
}
