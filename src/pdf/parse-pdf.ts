// bytes → ParsedPdf: pdf-parse's page text plus the positioned pdf.js items of the
// same document, and the PDF's info and bookmarks. Fails with a typed MinutesError.
// First: it keeps the engine's builtins before pdf.js replaces them (native-builtins.ts).
import { restoreNativeBuiltins } from './native-builtins.js';
import { PDFParse } from 'pdf-parse';
import { MinutesError } from '../schema/errors.js';
import type { ParsedPage, ParsedPdf } from '../schema/parsed.js';
import { resolveParseOptions, type ParseOptions } from './parse-options.js';
import { assertLooksLikePdf } from './sniff.js';
import { toPdfError } from './pdf-errors.js';
import { readPdfInfo, type OutlineNode } from './pdf-info.js';
import { captureTextContent, pdfJsDocumentOf } from './pdf-parse-document.js';
import { readPagesWithoutText } from './ocr/ocr-pages.js';

restoreNativeBuiltins();

/** pdf.js decodes images only to tell scans apart (ocr/text-layer.ts); a larger one is skipped, not decoded. */
const MAX_IMAGE_PIXELS = 100_000_000;

/** Share of the time limit kept for normalising and extracting after OCR. */
const EXTRACTION_RESERVE = 0.25;

export async function parsePdf(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedPdf> {
  const limits = resolveParseOptions(options);
  assertLooksLikePdf(bytes, limits.maxBytes);
  const startedAt = Date.now();
  const timeoutError = (): MinutesError =>
    new MinutesError('timeout', `parsing took longer than the limit of ${limits.timeoutMs} ms`);
  // A copy: pdf.js may take ownership of (detach) the buffer it is given.
  const parser = new PDFParse({ data: new Uint8Array(bytes), isEvalSupported: false, stopAtErrors: false, maxImageSize: MAX_IMAGE_PIXELS });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    // Rejects whatever pdf.js is awaiting, so the read below ends promptly.
    void parser.destroy().catch(() => undefined);
  }, limits.timeoutMs);
  try {
    const infoResult = await parser.getInfo();
    const pageCount = infoResult.total;
    if (pageCount === 0) throw new MinutesError('empty', 'the PDF has no pages');
    if (pageCount > limits.maxPages) {
      throw new MinutesError('too_large', `the PDF has ${pageCount} pages, more than the limit of ${limits.maxPages}`);
    }
    const doc = pdfJsDocumentOf(parser);
    const info = await readPdfInfo(doc, infoResult.info, (infoResult.outline ?? null) as OutlineNode[] | null);
    const captured = captureTextContent(doc, () => {
      if (timedOut || Date.now() - startedAt > limits.timeoutMs) throw timeoutError();
    });
    const text = await parser.getText();
    const layered: ParsedPage[] = text.pages.map((page) => {
      const record = captured.get(page.num);
      if (!record) throw new MinutesError('internal', `no text items were captured for page ${page.num}`);
      return {
        number: page.num,
        width: round2(record.width),
        height: round2(record.height),
        text: page.text,
        items: record.items,
        ...(record.colours.marks.length > 0 ? { marks: record.colours.marks } : {}),
        ...(record.colours.fills.length > 0 ? { fills: record.colours.fills } : {}),
      };
    });
    if (layered.length !== pageCount) throw new MinutesError('damaged', `read ${layered.length} of ${pageCount} pages`);
    const pages = await readPagesWithoutText(bytes, doc, layered, {
      mode: limits.ocr,
      deadline: startedAt + limits.timeoutMs,
      reserveMs: limits.timeoutMs * EXTRACTION_RESERVE,
    });
    return { info, pages };
  } catch (err) {
    if (timedOut) throw timeoutError();
    throw toPdfError(err);
  } finally {
    clearTimeout(timer);
    await parser.destroy().catch(() => undefined);
  }
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
