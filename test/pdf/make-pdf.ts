// Builds small PDFs in memory with pdfkit, with text at known positions, so the
// PDF stage is tested on real PDF bytes whose content the test itself chose.
import { createRequire } from 'node:module';

// pdfkit is CommonJS without a default export in its types; require keeps esModuleInterop off.
const PDFDocument = createRequire(import.meta.url)('pdfkit') as typeof import('pdfkit');

export interface TextRun {
  text: string;
  x: number;
  /** Top of the text box, from the top of the page (pdfkit's convention). */
  y: number;
  size?: number;
  /** DejaVu Sans (Debian's fonts-dejavu-core) has the glyphs the standard fonts lack ("●", "■"). */
  font?: 'Helvetica' | 'Helvetica-Bold' | 'Times-Roman' | 'DejaVuSans';
  /** Fill colour of the text, CSS hex (default black). */
  colour?: string;
  /** Extra space after each glyph, in points: tracked (letter-spaced) capitals, as CSS letter-spacing prints them. */
  characterSpacing?: number;
}

const DEJAVU_SANS = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** A box filled with a colour (a table cell painted as a traffic light, a legend's key), drawn before the text. */
export interface FilledBox {
  x: number;
  /** Top edge, from the top of the page. */
  y: number;
  width: number;
  height: number;
  colour: string;
}

export interface MakePdfOptions {
  pages: TextRun[][];
  /** Filled boxes per page (same index as `pages`). */
  boxes?: FilledBox[][];
  info?: { Title?: string; Author?: string; Producer?: string };
  /** Bookmark titles per 1-based page number. */
  bookmarks?: Record<number, string>;
  userPassword?: string;
  size?: [number, number];
}

export function makePdf(options: MakePdfOptions): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      autoFirstPage: false,
      size: options.size ?? 'A4',
      compress: true,
      ...(options.info ? { info: options.info } : {}),
      ...(options.userPassword ? { userPassword: options.userPassword, ownerPassword: `${options.userPassword}-owner`, pdfVersion: '1.7' as const } : {}),
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    options.pages.forEach((runs, index) => {
      doc.addPage({ margin: 0, size: options.size ?? 'A4' });
      const bookmark = options.bookmarks?.[index + 1];
      if (bookmark) doc.outline.addItem(bookmark);
      for (const box of options.boxes?.[index] ?? []) doc.rect(box.x, box.y, box.width, box.height).fill(box.colour);
      for (const run of runs) {
        const font = run.font === 'DejaVuSans' ? DEJAVU_SANS : (run.font ?? 'Helvetica');
        doc.font(font).fontSize(run.size ?? 11).fillColor(run.colour ?? '#000000').text(run.text, run.x, run.y, { lineBreak: false, ...(run.characterSpacing ? { characterSpacing: run.characterSpacing } : {}) });
      }
    });
    doc.end();
  });
}

/** A page of Danish running text, one line per entry, from the top margin down. */
export function linesPage(lines: readonly string[], options: { x?: number; top?: number; size?: number } = {}): TextRun[] {
  const size = options.size ?? 11;
  return lines.map((text, i) => ({ text, x: options.x ?? 56, y: (options.top ?? 60) + i * size * 1.5, size }));
}
