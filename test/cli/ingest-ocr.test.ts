// `minutes ingest --ocr …` spawned as a user runs it: an image-only PDF is read by OCR
// and stored with its OCR marks; with OCR off, or tesseract missing from the machine,
// it is stored with a warning that says why and how to read it.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractedDocument } from '../../src/schema/contract.js';
import { repoRoot } from '../pdf/corpus.js';
import { requireOcrTools } from '../pdf/ocr/ocr-support.js';
import { assertBuilt, runCli, summaryOf } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'minutes-ocr-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const scan = join(repoRoot, 'fixtures', 'scanned', 'scanned-syddjurs-turned-90.pdf');
const readDoc = (out: string): ExtractedDocument =>
  ExtractedDocument.parse(JSON.parse(readFileSync(join(out, 'scanned-syddjurs-turned-90.json'), 'utf8')));
const noTextLayer = (doc: ExtractedDocument): string[] => doc.warnings.filter((w) => w.code === 'no_text_layer').map((w) => w.message);

beforeAll(() => {
  assertBuilt();
  requireOcrTools();
});

describe('minutes ingest of a scanned PDF', () => {
  it('reads it by OCR by default, and stores the pages with their confidence and turn', () => {
    const out = join(dir, 'auto');
    const db = join(dir, 'auto.db');
    const run = runCli(['ingest', scan, '--out', out, '--db', db, '--with-text']);
    expect(run.status, run.stderr).toBe(0);
    expect(summaryOf(run.stdout)).toMatchObject({ ok: 1, failed: 0 });
    const doc = readDoc(out);
    expect(doc.pages?.[0]?.ocr).toMatchObject({ engine: 'tesseract', rotation: 270 });
    expect(doc.percentages.length).toBeGreaterThan(0);
    const sqlite = new Database(db, { readonly: true });
    try {
      const page = sqlite.prepare('select ocr_confidence, ocr_rotation from pages').get() as { ocr_confidence: number; ocr_rotation: number };
      expect(page.ocr_confidence).toBeCloseTo(doc.pages?.[0]?.ocr?.confidence ?? -1, 1);
      expect(page.ocr_rotation).toBe(270);
    } finally {
      sqlite.close();
    }
  });

  it('--ocr never stores it with a warning that OCR is off', () => {
    const out = join(dir, 'never');
    const run = runCli(['ingest', scan, '--out', out, '--db', join(dir, 'never.db'), '--ocr', 'never']);
    expect(run.status, run.stderr).toBe(0);
    expect(noTextLayer(readDoc(out))).toContain('page 1 has no text layer and was not read: OCR is off (--ocr never)');
  });

  it('without tesseract on the machine, the warning says what to install', () => {
    // A PATH with poppler and util-linux but no tesseract: the machine of a user who has not installed it.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    for (const tool of ['pdftoppm', 'setpriv', 'prlimit']) symlinkSync(`/usr/bin/${tool}`, join(bin, tool));
    const out = join(dir, 'missing');
    const run = runCli(['ingest', scan, '--out', out, '--db', join(dir, 'missing.db')], { env: { PATH: bin } });
    expect(run.status, run.stderr).toBe(0);
    expect(noTextLayer(readDoc(out))).toContain(
      'page 1 has no text layer and was not read: OCR is not available: install tesseract-ocr, tesseract-ocr-dan and poppler-utils (Debian) and run with --ocr auto',
    );
  });

  it('refuses an unknown --ocr mode as a usage error', () => {
    const run = runCli(['ingest', scan, '--ocr', 'sometimes', '--out', join(dir, 'x'), '--db', join(dir, 'x.db')]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/--ocr.*sometimes.*auto, always, never/s);
  });
});
