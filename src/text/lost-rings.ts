// Lost rings: some PDFs print å as "a" and Å as "A" on whole pages ("Status pa
// virksomhedsservice", "de seneste maneder opnaet kontakt") while æ and ø survive.
// Such a page writes ring-less forms of frequent å-words ("pa", "ogsa", "nar") more
// often than words with å (usually it has none), and has several words that are not
// Danish as printed but are with a ring restored. Only on such a page is each word
// restored, from the Danish word list: a word that is Danish as printed ("bade",
// "mode", "for", "Aars") or that the document's ringed pages use stays. The exception
// is the ring-less form of the most frequent å-words, which is no word of running text
// even where the list has it ("pa", "nar"), so it is restored on such a page.
import type { CasedVocabulary } from './repair-letters.js';
import type { DraftLine } from './draft.js';
import type { WordList } from './danish-words.js';

/** Ring-less forms restored on a lost-ring page although the word list has them. */
const RINGLESS_FREQUENT: ReadonlyMap<string, string> = new Map([
  ['pa', 'på'],
  ['nar', 'når'],
  ['fa', 'få'],
  ['ar', 'år'],
]);
/**
 * Cheap test that decides whether a page may have lost its rings (before the word list
 * loads): ring-less forms of frequent å-words, lower case or capitalised, not all caps.
 */
const RINGLESS_HINT = /(?<!\p{L})(?:[Pp]a|[Oo]gsa|[Nn]ar|[Ss]adan(?:ne)?|[Ss]aledes|[Mm]aske|[Aa]ret|[Aa]rets|[Mm]aneder)(?!\p{L})/gu;
const RINGED_WORD = /\p{L}*[åÅ]\p{L}*/gu;
const WORD = /\p{L}+/gu;
/** Words with more a's than this are not tried (2^n spellings). */
const MAX_POSITIONS = 6;
/** A page counts as lost-ring when this many words change, at least MIN_LISTED_EVIDENCE of them by the word list alone. */
const MIN_CHANGED_WORDS = 3;
const MIN_LISTED_EVIDENCE = 1;

/**
 * True when the page text could have lost its rings: ring-less forms of frequent å-words
 * outnumber the words that kept an å (usually none; a heading in another font may keep them).
 */
export function mayHaveLostRings(text: string): boolean {
  const hints = text.match(RINGLESS_HINT)?.length ?? 0;
  return hints > 0 && hints > (text.match(RINGED_WORD)?.length ?? 0);
}

function ringed(ch: string): string {
  return ch === 'A' ? 'Å' : 'å';
}

function withCaseOf(model: string, lower: string): string {
  if (model.length > 1 && model === model.toUpperCase()) return lower.toUpperCase();
  if (/^\p{Lu}/u.test(model)) return lower.charAt(0).toUpperCase() + lower.slice(1);
  return lower;
}

type Restored = { word: string; by: 'frequent' | 'list' } | null;

/** The ringed spelling of one printed word, or null when it stays as printed. */
function restoreWord(word: string, words: WordList, vocab: CasedVocabulary): Restored {
  const lower = word.toLowerCase();
  const frequent = RINGLESS_FREQUENT.get(lower);
  // "PA", "AR" in capitals are more likely abbreviations than a heading in capitals.
  if (frequent) return word === word.toUpperCase() ? null : { word: withCaseOf(word, frequent), by: 'frequent' };
  const positions = [...word].flatMap((ch, i) => (ch === 'a' || ch === 'A' ? [i] : []));
  if (positions.length === 0 || positions.length > MAX_POSITIONS) return null;
  if ((vocab.lower.get(lower) ?? 0) > 0 || words.has(word) || words.has(lower)) return null;
  let best: { word: string; known: number; rings: number } | null = null;
  for (let mask = 1; mask < 1 << positions.length; mask++) {
    const chars = [...word];
    let rings = 0;
    positions.forEach((p, bit) => {
      if (mask & (1 << bit)) {
        chars[p] = ringed(chars[p] ?? 'a');
        rings++;
      }
    });
    const candidate = chars.join('');
    const known = vocab.lower.get(candidate.toLowerCase()) ?? 0;
    if (known === 0 && !words.has(candidate)) continue;
    // The document's own ringed words first, then the fewest restored rings.
    if (!best || known > best.known || (known === best.known && rings < best.rings)) best = { word: candidate, known, rings };
  }
  return best ? { word: best.word, by: 'list' } : null;
}

/**
 * Restores lost rings on one page, in place, when the page shows the pattern (see the
 * file comment); returns the number of words changed (0 when the page is left alone).
 * vocab is the text of the document's pages that kept their rings.
 */
export function restoreLostRings(lines: DraftLine[], words: WordList, vocab: CasedVocabulary): number {
  const memo = new Map<string, Restored>();
  const restore = (word: string): Restored => {
    let r = memo.get(word);
    if (r === undefined) memo.set(word, (r = restoreWord(word, words, vocab)));
    return r;
  };
  let changed = 0;
  let listed = 0;
  for (const line of lines) {
    for (const f of line.fragments) {
      for (const m of f.text.matchAll(WORD)) {
        const r = restore(m[0]);
        if (!r) continue;
        changed++;
        if (r.by === 'list') listed++;
      }
    }
  }
  if (changed < MIN_CHANGED_WORDS || listed < MIN_LISTED_EVIDENCE) return 0;
  for (const line of lines) {
    for (const f of line.fragments) f.text = f.text.replace(WORD, (w) => restore(w)?.word ?? w);
  }
  return changed;
}
