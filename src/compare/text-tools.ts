// Danish word tools for matching indicator names: a Unicode-aware tokenizer, the
// Snowball Danish stemmer and natural's string similarities. natural's index loads
// every module it has (~1 s: storage back-ends, taggers, word lists, dotenv), so only
// the four files used are required, on first use (~15 ms).
import { createRequire } from 'node:module';

export interface TextTools {
  /** Lower-cased words and numbers; æøå and other letters kept whole. */
  tokenize(text: string): string[];
  stem(word: string): string;
  /** Jaro–Winkler similarity, 0..1. */
  jaroWinkler(a: string, b: string): number;
  /** Sørensen–Dice coefficient over bigrams, 0..1. */
  dice(a: string, b: string): number;
  /** Damerau–Levenshtein distance (a transposition counts as one edit). */
  editDistance(a: string, b: string): number;
}

interface Stemmer {
  stem(word: string): string;
}
interface SnowballFactory {
  newStemmer(language: string): Stemmer;
}
/** The parts of natural used here. Typed locally: natural's own typings pull its .ts sources into our build. */
type RegexpTokenizer = new (options: { pattern: RegExp }) => { tokenize(text: string): string[] };
type Similarity = (a: string, b: string) => number;

let loading: Promise<TextTools> | undefined;

/** The shared tools, loaded once per process. */
export function loadTextTools(): Promise<TextTools> {
  loading ??= Promise.resolve().then(load);
  return loading;
}

function load(): TextTools {
  // Both are CommonJS; snowball-stemmers ships no types.
  const require = createRequire(import.meta.url);
  const natural = (file: string): unknown => require(`natural/lib/natural/${file}`);
  const { RegexpTokenizer } = natural('tokenizers/regexp_tokenizer.js') as { RegexpTokenizer: RegexpTokenizer };
  const jaroWinkler = natural('distance/jaro-winkler_distance.js') as Similarity;
  const dice = natural('distance/dice_coefficient.js') as Similarity;
  const { DamerauLevenshteinDistance } = natural('distance/levenshtein_distance.js') as { DamerauLevenshteinDistance: Similarity };
  const snowball = require('snowball-stemmers') as SnowballFactory;
  const stemmer = snowball.newStemmer('danish');
  const tokenizer = new RegexpTokenizer({ pattern: /[^\p{L}\p{N}]+/u });
  const stems = new Map<string, string>();
  return {
    tokenize: (text) =>
      tokenizer
        .tokenize(text.normalize('NFKC').toLowerCase())
        .filter((t) => t.length > 0),
    stem: (word) => {
      let s = stems.get(word);
      if (s === undefined) {
        s = stemmer.stem(word);
        stems.set(word, s);
      }
      return s;
    },
    jaroWinkler: (a, b) => jaroWinkler(a, b),
    dice: (a, b) => dice(a, b),
    editDistance: (a, b) => DamerauLevenshteinDistance(a, b),
  };
}
