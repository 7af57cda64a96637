// Builders for synthetic pdf.js pages and the invariant every normalised page keeps.
import { expect } from 'vitest';
import { NormalisedPage } from '../../src/schema/normalised.js';
import type { ParsedPage, TextItem } from '../../src/schema/parsed.js';

/** One text item; width from a plain 0.5 em per character unless given. */
export function item(str: string, x: number, y: number, size = 10, width = str.length * size * 0.5, fontName = 'f1'): TextItem {
  return { str, x, y, width, height: size, fontName };
}

/** Lays out words of a line with one 0.25 em gap between words, each word its own item. */
export function wordsLine(text: string, x: number, y: number, size = 10): TextItem[] {
  const items: TextItem[] = [];
  let cx = x;
  for (const word of text.split(' ')) {
    const it = item(word, cx, y, size);
    items.push(it);
    cx += it.width + 0.25 * size;
  }
  return items;
}

export function page(number: number, items: TextItem[], text = '', width = 595, height = 842): ParsedPage {
  return { number, width, height, text, items };
}

/** Every line and fragment slices exactly out of the page text; lines hold no newline. */
export function expectConsistent(p: NormalisedPage): void {
  expect(NormalisedPage.safeParse(p).success).toBe(true);
  let previousEnd = -1;
  for (const line of p.lines) {
    const lineText = p.text.slice(line.start, line.end);
    expect(lineText.includes('\n')).toBe(false);
    expect(line.start).toBeGreaterThan(previousEnd);
    previousEnd = line.end;
    for (const f of line.fragments) {
      expect(f.start).toBeGreaterThanOrEqual(line.start);
      expect(f.end).toBeLessThanOrEqual(line.end);
      expect(p.text.slice(f.start, f.end).trim()).toBe(p.text.slice(f.start, f.end));
    }
  }
  expect(p.lines.map((l) => p.text.slice(l.start, l.end)).join('\n')).toBe(p.text);
}

export function lineTexts(p: NormalisedPage): string[] {
  return p.lines.map((l) => p.text.slice(l.start, l.end));
}
