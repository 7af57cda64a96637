// Cheap checks on the raw bytes before pdf.js sees them, so the commonest
// non-PDFs (empty downloads, HTML error pages) get a precise reason.
import { MinutesError } from '../schema/errors.js';

/** PDF readers accept the header anywhere in the first 1024 bytes (PDF 32000-1, annex H). */
const HEADER_WINDOW = 1024;
const PDF_MAGIC = '%PDF-';

export function assertLooksLikePdf(bytes: Uint8Array, maxBytes: number): void {
  if (bytes.length === 0) throw new MinutesError('empty', 'the file is empty (0 bytes)');
  if (bytes.length > maxBytes) {
    throw new MinutesError('too_large', `the file has ${bytes.length} bytes, more than the limit of ${maxBytes}`);
  }
  const head = latin1(bytes.subarray(0, HEADER_WINDOW));
  if (head.includes(PDF_MAGIC)) return;
  throw new MinutesError('not_pdf', `not a PDF: ${describeContent(head)}`);
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function describeContent(head: string): string {
  const start = head.replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().slice(0, 200).toLowerCase();
  if (/^<!doctype html|^<html|<head[\s>]|<body[\s>]/.test(start)) return 'the file is an HTML page (no %PDF header)';
  if (start.startsWith('<?xml') || start.startsWith('<')) return 'the file is XML or markup (no %PDF header)';
  if (start.startsWith('pk\x03\x04')) return 'the file is a ZIP archive (e.g. .docx), no %PDF header';
  if (start.startsWith('{') || start.startsWith('[')) return 'the file looks like JSON (no %PDF header)';
  const printable = [...head.slice(0, 64)].filter((c) => c >= ' ' && c <= '~').length;
  const total = Math.min(head.length, 64);
  return printable === total ? 'the file is plain text (no %PDF header)' : 'no %PDF header in the first 1024 bytes';
}
