// JavaScript's \b knows only ASCII letters, so /\bmå\b/ matches inside "Målgruppen"
// (å–l counts as a word edge). Patterns with Danish letters are written with \b and
// passed through danish(), which swaps in a Unicode-aware word edge.
import { startsWithWordChar } from './regex-source.js';

const WORD = String.raw`[\p{L}\p{N}_]`;
const EDGE = String.raw`(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
/**
 * The same edge where what follows must begin with a word character: then only the character
 * before matters. Same matches, but a pattern that starts with it is scanned several times
 * faster (the two-way edge is tried at every position of a page).
 */
const EDGE_BEFORE_WORD = String.raw`(?<!${WORD})`;

export function danish(pattern: RegExp): RegExp {
  const flags = pattern.flags.includes('u') ? pattern.flags : `${pattern.flags}u`;
  return new RegExp(withWordEdges(pattern.source), flags);
}

/** Every `\b` of a pattern's source as a Unicode word edge. */
export function withWordEdges(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = source[i + 1] ?? '';
    if (next === 'b') out += startsWithWordChar(source, i + 2) ? EDGE_BEFORE_WORD : EDGE;
    else out += c + next;
    i++;
  }
  return out;
}
