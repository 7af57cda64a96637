// Finds the table of contents so that agenda items are read from their headings in
// the body, never from the TOC: a page headed "Indholdsfortegnelse", or a run of lines
// with dotted leaders / trailing page numbers.
import type { DocLine } from '../common/page-lines.js';
import { TOC_ENTRY, TOC_HEADING } from '../common/patterns.js';

/** How many TOC-like entries a page needs before all its lines count as TOC. */
const MIN_ENTRIES_FOR_TOC_PAGE = 3;

/** Keys `${page}:${start}` of every line that belongs to a table of contents. */
export function tableOfContentsLines(lines: readonly DocLine[]): Set<string> {
  const toc = new Set<string>();
  const byPage = new Map<number, DocLine[]>();
  for (const line of lines) byPage.set(line.page, [...(byPage.get(line.page) ?? []), line]);
  for (const pageLines of byPage.values()) {
    const headed = pageLines.some((l) => TOC_HEADING.test(l.text));
    const entries = pageLines.filter((l) => TOC_ENTRY.test(l.text));
    if (!(headed && entries.length >= 1) && entries.length < MIN_ENTRIES_FOR_TOC_PAGE) continue;
    // From the heading (or first entry) through the last entry: wrapped titles between entries
    // are TOC too, while an agenda item starting below the TOC on the same page is not.
    const first = headed ? pageLines.findIndex((l) => TOC_HEADING.test(l.text)) : pageLines.indexOf(entries[0] as DocLine);
    const last = pageLines.indexOf(entries.at(-1) as DocLine);
    for (let i = Math.max(0, first); i <= last; i++) toc.add(key(pageLines[i] as DocLine));
  }
  return toc;
}

export function key(line: Pick<DocLine, 'page' | 'start'>): string {
  return `${line.page}:${line.start}`;
}
