// A page's stored text with each extracted value's span marked. Spans nest and may cross
// (a goal's block holds its percentages), so the text is cut at every span edge and each
// piece is one <mark> naming all the facts that cover it. The text itself is escaped.
import { html } from 'hono/html';
import type { Html } from './layout.js';

export interface Span {
  id: string;
  kind: string;
  start: number;
  end: number;
}

/** The text from `from` to `to` (the whole text by default) with the spans in it marked. */
export function markText(text: string, spans: readonly Span[], from = 0, to = text.length): Html {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end && s.start < to && s.end > from);
  const inside = (n: number): boolean => n > from && n < to;
  const cuts = [...new Set([from, to, ...valid.flatMap((s) => [s.start, s.end]).filter(inside)])].sort((a, b) => a - b);
  const parts: Html[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i] as number;
    const b = cuts[i + 1] as number;
    const piece = text.slice(a, b);
    // Shortest first: a click on the piece opens the most specific value.
    const covering = valid.filter((s) => s.start <= a && s.end >= b).sort((x, y) => x.end - x.start - (y.end - y.start));
    if (covering.length === 0) parts.push(html`${piece}`);
    else {
      const kinds = [...new Set(covering.map((s) => `k-${s.kind}`))].join(' ');
      parts.push(html`<mark class="fact ${kinds}" data-facts="${covering.map((s) => s.id).join(' ')}">${piece}</mark>`);
    }
  }
  return html`${parts}`;
}
