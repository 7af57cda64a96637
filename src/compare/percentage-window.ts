// The words around a percentage in its page: the clause it stands in, cut at the
// sentence's ends, at clause breaks before it and at the neighbouring percentages, so
// that "30,5 % uddannelsesparate og 69,5 % aktivitetsparate" gives each figure its
// own words. Used to link a percentage whose extracted context is too short to name
// what it measures; cutting short is safer than borrowing a neighbour's words.

/** How far the window reaches either side of the figure, at most (characters). */
export const WINDOW_REACH = 200;

/** A sentence (a parenthesis, a list item) starts after . ! ? and white space, after a blank line, or at a bullet. */
const SENTENCE_END = /[.!?](?=\s+[\p{Lu}\d(\-–•*\uF0B7])|\n\s*\n|\n\s*[-–•*\uF0B7]\s/gu;
/** Clause breaks: the window starts after the last one before the figure. */
const CLAUSE_BREAK_BEFORE = /[,;:]\s|[()]|(?<=\s)(?:og|samt|mens|men|idet|hvoraf|heraf)\s/gu;
/** After the figure, the clause ends at these (commas stay: "72 % svarede, at de var tilfredse"). */
const CLAUSE_END_AFTER = /[;()]/u;

export interface Span {
  start: number;
  end: number;
}

function lastMatchEnd(text: string, pattern: RegExp): number | null {
  let end: number | null = null;
  for (const m of text.matchAll(pattern)) end = m.index + m[0].length;
  return end;
}

/**
 * The text around `figure` in `pageText`, bounded by the sentence, by WINDOW_REACH,
 * by the last clause break before the figure and by the other figures on the page
 * (`others`, any order; `figure` itself is skipped).
 */
export function percentageWindow(pageText: string, figure: Span, others: readonly Span[]): string {
  let from = Math.max(0, figure.start - WINDOW_REACH);
  let to = Math.min(pageText.length, figure.end + WINDOW_REACH);
  for (const o of others) {
    if (o.start === figure.start && o.end === figure.end) continue;
    if (o.end <= figure.start && o.end > from) from = o.end;
    if (o.start >= figure.end && o.start < to) to = o.start;
  }
  const sentenceStart = lastMatchEnd(pageText.slice(from, figure.start), SENTENCE_END);
  if (sentenceStart !== null) from += sentenceStart;
  const clauseStart = lastMatchEnd(pageText.slice(from, figure.start), CLAUSE_BREAK_BEFORE);
  if (clauseStart !== null) from += clauseStart;
  const after = pageText.slice(figure.end, to);
  const sentenceEnd = after.matchAll(SENTENCE_END).next();
  let cut = sentenceEnd.done ? after.length : sentenceEnd.value.index + 1;
  const clauseEnd = CLAUSE_END_AFTER.exec(after);
  if (clauseEnd && clauseEnd.index < cut) cut = clauseEnd.index;
  to = figure.end + cut;
  return pageText
    .slice(from, to)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s(?:og|samt|mens|men)$/u, '');
}
