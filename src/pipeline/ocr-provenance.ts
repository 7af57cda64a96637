// Values read from an OCR'd page say so in their provenance, with the page's mean word
// confidence, wherever they sit in the document (goals, their actuals, figures, tables).
import type { ExtractedFacts, PageTextOcr } from '../schema/contract.js';
import type { ParsedPage } from '../schema/parsed.js';

/** The OCR marker of each page that was read by OCR, by page number. */
export function ocrByPage(pages: readonly ParsedPage[]): Map<number, PageTextOcr> {
  const marks = new Map<number, PageTextOcr>();
  for (const page of pages) {
    if (page.ocr) marks.set(page.number, { engine: page.ocr.engine, confidence: page.ocr.confidence, rotation: page.ocr.rotation });
  }
  return marks;
}

/** Adds `ocr: { confidence }` to every provenance that points into an OCR'd page (in place). */
export function markOcrProvenance(facts: ExtractedFacts, marks: ReadonlyMap<number, PageTextOcr>): void {
  if (marks.size === 0) return;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const provenance = record.provenance as { page?: unknown; ocr?: unknown } | undefined;
    if (provenance && typeof provenance.page === 'number') {
      const mark = marks.get(provenance.page);
      if (mark) provenance.ocr = { confidence: mark.confidence };
    }
    for (const [key, child] of Object.entries(record)) if (key !== 'provenance') visit(child);
  };
  visit(facts);
}
