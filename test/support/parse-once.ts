// A real PDF that several suites read with the same options is parsed (and OCR'd: tens of
// seconds for a scanned document) once per test run: the first suite parses it, the others
// read that result, encoded as the store's parsed cache encodes it, from the run's folder
// (global-setup.ts). Suites that test parsing or OCR themselves call parsePdf.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { parsePdf, type ParseOptions } from '../../src/pdf/index.js';
import { resolveParseOptions } from '../../src/pdf/parse-options.js';
import type { ParsedPdf } from '../../src/schema/parsed.js';
import { decodeParsed, encodeParsed, PARSED_CACHE_FORMAT } from '../../src/store/parsed-cache-codec.js';

export async function parseOnce(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedPdf> {
  const resolved = resolveParseOptions(options);
  const key = createHash('sha256').update(bytes).update(JSON.stringify(resolved)).digest('hex');
  const file = join(inject('runFolder'), `${key}.parsed.json.gz`);
  if (existsSync(file)) {
    const parsed = decodeParsed(PARSED_CACHE_FORMAT, readFileSync(file));
    if (!parsed) throw new Error(`${file}: a parse result this run wrote does not decode`);
    return parsed;
  }
  const parsed = await parsePdf(bytes, resolved);
  // Another suite may be parsing the same PDF: each writes whole files, the last rename wins.
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, encodeParsed(parsed).data);
  renameSync(partial, file);
  return parsed;
}

/** The options of the suites that read ../shared/corpus whole: OCR as ingest does it, with time for a scanned document on a loaded machine. */
export const CORPUS_PARSE_OPTIONS: ParseOptions = Object.freeze({ ocr: 'auto', timeoutMs: 280_000 });
