// OCR lines (pixels of an upright page image) → the positioned text items the PDF
// parser produces (points, baseline from the top), so columns, tables and every rule
// read an OCR'd page as they read any other. Pure.
import type { TextItem } from '../../schema/parsed.js';
import type { OcrLine, OcrWord } from './tsv-words.js';

/** A gap wider than this many line heights separates two cells or columns, not two words. */
const CELL_GAP_IN_LINE_HEIGHTS = 1.2;
/** Font size as a share of the line box, which also holds ascenders and descenders. */
const SIZE_OF_LINE_BOX = 0.8;

export interface OcrText {
  items: TextItem[];
  /** The page text the items spell, line by line (what pdf-parse would give). */
  text: string;
  /** Mean word confidence, 0–100; null when no word was read. */
  confidence: number | null;
  words: number;
}

export function ocrLinesToItems(lines: readonly OcrLine[], dpi: number): OcrText {
  const scale = 72 / dpi;
  const pt = (px: number): number => Math.round(px * scale * 1000) / 1000;
  const items: TextItem[] = [];
  const textLines: string[] = [];
  let confidenceSum = 0;
  let words = 0;
  const ordered = [...lines].sort((a, b) => baseline(a) - baseline(b) || a.left - b.left);
  for (const line of ordered) {
    const cells = splitCells(line);
    const y = pt(baseline(line));
    const size = pt(line.height * SIZE_OF_LINE_BOX);
    cells.forEach((cell, i) => {
      const first = cell[0] as OcrWord;
      const last = cell[cell.length - 1] as OcrWord;
      items.push({
        str: cell.map((w) => w.text).join(' '),
        x: pt(first.left),
        y,
        width: pt(last.left + last.width - first.left),
        height: size,
        fontName: 'ocr',
        hasEOL: i === cells.length - 1,
      });
    });
    textLines.push(cells.map((cell) => cell.map((w) => w.text).join(' ')).join(' '));
    for (const word of line.words) {
      confidenceSum += word.confidence;
      words++;
    }
  }
  return {
    items,
    text: textLines.join('\n'),
    confidence: words > 0 ? Math.round((confidenceSum / words) * 10) / 10 : null,
    words,
  };
}

/** Words of a line in x order, cut where the gap is a column gap. */
function splitCells(line: OcrLine): OcrWord[][] {
  const words = [...line.words].sort((a, b) => a.left - b.left);
  const cells: OcrWord[][] = [];
  let previous: OcrWord | undefined;
  for (const word of words) {
    const gap = previous ? word.left - (previous.left + previous.width) : Infinity;
    if (gap > line.height * CELL_GAP_IN_LINE_HEIGHTS || cells.length === 0) cells.push([word]);
    else cells[cells.length - 1]?.push(word);
    previous = word;
  }
  return cells;
}

/** The median bottom of the words: the baseline, as descenders are the exception. */
function baseline(line: OcrLine): number {
  const bottoms = line.words.map((w) => w.top + w.height).sort((a, b) => a - b);
  return bottoms[Math.floor(bottoms.length / 2)] ?? line.top + line.height;
}
