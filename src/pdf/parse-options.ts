// Limits for reading one PDF. Every default is documented and frozen; callers
// spread their own values over them (resolveParseOptions).

/** When pages are read by OCR: `auto` only pages without a usable text layer, `always` every page, `never` none. */
export const OCR_MODES = ['auto', 'always', 'never'] as const;
export type OcrMode = (typeof OCR_MODES)[number];

export interface ParseOptions {
  /** Files larger than this are refused with `too_large` before pdf.js sees them. Default 256 MiB. */
  maxBytes?: number;
  /** Documents with more pages are refused with `too_large` before any page is read. Default 5000. */
  maxPages?: number;
  /** Wall-clock limit for one document, in ms; exceeded → `timeout`. Default 120 000 (2 min). */
  timeoutMs?: number;
  /** OCR of pages without a text layer (tesseract, Danish); see OCR_MODES. Default `auto`. */
  ocr?: OcrMode;
}

type NumericLimit = Exclude<keyof ParseOptions, 'ocr'>;

export const DEFAULT_PARSE_OPTIONS: Readonly<Required<ParseOptions>> = Object.freeze({
  maxBytes: 256 * 1024 * 1024,
  maxPages: 5000,
  timeoutMs: 120_000,
  ocr: 'auto',
});

export function resolveParseOptions(options: ParseOptions = {}): Readonly<Required<ParseOptions>> {
  const resolved = { ...DEFAULT_PARSE_OPTIONS };
  if (options.ocr !== undefined) {
    if (!(OCR_MODES as readonly string[]).includes(options.ocr)) throw new RangeError(`ParseOptions.ocr must be one of ${OCR_MODES.join(', ')}, got ${options.ocr}`);
    resolved.ocr = options.ocr;
  }
  for (const key of ['maxBytes', 'maxPages', 'timeoutMs'] as NumericLimit[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`ParseOptions.${key} must be a positive number, got ${value}`);
    resolved[key] = value;
  }
  return Object.freeze(resolved);
}
