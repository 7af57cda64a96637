// Small minutes PDFs written for these tests with pdfkit: each has its own serial
// number in the text and the Info title, so each has its own sha256.
/// <reference types="pdfkit" />
import { copyFileSync, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// pdfkit is CommonJS with `export =` typings; require keeps esModuleInterop off.
const PDFDocument = createRequire(import.meta.url)('pdfkit') as PDFKit.PDFDocument;

const COMMITTEES = ['Beskæftigelsesudvalget', 'Børne- og Skoleudvalget', 'Social- og Sundhedsudvalget', 'Teknik- og Miljøudvalget'];

export function renderMinutesPdf(file: string, serial: number, pages = 1): Promise<void> {
  const committee = COMMITTEES[serial % COMMITTEES.length] as string;
  const doc = new PDFDocument({ size: 'A4', info: { Title: `Referat ${committee} nr. ${serial}`, Producer: 'minutes queue tests' } });
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.pipe(out);
  });
  doc.fontSize(16).text(`Referat – ${committee}`);
  doc.fontSize(11).text(`Mødedato: ${1 + (serial % 28)}. marts 2025, kl. 16.00. Sag nr. ${serial}.`);
  for (let page = 1; page <= pages; page++) {
    if (page > 1) doc.addPage();
    doc.moveDown().text(`${page}. Opfølgning på målene for ${2020 + (serial % 6)}`);
    doc.text(`Andelen af borgere i job steg til ${(40 + (serial % 50) / 10).toFixed(1).replace('.', ',')} %, og udgiften faldt med ${serial * 3} mio. kr.`);
    doc.text('Udvalget tog orienteringen til efterretning.');
  }
  doc.end();
  return done;
}

/** `count` distinct PDFs named minutes-0001.pdf … in `dir`. */
export async function renderMany(dir: string, count: number, firstSerial = 1): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const serial = firstSerial + i;
    const file = join(dir, `minutes-${String(serial).padStart(4, '0')}.pdf`);
    await renderMinutesPdf(file, serial, 1 + (serial % 2));
    files.push(file);
  }
  return files;
}

/** Files that are not readable PDFs, each failing with its own code. */
export async function writeBadFiles(dir: string): Promise<{ file: string; code: string }[]> {
  await mkdir(dir, { recursive: true });
  const bad = [
    { name: 'bad-empty.pdf', bytes: new Uint8Array(0), code: 'empty' },
    { name: 'bad-html.pdf', bytes: new TextEncoder().encode('<!DOCTYPE html><html><body>Siden findes ikke</body></html>'), code: 'not_pdf' },
    { name: 'bad-random.pdf', bytes: Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 251), code: 'not_pdf' },
  ];
  for (const b of bad) await writeFile(join(dir, b.name), b.bytes);
  return bad.map((b) => ({ file: join(dir, b.name), code: b.code }));
}

/**
 * The project's unreadable-PDF fixtures (fixtures/bad: empty, random bytes, HTML,
 * truncated, encrypted) copied into `dir`, with the code each must fail with;
 * the generated set above when they are not there.
 */
export async function copyBadFixtures(dir: string): Promise<{ file: string; code: string }[]> {
  const badDir = new URL('../../../fixtures/bad/', import.meta.url);
  const expectedFile = new URL('expected-errors.json', badDir);
  if (!existsSync(expectedFile)) {
    console.warn('test/queue: fixtures/bad/expected-errors.json not found; using generated bad files (no truncated or encrypted PDF)');
    return writeBadFiles(dir);
  }
  await mkdir(dir, { recursive: true });
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, { code: string }>;
  return Object.entries(expected).map(([name, { code }]) => {
    const file = join(dir, `bad-${name}`);
    copyFileSync(new URL(name, badDir), file);
    return { file, code };
  });
}
