// Limits for reading one PDF. Every default is documented and frozen; callers
// spread their own values over them (resolveParseOptions).

export interface ParseOptions {
  /** Files larger than this are refused with `too_large` before pdf.js sees them. Default 256 MiB. */
  maxBytes?: number;
  /** Documents with more pages are refused with `too_large` before any page is read. Default 5000. */
  maxPages?: number;
  /** Wall-clock limit for one document, in ms; exceeded → `timeout`. Default 120 000 (2 min). */
  timeoutMs?: number;
}

export const DEFAULT_PARSE_OPTIONS: Readonly<Required<ParseOptions>> = Object.freeze({
  maxBytes: 256 * 1024 * 1024,
  maxPages: 5000,
  timeoutMs: 120_000,
});

export function resolveParseOptions(options: ParseOptions = {}): Readonly<Required<ParseOptions>> {
  const resolved = { ...DEFAULT_PARSE_OPTIONS };
  for (const key of Object.keys(DEFAULT_PARSE_OPTIONS) as (keyof ParseOptions)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`ParseOptions.${key} must be a positive number, got ${value}`);
    resolved[key] = value;
  }
  return Object.freeze(resolved);
}
