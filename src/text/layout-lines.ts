// pdf.js items → visual lines of fragments. Items are pieces of text, not words:
// they are grouped by baseline, ordered by x and joined by the size of the gap.
//
// Separator choice (documented in the report too): within a line, items closer than
// WORD_GAP_EM are glued (kerned glyph runs, "REFERA"+"T"), wider gaps give one space,
// and gaps of TAB_GAP_EM or more give one '\t' and start a new fragment. Measured on
// the corpus, word gaps stay under 0.9 em (bullet indents 0.84 em) while table cells,
// label/value pairs and TOC leaders are 1.1 em and up, so 1 em separates them; table
// extractors can split cells on '\t'.
import type { TextItem } from '../schema/parsed.js';
import { cleanChars, type CleanStats } from './clean-chars.js';
import type { DraftFragment, DraftLine, Separator } from './draft.js';
import { joinJustified } from './justified-lines.js';

export const WORD_GAP_EM = 0.15;
export const TAB_GAP_EM = 1.0;
/** Items whose baselines differ by less than this share of the font size share a line (superscripts too). */
const BASELINE_TOLERANCE_EM = 0.45;
const BOLD_FONT = /bold|black|heavy|semibold|demi/iu;
const DEFAULT_SIZE = 10;

interface Row {
  y: number;
  size: number;
  items: TextItem[];
  /** Characters of the item whose baseline the row takes. */
  weight: number;
}

function sizeOf(item: TextItem): number {
  return item.height > 0 ? item.height : 0;
}

/** How strongly an item carries its row's baseline: its letters and digits, times its size (a heading's few big letters outweigh a footnote mark). */
function baselineWeight(item: TextItem): number {
  const letters = item.str.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return letters * (sizeOf(item) || DEFAULT_SIZE);
}

function groupRows(items: readonly TextItem[]): Row[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Row[] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    const size = sizeOf(item) || row?.size || DEFAULT_SIZE;
    if (row && Math.abs(item.y - row.y) <= BASELINE_TOLERANCE_EM * Math.max(row.size, size) && !stacksOnRow(row, item, size)) {
      row.items.push(item);
      // The text carries the baseline: superscripts sit above it, and a big mark (a status dot
      // "●" set larger in its cell) below it; neither moves the row.
      const weight = baselineWeight(item);
      if (weight > row.weight) {
        row.weight = weight;
        row.y = item.y;
      }
      row.size = Math.max(row.size, sizeOf(item));
    } else {
      rows.push({ y: item.y, size, items: [item], weight: baselineWeight(item) });
    }
  }
  return rows;
}

/**
 * Whether an item stands over or under one already in the row, a line apart: two lines set beside
 * one tall heading ("NORDDJURS KOMMUNE" beside the committee over the date) are two lines, not one.
 */
function stacksOnRow(row: Row, item: TextItem, size: number): boolean {
  return row.items.some((other) => {
    const overlap = Math.min(other.x + other.width, item.x + item.width) - Math.max(other.x, item.x);
    const otherSize = sizeOf(other) || DEFAULT_SIZE;
    return overlap > STACK_OVERLAP * Math.min(other.width, item.width) && Math.abs(other.y - item.y) > STACK_GAP_EM * Math.min(otherSize, size);
  });
}

/** Share of the narrower item two items must overlap by, side by side, to stand one over the other. */
const STACK_OVERLAP = 0.3;
/** Baselines this far apart (in em of the smaller text) are two lines, not an accent or a superscript. */
const STACK_GAP_EM = 0.8;

/** Some PDFs draw text twice (fake bold, shadows): the same string at (nearly) the same spot. */
function isDuplicate(a: TextItem, b: TextItem): boolean {
  return a.str === b.str && Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1;
}

/** Pieces of one item that a run of spaces separated: they start a new tab-separated fragment. */
const afterWideSpace = new WeakSet<TextItem>();
/** Three or more spaces inside one item align columns ("Mødedato      Tirsdag …"). */
const WIDE_SPACE = / {3,}|\t+/u;

/** Splits an item at wide spaces, placing the pieces by their share of the characters. */
function splitAtWideSpaces(item: TextItem): TextItem[] {
  if (!WIDE_SPACE.test(item.str.trim())) return [item];
  const pieces: TextItem[] = [];
  const perChar = item.str.length > 0 ? item.width / item.str.length : 0;
  for (const m of item.str.matchAll(/\S+(?: \S+)*/gu)) {
    const piece: TextItem = { ...item, str: m[0], x: item.x + m.index * perChar, width: m[0].length * perChar };
    if (pieces.length > 0) afterWideSpace.add(piece);
    pieces.push(piece);
  }
  return pieces;
}

function rowToLine(row: Row, stats?: CleanStats): DraftLine | null {
  const items = row.items.sort((a, b) => a.x - b.x).flatMap(splitAtWideSpaces);
  const fragments: DraftFragment[] = [];
  let current: { frag: DraftFragment; font: string | undefined; end: number } | null = null;
  let sawSpace = false;
  let previous: TextItem | null = null;
  for (const item of items) {
    const str = cleanChars(item.str, stats);
    if (str.trim() === '') {
      sawSpace = true;
      continue;
    }
    if (previous && isDuplicate(previous, item)) continue;
    const size = sizeOf(item) || row.size || DEFAULT_SIZE;
    const text = str.replace(/\s+/gu, ' ');
    if (!current) {
      current = { frag: newFragment(item, text, size, ''), font: item.fontName, end: item.x + item.width };
      fragments.push(current.frag);
    } else {
      const em = Math.max(current.frag.size, size);
      const gap: number = item.x - current.end;
      const spaced: boolean = sawSpace || gap >= WORD_GAP_EM * em || /\s$/u.test(current.frag.text) || /^\s/u.test(text);
      const fontChanged = item.fontName !== current.font || Math.abs(size - current.frag.size) > 0.15 * em;
      // A font change inside a word ("Besk" bold + "æftigelse") does not split it: fragments end at gaps only.
      const columnGap: boolean = gap >= TAB_GAP_EM * em || afterWideSpace.has(item) || figureCellGap(current.frag.text, text, gap / em);
      if (columnGap || (fontChanged && spaced)) {
        const sep: Separator = columnGap ? '\t' : spaced ? ' ' : '';
        current = { frag: newFragment(item, text, size, sep), font: item.fontName, end: item.x + item.width };
        fragments.push(current.frag);
      } else {
        current.frag.text += (spaced ? ' ' : '') + text;
        current.font = item.fontName;
        current.end = Math.max(current.end, item.x + item.width);
        current.frag.width = current.end - current.frag.x;
      }
    }
    sawSpace = false;
    previous = item;
  }
  const kept = joinJustified(tidyFragments(fragments));
  return kept.length > 0 ? { y: row.y, column: 0, fragments: kept } : null;
}

/**
 * Two table cells of figures set closer than a column gap ("77,3 %" | "mindst 80 %" in a narrow
 * Writer table): a gap of FIGURE_GAP_EM or more after a figure, before a figure or a target, is
 * a cell border. Words in running text stand a third of an em apart.
 */
const FIGURE_GAP_EM = 0.6;
/** A figure followed by a capitalised word ("78,1 %" | "Delvist indfriet"): no sentence runs on so. */
const FIGURE_WORD_GAP_EM = 0.45;
const ENDS_IN_FIGURE = /(?:\d|%)$/u;
const STARTS_A_FIGURE_CELL = /^(?:[-+\u2212\u00f7(]?\d|(?:mindst|højst|min\.|maks\.|maksimalt|minimum)(?![\p{L}]))/iu;
const STARTS_A_WORD_CELL = /^(?:\p{Lu}\p{Ll}|ikke\s+(?:målt|opgjort|relevant)|n\/a\b)/u;

/** Neighbouring pieces of one line and whether the gap between them is a cell border, as data. */
export const FIGURE_CELL_GAP_EXAMPLES: readonly { before: string; after: string; gapEm: number; border: boolean }[] = [
  { before: '77,3 %', after: 'mindst 80 %', gapEm: 0.85, border: true },
  { before: '6,9', after: '7,1', gapEm: 0.7, border: true },
  { before: '41,5 %', after: 'mod', gapEm: 0.85, border: false },
  { before: 'andelen 41,5 %', after: 'mindst', gapEm: 0.3, border: false },
  { before: 'Resultat', after: '2024', gapEm: 0.8, border: false },
  { before: '78,1 %', after: 'Delvist indfriet', gapEm: 0.53, border: true },
  { before: 'ledigheden 2,6 %', after: 'Ledigheden', gapEm: 0.3, border: false },
  { before: '4,1', after: 'ikke målt', gapEm: 0.7, border: true },
  { before: '4,1', after: 'procent', gapEm: 0.7, border: false },
];

export function figureCellGap(before: string, after: string, gapEm: number): boolean {
  if (!ENDS_IN_FIGURE.test(before)) return false;
  return (gapEm >= FIGURE_GAP_EM && STARTS_A_FIGURE_CELL.test(after)) || (gapEm >= FIGURE_WORD_GAP_EM && STARTS_A_WORD_CELL.test(after));
}

function newFragment(item: TextItem, text: string, size: number, sep: Separator): DraftFragment {
  return { text, x: item.x, width: item.width, size, bold: BOLD_FONT.test(item.fontName ?? ''), sep };
}

/** Collapses doubled spaces, trims each fragment (moving edge spaces into the separator) and drops empty ones. */
export function tidyFragments(fragments: readonly DraftFragment[]): DraftFragment[] {
  const kept: DraftFragment[] = [];
  let pendingSpace = false;
  for (const f of fragments) {
    const collapsed = f.text.replace(/ {2,}/gu, ' ');
    const leading = collapsed.startsWith(' ');
    const text = collapsed.trim();
    if (text === '') {
      pendingSpace ||= collapsed.length > 0 || f.sep !== '';
      continue;
    }
    const sep: Separator = f.sep === '\t' ? '\t' : f.sep === ' ' || leading || pendingSpace ? ' ' : '';
    kept.push({ ...f, text, sep: kept.length === 0 ? '' : sep });
    pendingSpace = collapsed.endsWith(' ');
  }
  return kept;
}

/** The visual lines of one page, top to bottom, each with fragments in x order. */
export function linesFromItems(items: readonly TextItem[], stats?: CleanStats): DraftLine[] {
  const lines: DraftLine[] = [];
  for (const row of groupRows(items)) {
    const line = rowToLine(row, stats);
    if (line) lines.push(line);
  }
  return lines;
}

/** Lines of pdf-parse's page text, for pages without positioned items. */
export function linesFromText(text: string, stats?: CleanStats): DraftLine[] {
  const lines: DraftLine[] = [];
  text.replace(/\r\n?/gu, '\n').split('\n').forEach((raw, index) => {
    const parts = raw.split(/\t+/u);
    const fragments = tidyFragments(
      parts.map((part, i) => ({ text: cleanChars(part, stats), x: 0, width: 0, size: 0, bold: false, sep: i === 0 ? '' : '\t' })),
    );
    if (fragments.length > 0) lines.push({ y: index, column: 0, fragments });
  });
  return lines;
}
