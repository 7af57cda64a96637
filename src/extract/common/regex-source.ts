// A little reading of regular-expression source: whether what stands at a position must
// match a word character (a letter, digit or _) first. Used to choose the cheaper form of a
// word edge; it answers false whenever it cannot be sure, which is always safe.

const WORD_LITERAL = /^[\p{L}\p{N}_]$/u;
/** Escapes that match word characters only. */
const WORD_ESCAPES = new Set(['d', 'w']);
const WORD_PROPERTIES = new Set(['L', 'Lu', 'Ll', 'N', 'Letter', 'Nd']);

/** True when the pattern at `at` (one alternative's tail) must first match a word character. */
export function startsWithWordChar(source: string, at: number): boolean {
  const end = tokenEnd(source, at);
  if (end === null || !tokenStartsWithWordChar(source, at)) return false;
  // An optional token ("(?:del)?mål"): what follows it must start with a word character too.
  const optionalEnd = afterOptionalQuantifier(source, end);
  return optionalEnd === null || startsWithWordChar(source, optionalEnd);
}

function tokenStartsWithWordChar(source: string, at: number): boolean {
  const c = source[at] as string;
  if (c === '\\') {
    const kind = source[at + 1] ?? '';
    if (WORD_ESCAPES.has(kind)) return true;
    if (kind !== 'p') return false;
    const property = /^\\p\{([^}]*)\}/u.exec(source.slice(at))?.[1] ?? '';
    return WORD_PROPERTIES.has(property);
  }
  if (c === '(') {
    const body = groupBody(source, at);
    return body !== null && alternatives(body).every((alt) => startsWithWordChar(alt, 0));
  }
  return WORD_LITERAL.test(c);
}

/** Where the token starting at `at` ends (exclusive); null for a token this reader does not know. */
function tokenEnd(source: string, at: number): number | null {
  const c = source[at];
  if (c === undefined) return null;
  if (c === '\\') {
    if (source[at + 1] === 'p' || source[at + 1] === 'P') {
      const close = source.indexOf('}', at);
      return close < 0 ? null : close + 1;
    }
    return at + 2;
  }
  if (c === '(') {
    const close = closingParen(source, at);
    return close === null ? null : close + 1;
  }
  if ('[)|^$.*+?{}'.includes(c)) return null;
  return at + 1;
}

/** After a quantifier that allows zero repeats (`?`, `*`, `{0,…}`), where the pattern goes on; null when the token is required. */
function afterOptionalQuantifier(source: string, end: number): number | null {
  const q = source[end];
  let next: number;
  if (q === '?' || q === '*') next = end + 1;
  else if (q === '{' && source[end + 1] === '0') next = source.indexOf('}', end) + 1;
  else return null;
  return source[next] === '?' ? next + 1 : next; // a lazy quantifier
}

/** The inside of a plain or capturing group (not a lookaround); null otherwise. */
function groupBody(source: string, at: number): string | null {
  const close = closingParen(source, at);
  if (close === null) return null;
  const inner = source.slice(at + 1, close);
  if (inner.startsWith('?:')) return inner.slice(2);
  if (/^\?<[A-Za-z_$][\w$]*>/u.test(inner)) return inner.slice(inner.indexOf('>') + 1);
  if (inner.startsWith('?')) return null; // (?= (?! (?<= (?<! and flags
  return inner;
}

/** The index of the parenthesis closing the one at `open`. */
function closingParen(source: string, open: number): number | null {
  for (const { i, c, depth } of syntax(source, open)) if (c === ')' && depth === 0) return i;
  return null;
}

/** A group body split at its top-level `|`. */
function alternatives(body: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const { i, c, depth } of syntax(body, 0)) {
    if (c === '|' && depth === 0) {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(body.slice(from));
  return parts;
}

/** The characters of a pattern that give it structure (not escaped, not in a character class), with the group depth after each. */
function* syntax(source: string, from: number): Generator<{ i: number; c: string; depth: number }> {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    yield { i, c, depth };
  }
}
