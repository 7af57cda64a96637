// STUB (issue 3): passes pdf-parse's text through, one fragment per line, so the
// pipeline runs end to end. Replaced by the real normaliser (repair, de-hyphenation,
// running headers, column order, offset-preserving layout lines).
import type { Warning } from '../schema/contract.js';
import type { NormalisedPage, LayoutLine } from '../schema/normalised.js';
import type { ParsedPage } from '../schema/parsed.js';

export interface NormaliseResult {
  pages: NormalisedPage[];
  warnings: Warning[];
}

export function normalisePages(pages: readonly ParsedPage[]): NormaliseResult {
  return {
    pages: pages.map((page) => {
      const text = page.text.replace(/\r\n?/g, '\n');
      const lines: LayoutLine[] = [];
      let offset = 0;
      for (const lineText of text.split('\n')) {
        const start = offset;
        const end = start + lineText.length;
        lines.push({ start, end, y: lines.length, column: 0, fragments: [{ start, end, x: 0, width: 0, size: 0, bold: false }] });
        offset = end + 1;
      }
      return { number: page.number, width: page.width, height: page.height, text, lines };
    }),
    warnings: [],
  };
}
