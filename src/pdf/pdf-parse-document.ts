// The one place that reaches into pdf-parse: its pdf.js document, so that the
// positioned text items come from the very getTextContent() call pdf-parse uses
// for its page text (one parse, one pdf.js copy, text and items always agree).
import type { PDFParse } from 'pdf-parse';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { MinutesError } from '../schema/errors.js';
import type { TextItem } from '../schema/parsed.js';
import { readPageColours, type PageColours } from './page-colours.js';
import { toTextItems } from './text-items.js';

export interface CapturedPage {
  width: number;
  height: number;
  items: TextItem[];
  colours: PageColours;
}

/** pdf-parse keeps its loaded pdf.js document in a private `doc` field (2.4.x). */
export function pdfJsDocumentOf(parser: PDFParse): PDFDocumentProxy {
  const doc = (parser as unknown as { doc?: PDFDocumentProxy }).doc;
  if (!doc || typeof doc.getPage !== 'function') {
    throw new MinutesError('internal', 'pdf-parse did not expose its pdf.js document (pdf-parse internals changed?)');
  }
  return doc;
}

/**
 * Wraps doc.getPage so every page pdf-parse opens records its size and text items;
 * `beforePage` runs first (deadline checks). Items are converted at once, because
 * pdf-parse then edits the items in place (it prefixes cell separators to `str`).
 */
export function captureTextContent(doc: PDFDocumentProxy, beforePage: (pageNumber: number) => void): Map<number, CapturedPage> {
  const captured = new Map<number, CapturedPage>();
  const getPage = doc.getPage.bind(doc);
  doc.getPage = async (pageNumber: number): Promise<PDFPageProxy> => {
    beforePage(pageNumber);
    const page = await getPage(pageNumber);
    const getTextContent = page.getTextContent.bind(page);
    page.getTextContent = async (params) => {
      const content = await getTextContent(params);
      const viewport = page.getViewport({ scale: 1 });
      const items = toTextItems(content, viewport);
      captured.set(pageNumber, { width: viewport.width, height: viewport.height, items, colours: await readPageColours(page, items, viewport) });
      return content;
    };
    return page;
  };
  return captured;
}
