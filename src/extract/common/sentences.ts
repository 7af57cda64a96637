// Sentences, clauses and spans in normalised page text: where a figure's sentence starts
// and ends (full stops, tabs, bullets, abbreviations), the clause that belongs to it, and
// a sentence carried over a page break.

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
  // "… 9,6 mio. kr. Den realiserede …": an amount's own full stop ends the sentence before a capital.
  if (/[.!?]$/u.test(text.slice(span.start, span.end)) && /^[ \t]*\n?[ \t]*[\p{Lu}"“]/u.test(text.slice(end, end + 4)) && /^\s/u.test(text[end] ?? '')) return { start, end };
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
  // A label/value line ("Sagsnr.:\t25/1302") ends with its value: the next line starts afresh.
  if (before.includes('\t') && !/\p{Ll}/u.test(before.slice(before.lastIndexOf('\t') + 1))) return true;
  // "… på i alt 40 mio. kr.\ntil indsatser for …": an amount's full stop before a lower-case line ends no sentence.
  const amountGoesOn = /(?<![\p{L}])(?:kr|mio|mia)\.$/u.test(before) && /^[ \t]*\p{Ll}/u.test(after);
  if (/[.!?:;]$/u.test(before) && !ABBREVIATION_BEFORE_DOT.test(before.slice(-10)) && !amountGoesOn) return true;
  if (/^\s*(?:[-–•\u2022\uf0b7]\s)/u.test(after)) return true;
  return before.length < 30 && !/[,]$/u.test(before) && /^\s*\p{Lu}/u.test(after) && !/\d$/u.test(before);
}

/** Clause joiners that separate one figure's words from the next figure's. */
const CLAUSE_JOINER = /(?:,\s|;\s|\s-\s|\s–\s|:\s|\s(?:og|mens|samt|hvoraf|hvilket|heraf|men)\s|(?<=,\s)(?:da|fordi|idet)\s)/giu;

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
  // The sentence before it comes too, when it fits: a sentence that opens "Opgørelsen viser …" or
  // "De koster …" on the previous page points back to it.
  let from = sentence.start;
  let end = sentence.start;
  while (end > 0 && /\s/u.test(tail[end - 1] ?? '')) end--;
  if (end > 0) {
    const before = sentenceAround(tail, { start: end - 1, end: end - 1 });
    const whole = before.start > 0 || tail.length === prev.length;
    if (whole && /[.!?]$/u.test(tail.slice(before.start, end))) from = before.start;
  }
  const carried = tail.slice(from).replace(/\s+/gu, ' ').trim();
  if (carried === '') return { text, offset: 0 };
  return { text: `${carried} ${text}`, offset: carried.length + 1 };
}

/** A span shifted by an offset. */
export function shifted(span: Span, offset: number): Span {
  return { start: span.start + offset, end: span.end + offset };
}
