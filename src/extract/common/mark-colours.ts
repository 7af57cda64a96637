// The colour of a mark glyph in the page text ("●" filled green) or of a box filled behind a
// table cell, and the Danish name a legend would give it: a traffic-light verdict is read by the
// colour's name, never by its exact shade (one producer's green is #2e9d3a, another's #00b050).
import type { NormalisedPage } from '../../schema/normalised.js';
import type { ColouredFill } from '../../schema/parsed.js';

export type ColourName = 'grøn' | 'gul' | 'orange' | 'rød' | 'blå' | 'lilla' | 'grå' | 'sort' | 'hvid';

/** Hue (degrees) at the middle of each chromatic name, for naming a shade and for the nearest legend colour. */
export const COLOUR_HUES: readonly { name: ColourName; hue: number }[] = [
  { name: 'rød', hue: 0 },
  { name: 'orange', hue: 30 },
  { name: 'gul', hue: 52 },
  { name: 'grøn', hue: 120 },
  { name: 'blå', hue: 215 },
  { name: 'lilla', hue: 285 },
];

/** Shades and their names, as data (traffic lights of Office, Writer, web agenda systems). */
export const COLOUR_NAME_EXAMPLES: readonly { hex: string; name: ColourName }[] = [
  { hex: '#00b050', name: 'grøn' },
  { hex: '#2e9d3a', name: 'grøn' },
  { hex: '#92d050', name: 'grøn' },
  { hex: '#ffc000', name: 'gul' },
  { hex: '#e0a800', name: 'gul' },
  { hex: '#ffff00', name: 'gul' },
  { hex: '#ed7d31', name: 'orange' },
  { hex: '#ff0000', name: 'rød' },
  { hex: '#c00000', name: 'rød' },
  { hex: '#dd2222', name: 'rød' },
  { hex: '#0070c0', name: 'blå' },
  { hex: '#7030a0', name: 'lilla' },
  { hex: '#a6a6a6', name: 'grå' },
  { hex: '#000000', name: 'sort' },
  { hex: '#ffffff', name: 'hvid' },
];

/** Below this saturation a shade is grey, black or white, whatever its hue. */
const MIN_SATURATION = 0.2;

export function hueOf(hex: string): { hue: number; saturation: number; lightness: number } | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/iu.exec(hex);
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? '0', 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const delta = max - min;
  const saturation = delta === 0 ? 0 : delta / (1 - Math.abs(2 * lightness - 1));
  let hue = 0;
  if (delta > 0) {
    if (max === r) hue = 60 * (((g - b) / delta) % 6);
    else if (max === g) hue = 60 * ((b - r) / delta + 2);
    else hue = 60 * ((r - g) / delta + 4);
  }
  return { hue: (hue + 360) % 360, saturation, lightness };
}

/** The Danish name of a shade. */
export function colourName(hex: string): ColourName | null {
  const hsl = hueOf(hex);
  if (!hsl) return null;
  if (hsl.lightness < 0.12) return 'sort';
  if (hsl.lightness > 0.94) return 'hvid';
  if (hsl.saturation < MIN_SATURATION) return 'grå';
  let best: ColourName = 'rød';
  let distance = Infinity;
  for (const { name, hue } of COLOUR_HUES) {
    const d = hueDistance(hsl.hue, hue);
    if (d < distance) {
      best = name;
      distance = d;
    }
  }
  return best;
}

/** A shade a traffic light is painted in, not a pastel row shading: saturated, neither dark nor pale. */
export function isVivid(hex: string): boolean {
  const hsl = hueOf(hex);
  return hsl !== null && hsl.saturation >= 0.35 && hsl.lightness >= 0.25 && hsl.lightness <= 0.75;
}

export function hueDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

/**
 * The fill colour of the mark glyph at this offset of the page text (#rrggbb), when the PDF
 * stage read one there: the mark on the offset's line nearest where the offset's character stands.
 */
export function markColourAt(page: NormalisedPage, offset: number): string | null {
  const marks = page.marks;
  if (!marks || marks.length === 0) return null;
  const line = page.lines.find((l) => l.start <= offset && offset < l.end);
  const fragment = line?.fragments.find((f) => f.start <= offset && offset < f.end);
  if (!line || !fragment) return null;
  const x = fragment.x + (fragment.width * (offset - fragment.start)) / Math.max(1, fragment.end - fragment.start);
  const glyph = page.text.slice(offset, offset + 2).codePointAt(0);
  let best: string | null = null;
  let distance = Infinity;
  for (const mark of marks) {
    if (glyph !== undefined && mark.glyph.codePointAt(0) !== glyph) continue;
    // A mark set larger than its line's text stands a little below the text's baseline.
    if (Math.abs(mark.y - line.y) > Math.max(mark.height, 8)) continue;
    const d = Math.abs(mark.x - x);
    if (d < distance && d <= Math.max(fragment.width, 12)) {
      best = mark.colour;
      distance = d;
    }
  }
  return best;
}

/** A legend's key box is small: a square or a short bar before its meaning. */
const MAX_KEY_SIDE = 30;
/** How far right of its key box a legend's meaning may start. */
const KEY_GAP = 24;

/** The legend keys drawn as coloured boxes, each with the text that starts right of it on its line. */
export function filledKeys(page: NormalisedPage): { colour: string; meaning: string; offset: number }[] {
  const keys: { colour: string; meaning: string; offset: number }[] = [];
  for (const fill of page.fills ?? []) {
    if (fill.width > MAX_KEY_SIDE || fill.height > MAX_KEY_SIDE) continue;
    const right = fill.x + fill.width;
    for (const line of page.lines) {
      // The meaning's baseline lies within the box's height, or just under it.
      if (line.y < fill.y || line.y > fill.y + fill.height + 4) continue;
      const fragment = line.fragments.find((f) => f.x >= right - 2 && f.x <= right + KEY_GAP);
      if (fragment) keys.push({ colour: fill.colour, meaning: page.text.slice(fragment.start, fragment.end).trim(), offset: fragment.start });
    }
  }
  return keys;
}

/**
 * The colour of the box filled behind a table cell: the box on the page that spans the column's
 * x range (left to right) and the row's first baseline; null when none does.
 */
export function cellFillAt(page: NormalisedPage, left: number, right: number, baseline: number): ColouredFill | null {
  const within = (page.fills ?? []).filter((f) => {
    const overlap = Math.min(f.x + f.width, right) - Math.max(f.x, left);
    return overlap >= f.width * 0.5 && f.y <= baseline && baseline <= f.y + f.height + 2;
  });
  // The innermost box: a cell's paint, not the row's band behind it.
  return within.sort((a, b) => a.width * a.height - b.width * b.height)[0] ?? null;
}
