// A page's layout (where each run of its text sits) as the compact JSON kept in pages.layout:
// numbers rounded to a tenth of a point, lines as arrays, so a page costs a few kilobytes.
// Offsets index the stored page text, the same text provenance points into.
import { z } from 'zod';
import type { PageLayout } from '../schema/normalised.js';

/** [start, end, x, width, size, bold 0|1] */
const StoredFragment = z.tuple([z.number().int(), z.number().int(), z.number(), z.number(), z.number(), z.number().int()]);
/** [line start, line end, baseline y, fragments] */
const StoredLine = z.tuple([z.number().int(), z.number().int(), z.number(), z.array(StoredFragment)]);
const StoredLayout = z.object({ w: z.number().positive(), h: z.number().positive(), l: z.array(StoredLine) });

export interface DrawnFragment {
  start: number;
  end: number;
  x: number;
  width: number;
  size: number;
  bold: boolean;
}

export interface DrawnLine {
  start: number;
  end: number;
  y: number;
  fragments: DrawnFragment[];
}

export interface DrawnLayout {
  width: number;
  height: number;
  lines: DrawnLine[];
}

const tenth = (n: number): number => Math.round(n * 10) / 10;

/** The layout as stored; null when the page has no positions (its text came without any, e.g. from pdf-parse alone). */
export function encodePageLayout(layout: PageLayout): string | null {
  const positioned = layout.lines.some((line) => line.fragments.some((f) => f.size > 0));
  if (!positioned || !(layout.width > 0) || !(layout.height > 0)) return null;
  const lines = layout.lines.map((line) => [
    line.start,
    line.end,
    tenth(line.y),
    line.fragments.map((f) => [f.start, f.end, tenth(f.x), tenth(f.width), tenth(f.size), f.bold ? 1 : 0]),
  ]);
  return JSON.stringify({ w: tenth(layout.width), h: tenth(layout.height), l: lines });
}

/** The stored layout back; undefined when there is none or it does not read (then the page is shown as plain text). */
export function decodePageLayout(stored: string | null): DrawnLayout | undefined {
  if (stored === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return undefined;
  }
  const checked = StoredLayout.safeParse(json);
  if (!checked.success) return undefined;
  return {
    width: checked.data.w,
    height: checked.data.h,
    lines: checked.data.l.map(([start, end, y, fragments]) => ({
      start,
      end,
      y,
      fragments: fragments.map(([fStart, fEnd, x, width, size, bold]) => ({ start: fStart, end: fEnd, x, width, size, bold: bold === 1 })),
    })),
  };
}
