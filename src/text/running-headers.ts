// Running headers and footers: lines repeated at the top or bottom of many pages
// (page numbers may change between them) and page-number lines ("Side 3 af 28").
// They are removed from the text extractors read, from every page. One exception: a
// repeated line set on the first page in a clearly larger font than the body is the
// document's title ("Sager på vej – Sundhed og Omsorg 2025" at 26 pt over 10 pt
// text) printed again as a header, so it stays there once; a small header line
// ("Lolland Kommune · … · Referat", 8 pt) goes from page 1 too.
import { lineText, type DraftLine, type DraftPage } from './draft.js';

/** How many lines at each end of a page may be running headers/footers. */
const EDGE_LINES = 3;
/**
 * Share of the pages a line must repeat on. High enough that a section label that often
 * opens a page ("Beslutning", "Fraværende: …") is not taken for a running header.
 */
const REPEAT_SHARE = 0.7;
/** Top/bottom share of the page height where running headers/footers live. */
const EDGE_ZONE = 0.15;
/** "Side 3 af 28", "side 2 af 5", "Side 3", "Page 4 of 9", "3 af 28", "3/28", "- 3 -", "3". */
const PAGE_NUMBER_LINE =
  /^(?:(?:side|page|s\.)\s*\d{1,4}(?:\s*(?:af|of|\/|ud af)\s*\d{1,4})?|\d{1,4}\s*(?:af|\/)\s*\d{1,4}|[-–]?\s*\d{1,3}\s*[-–]?)$/iu;
/** Explicit "Side N af M" is a page marker wherever it stands on the page. */
const SIDE_N_AF_M = /^(?:side|page)\s*\d{1,4}\s*(?:af|of)\s*\d{1,4}$/iu;
const SIDE_N_AF_M_INSIDE = /(?<![\p{L}])(?:side|page)\s*\d{1,4}(?:\s*(?:af|of)\s*\d{1,4})?(?!\d)/iu;

/** A title's font is at least this much larger than the body text's. */
const TITLE_SIZE_RATIO = 1.2;

/** Short numbers (page numbers, dates) may change between pages; long ids (case numbers) may not. */
function key(text: string): string {
  return text.toLowerCase().replace(/(?<!\d)\d{1,4}(?!\d)/gu, '#').replace(/\s+/gu, ' ').trim();
}

interface Occurrence {
  page: number;
  text: string;
  /** In the upper half of its page. */
  top: boolean;
}

/** Whether a line stands in the upper half of its page: by position, else by its place among the lines. */
function inUpperHalf(page: DraftPage, index: number): boolean {
  const line = page.lines[index];
  if (page.positioned && page.height > 0 && line) return line.y / page.height < 0.5;
  return index < page.lines.length / 2;
}

function edgeIndexes(page: DraftPage): number[] {
  const n = page.lines.length;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i >= EDGE_LINES && i < n - EDGE_LINES) continue;
    const line = page.lines[i];
    if (!line) continue;
    if (page.positioned && page.height > 0) {
      const rel = line.y / page.height;
      if (rel > EDGE_ZONE && rel < 1 - EDGE_ZONE) continue;
    }
    out.push(i);
  }
  return out;
}

/**
 * Lines that differ only in numbers repeat when those numbers follow the page number
 * ("Referat – side 3" on page 3, "side 4" on page 4); headings such as "Punkt 2: Budget"
 * on unrelated pages do not.
 */
function isRunning(occurrences: readonly Occurrence[]): boolean {
  // A line at the foot of one page and the head of the next is a table header or heading
  // carried over a page break; a running header or footer keeps to one end of the page.
  if (new Set(occurrences.map((o) => o.top)).size > 1) return false;
  if (new Set(occurrences.map((o) => o.text)).size === 1) return true;
  const offsets = occurrences.map((o) => {
    const numbers = [...o.text.matchAll(/(?<!\d)\d{1,4}(?!\d)/gu)].map((m) => Number(m[0]));
    return numbers.map((n) => n - o.page);
  });
  const first = offsets[0] ?? [];
  // Some number on the line keeps the same distance from the page number on every page.
  return first.some((offset, i) => offsets.every((o) => o[i] === offset));
}

/** The font size most of the document's characters are set in (0 when the pages carry no sizes). */
function bodySize(pages: readonly DraftPage[]): number {
  const chars = new Map<number, number>();
  for (const page of pages) {
    for (const line of page.lines) {
      for (const f of line.fragments) {
        if (f.size > 0) chars.set(f.size, (chars.get(f.size) ?? 0) + f.text.length);
      }
    }
  }
  let best = 0;
  let bestCount = 0;
  for (const [size, count] of chars) {
    if (count > bestCount) [best, bestCount] = [size, count];
  }
  return best;
}

function largestSize(line: DraftLine): number {
  return Math.max(0, ...line.fragments.map((f) => f.size));
}

/**
 * The title test for a repeated line on the first page with text: set clearly larger
 * than the body. (Size, not position, decides: a small header also opens page 1.)
 */
function titleTest(pages: readonly DraftPage[]): (page: DraftPage, line: DraftLine) => boolean {
  const first = pages.find((p) => p.lines.length > 0);
  const body = bodySize(pages);
  if (!first?.positioned || body <= 0) return () => false;
  return (page, line) => page === first && largestSize(line) >= TITLE_SIZE_RATIO * body;
}

/** Removes running headers/footers and page-number lines from the pages, in place; returns how many lines went. */
export function removeRunningHeaders(pages: DraftPage[]): number {
  const occurrencesByKey = new Map<string, Occurrence[]>();
  for (const page of pages) {
    for (const i of edgeIndexes(page)) {
      const line = page.lines[i];
      if (!line) continue;
      const text = lineText(line).trim();
      const k = key(text);
      if (k.replace(/[#\s]/gu, '').length === 0 && !PAGE_NUMBER_LINE.test(text)) continue;
      let list = occurrencesByKey.get(k);
      if (!list) occurrencesByKey.set(k, (list = []));
      if (!list.some((o) => o.page === page.number)) list.push({ page: page.number, text, top: inUpperHalf(page, i) });
    }
  }
  const textPages = pages.filter((p) => p.lines.length > 0).length;
  const needed = textPages <= 2 ? 2 : Math.max(3, Math.ceil(REPEAT_SHARE * textPages));
  const repeated = new Set(
    [...occurrencesByKey].filter(([, list]) => list.length >= needed && isRunning(list)).map(([k]) => k),
  );
  const isTitle = titleTest(pages);
  let removed = 0;
  for (const page of pages) {
    const edges = new Set(edgeIndexes(page));
    page.lines = page.lines.filter((line, i) => {
      const text = lineText(line).trim();
      if (SIDE_N_AF_M.test(text)) return (removed++, false);
      if (!edges.has(i)) return true;
      if (PAGE_NUMBER_LINE.test(text)) return (removed++, false);
      const k = key(text);
      // A repeated header that carries the page number ("Referat – side 3 af 28") goes everywhere.
      if (repeated.has(k) && SIDE_N_AF_M_INSIDE.test(text)) return (removed++, false);
      if (!repeated.has(k)) return true;
      if (isTitle(page, line)) return true;
      return (removed++, false);
    });
  }
  return removed;
}
