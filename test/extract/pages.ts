// Builds normalised pages from plain text for rule tests: one line per '\n', no layout
// cues (size 0, not bold), exactly what the normaliser yields for a text-only page.
import { expect } from 'vitest';
import type { ExtractedFacts, Provenance } from '../../src/schema/contract.js';
import type { LayoutLine, NormalisedPage } from '../../src/schema/normalised.js';
import type { ExtractionContext } from '../../src/extract/types.js';

export function pagesFrom(...texts: string[]): NormalisedPage[] {
  return texts.map((text, i) => {
    const lines: LayoutLine[] = [];
    let offset = 0;
    for (const [n, lineText] of text.split('\n').entries()) {
      const start = offset;
      const end = start + lineText.length;
      lines.push({ start, end, y: 40 + n * 12, column: 0, fragments: [{ start, end, x: 50, width: lineText.length * 5, size: 0, bold: false }] });
      offset = end + 1;
    }
    return { number: i + 1, width: 595, height: 842, text, lines };
  });
}

/** One page whose lines carry a font size and weight, as the normaliser records them. */
export function layoutPage(number: number, lines: [text: string, size: number, bold?: boolean][]): NormalisedPage {
  const text = lines.map(([t]) => t).join('\n');
  const layout: LayoutLine[] = [];
  let offset = 0;
  lines.forEach(([t, size, bold = false], n) => {
    const start = offset;
    const end = start + t.length;
    layout.push({ start, end, y: 40 + n * 14, column: 0, fragments: [{ start, end, x: 50, width: t.length * size * 0.5, size, bold }] });
    offset = end + 1;
  });
  return { number, width: 595, height: 842, text, lines: layout };
}

export function contextFrom(path: string, ...texts: string[]): ExtractionContext {
  return {
    path,
    info: { title: null, producer: null, author: null, creator: null, creationDate: null, outline: [] },
    pages: pagesFrom(...texts),
    agendaItems: [],
  };
}

/** Every provenance slices exactly its snippet out of its page's text. */
export function expectProvenance(pages: readonly NormalisedPage[], provenance: Provenance): void {
  const page = pages.find((p) => p.number === provenance.page);
  expect(page, `page ${provenance.page}`).toBeDefined();
  expect(page?.text.slice(provenance.start, provenance.end)).toBe(provenance.snippet);
}

export const noWarnings = (): void => {};

export type Facts = ExtractedFacts;
