// Every self-check warning, each triggered by a document built to need a human look,
// and kept quiet where the document is consistent.
import { describe, expect, test } from 'vitest';
import { extractFacts } from '../../src/extract/index.js';
import { checkSummary, checkTotal } from '../../src/extract/checks.js';
import type { BudgetTable, Goal } from '../../src/schema/contract.js';
import { pagesFrom } from './pages.js';

const info = { title: null, producer: null, author: null, creator: null, creationDate: null, outline: [] };
const factsOf = (...texts: string[]) => extractFacts({ path: 'check.pdf', info, pages: pagesFrom(...texts) });
const codes = (...texts: string[]) => factsOf(...texts).warnings.map((w) => w.code).filter((c) => c !== 'metadata_missing');

const goalsDoc = (summaryLine: string): string =>
  [
    summaryLine,
    'Mål 1\tDer skal indgås 20 aftaler.',
    'Status\tDer er indgået 22 aftaler.',
    'Målopfyldelse\tMålet er nået.',
    'Mål 2\tMindst 50 % skal være i job.',
    'Status\tAndelen var 41 %.',
    'Målopfyldelse\tMålet er ikke nået.',
  ].join('\n');

describe('summary_mismatch', () => {
  test('stated counts that differ from the extracted statuses', () => {
    const facts = factsOf(goalsDoc('Opfølgningen viser, at 2 mål er nået og 1 mål ikke er nået.'));
    expect(facts.statusSummary).toEqual({ met: 2, not_met: 1, total: 3 });
    expect(facts.warnings.filter((w) => w.code === 'summary_mismatch').map((w) => w.message)).toEqual([
      'the document states 2 goals met, 1 were extracted',
    ]);
  });

  test('quiet when the counts agree', () => {
    expect(codes(goalsDoc('Opfølgningen viser, at 1 mål er nået og 1 mål ikke er nået.'))).not.toContain('summary_mismatch');
  });

  test('a stated total that fits neither all goals nor the active ones', () => {
    const goal = (status: Goal['status']): Goal => ({
      id: 'x', text: 'x', target: null, actual: [], status, statusText: null, agendaItem: null,
      provenance: { page: 1, start: 0, end: 0, snippet: '' },
    });
    expect(checkSummary({ total: 3 }, [goal('met'), goal('withdrawn'), goal('met')]).map((w) => w.code)).toEqual([]);
    expect(checkSummary({ total: 2 }, [goal('met'), goal('withdrawn'), goal('met')]).map((w) => w.code)).toEqual([]);
    expect(checkSummary({ total: 5 }, [goal('met')]).map((w) => w.code)).toEqual(['summary_mismatch']);
  });

  test('a total of the judged goals only, when the stated verdicts add up to it', () => {
    const goal = (status: Goal['status']): Goal => ({
      id: 'x', text: 'x', target: null, actual: [], status, statusText: null, agendaItem: null,
      provenance: { page: 1, start: 0, end: 0, snippet: '' },
    });
    const goals = [goal('met'), goal('not_met'), goal('withdrawn'), goal('not_assessable')];
    expect(checkSummary({ met: 1, not_met: 1, withdrawn: 1, not_assessable: 1, total: 2 }, goals).map((w) => w.code)).toEqual([]);
    // The same total without verdicts that add up to it fits nothing.
    expect(checkSummary({ met: 1, total: 2 }, goals).map((w) => w.code)).toEqual(['summary_mismatch']);
  });

  test('a total that leaves out goals still in progress, when they are counted on their own', () => {
    const goal = (status: Goal['status']): Goal => ({
      id: 'x', text: 'x', target: null, actual: [], status, statusText: null, agendaItem: null,
      provenance: { page: 1, start: 0, end: 0, snippet: '' },
    });
    // "Ud af 4 måltal er 2 nået og 2 ikke nået. Herudover er 1 udgået, og 1 er i gang."
    const goals = [goal('met'), goal('met'), goal('not_met'), goal('not_met'), goal('withdrawn'), goal('in_progress')];
    expect(checkSummary({ met: 2, not_met: 2, withdrawn: 1, in_progress: 1, total: 4 }, goals)).toEqual([]);
    // A goal found in progress that the document's counts do not set apart is a mismatch.
    expect(checkSummary({ met: 2, not_met: 2, withdrawn: 1, total: 4 }, goals).map((w) => w.code)).toEqual(['summary_mismatch']);
  });
});

describe('total_mismatch', () => {
  const table = (rows: number[], total: number, title = 'Tabel (1.000 kr.)'): BudgetTable => ({
    title,
    unit: 'DKK',
    columns: ['1.000 kr.'],
    rows: rows.map((v, i) => ({ label: `Række ${i + 1}`, values: [v] })),
    total: { label: 'I alt', values: [total] },
    provenance: { page: 1, start: 0, end: 0, snippet: '' },
  });

  test('rows that do not add up to the total row, read from a document', () => {
    const text = ['Fordeling pr. udvalg', '1.000 kr.', 'Udvalg A\t1.500', 'Udvalg B\t2.000', 'Udvalg C\t700', 'I alt\t4.500'].join('\n');
    const facts = factsOf(text);
    expect(facts.budgetTables[0]?.total?.values).toEqual([4500000]);
    expect(facts.warnings.filter((w) => w.code === 'total_mismatch')).toHaveLength(1);
  });

  test('rounding within half the last printed digit per row is no mismatch, read from a document', () => {
    const rounded = ['Udgifter', 'Mio. kr.', 'Drift\t0,3', 'Anlæg\t0,3', 'Administration\t0,5', 'I alt\t1,2'].join('\n');
    expect(factsOf(rounded).warnings.filter((w) => w.code === 'total_mismatch')).toEqual([]);
    const exact = ['Udgifter', '1.000 kr.', 'Drift\t1.500', 'Anlæg\t2.000', 'Administration\t700', 'I alt\t4.300'].join('\n');
    expect(factsOf(exact).warnings.filter((w) => w.code === 'total_mismatch')).toHaveLength(1);
  });

  test('a table known only by its values: subtotals are not counted twice', () => {
    expect(checkTotal(table([1500000, 2000000, 3500000, 700000], 4200000))).toEqual([]);
    expect(checkTotal(table([1500000, 2000000, 700000], 4200000))).toEqual([]);
    expect(checkTotal(table([1520000, 2000000, 700000], 4300000)).map((w) => w.code)).toEqual(['total_mismatch']);
  });
});

describe('goal_without_status and status_without_goal', () => {
  test('a verdict cell the vocabulary does not know', () => {
    const text = ['Mål 1\tDer skal indgås 20 aftaler.', 'Status\tDer er indgået 22 aftaler.', 'Målopfyldelse\tSe bilag 2.'].join('\n');
    const facts = factsOf(text);
    expect(facts.goals.map((g) => [g.id, g.status])).toEqual([['1', 'unknown']]);
    expect(facts.warnings.map((w) => w.code)).toContain('goal_without_status');
  });

  test('a verdict cell after a theme row, with no goal of its own', () => {
    const text = [goalsDoc('Status'), 'Flere i job', 'Målopfyldelse\tMålet er delvist nået.'].join('\n');
    expect(codes(text).filter((c) => c === 'status_without_goal')).toHaveLength(1);
  });

  test('a verdict sentence in prose that no goal carries', () => {
    expect(codes('Udvalget fik en orientering.\nMålet er dermed nået.')).toContain('status_without_goal');
  });

  test('a consistent document raises none of these', () => {
    const warnings = codes(goalsDoc('Opfølgningen viser, at 1 mål er nået og 1 mål ikke er nået.'));
    expect(warnings.filter((c) => ['summary_mismatch', 'total_mismatch', 'goal_without_status', 'status_without_goal'].includes(c))).toEqual([]);
  });
});

describe('self-checks on where a verdict or summary stands', () => {
  test('one summary gives one summary_mismatch, however many counts differ', () => {
    const check = checkSummary;
    const goals = ['met', 'not_met', 'not_met'].map((status, i) => ({
      id: String(i + 1),
      text: `Mål ${i + 1}`,
      target: { value: null, unit: null, comparator: null },
      actual: [],
      status: status as 'met' | 'not_met',
      statusBasis: 'stated' as const,
      statusText: null,
      agendaItem: null,
      provenance: { page: 1, start: 0, end: 1, snippet: 'x' },
    }));
    const warnings = check({ met: 2, not_met: 1, total: 3 }, goals);
    expect(warnings.map((w) => w.code)).toEqual(['summary_mismatch']);
    expect(warnings[0]?.message).toBe('the document states 2 goals met, 1 were extracted; 1 goals not_met, 2 were extracted');
  });
});
