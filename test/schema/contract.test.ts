// The contract schemas accept the documented shape and refuse what CONTRACT.md rules out.
import { describe, expect, it } from 'vitest';
import { ExtractedDocument, Goal, Percentage, Provenance } from '../../src/schema/contract.js';

const provenance = { page: 1, start: 10, end: 17, snippet: '67,7 %' + ' ' };

function sampleDocument(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    source: { path: 'arkiv/viborg/2024-05-02.pdf', sha256: 'a'.repeat(64), bytes: 1024, pages: 3, title: null, producer: 'pdfkit' },
    extractor: { name: 'minutes', version: '0.1.0' },
    municipality: 'Viborg',
    municipalityCode: 791,
    committee: 'Beskæftigelsesudvalget',
    meetingDate: '2024-05-02',
    documentKind: 'minutes',
    agendaItems: [{ number: 5, title: 'Opfølgning på mål', caseNumber: '15.00.00-G01-6-24', decision: 'Godkendt.', provenance }],
    goals: [
      {
        id: '2.1',
        text: 'Mindst 60 % af de ledige skal have en plan.',
        target: { value: 60, unit: 'percent', comparator: '>=' },
        actual: [{ value: 54.3, unit: 'percent', scope: 'municipality' }],
        status: 'not_met',
        statusText: 'Målet er ikke nået.',
        agendaItem: 5,
        provenance,
      },
    ],
    statusSummary: { met: 3, not_met: 1, total: 4 },
    percentages: [{ value: 54.3, unit: 'percent', context: 'ledige med plan', scope: 'municipality', raw: '54,3 %', provenance }],
    moneyAmounts: [{ value: 12300000, currency: 'DKK', context: 'besparelse', raw: '12,3 mio. kr.', provenance }],
    budgetTables: [
      {
        title: 'Budgetopfølgning (1.000 kr.)',
        unit: 'DKK',
        columns: ['Oprindeligt budget', 'Forventet regnskab'],
        rows: [{ label: 'Jobcenter', values: [1500000, -200000] }],
        total: { label: 'I alt', values: [1500000, -200000] },
        provenance,
      },
    ],
    absent: ['Karen Holm'],
    warnings: [{ code: 'summary_mismatch', message: 'stated 3 met, found 2', page: 1 }],
  };
}

describe('ExtractedDocument', () => {
  it('accepts the documented shape', () => {
    const result = ExtractedDocument.safeParse(sampleDocument());
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it('accepts a document whose extraction found nothing', () => {
    const doc = { ...sampleDocument(), municipality: null, municipalityCode: null, committee: null, meetingDate: null, documentKind: 'other', agendaItems: [], goals: [], statusSummary: null, percentages: [], moneyAmounts: [], budgetTables: [], absent: [], warnings: [] };
    expect(ExtractedDocument.safeParse(doc).success).toBe(true);
  });

  it.each([
    ['an unknown status', (d: any) => (d.goals[0].status = 'done')],
    ['an unknown comparator', (d: any) => (d.goals[0].target.comparator = '>')],
    ['an unknown unit', (d: any) => (d.goals[0].target.unit = 'euro')],
    ['a non-ISO date', (d: any) => (d.meetingDate = '14-05-2024')],
    ['a short sha256', (d: any) => (d.source.sha256 = 'abc')],
    ['a missing field', (d: any) => delete d.absent],
    ['an unknown warning code', (d: any) => (d.warnings[0].code = 'oops')],
    ['a wrong schema version', (d: any) => (d.schemaVersion = 2)],
    ['a non-DKK currency', (d: any) => (d.moneyAmounts[0].currency = 'EUR')],
  ])('refuses %s', (_name, mutate) => {
    const doc = sampleDocument();
    mutate(doc);
    expect(ExtractedDocument.safeParse(doc).success).toBe(false);
  });
});

describe('parts', () => {
  it('refuses provenance that ends before it starts or on page 0', () => {
    expect(Provenance.safeParse({ page: 1, start: 9, end: 3, snippet: '' }).success).toBe(false);
    expect(Provenance.safeParse({ page: 0, start: 0, end: 1, snippet: 'x' }).success).toBe(false);
  });

  it('allows null target parts and a percentage-point figure', () => {
    expect(Goal.safeParse({ ...(sampleDocument().goals as any[])[0], target: { value: null, unit: null, comparator: 'reduce' } }).success).toBe(true);
    expect(Percentage.safeParse({ value: 4, unit: 'percentage_points', context: 'ledighed', scope: 'national', raw: '4 procentpoint', provenance }).success).toBe(true);
  });
});
