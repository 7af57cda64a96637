// Text spanning lines and pages, kept traceable: a run of page-text pieces joined by
// '\n', so any offset in the run maps back to (page, offset) for provenance.
import { danish } from '../common/danish-regex.js';
import type { Provenance } from '../../schema/contract.js';
import type { LayoutFragment, NormalisedPage } from '../../schema/normalised.js';

export interface DocLine {
  /** 1-based page number. */
  readonly page: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly y: number;
  readonly fragments: readonly LayoutFragment[];
  /** x of the first non-blank fragment; 0 when the page has no usable layout. */
  readonly x: number;
  /** Whether the page's fragments carry real positions (the stub normaliser gives none). */
  readonly hasLayout: boolean;
}

/** Running page furniture that may survive normalisation: "Side 2 af 6", "2/6". */
const PAGE_FURNITURE = /^\s*(?:side\s+\d+\s*(?:af|\/)\s*\d+|\d+\s*\/\s*\d+)\s*$/iu;

/** Every line of the document in reading order, page furniture skipped. */
export function documentLines(pages: readonly NormalisedPage[]): DocLine[] {
  const out: DocLine[] = [];
  for (const page of pages) {
    const hasLayout = pageHasLayout(page);
    for (const line of page.lines) {
      const text = page.text.slice(line.start, line.end);
      if (PAGE_FURNITURE.test(text)) continue;
      const first = line.fragments.find((f) => page.text.slice(f.start, f.end).trim() !== '');
      out.push({ page: page.number, start: line.start, end: line.end, text, y: line.y, fragments: line.fragments, x: first?.x ?? 0, hasLayout });
    }
  }
  return out;
}

export function pageHasLayout(page: NormalisedPage): boolean {
  return page.lines.some((l) => l.fragments.some((f) => f.x > 0 || f.width > 0));
}

export interface Piece {
  readonly page: number;
  readonly start: number;
  readonly end: number;
}

/** Pieces of page text read as one string. */
export class TextRun {
  readonly text: string;
  private readonly offsets: number[] = [];

  constructor(
    readonly pages: readonly NormalisedPage[],
    readonly pieces: readonly Piece[],
  ) {
    let text = '';
    for (const piece of pieces) {
      if (text !== '') text += '\n';
      this.offsets.push(text.length);
      text += pageText(pages, piece.page).slice(piece.start, piece.end);
    }
    this.text = text;
  }

  /**
   * Provenance of text.slice(start, end) on the page where it starts; a span running
   * onto the next page is cut at the last piece of its first page.
   */
  provenance(start: number, end: number): Provenance {
    const i = this.pieceAt(start);
    const piece = this.pieces[i];
    const base = this.offsets[i];
    if (!piece || base === undefined) return { page: 1, start: 0, end: 0, snippet: '' };
    const s = piece.start + Math.max(0, start - base);
    const j = this.pieceAt(Math.max(start, end - 1));
    let k = i;
    for (let n = i; n <= j; n++) if (this.pieces[n]?.page === piece.page) k = n;
    const last = this.pieces[k] ?? piece;
    const lastBase = this.offsets[k] ?? base;
    const e = k === j ? Math.min(last.end, last.start + Math.max(0, end - lastBase)) : last.end;
    return makeProvenance(this.pages, piece.page, s, Math.max(s, e));
  }

  /** Provenance of the whole run, cut at the end of its first page. */
  wholeProvenance(): Provenance {
    const first = this.pieces[0];
    if (!first) return { page: 1, start: 0, end: 0, snippet: '' };
    let end = first.end;
    for (const p of this.pieces) if (p.page === first.page && p.end > end) end = p.end;
    return makeProvenance(this.pages, first.page, first.start, end);
  }

  get page(): number {
    return this.pieces[0]?.page ?? 1;
  }

  /** The last piece starting at or before offset (binary search: segment runs have a piece per line). */
  private pieceAt(offset: number): number {
    let lo = 0;
    let hi = this.offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.offsets[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }
}

function pageText(pages: readonly NormalisedPage[], page: number): string {
  return pages.find((p) => p.number === page)?.text ?? '';
}

export function makeProvenance(pages: readonly NormalisedPage[], page: number, start: number, end: number): Provenance {
  const text = pageText(pages, page);
  return { page, start, end, snippet: text.slice(start, end) };
}

/** Whitespace runs to one space, Word's private-use bullet glyphs removed. */
export function cleanText(s: string): string {
  return s.replace(/[\uf0b7\uf0a7\uf076\uf0d8]/gu, ' ').replace(/\s+/gu, ' ').trim();
}

/** Abbreviations whose period does not end a sentence: "pr. 31. marts", "ca. 3,3", "jf. bilag". */
const ABBREVIATION_BEFORE = danish(/(?:\bpr|\bca|\bjf|\bnr|\bkl|\bd|\bf\.eks|\bbl\.a|\bstk|\bdvs|\bevt|\binkl|\bekskl|\bmht|\bvedr|\bift|\bpga)\.$/iu);

/** A bullet glyph at the start of a line with the space or tab after it ("•⇥", "• ", "•", "- "). */
const BULLET_LEAD = /^[ \t]*(?:[•\uf0b7▪◦][ \t]*|[-–*][ \t]+)/u;

export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Sentences of a text with offsets. A period ends a sentence only when followed by
 * whitespace and a capital, digit or bullet, so "pr. måned", "9. eller 10. klasse" and
 * "jobindsats.dk" stay inside; blank lines, bullet starts and paragraph markers ("b) …") also end a sentence.
 */
/** A sentence so far that is only a list marker: "1.", "(2.", "b.". */
const LIST_MARKER_ONLY = /^\s*\(?(?:\d{1,2}|[a-zæøå])[.)]$/u;

export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  // A colon ends a sentence before a capital ("viser, at:" + a list), not before a value ("Hele landet: 33,0 %").
  const boundary = /(?<=[.!?])\s+(?=[\p{Lu}\d"”«•\-–])|(?<=:)\s+(?=[\p{Lu}"”«•\-–])|\n[ \t]*\n|\n(?=[ \t]*[-–•\uf0b7*][ \t])|\n(?=[ \t]*[•\uf0b7▪◦]\p{Lu})|\n(?=[ \t]*\(?(?:\d{1,2}|[a-zæøå])\)[ \t]*\p{Lu}|[ \t]*[a-zæøå]\.[ \t]+\p{Lu}|[ \t]*\d{1,2}\.\p{Lu})/gu;
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    // A list item's bullet glyph opens the sentence's line, it is no word of it.
    const lead = raw.length - raw.replace(BULLET_LEAD, '').trimStart().length;
    const trimmed = raw.slice(lead).trimEnd();
    if (trimmed !== '') out.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
  };
  const lineBreaks = [...text.matchAll(/\n/gu)].filter((m) => headingBreak(text, m.index)).map((m) => ({ index: m.index, 0: '\n' }));
  const sideLabels = [...text.matchAll(SIDE_LABEL_LINE)].map((m) => ({ index: m.index + m[0].length - 1, 0: '\t' }));
  const breaks = [...[...text.matchAll(boundary)].map((m) => ({ index: m.index, 0: m[0] })), ...lineBreaks, ...sideLabels].sort((a, b) => a.index - b.index);
  for (const m of breaks) {
    if (m.index < start) continue;
    // "pr. 31. marts", "ca. 3,3", "jf. ...": abbreviations before a digit or capital do not end a sentence.
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    if (ABBREVIATION_BEFORE.test(before)) continue;
    // A list marker ("1." opening "1. Hurtigt i job.") opens its sentence; it ends none.
    if (LIST_MARKER_ONLY.test(text.slice(start, m.index))) continue;
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return out;
}

function sideLabelled(line: string): boolean {
  SIDE_LABEL_LINE.lastIndex = 0;
  return new RegExp(SIDE_LABEL_LINE.source, 'u').test(line);
}

/** Words a wrapped line may end on mid-sentence; a line ending on one is no heading. */
const DANGLING_WORDS = new Set(['er', 'var', 'blev', 'bliver', 'har', 'skal', 'kan', 'på', 'til', 'af', 'og', 'eller', 'med', 'i', 'for', 'som', 'at', 'en', 'et', 'den', 'det', 'de', 'fra', 'om', 'ved', 'under', 'over', 'mellem', 'end']);

/**
 * A side heading and the tab after it, at a line's start ("SAGSFREMSTILLING⇥Målet er, at …",
 * "Beslutning⇥Godkendt."): minutes laid out with a narrow label column. The label is no word
 * of the sentence beside it (global: only ever read by matchAll).
 */
const SIDE_LABEL_LINE = /(?<=^|\n)[ \t]*\p{Lu}[\p{L}.-]*(?:[ ][\p{L}.-]+){0,2}:?\t(?=\p{L}[^\t\n]*(?:\n|$))/gu;

/** Side-heading layouts, as data: the line, the next line, and whether they are one sentence. */
export const SIDE_LABEL_EXAMPLES: readonly { line: string; next: string; joined: boolean }[] = [
  { line: 'SAGSFREMSTILLING\tMålet er, at antallet højst er 23', next: 'i 2030. Antallet er faldet.', joined: true },
  { line: 'Beslutning\tGodkendt.', next: 'Udvalget bemærkede, at sagen haster.', joined: false },
  { line: 'Kontanthjælp\t61.500\t60.775', next: 'i alt 122.275', joined: false },
  { line: 'Mål\t2024', next: 'mindst 58 % skal i uddannelse.', joined: false },
];

/**
 * A line break ends a sentence when either line is a table row (holds a tab) or the line
 * before is a short heading without punctuation and the next starts a new sentence.
 */
function headingBreak(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const nextEnd = text.indexOf('\n', at + 1);
  const line = text.slice(lineStart, at);
  const next = text.slice(at + 1, nextEnd < 0 ? text.length : nextEnd);
  // A side heading's text wrapping onto the next line goes on with its sentence.
  if (sideLabelled(line) && !next.includes('\t') && /^\s*[\p{Ll}\d]/u.test(next) && !/[.!?:]\s*$/u.test(line)) return false;
  // The tab after a bullet glyph ("•⇥Mindst 58 % …") is the list's indent, no table cell.
  if (line.replace(BULLET_LEAD, '').includes('\t') || next.replace(BULLET_LEAD, '').includes('\t')) return true;
  const words = line.trim().split(/\s+/u).filter(Boolean);
  const last = (words.at(-1) ?? '').toLowerCase();
  return (
    words.length > 0 &&
    words.length <= 6 &&
    /^\s*\p{Lu}/u.test(line) &&
    !/[,;:\-–]$/u.test(line.trim()) &&
    !DANGLING_WORDS.has(last) &&
    /^\s*[\p{Lu}"”«•\-–]/u.test(next)
  );
}
