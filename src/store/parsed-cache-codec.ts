// Parsed PDFs are cached as gzipped JSON: text items compress about tenfold.
import { gunzipSync, gzipSync } from 'node:zlib';
import { ParsedPdf } from '../schema/parsed.js';

export const PARSED_CACHE_FORMAT = 'json+gzip';

/** One cache entry as stored: gzipped JSON and the size of the JSON. */
export interface EncodedParsed {
  data: Uint8Array;
  jsonBytes: number;
}

export function encodeParsed(parsed: ParsedPdf): EncodedParsed {
  const json = Buffer.from(JSON.stringify(parsed), 'utf8');
  return { data: gzipSync(json), jsonBytes: json.byteLength };
}

/** Decodes and validates a cache entry; an entry that does not decode to a ParsedPdf is reported as undefined (a miss). */
export function decodeParsed(format: string, data: Uint8Array): ParsedPdf | undefined {
  if (format !== PARSED_CACHE_FORMAT) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(gunzipSync(data).toString('utf8'));
  } catch {
    return undefined;
  }
  const result = ParsedPdf.safeParse(value);
  return result.success ? result.data : undefined;
}
