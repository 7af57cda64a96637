// Tesseract's TSV and OSD output as the parser reads them, and OCR words → positioned
// items. The TSV rows here are in tesseract 5's column layout.
import { describe, expect, it } from 'vitest';
import { parseOsdRotation } from '../../../src/pdf/ocr/tesseract.js';
import { MIN_WORD_CONFIDENCE, parseTesseractTsv } from '../../../src/pdf/ocr/tsv-words.js';
import { ocrLinesToItems } from '../../../src/pdf/ocr/ocr-items.js';

const HEADER = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const row = (level: number, block: number, line: number, word: number, box: [number, number, number, number], conf: number, text: string): string =>
  [level, 1, block, 1, line, word, ...box, conf, text].join('\t');

// One line, "Ledigheden er 4,2 %" and far to the right a second cell "1.250 kr.", then a speckle.
const TSV = [
  HEADER,
  row(1, 0, 0, 0, [0, 0, 2480, 3508], -1, ''),
  row(4, 1, 1, 0, [300, 600, 1700, 50], -1, ''),
  row(5, 1, 1, 1, [300, 600, 250, 50], 96.1, 'Ledigheden'),
  row(5, 1, 1, 2, [570, 610, 50, 40], 95.0, 'er'),
  row(5, 1, 1, 3, [640, 604, 80, 46], 91.5, '4,2'),
  row(5, 1, 1, 4, [735, 604, 30, 46], 90.2, '%'),
  row(5, 1, 1, 5, [1800, 604, 200, 46], 93.0, '1.250'),
  row(5, 1, 1, 6, [2010, 604, 60, 46], 92.0, 'kr.'),
  row(4, 2, 2, 0, [300, 700, 40, 40], -1, ''),
  row(5, 2, 2, 1, [300, 700, 40, 40], MIN_WORD_CONFIDENCE - 5, '~'),
].join('\n');

describe('parseTesseractTsv', () => {
  it('groups words by line and drops words below the confidence floor', () => {
    const lines = parseTesseractTsv(TSV);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.words.map((w) => w.text)).toEqual(['Ledigheden', 'er', '4,2', '%', '1.250', 'kr.']);
  });
});

describe('ocrLinesToItems', () => {
  it('turns pixels into points at the scan resolution, and splits cells at a column gap', () => {
    const { items, text, confidence, words } = ocrLinesToItems(parseTesseractTsv(TSV), 300);
    expect(items.map((i) => i.str)).toEqual(['Ledigheden er 4,2 %', '1.250 kr.']);
    expect(text).toBe('Ledigheden er 4,2 % 1.250 kr.');
    expect(items[0]?.x).toBeCloseTo((300 * 72) / 300, 3);
    expect(items[1]?.x).toBeCloseTo((1800 * 72) / 300, 3);
    // The baseline: the median bottom of the words (650 px).
    expect(items[0]?.y).toBeCloseTo((650 * 72) / 300, 3);
    expect(items.at(-1)?.hasEOL).toBe(true);
    expect(items[0]?.hasEOL).toBe(false);
    expect(words).toBe(6);
    expect(confidence).toBeCloseTo((96.1 + 95 + 91.5 + 90.2 + 93 + 92) / 6, 1);
  });

  it('gives no items and no confidence for a page without words', () => {
    expect(ocrLinesToItems([], 300)).toEqual({ items: [], text: '', confidence: null, words: 0 });
  });
});

describe('parseOsdRotation', () => {
  it('reads the turn that makes the page upright', () => {
    expect(parseOsdRotation('Page number: 0\nOrientation in degrees: 270\nRotate: 90\nOrientation confidence: 15.20\n')).toBe(90);
    expect(parseOsdRotation('Rotate: 180\n')).toBe(180);
    expect(parseOsdRotation('Rotate: 0\n')).toBe(0);
    expect(parseOsdRotation('')).toBe(0);
  });
});
