// The goal, status-summary and budget-table rules on the real PDFs of ../shared/corpus,
// scored by ../shared/eval/score.mjs against ../shared/eval/gold (read at run time,
// never copied): the bars of issue 4, valid provenance, and no goals or tables where
// the real documents have none.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normalisePages } from '../../src/text/normalise.js';
import { extractFacts } from '../../src/extract/index.js';
import type { ExtractedFacts } from '../../src/schema/contract.js';
import type { NormalisedPage } from '../../src/schema/normalised.js';
import type { ParsedPdf } from '../../src/schema/parsed.js';
import { hasSharedCorpus, sharedCorpusPdfs, sharedDir, warnSkipped } from '../pdf/corpus.js';
import { CORPUS_PARSE_OPTIONS, parseOnce } from '../support/parse-once.js';
import { expectProvenance } from './pages.js';

const goldDir = join(sharedDir, 'eval', 'gold');
const scorer = join(sharedDir, 'eval', 'score.mjs');
const available = hasSharedCorpus && existsSync(goldDir) && existsSync(scorer);
if (!available) warnSkipped('test/extract/goals-corpus.test.ts', `${sharedDir}/corpus, eval/gold or eval/score.mjs is not there (../shared sits beside the project in CI)`);

interface Count { tp: number; fp: number; fn: number; f: number }
interface Acc { ok: number; n: number; acc: number | null }
interface Score {
  summary: Record<string, Count & Acc>;
  perDoc: { doc: string; notes: string[] }[];
}

describe.skipIf(!available)('goals, summaries and budget tables on ../shared/corpus', () => {
  const runs = new Map<string, { pages: NormalisedPage[]; facts: ExtractedFacts }>();
  let outDir = '';
  let score: Score;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'minutes-goals-'));
    const paths = sharedCorpusPdfs();
    // All at once: this thread parses one document while tesseract reads the scanned pages of another.
    const parsed = await Promise.all(paths.map((path) => parseOnce(readFileSync(path), CORPUS_PARSE_OPTIONS)));
    for (const [i, path] of paths.entries()) {
      const { info, pages: parsedPages } = parsed[i] as ParsedPdf;
      const { pages } = normalisePages(parsedPages);
      const facts = extractFacts({ path, info, pages });
      const name = basename(path, '.pdf');
      runs.set(name, { pages, facts });
      writeFileSync(join(outDir, `${name}.json`), JSON.stringify({ schemaVersion: 1, source: { path }, ...facts }));
    }
    score = JSON.parse(execFileSync(process.execPath, [scorer, '--gold', goldDir, '--out', outDir, '--json'], { encoding: 'utf8' })) as Score;
  }, 240_000);
  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  test('F1 ≥ 0.97 for goals, goal actuals and budget cells; targets ≥ 0.95; stated summaries exact', () => {
    const s = score.summary;
    expect(s['goals']?.f).toBeGreaterThanOrEqual(0.97);
    expect(s['goalActuals']?.f).toBeGreaterThanOrEqual(0.97);
    expect(s['budgetCells']?.f).toBeGreaterThanOrEqual(0.97);
    expect(s['goalTargets']?.acc).toBeGreaterThanOrEqual(0.95);
    expect(s['statusSummary']?.acc).toBe(1);
  });

  test('every goal status agrees with the gold (status accuracy 100 %)', () => {
    const mismatches = score.perDoc.flatMap((d) => d.notes.filter((n) => / status: gold=/u.test(n)).map((n) => `${d.doc} ${n}`));
    expect(mismatches).toEqual([]);
    expect(score.summary['goalStatus']?.acc).toBe(1);
  });

  test('a verdict the document does not write is derived only from a final result, marked, and left for a human to confirm', () => {
    // 004 reports final 2019 results for its two 2019 investment goals, decided in 2020, with no verdict.
    const odder = runs.get('004_d87f12b627035099')?.facts;
    const invest = odder?.goals.filter((g) => g.statusBasis === 'derived') ?? [];
    expect(invest.map((g) => [g.target?.comparator, g.target?.value, g.actual.map((a) => a.value), g.status])).toEqual([
      ['reduce', 100, [34], 'not_met'],
      ['>=', 12300000, [11100000], 'not_met'],
    ]);
    for (const g of invest) {
      expect(odder?.warnings.some((w) => w.code === 'goal_without_status' && w.message.startsWith(`goal ${g.id}: no verdict in the document; status not_met derived`))).toBe(true);
    }
    // Its January 2020 interim figure for the 2020 plan is no verdict.
    expect(odder?.goals.find((g) => g.actual.some((a) => a.value === 2442))?.status).toBe('unknown');
    // 003's investment case reports 25 cases "pr. 31. marts 2024" of a period running to 2026: unknown.
    const vesthimmerland = runs.get('003_5bb165e9788c49bf')?.facts;
    const invest003 = vesthimmerland?.goals.find((g) => g.target?.comparator === 'reduce');
    expect(invest003?.actual.map((a) => a.value)).toEqual([25]);
    expect([invest003?.status, invest003?.statusBasis]).toEqual(['unknown', 'none']);
    // Every goal of 001 states its verdict.
    expect(runs.get('001_f72e2d1bcdd6ace0')?.facts.goals.every((g) => g.statusBasis === 'stated')).toBe(true);
  });

  test('seed 001 states its counts and raises no summary_mismatch', () => {
    const facts = runs.get('001_f72e2d1bcdd6ace0')?.facts;
    expect(facts?.statusSummary).not.toBeNull();
    expect(facts?.warnings.filter((w) => w.code === 'summary_mismatch')).toEqual([]);
  });

  test('every goal, actual, table and table cell points at its snippet', () => {
    for (const { pages, facts } of runs.values()) {
      for (const g of facts.goals) {
        expectProvenance(pages, g.provenance);
        for (const a of g.actual) if (a.provenance) expectProvenance(pages, a.provenance);
      }
      for (const t of facts.budgetTables) expectProvenance(pages, t.provenance);
      for (const m of facts.moneyAmounts) expectProvenance(pages, m.provenance);
    }
  });

  test('the real documents without goal follow-ups or kroner tables yield none', () => {
    for (const name of ['aarhus_byraad_2025-08-27', 'dagsbil']) {
      const facts = runs.get(name)?.facts;
      expect(facts, name).toBeDefined();
      expect(facts?.goals, name).toEqual([]);
      expect(facts?.budgetTables, name).toEqual([]);
      expect(facts?.statusSummary, name).toBeNull();
    }
  });
});
