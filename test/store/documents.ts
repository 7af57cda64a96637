// Test documents for the store, written for this project: a Danish committee referat
// with goals, figures and a budget table, in two extractor versions.
import { createHash } from 'node:crypto';
import type { ExtractedDocument, Provenance } from '../../src/schema/contract.js';

export const PAGE_TEXTS = [
  {
    number: 1,
    text: [
      'Arbejdsmarkedsudvalget',
      'Referat af mødet torsdag den 14. marts 2024 kl. 16.00',
      'Fraværende: Mette Højgaard Ørsted',
      '',
      '1. Opfølgning på beskæftigelsesplanen 2024',
      'Sagsnummer: 24/1187',
      'Mål 1.1: Andelen af ledige med en plan efter fire måneder skal være mindst 75 %.',
      'Status: 71,4 % – målet er ikke nået. I hele landet var andelen 73,0 %.',
      'Mål 1.2: Antallet af fuldtidspersoner på sygedagpenge over 52 uger skal reduceres.',
      'Status: Målet er nået.',
      'Mål 1.3: Mindst 40 voksenelevaftaler i løbet af året.',
      'Status: Målet kan ikke vurderes endnu.',
      'Beslutning: Godkendt. Udvalget ønsker en ny status i juni.',
    ].join('\n'),
  },
  {
    number: 2,
    text: [
      '2. Budgetopfølgning for beskæftigelsesområdet',
      'Beløb i 1.000 kr.  Korrigeret budget  Forventet regnskab',
      'Jobcenter og aktivering  12.500  11.980',
      'Forsørgelsesydelser  48.200  47.310',
      'I alt  60.700  59.290',
      'Der forventes samlet en mindreudgift på 1,4 mio. kr. på forsørgelsesydelserne.',
      'Ledigheden i kommunen var 2,6 pct. mod 2,9 pct. på landsplan.',
    ].join('\n'),
  },
] as const;

/** Provenance of the first occurrence of `snippet` on `page`; fails loudly when the text is not there. */
export function span(page: number, snippet: string, pages: readonly { number: number; text: string }[] = PAGE_TEXTS): Provenance {
  const text = pages.find((p) => p.number === page)?.text;
  const start = text?.indexOf(snippet) ?? -1;
  if (start < 0) throw new Error(`snippet not on page ${page}: ${snippet}`);
  return { page, start, end: start + snippet.length, snippet };
}

export function sha256Of(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

export interface DocumentOptions {
  seed?: string;
  version?: string;
  path?: string;
  /** 'first' extracts two goals; 'second' (a later rule version) finds a third and more figures. */
  variant?: 'first' | 'second';
}

export function buildDocument(options: DocumentOptions = {}): ExtractedDocument {
  const { seed = 'arbejdsmarkedsudvalget-2024-03-14', version = '0.1.0', path = 'arkiv/norddjurs/2024-03-14.pdf', variant = 'first' } = options;
  const second = variant === 'second';
  const goals: ExtractedDocument['goals'] = [
    {
      id: '1.1',
      text: 'Andelen af ledige med en plan efter fire måneder skal være mindst 75 %.',
      target: { value: 75, unit: 'percent', comparator: '>=' },
      actual: [
        { value: 71.4, unit: 'percent', scope: 'municipality', provenance: span(1, '71,4 %') },
        { value: 73, unit: 'percent', scope: 'national' },
      ],
      status: 'not_met',
      statusText: 'målet er ikke nået.',
      agendaItem: 1,
      provenance: span(1, 'Mål 1.1: Andelen af ledige med en plan efter fire måneder skal være mindst 75 %.'),
    },
    {
      id: '1.2',
      text: 'Antallet af fuldtidspersoner på sygedagpenge over 52 uger skal reduceres.',
      target: { value: null, unit: 'persons', comparator: 'reduce' },
      actual: [],
      status: second ? 'met' : 'unknown',
      statusText: second ? 'Målet er nået.' : null,
      agendaItem: 1,
      provenance: span(1, 'Mål 1.2: Antallet af fuldtidspersoner på sygedagpenge over 52 uger skal reduceres.'),
    },
  ];
  if (second) {
    goals.push({
      id: '1.3',
      text: 'Mindst 40 voksenelevaftaler i løbet af året.',
      target: { value: 40, unit: 'count', comparator: '>=', upper: null },
      actual: [],
      status: 'not_assessable',
      statusText: 'Målet kan ikke vurderes endnu.',
      agendaItem: 1,
      provenance: span(1, 'Mål 1.3: Mindst 40 voksenelevaftaler i løbet af året.'),
    });
  }
  const percentages: ExtractedDocument['percentages'] = [
    { value: 71.4, unit: 'percent', context: 'andelen af ledige med en plan efter fire måneder', scope: 'municipality', raw: '71,4 %', provenance: span(1, '71,4 %') },
    { value: 2.6, unit: 'percent', context: 'ledigheden i kommunen', scope: 'municipality', raw: '2,6 pct.', provenance: span(2, '2,6 pct.') },
  ];
  if (second) {
    percentages.push(
      { value: 73, unit: 'percent', context: 'andelen i hele landet', scope: 'national', raw: '73,0 %', provenance: span(1, '73,0 %') },
      { value: 2.9, unit: 'percent', context: 'ledigheden på landsplan', scope: 'national', raw: '2,9 pct.', provenance: span(2, '2,9 pct.') },
    );
  }
  return {
    schemaVersion: 1,
    source: { path, sha256: sha256Of(seed), bytes: 48_213, pages: PAGE_TEXTS.length, title: 'Referat Arbejdsmarkedsudvalget', producer: 'Skrevet til minutes-testene' },
    extractor: { name: 'minutes', version },
    municipality: 'Norddjurs',
    municipalityCode: 707,
    committee: 'Arbejdsmarkedsudvalget',
    meetingDate: '2024-03-14',
    documentKind: 'minutes',
    agendaItems: [
      {
        number: 1,
        title: 'Opfølgning på beskæftigelsesplanen 2024',
        caseNumber: '24/1187',
        decision: 'Godkendt.',
        provenance: span(1, '1. Opfølgning på beskæftigelsesplanen 2024'),
      },
      { number: 2, title: 'Budgetopfølgning for beskæftigelsesområdet', caseNumber: null, decision: null, provenance: span(2, '2. Budgetopfølgning for beskæftigelsesområdet') },
    ],
    goals,
    statusSummary: second ? { met: 1, not_met: 1, not_assessable: 1, total: 3 } : null,
    percentages,
    moneyAmounts: [
      { value: 1_400_000, currency: 'DKK', context: 'forventet mindreudgift på forsørgelsesydelserne', raw: '1,4 mio. kr.', provenance: span(2, '1,4 mio. kr.') },
    ],
    budgetTables: [
      {
        title: 'Budgetopfølgning for beskæftigelsesområdet',
        unit: 'DKK',
        columns: ['Korrigeret budget', 'Forventet regnskab'],
        rows: [
          { label: 'Jobcenter og aktivering', values: [12_500_000, 11_980_000] },
          { label: 'Forsørgelsesydelser', values: [48_200_000, second ? 47_310_000 : null] },
        ],
        total: { label: 'I alt', values: [60_700_000, 59_290_000] },
        provenance: span(2, 'Beløb i 1.000 kr.  Korrigeret budget  Forventet regnskab'),
      },
    ],
    absent: ['Mette Højgaard Ørsted'],
    warnings: second ? [] : [{ code: 'goal_without_status', message: 'Mål 1.2 har ingen status, som kunne læses', page: 1 }],
  };
}

/** How many rows each fact table should hold for `doc`. */
export function expectedRowCounts(doc: ExtractedDocument): Record<string, number> {
  return {
    pages: PAGE_TEXTS.length,
    agenda_items: doc.agendaItems.length,
    goals: doc.goals.length,
    goal_actuals: doc.goals.reduce((n, g) => n + g.actual.length, 0),
    percentages: doc.percentages.length,
    money_amounts: doc.moneyAmounts.length,
    budget_tables: doc.budgetTables.length,
    budget_rows: doc.budgetTables.reduce((n, t) => n + t.rows.length + (t.total ? 1 : 0), 0),
    absent_members: doc.absent.length,
    warnings: doc.warnings.length,
  };
}

export const SAMPLE_PARSED = {
  info: { title: 'Referat', producer: 'pdfkit', author: null, creator: null, creationDate: '2024-03-15', outline: [{ title: 'Opfølgning på beskæftigelsesplanen', page: 1 }] },
  pages: PAGE_TEXTS.map((p) => ({
    number: p.number,
    width: 595.28,
    height: 841.89,
    text: p.text,
    items: p.text.split('\n').map((line, i) => ({ str: line, x: 56.7, y: 80 + i * 14.5, width: line.length * 5.1, height: 11, fontName: 'g_d0_f1', hasEOL: true })),
  })),
};
