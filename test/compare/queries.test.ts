// compare / goals / indicators / export over a store filled with documents written
// for these tests, on SQLite and on PostgreSQL (a database of its own, dropped after),
// and the same results from both.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePostgres } from '../support/postgres.js';
import {
  compareIndicators,
  EXPORT_COLUMNS,
  EXPORT_KINDS,
  exportFacts,
  goalAttainmentReport,
  indicatorCounts,
  UNLINKED_ID,
  type ExportFormat,
  type ExportKind,
} from '../../src/compare/index.js';
import type { ExportFilter } from '../../src/compare/export-filter.js';
import { openStore, type KyselyStore } from '../../src/store/index.js';
import { ALL_DOCUMENTS, type Page } from './documents.js';

/** The export headers, written out: these are the documented columns (README). */
const HEADERS: Record<ExportKind, string> = {
  goals:
    'municipality,municipality_code,committee,meeting_date,document_kind,year,year_source,goal_id,text,target_value,target_upper,target_unit,target_comparator,actual_value,actual_unit,national_value,actuals,status,status_text,agenda_item,indicator_id,indicator_confidence,file,sha256,page,start,end,snippet,status_basis,linked_documents',
  percentages:
    'municipality,municipality_code,committee,meeting_date,document_kind,year,year_source,value,unit,scope,context,raw,indicator_id,indicator_confidence,file,sha256,page,start,end,snippet,linked_documents',
  money: 'municipality,municipality_code,committee,meeting_date,document_kind,value,currency,context,raw,file,sha256,page,start,end,snippet,linked_documents',
  budget:
    'municipality,municipality_code,committee,meeting_date,document_kind,table_index,table_title,row_index,row_label,is_total,column_index,column,value,currency,file,sha256,page,start,end,snippet,linked_documents',
  agenda: 'municipality,municipality_code,committee,meeting_date,document_kind,number,title,case_number,decision,file,sha256,page,start,end,snippet,linked_documents',
  documents:
    'sha256,file,bytes,pages,title,producer,municipality,municipality_code,committee,meeting_date,document_kind,extractor_name,extractor_version,status,error_code,error_message,warning_count,warning_codes,linked_documents',
  warnings: 'municipality,municipality_code,committee,meeting_date,document_kind,code,message,page,file,sha256,linked_documents',
  absent: 'municipality,municipality_code,committee,meeting_date,document_kind,name,file,sha256,linked_documents',
};

const PAGES_BY_SHA = new Map<string, Page[]>(
  ALL_DOCUMENTS.map((make) => {
    const { doc, pages } = make();
    return [doc.source.sha256, pages];
  }),
);

/** Stores the test documents; `reversed` stores them the other way round, so database ids differ. */
async function fill(store: KyselyStore, reversed = false): Promise<void> {
  for (const make of reversed ? [...ALL_DOCUMENTS].reverse() : ALL_DOCUMENTS) {
    const { doc, pages } = make();
    await store.saveDocument(doc, pages);
  }
}

async function exportText(store: KyselyStore, what: ExportKind, format: ExportFormat, filter: ExportFilter = {}): Promise<string> {
  let text = '';
  await exportFacts(store.db, { what, format, batchSize: 2, ...filter }, async (chunk) => {
    text += chunk;
  });
  return text;
}

/** A strict RFC 4180 reader, to check that what we write reads back field for field. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (text[i] === '\n' || text[i] === '\r') {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else field += text[i++];
  }
  if (field !== '' || record.length) throw new Error('last record not ended by CRLF');
  return records;
}

interface Results {
  compareAll: unknown;
  compareActivation: unknown;
  goals: unknown;
  indicators: unknown;
  exports: Record<string, string>;
}

async function allResults(store: KyselyStore): Promise<Results> {
  const exports: Record<string, string> = {};
  for (const what of EXPORT_KINDS) for (const format of ['csv', 'jsonl'] as const) exports[`${what}.${format}`] = await exportText(store, what, format);
  return {
    compareAll: await compareIndicators(store.db),
    compareActivation: await compareIndicators(store.db, { indicators: ['aktiveringsgrad'] }),
    goals: await goalAttainmentReport(store.db),
    indicators: await indicatorCounts(store.db),
    exports,
  };
}

/** The behaviour every dialect must show; `open` gives a fresh, empty store. */
function querySuite(name: string, open: () => Promise<KyselyStore>, record: (r: Results) => void, reversed = false): void {
  describe(`comparisons on ${name}`, () => {
    let store: KyselyStore;
    beforeAll(async () => {
      store = await open();
      await fill(store, reversed);
      record(await allResults(store));
    });
    afterAll(async () => {
      await store?.close();
    });

    it('compare --indicator aktiveringsgrad: goals with target, status and page; free percentages; restated figures once', async () => {
      const rows = await compareIndicators(store.db, { indicators: ['aktiveringsgrad'] });
      expect(
        rows.map((r) => [r.municipality, r.year, r.yearSource, r.kind, r.goalId, r.value, r.targetValue, r.comparator, r.status, r.file, r.page]),
      ).toEqual([
        ['Faxe', 2023, 'agenda_item', 'goal', 'g1', 38.5, 35, '>=', 'met', 'arkiv/faxe/2024-02-20 dagsorden.pdf', 1],
        ['Faxe', 2023, 'agenda_item', 'percentage', null, 31, null, null, null, 'arkiv/faxe/2024-02-20 dagsorden.pdf', 1],
        ['Skive', 2023, 'document', 'goal', 'A1', 39.5, 45, '>=', 'in_progress', 'arkiv/skive/2023-09-05-status.pdf', 1],
        ['Skive', 2023, 'document', 'goal', 'A1', 41.2, 45, '>=', 'not_met', 'arkiv/skive/2024-03-12-status.pdf', 1],
      ]);
      for (const r of rows) {
        const text = PAGES_BY_SHA.get(r.sha256)?.find((p) => p.number === r.page)?.text ?? '';
        expect(text.slice(r.start, r.end)).toBe(r.snippet);
        expect(r.indicatorLabel).toBe('Aktiveringsgrad');
        expect(r.confidence).toBeGreaterThanOrEqual(0.6);
      }
    });

    it('puts the national figure beside the municipal one, from a goal and from a pair of percentages', async () => {
      const rows = await compareIndicators(store.db, { municipalities: ['Skive Kommune'] });
      const flex = rows.find((r) => r.goalId === 'A4');
      expect([flex?.indicatorId, flex?.value, flex?.nationalValue, flex?.comparator, flex?.status]).toEqual(['fleksjob_ledighed', 11, 9.8, 'follow-national', 'not_met']);
      const gross = rows.find((r) => r.kind === 'percentage' && r.indicatorId === 'ledighedsprocent');
      expect([gross?.value, gross?.nationalValue, gross?.year, gross?.page]).toEqual([2.9, 3.1, 2023, 2]);
      // 3,1 % is shown beside 2,9 %, not as a row of its own; restated goal figures are not repeated.
      const pctValues = rows.filter((r) => r.kind === 'percentage').map((r) => r.value ?? r.nationalValue);
      for (const restated of [45, 41.2, 60, 64, 11, 9.8, 3.1, 39.5]) expect(pctValues).not.toContain(restated);
      // The survey response rate links to nothing and so is not compared.
      expect(rows.some((r) => r.text.includes('svarprocent'))).toBe(false);
    });

    it('filters by year (plan year, else meeting year) and by municipality in any spelling', async () => {
      const y2024 = await compareIndicators(store.db, { years: [2024] });
      expect(y2024.map((r) => [r.municipality, r.goalId, r.indicatorId, r.yearSource])).toEqual([['Faxe', 'g2', 'sygedagpenge_langvarige', 'meeting']]);
      const faxe = await compareIndicators(store.db, { municipalities: ['faxe kommunes'] });
      expect(new Set(faxe.map((r) => r.municipality))).toEqual(new Set(['Faxe']));
      expect(await compareIndicators(store.db, { municipalities: ['Atlantis'] })).toEqual([]);
    });

    it('goals: attainment per municipality and plan year, a goal followed up twice counted once (latest verdict)', async () => {
      const rows = await goalAttainmentReport(store.db);
      const pick = (r: (typeof rows)[number]) => [
        r.municipality, r.year, r.goals, r.met, r.partly_met, r.not_met, r.in_progress, r.not_assessable, r.withdrawn, r.unknown,
        r.shareMet, r.shareMetOfAssessed, r.documents, r.derived,
      ];
      expect(rows.map(pick)).toEqual([
        ['Faxe', 2023, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0],
        ['Faxe', 2024, 1, 0, 0, 0, 0, 0, 0, 1, null, null, 1, 0], // no goal assessed: share met unknown, not 0
        ['Skive', 2023, 6, 2, 0, 2, 0, 1, 1, 0, 0.4, 0.5, 1, 1],
      ]);
      expect((await goalAttainmentReport(store.db, { municipalities: ['Skive'], years: [2023] })).map(pick)).toEqual([rows.map(pick)[2]]);
    });

    it('indicators: every indicator with its linked goals and percentages, and the unlinked', async () => {
      const rows = await indicatorCounts(store.db);
      const activation = rows.find((r) => r.id === 'aktiveringsgrad');
      expect([activation?.goals, activation?.percentages]).toEqual([3, 7]);
      const unlinked = rows.find((r) => r.id === UNLINKED_ID);
      expect(unlinked?.percentages).toBeGreaterThanOrEqual(2); // the response rate and the meeting attendance
      const totalFacts = rows.reduce((n, r) => n + r.total, 0);
      expect(totalFacts).toBe(9 + 15); // 9 goals and 15 percentages stored
    });

    it.each(EXPORT_KINDS)('export %s: exact header, RFC 4180 records that read back, provenance that slices', async (what) => {
      const csv = await exportText(store, what, 'csv');
      expect(csv.split('\r\n')[0]).toBe(HEADERS[what]);
      expect(HEADERS[what]).toBe(EXPORT_COLUMNS[what].join(','));
      const [header, ...records] = parseCsv(csv);
      expect(records.length).toBeGreaterThan(0);
      for (const r of records) expect(r.length).toBe(header?.length);
      const jsonl = (await exportText(store, what, 'jsonl')).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(jsonl.length).toBe(records.length);
      for (const obj of jsonl) {
        expect(Object.keys(obj)).toEqual([...EXPORT_COLUMNS[what]]);
        if (typeof obj['snippet'] === 'string') {
          const text = PAGES_BY_SHA.get(obj['sha256'] as string)?.find((p) => p.number === obj['page'])?.text ?? '';
          expect(text.slice(obj['start'] as number, obj['end'] as number)).toBe(obj['snippet']);
        }
      }
    });

    it('export goals says whether each status was stated or derived from the figures', async () => {
      const goals = (await exportText(store, 'goals', 'jsonl')).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      const basis = goals.filter((g) => g['municipality'] === 'Skive' && g['meeting_date'] === '2024-03-12').map((g) => [g['goal_id'], g['status'], g['status_basis']]);
      expect(basis).toContainEqual(['A3', 'met', 'derived']);
      expect(basis).toContainEqual(['A1', 'not_met', null]);
    });

    it('export quotes commas, quotes and line breaks, and writes the budget in long form', async () => {
      const agenda = await exportText(store, 'agenda', 'csv');
      expect(agenda).toContain('"Orientering om sygedagpengeområdet, ""status"", marts"');
      const budget = parseCsv(await exportText(store, 'budget', 'csv'));
      const col = (name: string): number => budget[0]?.indexOf(name) ?? -1;
      const cells = budget.slice(1).map((r) => [r[col('row_label')], r[col('column')], r[col('value')], r[col('is_total')]]);
      expect(cells).toEqual([
        ['Sygedagpenge', 'Budget 2024', '12000000', 'false'],
        ['Sygedagpenge', 'Forventet regnskab', '12500000', 'false'],
        ['Jobafklaring', 'Budget 2024', '3000000', 'false'],
        ['Jobafklaring', 'Forventet regnskab', '2800000', 'false'],
        ['I alt', 'Budget 2024', '15000000', 'true'],
        ['I alt', 'Forventet regnskab', '15300000', 'true'],
      ]);
      // Each cell points at its row's line, not the whole table.
      const snippets = budget.slice(1).map((r) => r[col('snippet')]);
      expect(snippets.every((x) => x !== undefined && !x.includes('\n'))).toBe(true);
      expect(snippets.map((x, i) => x?.includes(cells[i]?.[0] ?? '?'))).toEqual(cells.map(() => true));
      expect(new Set(budget.slice(1).map((r) => r[col('start')])).size).toBe(3);
    });

    it('export --what warnings and --what absent: one record per warning and per absent member', async () => {
      const warnings = (await exportText(store, 'warnings', 'jsonl')).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(warnings.map((w) => [w['municipality'], w['code'], w['message'], w['page'], w['file']])).toEqual([
        ['Faxe', 'goal_without_status', 'a goal without a verdict', 2, 'arkiv/faxe/2024-02-20 dagsorden.pdf'],
      ]);
      const absent = (await exportText(store, 'absent', 'jsonl')).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(absent.map((a) => [a['municipality'], a['name']])).toEqual([['Faxe', 'Lise Holm'], ['Faxe', 'Anders Bak']]);
    });

    it('export filters: year, indicator and status of goals; warning code and kind of the document; status of documents', async () => {
      const rows = async (what: ExportKind, filter: ExportFilter): Promise<Record<string, unknown>[]> =>
        (await exportText(store, what, 'jsonl', filter)).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
      const all = await rows('goals', {});
      const y2024 = await rows('goals', { years: [2024] });
      expect(y2024.length).toBeGreaterThan(0);
      expect(y2024).toEqual(all.filter((g) => g['year'] === 2024));
      const notMet = await rows('goals', { statuses: ['not_met', 'partly_met'] });
      expect(notMet).toEqual(all.filter((g) => g['status'] === 'not_met' || g['status'] === 'partly_met'));
      expect(notMet.length).toBeGreaterThan(0);
      const activation = await rows('percentages', { indicators: ['aktiveringsgrad'] });
      expect(activation.length).toBeGreaterThan(0);
      expect(activation.every((p) => p['indicator_id'] === 'aktiveringsgrad')).toBe(true);
      const warned = await rows('goals', { warningCodes: ['goal_without_status'] });
      expect(warned).toEqual(all.filter((g) => g['municipality'] === 'Faxe'));
      expect(await rows('money', { documentKinds: ['agenda'] })).toEqual((await rows('money', {})).filter((m) => m['document_kind'] === 'agenda'));
      expect(await rows('documents', { statuses: ['failed'] })).toEqual([]);
      expect((await rows('documents', { statuses: ['ok'], warningCodes: ['goal_without_status'] })).map((d) => d['file'])).toEqual([
        'arkiv/faxe/2024-02-20 dagsorden.pdf',
      ]);
    });

    it('exports goals with their indicator link and year, documents with their warnings', async () => {
      const goals = (await exportText(store, 'goals', 'jsonl')).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      const a4 = goals.find((g) => g['goal_id'] === 'A4');
      expect([a4?.['indicator_id'], a4?.['actual_value'], a4?.['national_value'], a4?.['year'], a4?.['year_source']]).toEqual(['fleksjob_ledighed', 11, 9.8, 2023, 'document']);
      expect(a4?.['actuals']).toEqual([{ value: 11, unit: 'percent', scope: 'municipality' }, { value: 9.8, unit: 'percent', scope: 'national' }]);
      const docs = (await exportText(store, 'documents', 'jsonl')).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      // In path order, whatever order the files were stored in.
      expect(docs.map((d) => [d['file'], d['warning_count'], d['warning_codes']])).toEqual([
        ['arkiv/faxe/2024-02-20 dagsorden.pdf', 1, 'goal_without_status'],
        ['arkiv/hjørring/referat.pdf', 0, null],
        ['arkiv/skive/2023-09-05-status.pdf', 0, null],
        ['arkiv/skive/2024-03-12-status.pdf', 0, null],
      ]);
    });
  });
}

// --- SQLite: a file in a temporary folder.
const sqliteDir = mkdtempSync(join(tmpdir(), 'minutes-compare-'));
let sqliteResults: Results | undefined;
afterAll(() => rmSync(sqliteDir, { recursive: true, force: true }));
querySuite('sqlite', () => openStore({ sqliteFile: join(sqliteDir, 'compare.db') }), (r) => {
  sqliteResults = r;
});

// --- PostgreSQL: a database of its own; the same results as SQLite.
describePostgres('the comparison queries', 'minutes_compare', ({ url }) => {
  let postgresResults: Results | undefined;
  // Stored in the opposite order: results must not depend on database ids.
  querySuite(
    'postgres',
    () => openStore({ databaseUrl: url }),
    (r) => {
      postgresResults = r;
    },
    true,
  );
  it('gives exactly the results SQLite gives (compare, goals, indicators, every export), documents stored in another order', () => {
    expect(sqliteResults).toBeDefined();
    expect(postgresResults).toEqual(sqliteResults);
  });
});

describe('README', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  it.each(EXPORT_KINDS)('documents the exact header of export %s', (what) => {
    expect(readme).toContain(`\n${HEADERS[what]}\n`);
  });
  it('states the size of the taxonomy', async () => {
    const { INDICATORS } = await import('../../src/compare/indicators.js');
    expect(readme).toContain(`${INDICATORS.length} canonical indicators`);
  });
});
