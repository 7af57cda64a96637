// `minutes export --format parquet`, spawned as a user runs it over a store ingested from
// real fixture PDFs: every --what export read back with another library (hyparquet) holds
// exactly the records of the CSV export, in typed columns (numbers, dates, booleans, nested
// JSON) with empty cells as nulls.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects, type SchemaElement } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRecord, EXPORT_KINDS } from '../../src/compare/index.js';
import type { CsvValue } from '../../src/compare/csv.js';
import { exportParquet } from '../../src/compare/parquet-export.js';
import { openStore } from '../../src/store/index.js';
import { EXPORT_COLUMNS } from '../../src/compare/export.js';
import { repoRoot } from '../pdf/corpus.js';
import { assertBuilt, mainJs, runCli, summaryOf } from '../cli/run-cli.js';

const FIXTURES = [
  'holdout3-silkeborg-budgetopfoelgning.pdf',
  'holdout3-frederikshavn-dagsorden.pdf',
  'holdout4-bornholm-kvartalsrapport.pdf',
  'holdout2-svendborg-notat.pdf',
  'bad/truncated.pdf',
];

const dir = mkdtempSync(join(tmpdir(), 'minutes-parquet-'));
const db = join(dir, 'minutes.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readParquet(file: string | Buffer): Promise<{ schema: SchemaElement[]; rows: Record<string, unknown>[]; rowGroups: number }> {
  const bytes = typeof file === 'string' ? readFileSync(file) : file;
  const buffer = new Uint8Array(bytes).buffer;
  const metadata = parquetMetadata(buffer);
  return { schema: metadata.schema, rows: await parquetReadObjects({ file: buffer }), rowGroups: metadata.row_groups.length };
}

/** A value read from Parquet as the CSV export writes it. */
function asCsvValue(value: unknown): CsvValue {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'bigint') return String(value);
  return value as CsvValue;
}

describe('minutes export --format parquet (spawned)', () => {
  beforeAll(() => {
    assertBuilt();
    const run = runCli(['ingest', ...FIXTURES.map((f) => join(repoRoot, 'fixtures', f)), '--out', join(dir, 'json'), '--db', db, '--concurrency', '2']);
    expect(run.status, run.stderr).toBe(0);
    expect(summaryOf(run.stdout)).toMatchObject({ ok: FIXTURES.length - 1, failed: 1 });
  });

  it.each(EXPORT_KINDS)('--what %s: the same records as the CSV export, column for column', async (what) => {
    const csvFile = join(dir, `${what}.csv`);
    const parquetFile = join(dir, `${what}.parquet`);
    expect(runCli(['export', '--what', what, '--format', 'csv', '--out', csvFile, '--db', db]).status).toBe(0);
    const run = runCli(['export', '--what', what, '--format', 'parquet', '--out', parquetFile, '--db', db]);
    expect(run.status, run.stderr).toBe(0);
    const { schema, rows } = await readParquet(parquetFile);
    const columns: readonly string[] = EXPORT_COLUMNS[what];
    expect(schema.slice(1).map((c) => c.name)).toEqual(columns);
    expect(rows.length, `${what} has records to compare`).toBeGreaterThan(0);
    expect(run.stderr).toBe(`${rows.length} ${what} records written to ${parquetFile}\n`);
    const asCsv = csvRecord(columns) + rows.map((row) => csvRecord(columns.map((c) => asCsvValue(row[c])))).join('');
    expect(asCsv).toBe(readFileSync(csvFile, 'utf8'));
  });

  it('types the columns: numbers, dates, booleans, JSON and text, every one nullable', async () => {
    const typeOf = (schema: SchemaElement[], name: string) => {
      const c = schema.find((e) => e.name === name);
      return [c?.type, c?.converted_type ?? null, c?.repetition_type];
    };
    const goals = await readParquet(join(dir, 'goals.parquet'));
    expect(typeOf(goals.schema, 'meeting_date')).toEqual(['INT32', 'DATE', 'OPTIONAL']);
    expect(typeOf(goals.schema, 'target_value')).toEqual(['DOUBLE', null, 'OPTIONAL']);
    expect(typeOf(goals.schema, 'year')).toEqual(['INT32', null, 'OPTIONAL']);
    expect(typeOf(goals.schema, 'actuals')).toEqual(['BYTE_ARRAY', 'JSON', 'OPTIONAL']);
    expect(typeOf(goals.schema, 'text')).toEqual(['BYTE_ARRAY', 'UTF8', 'OPTIONAL']);
    expect(goals.rows.some((r) => r['actual_value'] === null)).toBe(true);
    expect(goals.rows.every((r) => r['meeting_date'] instanceof Date)).toBe(true);
    const budget = await readParquet(join(dir, 'budget.parquet'));
    expect(typeOf(budget.schema, 'is_total')).toEqual(['BOOLEAN', null, 'OPTIONAL']);
    expect(new Set(budget.rows.map((r) => r['is_total']))).toEqual(new Set([true, false]));
    const documents = await readParquet(join(dir, 'documents.parquet'));
    expect(typeOf(documents.schema, 'bytes')).toEqual(['INT64', null, 'OPTIONAL']);
    // The document that failed has no meeting date, municipality or kind: nulls, not empty text or 0.
    const failed = documents.rows.find((r) => r['status'] === 'failed');
    expect(failed).toMatchObject({ error_code: 'damaged', meeting_date: null, municipality: null, municipality_code: null, warning_codes: null });
  });

  it('filters as the CSV export does, and writes the same bytes into a pipe as into --out', async () => {
    const filtered = join(dir, 'goals-filtered.parquet');
    expect(runCli(['export', '--what', 'goals', '--format', 'parquet', '--document-kind', 'report', '--out', filtered, '--db', db]).status).toBe(0);
    const csv = runCli(['export', '--what', 'goals', '--format', 'csv', '--document-kind', 'report', '--db', db]);
    const { rows } = await readParquet(filtered);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBe(csv.stdout.trimEnd().split('\r\n').length - 1);
    const piped = spawnSync(process.execPath, [mainJs, 'export', '--what', 'goals', '--format', 'parquet', '--document-kind', 'report', '--db', db], {
      env: { ...process.env, DATABASE_URL: '' },
    });
    expect(piped.status, piped.stderr.toString()).toBe(0);
    expect(Buffer.compare(piped.stdout, readFileSync(filtered))).toBe(0);
  });

  it('streams a large export row group by row group: the rows stay the same, in order', async () => {
    const store = await openStore({ sqliteFile: db, migrate: false });
    try {
      const write = async (rowGroupRows?: number): Promise<Uint8Array[]> => {
        const chunks: Uint8Array[] = [];
        for await (const chunk of exportParquet(store.db, { what: 'money' }, { records: 0 }, rowGroupRows)) chunks.push(chunk);
        return chunks;
      };
      const chunks = await write(25);
      const streamed = await readParquet(Buffer.concat(chunks));
      const whole = await readParquet(Buffer.concat(await write()));
      expect(whole.rowGroups).toBe(1);
      expect(streamed.rowGroups).toBeGreaterThan(2);
      expect(chunks.length).toBeGreaterThan(2);
      expect(streamed.rows).toEqual(whole.rows);
    } finally {
      await store.close();
    }
  });
});
