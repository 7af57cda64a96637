// The normalise stage: positioned pdf.js items → one clean text per page with layout
// lines and fragments whose offsets index into that text. Steps, per document:
// lines from items (or pdf-parse's text when a page has none) → column reading order
// → running headers/footers removed → words split across lines joined → lost rings of
// å restored and broken Danish letters repaired (word list loaded only for pages that
// need it) → text + offsets.
import type { Warning } from '../schema/contract.js';
import type { LayoutFragment, LayoutLine, NormalisedPage } from '../schema/normalised.js';
import type { ParsedPage } from '../schema/parsed.js';
import type { CleanStats } from './clean-chars.js';
import { orderColumns } from './columns.js';
import { dehyphenate, vocabularyOf } from './dehyphenate.js';
import { lineText, type DraftPage } from './draft.js';
import { danishWords } from './danish-words.js';
import { linesFromItems, linesFromText } from './layout-lines.js';
import { mayHaveLostRings, restoreLostRings } from './lost-rings.js';
import { casedVocabularyOf, isCleanLine, pageNeedsRepair, repairLines } from './repair-letters.js';
import { removeRunningHeaders } from './running-headers.js';

export interface NormaliseResult {
  pages: NormalisedPage[];
  warnings: Warning[];
}

function draftOf(page: ParsedPage, stats: CleanStats): { draft: DraftPage; columns: number } {
  const positioned = page.items.some((item) => item.str.trim() !== '');
  const base = { number: page.number, width: page.width, height: page.height, positioned };
  if (!positioned) return { draft: { ...base, lines: linesFromText(page.text, stats) }, columns: 1 };
  const { lines, columns } = orderColumns(linesFromItems(page.items, stats));
  return { draft: { ...base, lines }, columns };
}

/** Writes the page text and computes every line and fragment offset from it. */
function serialise(draft: DraftPage): NormalisedPage {
  let text = '';
  const lines: LayoutLine[] = [];
  for (const line of draft.lines) {
    if (line.fragments.length === 0) continue;
    if (lines.length > 0) text += '\n';
    const start = text.length;
    const fragments: LayoutFragment[] = [];
    line.fragments.forEach((f, i) => {
      if (i > 0) text += f.sep === '' ? '' : f.sep;
      const fStart = text.length;
      text += f.text;
      fragments.push({ start: fStart, end: text.length, x: f.x, width: f.width, size: f.size, bold: f.bold });
    });
    lines.push({ start, end: text.length, y: line.y, column: line.column, fragments });
  }
  return { number: draft.number, width: draft.width, height: draft.height, text, lines };
}

export function normalisePages(pages: readonly ParsedPage[]): NormaliseResult {
  const warnings: Warning[] = [];
  const decodedByPage = new Map<number, number>();
  const drafts: DraftPage[] = pages.map((page) => {
    const stats: CleanStats = { decoded: 0 };
    const { draft, columns } = draftOf(page, stats);
    if (stats.decoded > 0) decodedByPage.set(page.number, stats.decoded);
    if (columns > 1) {
      warnings.push({ code: 'columns_detected', message: `read ${columns} text columns left to right`, page: page.number });
    }
    return draft;
  });

  removeRunningHeaders(drafts);

  const vocabulary = vocabularyOf(drafts.flatMap((d) => d.lines.map(lineText)));
  for (const draft of drafts) dehyphenate(draft.lines, vocabulary);

  const pageTexts = drafts.map((d) => d.lines.map(lineText).join('\n'));
  const ringless = drafts.filter((_, i) => mayHaveLostRings(pageTexts[i] ?? ''));
  const broken = drafts.filter((d, i) => ringless.includes(d) || pageNeedsRepair(pageTexts[i] ?? ''));
  const repairedByPage = new Map(decodedByPage);
  if (broken.length > 0) {
    // Evidence comes from the text that is certainly clean: never from a page that may have lost its rings.
    const cleanLines = drafts.filter((d) => !ringless.includes(d)).flatMap((d) => d.lines.map(lineText));
    const clean = casedVocabularyOf(cleanLines.filter(isCleanLine));
    for (const draft of broken) {
      const restored = ringless.includes(draft) ? restoreLostRings(draft.lines, danishWords(), clean) : 0;
      const n = restored + repairLines(draft.lines, clean);
      if (n > 0) repairedByPage.set(draft.number, (repairedByPage.get(draft.number) ?? 0) + n);
    }
  }
  for (const [page, n] of [...repairedByPage].sort((a, b) => a[0] - b[0])) {
    warnings.push({ code: 'text_repaired', message: `repaired ${n} words`, page });
  }

  // The colours drawn on a page (mark glyphs, filled boxes) go with it unchanged: same coordinates as the lines.
  const parsedByNumber = new Map(pages.map((p) => [p.number, p]));
  const normalised = drafts.map(serialise).map((page) => {
    const parsed = parsedByNumber.get(page.number);
    return {
      ...page,
      ...(parsed?.marks && parsed.marks.length > 0 ? { marks: parsed.marks } : {}),
      ...(parsed?.fills && parsed.fills.length > 0 ? { fills: parsed.fills } : {}),
    };
  });
  return { pages: normalised, warnings };
}
