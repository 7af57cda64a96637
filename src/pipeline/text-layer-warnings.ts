// Never silent about unread pages: every page without a usable text layer gets a
// `no_text_layer` warning saying what became of it (read by OCR, with its confidence,
// or not read, and why), and the document one line counting them.
import type { Warning } from '../schema/contract.js';
import type { ParsedPage } from '../schema/parsed.js';

export function textLayerWarnings(pages: readonly ParsedPage[]): Warning[] {
  const warnings: Warning[] = [];
  let ocred = 0;
  let unread = 0;
  for (const page of pages) {
    if (page.unread !== undefined) {
      unread++;
      warnings.push({ code: 'no_text_layer', message: `page ${page.number} has no text layer and was not read: ${page.unread}`, page: page.number });
    } else if (page.ocr?.reason === 'no_text_layer') {
      ocred++;
      const turned = page.ocr.rotation === 0 ? '' : `, turned ${page.ocr.rotation}° upright`;
      warnings.push({
        code: 'no_text_layer',
        message: `page ${page.number} has no text layer and was read by OCR (${page.ocr.engine}, ${page.ocr.words} words, mean confidence ${page.ocr.confidence}${turned})`,
        page: page.number,
      });
    }
  }
  if (ocred + unread > 0) {
    warnings.unshift({
      code: 'no_text_layer',
      message: `${ocred + unread} of ${pages.length} pages have no text layer: ${ocred} read by OCR, ${unread} not read`,
      page: null,
    });
  }
  return warnings;
}
