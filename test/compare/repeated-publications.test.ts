// The same meeting published twice: a full referat and a PDF of one of its items. Real
// PDFs (pdfkit), ingested and queried with the built CLI as a user would: `compare`
// and `goals` count each fact once, from the full referat, and name the single-item PDF
// as where it was repeated; `export` says which documents are linked. A later meeting
// reporting the same figures is another meeting and is not merged.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesPage, makePdf } from '../pdf/make-pdf.js';
import { assertBuilt, runCli } from '../cli/run-cli.js';
import { describePostgres } from '../support/postgres.js';

// Written for this test (no real municipality's text).
const header = (date: string): string[] => ['Vordingborg Kommune', 'Referat', 'Beskæftigelsesudvalget', `Mødedato: ${date}`, ''];
const PLAN_ITEM = [
  '2. Opfølgning på Beskæftigelsesplan 2023',
  'Sagsnr.: 15.00.00-A00-3-24',
  'Aktiveringsgraden for jobparate kontanthjælpsmodtagere skal mindst være 45 %.',
  'Resultat: 41,2 % i december 2023. Målet er ikke indfriet.',
  'Mindst 60 % af de ledige skal have et registreret jobmål senest efter tre måneder.',
  'Resultat: 64 %. Målet er indfriet.',
  'Beslutning: Taget til efterretning.',
];

function fullReferat(date: string): Promise<Uint8Array> {
  return makePdf({
    pages: [
      linesPage([...header(date), 'Indholdsfortegnelse', '1. Godkendelse af dagsorden', '2. Opfølgning på Beskæftigelsesplan 2023', '3. Eventuelt']),
      linesPage(['1. Godkendelse af dagsorden', 'Beslutning: Godkendt.', '', ...PLAN_ITEM]),
      linesPage(['3. Eventuelt', 'Beslutning: Intet.']),
    ],
  });
}

const singleItem = (date: string): Promise<Uint8Array> => makePdf({ pages: [linesPage([...header(date), ...PLAN_ITEM])] });

type Row = Record<string, unknown>;

function json(args: string[], env: Record<string, string> = {}): Row[] {
  const r = runCli(args, { env });
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.status, r.stderr).toBe(0);
  return args.includes('jsonl') ? r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Row) : (JSON.parse(r.stdout) as Row[]);
}

/** A store holding the given PDFs, ingested with `minutes ingest`. */
async function store(dir: string, name: string, pdfs: Record<string, Promise<Uint8Array>>): Promise<string> {
  const input = join(dir, name);
  mkdirSync(input);
  for (const [file, bytes] of Object.entries(pdfs)) writeFileSync(join(input, file), await bytes);
  const db = join(dir, `${name}.db`);
  const r = runCli(['ingest', input, '--db', db, '--out', join(dir, `${name}-out`)]);
  expect(r.status, r.stderr).toBe(0);
  return db;
}

describe('a meeting published as a full referat and as a single-item PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minutes-repeats-'));
  let fullOnly: string;
  let pair: string;
  let twoMeetings: string;
  beforeAll(async () => {
    assertBuilt();
    fullOnly = await store(dir, 'full-only', { 'referat.pdf': fullReferat('14. marts 2024') });
    pair = await store(dir, 'pair', { 'referat.pdf': fullReferat('14. marts 2024'), 'punkt-2.pdf': singleItem('14. marts 2024') });
    twoMeetings = await store(dir, 'two-meetings', { 'referat.pdf': fullReferat('14. marts 2024'), 'april.pdf': fullReferat('11. april 2024') });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compare --all shows each fact once, read from the full referat, with the single-item PDF as where it repeats', () => {
    const alone = json(['compare', '--all', '--format', 'json', '--db', fullOnly]);
    const both = json(['compare', '--all', '--format', 'json', '--db', pair]);
    expect(alone.length).toBeGreaterThan(0);
    const fact = (r: Row): unknown[] => [r['indicator_id'], r['kind'], r['value'], r['page'], r['start']];
    expect(both.map(fact)).toEqual(alone.map(fact));
    expect(new Set(both.map((r) => String(r['file']).split('/').pop()))).toEqual(new Set(['referat.pdf']));
    for (const r of both) {
      const repeats = r['repeated_in'] as { file: string; page: number }[];
      expect(repeats.map((x) => x.file.split('/').pop())).toEqual(['punkt-2.pdf']);
      expect(repeats[0]?.page).toBe(1);
    }
    for (const r of alone) expect(r['repeated_in']).toBeNull();
  });

  it('goals counts the goals once and names the file that repeats them', () => {
    const [alone] = json(['goals', '--format', 'json', '--db', fullOnly]);
    const [both] = json(['goals', '--format', 'json', '--db', pair]);
    expect(alone?.['goals']).toBeGreaterThanOrEqual(2);
    const counts = (r: Row | undefined): unknown[] => ['goals', 'met', 'not_met', 'share_met', 'documents'].map((k) => r?.[k]);
    expect(counts(both)).toEqual(counts(alone));
    expect(both?.['documents']).toBe(1);
    expect(String(both?.['repeated_in_files'])).toMatch(/punkt-2\.pdf$/);
  });

  it('export names the linked documents of each record', () => {
    const docs = json(['export', '--what', 'documents', '--format', 'jsonl', '--db', pair]);
    const sha = (file: string): unknown => docs.find((d) => String(d['file']).endsWith(file))?.['sha256'];
    const linked = Object.fromEntries(docs.map((d) => [String(d['file']).split('/').pop(), d['linked_documents']]));
    expect(linked).toEqual({ 'referat.pdf': sha('punkt-2.pdf'), 'punkt-2.pdf': sha('referat.pdf') });
    // The export keeps every copy of a goal; the column tells which are the same meeting's.
    const goals = json(['export', '--what', 'goals', '--format', 'jsonl', '--db', pair]);
    expect(new Set(goals.map((g) => String(g['file']).split('/').pop()))).toEqual(new Set(['referat.pdf', 'punkt-2.pdf']));
    for (const g of goals) expect(g['linked_documents']).toBe(String(g['file']).endsWith('referat.pdf') ? sha('punkt-2.pdf') : sha('referat.pdf'));
  });

  it('two meetings reporting the same figures are not merged', () => {
    const alone = json(['compare', '--all', '--format', 'json', '--db', fullOnly]);
    const rows = json(['compare', '--all', '--format', 'json', '--db', twoMeetings]);
    expect(rows.length).toBe(2 * alone.length);
    expect(new Set(rows.map((r) => r['meeting_date']))).toEqual(new Set(['2024-03-14', '2024-04-11']));
    for (const r of rows) expect(r['repeated_in']).toBeNull();
    const docs = json(['export', '--what', 'documents', '--format', 'jsonl', '--db', twoMeetings]);
    expect(docs.map((d) => d['linked_documents'])).toEqual([null, null]);
  });

  describePostgres('the same pair', 'minutes_repeats', (database) => {
    it('gives exactly what SQLite gives: compare, goals and the linked documents', () => {
      const env = { DATABASE_URL: database.url };
      const r = runCli(['ingest', join(dir, 'pair'), '--out', join(dir, 'pair-pg-out')], { env });
      expect(r.status, r.stderr).toBe(0);
      const commands = [
        ['compare', '--all', '--format', 'json'],
        ['goals', '--format', 'json'],
        ['export', '--what', 'documents', '--format', 'jsonl'],
      ];
      for (const args of commands) {
        const postgres = json(args, env);
        expect(postgres.length).toBeGreaterThan(0);
        expect(postgres).toEqual(json([...args, '--db', pair]));
      }
    });
  });
});
