// A page drawn from the store when its PDF is not reachable: each run of the stored text at
// its stored place (page-layout-codec.ts), the extracted values marked in it as in the text
// view. Places travel as data attributes and drawn-page.js sets them as styles, because the
// Content-Security-Policy forbids inline style attributes. The text is escaped by markText.
import { html } from 'hono/html';
import type { DrawnLayout } from '../store/page-layout-codec.js';
import type { Html } from './layout.js';
import { markText, type Span } from './mark-text.js';

export function drawnPage(number: number, text: string, layout: DrawnLayout, spans: readonly Span[]): Html {
  const runs = layout.lines.flatMap((line) =>
    line.fragments.map((f, i) => {
      // A run reaches to the next run (or its line's end), so the space between words stays in the marks.
      const to = Math.min(line.fragments[i + 1]?.start ?? line.end, text.length);
      return html`<span class="run${f.bold ? ' bold' : ''}" data-x="${f.x}" data-y="${line.y}" data-w="${f.width}" data-size="${f.size}">${markText(text, spans, Math.min(f.start, to), to)}</span>`;
    }),
  );
  return html`<div class="drawn-page" data-page="${number}" data-width="${layout.width}" data-height="${layout.height}">${runs}</div>`;
}
