// A table that opens a page may have left its caption, unit line and column names at the foot
// of the page before, with no row under them: the word processor or browser moved the rows on
// and repeated the header above them ("repeat header row", an HTML <thead>). Only the lines
// left behind state the unit then ("Beløb i mio. kr. (negativt tal = mindreudgift)").
import type { TableLine } from './table-layout.js';
import { statedTableUnit } from './table-unit.js';

/** Most lines a header left behind may take: caption, unit line, column names over three lines. */
const MAX_LEFT_BEHIND = 5;
/** Words a one-cell header line may have: a unit line with its sign legend runs to ten. */
const MAX_HEADER_LINE_WORDS = 10;
/** Words a column name has at most; a longer cell is running text. */
const MAX_CELL_WORDS = 6;

/** A sentence break inside a cell: a full stop after a word, then a capital. */
const SENTENCE_BREAK = /\p{L}\.\s+\p{Lu}/u;

/**
 * The lines at the end of a page that read as a table header without rows: column names in
 * cells, short one-cell lines (caption, unit line), top down. Empty when the page ends in rows
 * or running text. `isRow` tells an amount row.
 */
export function headerLeftBehind(pageLines: readonly TableLine[], isRow: (line: TableLine) => boolean): string[] {
  const left: string[] = [];
  for (let k = pageLines.length - 1; k >= 0 && left.length < MAX_LEFT_BEHIND; k--) {
    const line = pageLines[k];
    if (!line || !isHeaderLike(line) || isRow(line)) break;
    left.unshift(line.text);
  }
  return left;
}

function isHeaderLike(line: TableLine): boolean {
  const text = line.text.trim();
  if (text === '') return false;
  if (line.cells.length > 1) return line.cells.every((c) => !SENTENCE_BREAK.test(c.text) && words(c.text) <= MAX_CELL_WORDS);
  // A one-cell line: a caption or unit line ("Beløb i 1.000 kr."), not the end of a paragraph ("… af budgettet.").
  return words(text) <= MAX_HEADER_LINE_WORDS && !SENTENCE_BREAK.test(text) && (!/[.:]$/u.test(text) || statedTableUnit(text) !== null);
}

const words = (text: string): number => text.trim().split(/\s+/u).length;
