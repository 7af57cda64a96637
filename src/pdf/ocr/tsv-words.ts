// Tesseract's TSV → words with their boxes, grouped into the lines tesseract found.
// Pure: the TSV text in, lines out, in pixels of the image it was read from.

export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Tesseract's confidence, 0–100. */
  confidence: number;
}

export interface OcrLine {
  /** The line's box (level 4 row), which spans every word's ascenders and descenders. */
  left: number;
  top: number;
  width: number;
  height: number;
  words: OcrWord[];
}

/** Words below this confidence are noise (speckles, photo texture), not text. */
export const MIN_WORD_CONFIDENCE = 20;

export function parseTesseractTsv(tsv: string): OcrLine[] {
  const lines = new Map<string, OcrLine>();
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    if (cells.length < 12) continue;
    const [level, , block, par, line, , left, top, width, height, conf] = cells.slice(0, 11).map(Number);
    const key = `${block}/${par}/${line}`;
    const box = { left: left ?? 0, top: top ?? 0, width: width ?? 0, height: height ?? 0 };
    if (level === 4) lines.set(key, { ...box, words: [] });
    if (level !== 5) continue;
    const text = cells.slice(11).join('\t').trim();
    if (text === '' || (conf ?? -1) < MIN_WORD_CONFIDENCE) continue;
    const owner = lines.get(key) ?? { ...box, words: [] };
    lines.set(key, owner);
    owner.words.push({ text, ...box, confidence: conf ?? 0 });
  }
  return [...lines.values()].filter((line) => line.words.length > 0);
}
