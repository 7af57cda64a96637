// The lines of normalised pages as one document-ordered list, with offsets into their
// page's text and the layout cues (font size, bold) the normaliser recorded, so rules
// can walk across page breaks and still cite { page, start, end }.
import type { Provenance } from '../../schema/contract.js';
import type { NormalisedPage } from '../../schema/normalised.js';

export interface DocLine {
  /** 1-based page number. */
  readonly page: number;
  /** UTF-16 offsets of the line in its page's text (the line without '\n'). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Largest font size on the line; 0 when the normaliser recorded none. */
  readonly size: number;
  /** True when every fragment with text is bold. */
  readonly bold: boolean;
}

/** Every line of every page, in reading order. */
export function documentLines(pages: readonly NormalisedPage[]): DocLine[] {
  const out: DocLine[] = [];
  for (const page of pages) {
    const byStart = new Map(page.lines.map((l) => [l.start, l]));
    let offset = 0;
    for (const text of page.text.split('\n')) {
      const start = offset;
      const end = start + text.length;
      offset = end + 1;
      const layout = byStart.get(start);
      const fragments = layout?.fragments.filter((f) => f.end > f.start) ?? [];
      out.push({
        page: page.number,
        start,
        end,
        text,
        size: fragments.reduce((max, f) => Math.max(max, f.size), 0),
        bold: fragments.length > 0 && fragments.every((f) => f.bold),
      });
    }
  }
  return out;
}

/** Provenance for a span of one page's text. */
export function provenanceOf(pages: readonly NormalisedPage[], page: number, start: number, end: number): Provenance {
  const text = pages.find((p) => p.number === page)?.text ?? '';
  return { page, start, end, snippet: text.slice(start, end) };
}

/** Collapses whitespace runs (line breaks included) to one space. */
export function squash(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/** Lower-cased, whitespace-squashed form for comparing labels. */
export function labelKey(s: string): string {
  return squash(s).toLowerCase().replace(/[\s:.]+$/u, '');
}
