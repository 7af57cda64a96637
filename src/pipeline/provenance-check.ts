// The contract's promise that every value can be traced: for each provenance,
// pageText.slice(start, end) === snippet on the page it names.
import type { PageText } from '../schema/contract.js';

export interface ProvenanceMismatch {
  /** JSON path of the provenance, e.g. "percentages[3].provenance". */
  at: string;
  page: number;
  expected: string;
  found: string | null;
}

/** Walks any value (a document or part of one) and checks every `provenance` object in it. */
export function findProvenanceMismatches(value: unknown, pages: readonly PageText[]): ProvenanceMismatch[] {
  const texts = new Map(pages.map((p) => [p.number, p.text]));
  const mismatches: ProvenanceMismatch[] = [];
  const visit = (node: unknown, at: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, `${at}[${i}]`));
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      const path = at ? `${at}.${key}` : key;
      if (key === 'provenance' && child && typeof child === 'object') {
        const { page, start, end, snippet } = child as { page: number; start: number; end: number; snippet: string };
        const text = texts.get(page);
        const found = text === undefined ? null : text.slice(start, end);
        if (found !== snippet) mismatches.push({ at: path, page, expected: snippet, found });
      } else if (key !== 'pages') {
        visit(child, path);
      }
    }
  };
  visit(value, '');
  return mismatches;
}
