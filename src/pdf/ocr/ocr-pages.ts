// Reads the pages a text layer cannot give: each page without one (or every page,
// with --ocr always) is rendered, turned upright and read by tesseract in Danish, and
// its words become positioned items. A page that cannot be read keeps why, so the
// document says which pages were not read. OCR never fails a document: a page that
// cannot be read, or one the time limit no longer reaches, is reported unread.
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ParsedPage } from '../../schema/parsed.js';
import type { OcrMode } from '../parse-options.js';
import { halve, rotateClockwise } from './gray-image.js';
import { ocrLinesToItems } from './ocr-items.js';
import { renderDpi, renderPageGray } from './render-page.js';
import { recogniseTsv, tesseractLanguages, uprightTurn } from './tesseract.js';
import { lacksTextLayer, pageDrawing, textCharacterCount, MIN_TEXT_CHARACTERS } from './text-layer.js';
import { parseTesseractTsv } from './tsv-words.js';

export interface OcrRun {
  mode: OcrMode;
  /** Epoch ms by which the whole document must be done. */
  deadline: number;
  /** Time kept for normalising and extracting after OCR, in ms. */
  reserveMs: number;
}

export const OCR_LANGUAGE = 'dan';
/** Memory for one pdftoppm or tesseract child (address space). */
export const OCR_CHILD_MEMORY_BYTES = 1024 * 1024 * 1024;
/** No page is worth more than this; a longer one is a hostile or broken page. */
const PAGE_STEP_LIMIT_MS = 60_000;
/** Pages OCR'd at once in one document: one per core, at most two (each child may take 1 GB). */
const OCR_PAGES_AT_ONCE = Math.max(1, Math.min(2, availableParallelism()));
/** A page with fewer words read than this at a good confidence is a picture, not text. */
const MIN_CONFIDENT_WORDS = 3;
const CONFIDENT = 60;

export const OCR_INSTALL_HINT = 'install tesseract-ocr, tesseract-ocr-dan and poppler-utils (Debian) and run with --ocr auto';

let languages: Promise<string[] | null> | undefined;
/** Whether tesseract with Danish is installed (asked once per process). */
export function ocrAvailable(): Promise<boolean> {
  languages ??= tesseractLanguages();
  return languages.then((langs) => langs !== null && langs.includes(OCR_LANGUAGE));
}

export async function readPagesWithoutText(pdf: Uint8Array, doc: PDFDocumentProxy, pages: ParsedPage[], run: OcrRun): Promise<ParsedPage[]> {
  const missing = new Set<number>();
  for (const page of pages) {
    // The operator list is asked only of near-empty pages: it decodes the page's images. A page
    // whose drawing pdf.js cannot list (a broken content stream) keeps the text it has.
    if (textCharacterCount(page.text) >= MIN_TEXT_CHARACTERS) continue;
    const drawing = await pageDrawing(doc, page.number).catch(() => undefined);
    if (drawing && lacksTextLayer(page.text, drawing)) missing.add(page.number);
  }
  const wanted = run.mode === 'always' ? pages : pages.filter((p) => missing.has(p.number));
  if (wanted.length === 0) return pages;
  const why = await whyNotOcr(run.mode);
  const read = new Map<number, ParsedPage>();
  // Tesseract runs single-threaded (OMP_THREAD_LIMIT=1), so pages are read side by side, one per core.
  const limit = pLimit(OCR_PAGES_AT_ONCE);
  await Promise.all(
    wanted.map((page) =>
      limit(async () => {
        const remaining = run.deadline - run.reserveMs - Date.now();
        const unreadBecause = why ?? (remaining < 1000 ? "OCR did not reach it within the document's time limit" : null);
        if (unreadBecause) {
          if (missing.has(page.number)) read.set(page.number, { ...page, unread: unreadBecause });
          return;
        }
        read.set(page.number, await ocrPage(pdf, page, missing.has(page.number), Math.min(remaining, PAGE_STEP_LIMIT_MS)));
      }),
    ),
  );
  return pages.map((page) => read.get(page.number) ?? page);
}

async function whyNotOcr(mode: OcrMode): Promise<string | null> {
  if (mode === 'never') return 'OCR is off (--ocr never)';
  if (!(await ocrAvailable())) return `OCR is not available: ${OCR_INSTALL_HINT}`;
  return null;
}

async function ocrPage(pdf: Uint8Array, page: ParsedPage, lacksLayer: boolean, timeoutMs: number): Promise<ParsedPage> {
  // A page read by OCR only because --ocr always asked keeps its text layer when OCR cannot do better.
  const keep = (unread: string): ParsedPage => (lacksLayer ? { ...page, unread } : page);
  const limits = { timeoutMs, memoryBytes: OCR_CHILD_MEMORY_BYTES };
  try {
    const dpi = renderDpi(page.width, page.height);
    const image = await renderPageGray(pdf, page.number, dpi, limits);
    const rotation = await uprightTurn(halve(image), dpi / 2, limits);
    const upright = rotateClockwise(image, rotation);
    const lines = parseTesseractTsv(await recogniseTsv(upright, dpi, OCR_LANGUAGE, limits));
    const text = ocrLinesToItems(lines, dpi);
    const confident = lines.flatMap((l) => l.words).filter((w) => w.confidence >= CONFIDENT).length;
    if (confident < MIN_CONFIDENT_WORDS || text.confidence === null) return keep('OCR found no text on it (a picture or an empty scan)');
    const scale = 72 / dpi;
    return {
      number: page.number,
      width: Math.round(upright.width * scale * 100) / 100,
      height: Math.round(upright.height * scale * 100) / 100,
      text: text.text,
      items: text.items,
      ocr: {
        engine: 'tesseract',
        language: OCR_LANGUAGE,
        confidence: text.confidence,
        rotation,
        dpi,
        reason: lacksLayer ? 'no_text_layer' : 'always',
        words: text.words,
      },
    };
  } catch (err) {
    return keep(`OCR failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
