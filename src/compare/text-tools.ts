// Danish word tools for matching indicator names: a Unicode-aware tokenizer, the
// Snowball Danish stemmer and natural's string similarities. natural costs ~0.8 s
// to load, so it is imported on first use only (and its dotenv chatter silenced).
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
/** The part of natural used here. Typed locally: natural's own typings pull its .ts sources into our build. */
interface Natural {
  RegexpTokenizer: new (options: { pattern: RegExp }) => { tokenize(text: string): string[] };
  JaroWinklerDistance(a: string, b: string): number;
  DiceCoefficient(a: string, b: string): number;
  DamerauLevenshteinDistance(a: string, b: string): number;
}

let loading: Promise<TextTools> | undefined;

/** The shared tools, loaded once per process. */
export function loadTextTools(): Promise<TextTools> {
  loading ??= Promise.resolve().then(load);
  return loading;
}

function load(): TextTools {
  process.env['DOTENV_CONFIG_QUIET'] ??= 'true';
  // Both are CommonJS; snowball-stemmers ships no types.
  const require = createRequire(import.meta.url);
  const natural = require('natural') as Natural;
  const snowball = require('snowball-stemmers') as SnowballFactory;
  const stemmer = snowball.newStemmer('danish');
  const tokenizer = new natural.RegexpTokenizer({ pattern: /[^\p{L}\p{N}]+/u });
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
    jaroWinkler: (a, b) => natural.JaroWinklerDistance(a, b),
    dice: (a, b) => natural.DiceCoefficient(a, b),
    editDistance: (a, b) => natural.DamerauLevenshteinDistance(a, b),
  };
}
