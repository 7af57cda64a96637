// Messages between the parse pool and its worker threads (structured-cloned).
import type { ErrorCode } from '../schema/errors.js';
import type { ParsedPdf } from '../schema/parsed.js';
import type { ParseOptions } from './parse-options.js';

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  options: ParseOptions;
}

export type ParseReply =
  | { id: number; ok: true; parsed: ParsedPdf }
  | { id: number; ok: false; error: { code: ErrorCode; message: string } };
