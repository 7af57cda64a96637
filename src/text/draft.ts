// The mutable page model the normaliser works on before it writes the page text:
// lines of fragments, each fragment a string with its position. Every step
// (header removal, de-hyphenation, repair) edits strings here; offsets are only
// computed at the end, so they can never drift from the text.

export type Separator = '' | ' ' | '\t';

export interface DraftFragment {
  text: string;
  x: number;
  width: number;
  size: number;
  bold: boolean;
  /** What joins this fragment to the one before it on the line ('' for the first). */
  sep: Separator;
}

export interface DraftLine {
  /** Baseline distance from the top of the page (line index when the page had no items). */
  y: number;
  column: number;
  fragments: DraftFragment[];
}

export interface DraftPage {
  number: number;
  width: number;
  height: number;
  /** True when built from positioned items; false for the plain-text fallback. */
  positioned: boolean;
  lines: DraftLine[];
}

export function lineText(line: DraftLine): string {
  return line.fragments.map((f, i) => (i === 0 ? '' : f.sep) + f.text).join('');
}
