// Documents written for the comparison tests (not taken from any real municipality's
// text): two follow-ups of one plan in Skive, an agenda from Faxe with items, a budget
// table and money, and a document in Hjørring with nothing to link.
import { createHash } from 'node:crypto';
import type { ExtractedDocument, Goal, Percentage, Provenance } from '../../src/schema/contract.js';

export interface Page {
  number: number;
  text: string;
}

/** Provenance of the n-th occurrence (0-based) of `snippet` on `page`; throws when absent. */
export function spanIn(pages: readonly Page[], page: number, snippet: string, occurrence = 0): Provenance {
  const text = pages.find((p) => p.number === page)?.text ?? '';
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(snippet, start + 1);
  if (start < 0) throw new Error(`snippet not on page ${page}: ${snippet}`);
  return { page, start, end: start + snippet.length, snippet };
}

const sha = (seed: string): string => createHash('sha256').update(seed).digest('hex');

function base(path: string, pages: readonly Page[]): Omit<ExtractedDocument, 'municipality' | 'municipalityCode' | 'committee' | 'meetingDate' | 'documentKind'> {
  return {
    schemaVersion: 1,
    source: { path, sha256: sha(path), bytes: 1000 + path.length, pages: pages.length, title: null, producer: 'test' },
    extractor: { name: 'minutes', version: '0.0.0-test' },
    agendaItems: [],
    goals: [],
    statusSummary: null,
    percentages: [],
    moneyAmounts: [],
    budgetTables: [],
    absent: [],
    warnings: [],
  };
}

// --- Skive: the later follow-up of "Handlingsplan 2023", a single case without agenda items.
export const SKIVE_LATE_PAGES: Page[] = [
  {
    number: 1,
    text: [
      'Status på Handlingsplan 2023 for beskæftigelsesområdet',
      'Beskæftigelsesudvalget, møde den 12. marts 2024',
      '',
      'A1 Aktiveringsgraden for jobparate kontanthjælpsmodtagere skal mindst være 45 %.',
      'Resultat: 41,2 % i december 2023. Målet er ikke indfriet.',
      'A2 Mindst 60 % af de ledige skal have et registreret jobmål senest efter tre måneder.',
      'Resultat: 64 %. Målet er indfriet.',
      'A3 Der skal indgås 40 aftaler med voksenlærlinge i løbet af året.',
      'Resultat: 44 aftaler i 2023.',
    ].join('\n'),
  },
  {
    number: 2,
    text: [
      'A4 Ledigheden blandt fleksjobvisiterede skal ned på niveau med hele landet.',
      'Resultat: 11,0 % i Skive, 9,8 % i hele landet. Målet er ikke indfriet.',
      'A5 Antallet af nye virksomhedspartnerskaber skal øges.',
      'Resultat: Tallene kan ikke trækkes, så målet kan ikke vurderes.',
      'A6 Der etableres et netværk for ledige over 60 år.',
      'Resultat: Målet blev taget af planen i foråret.',
      'Øvrige tal: Bruttoledigheden i Skive var 2,9 % mod 3,1 % for hele landet.',
      'Svarprocenten i spørgeskemaet til borgerne var 41 %.',
      'Projekt "Vejen til job", fase 2, kører videre.',
    ].join('\n'),
  },
];

function skiveGoal(
  pages: readonly Page[],
  id: string,
  page: number,
  text: string,
  target: Goal['target'],
  actual: Goal['actual'],
  status: Goal['status'],
  statusText: string | null,
): Goal {
  return { id, text, target, actual, status, statusText, agendaItem: null, provenance: spanIn(pages, page, text) };
}

function pct(pages: readonly Page[], page: number, raw: string, value: number, context: string, scope: Percentage['scope'], occurrence = 0): Percentage {
  return { value, unit: 'percent', context, scope, raw, provenance: spanIn(pages, page, raw, occurrence) };
}

export function skiveLate(): { doc: ExtractedDocument; pages: Page[] } {
  const pages = SKIVE_LATE_PAGES;
  const doc: ExtractedDocument = {
    ...base('arkiv/skive/2024-03-12-status.pdf', pages),
    municipality: 'Skive',
    municipalityCode: 779,
    committee: 'Beskæftigelsesudvalget',
    meetingDate: '2024-03-12',
    documentKind: 'report',
    goals: [
      skiveGoal(pages, 'A1', 1, 'Aktiveringsgraden for jobparate kontanthjælpsmodtagere skal mindst være 45 %.', { value: 45, unit: 'percent', comparator: '>=' }, [{ value: 41.2, unit: 'percent', scope: 'municipality' }], 'not_met', 'Målet er ikke indfriet.'),
      skiveGoal(pages, 'A2', 1, 'Mindst 60 % af de ledige skal have et registreret jobmål senest efter tre måneder.', { value: 60, unit: 'percent', comparator: '>=' }, [{ value: 64, unit: 'percent', scope: 'municipality' }], 'met', 'Målet er indfriet.'),
      // No verdict in the text: its status is derived from 44 ≥ 40 after the plan year.
      { ...skiveGoal(pages, 'A3', 1, 'Der skal indgås 40 aftaler med voksenlærlinge i løbet af året.', { value: 40, unit: 'count', comparator: '>=' }, [{ value: 44, unit: 'count', scope: 'municipality' }], 'met', 'Resultat: 44 aftaler i 2023.'), statusBasis: 'derived' },
      skiveGoal(pages, 'A4', 2, 'Ledigheden blandt fleksjobvisiterede skal ned på niveau med hele landet.', { value: null, unit: 'percent', comparator: 'follow-national' }, [{ value: 11, unit: 'percent', scope: 'municipality' }, { value: 9.8, unit: 'percent', scope: 'national' }], 'not_met', 'Målet er ikke indfriet.'),
      skiveGoal(pages, 'A5', 2, 'Antallet af nye virksomhedspartnerskaber skal øges.', { value: null, unit: 'count', comparator: 'increase' }, [], 'not_assessable', 'målet kan ikke vurderes'),
      skiveGoal(pages, 'A6', 2, 'Der etableres et netværk for ledige over 60 år.', null, [], 'withdrawn', 'Målet blev taget af planen i foråret.'),
    ],
    percentages: [
      pct(pages, 1, '45 %', 45, 'A1 mål: aktiveringsgrad, jobparate kontanthjælpsmodtagere', 'municipality'),
      pct(pages, 1, '41,2 %', 41.2, 'A1 resultat: aktiveringsgrad, jobparate kontanthjælpsmodtagere', 'municipality'),
      pct(pages, 1, '60 %', 60, 'A2 mål: ledige med registreret jobmål', 'municipality'),
      pct(pages, 1, '64 %', 64, 'A2 resultat: ledige med registreret jobmål', 'municipality'),
      pct(pages, 2, '11,0 %', 11, 'A4: ledighed blandt fleksjobvisiterede, Skive', 'municipality'),
      pct(pages, 2, '9,8 %', 9.8, 'A4: ledighed blandt fleksjobvisiterede, hele landet', 'national'),
      pct(pages, 2, '2,9 %', 2.9, 'bruttoledigheden i Skive', 'municipality'),
      pct(pages, 2, '3,1 %', 3.1, 'bruttoledigheden i hele landet', 'national'),
      pct(pages, 2, '41 %', 41, 'svarprocent i spørgeskemaet til borgerne', 'municipality'),
    ],
    statusSummary: { met: 2, not_met: 2, not_assessable: 1, withdrawn: 1, total: 6 },
  };
  return { doc, pages };
}

// --- Skive: the first follow-up of the same plan, half a year earlier.
export const SKIVE_EARLY_PAGES: Page[] = [
  {
    number: 1,
    text: [
      'Første status på Handlingsplan 2023',
      'A1 Aktiveringsgraden for jobparate kontanthjælpsmodtagere skal mindst være 45 %.',
      'Resultat: 39,5 % i juni 2023. Målet er på vej.',
    ].join('\n'),
  },
];

export function skiveEarly(): { doc: ExtractedDocument; pages: Page[] } {
  const pages = SKIVE_EARLY_PAGES;
  const doc: ExtractedDocument = {
    ...base('arkiv/skive/2023-09-05-status.pdf', pages),
    municipality: 'Skive',
    municipalityCode: 779,
    committee: 'Beskæftigelsesudvalget',
    meetingDate: '2023-09-05',
    documentKind: 'report',
    goals: [
      skiveGoal(pages, 'A1', 1, 'Aktiveringsgraden for jobparate kontanthjælpsmodtagere skal mindst være 45 %.', { value: 45, unit: 'percent', comparator: '>=' }, [{ value: 39.5, unit: 'percent', scope: 'municipality' }], 'in_progress', 'Målet er på vej.'),
    ],
    percentages: [
      pct(pages, 1, '45 %', 45, 'A1 mål: aktiveringsgrad', 'municipality'),
      pct(pages, 1, '39,5 %', 39.5, 'A1 resultat: aktiveringsgrad juni 2023', 'municipality'),
    ],
  };
  return { doc, pages };
}

// --- Faxe: an agenda with items; goals and figures in two of them, a budget table and money.
export const FAXE_PAGES: Page[] = [
  {
    number: 1,
    text: [
      'DAGSORDEN Arbejdsmarkedsudvalget 20. februar 2024',
      'Punkt 3: Opfølgning på Beskæftigelsesplan 2023',
      'Aktiveringsgraden for forsikrede ledige skal være på 35 %.',
      'Opgørelsen viser 38,5 %, og målet er dermed nået.',
      'Aktiveringsgraden for alle målgrupper samlet var 31,0 %.',
    ].join('\n'),
  },
  {
    number: 2,
    text: [
      'Punkt 4: Orientering om sygedagpengeområdet, "status", marts',
      'Antallet af sygedagpengeforløb, der varer mere end 52 uger, skal reduceres med 20.',
      'Der forventes en besparelse på 1,2 mio. kr. i 2024.',
      'Beløb i 1.000 kr.  Budget 2024  Forventet regnskab',
      'Sygedagpenge  12.000  12.500',
      'Jobafklaring  3.000  2.800',
      'I alt  15.000  15.300',
    ].join('\n'),
  },
];

export function faxeAgenda(): { doc: ExtractedDocument; pages: Page[] } {
  const pages = FAXE_PAGES;
  const s = (page: number, text: string): Provenance => spanIn(pages, page, text);
  const doc: ExtractedDocument = {
    ...base('arkiv/faxe/2024-02-20 dagsorden.pdf', pages),
    municipality: 'Faxe',
    municipalityCode: 320,
    committee: 'Arbejdsmarkedsudvalget',
    meetingDate: '2024-02-20',
    documentKind: 'agenda',
    agendaItems: [
      { number: 3, title: 'Opfølgning på Beskæftigelsesplan 2023', caseNumber: null, decision: null, provenance: s(1, 'Punkt 3: Opfølgning på Beskæftigelsesplan 2023') },
      {
        number: 4,
        title: 'Orientering om sygedagpengeområdet, "status", marts',
        caseNumber: '15.00.00-G01-1-24',
        decision: null,
        provenance: s(2, 'Punkt 4: Orientering om sygedagpengeområdet, "status", marts'),
      },
    ],
    goals: [
      {
        id: 'g1',
        text: 'Aktiveringsgraden for forsikrede ledige skal være på 35 %.',
        target: { value: 35, unit: 'percent', comparator: '>=' },
        actual: [{ value: 38.5, unit: 'percent', scope: 'municipality' }],
        status: 'met',
        statusText: 'målet er dermed nået.',
        agendaItem: 3,
        provenance: s(1, 'Aktiveringsgraden for forsikrede ledige skal være på 35 %.'),
      },
      {
        id: 'g2',
        text: 'Antallet af sygedagpengeforløb, der varer mere end 52 uger, skal reduceres med 20.',
        target: { value: 20, unit: 'count', comparator: 'reduce' },
        actual: [],
        status: 'unknown',
        statusText: null,
        agendaItem: 4,
        provenance: s(2, 'Antallet af sygedagpengeforløb, der varer mere end 52 uger, skal reduceres med 20.'),
      },
    ],
    percentages: [
      pct(pages, 1, '35 %', 35, 'mål: aktiveringsgrad for forsikrede ledige', 'municipality'),
      pct(pages, 1, '38,5 %', 38.5, 'resultat: aktiveringsgrad for forsikrede ledige', 'municipality'),
      pct(pages, 1, '31,0 %', 31, 'aktiveringsgraden for alle målgrupper samlet', 'municipality'),
    ],
    moneyAmounts: [{ value: 1200000, currency: 'DKK', context: 'forventet besparelse i 2024', raw: '1,2 mio. kr.', provenance: s(2, '1,2 mio. kr.') }],
    budgetTables: [
      {
        title: 'Sygedagpengeområdet (1.000 kr.)',
        unit: 'DKK',
        columns: ['Budget 2024', 'Forventet regnskab'],
        rows: [
          { label: 'Sygedagpenge', values: [12000000, 12500000] },
          { label: 'Jobafklaring', values: [3000000, 2800000] },
        ],
        total: { label: 'I alt', values: [15000000, 15300000] },
        provenance: s(2, 'Beløb i 1.000 kr.  Budget 2024  Forventet regnskab\nSygedagpenge  12.000  12.500\nJobafklaring  3.000  2.800\nI alt  15.000  15.300'),
      },
    ],
    absent: ['Lise Holm', 'Anders Bak'],
    warnings: [{ code: 'goal_without_status', message: 'a goal without a verdict', page: 2 }],
  };
  return { doc, pages };
}

// --- Hjørring: minutes with one figure that names no indicator.
export const HJOERRING_PAGES: Page[] = [{ number: 1, text: 'Referat. Mødet sluttede, og 75 % af medlemmerne deltog.' }];

export function hjoerring(): { doc: ExtractedDocument; pages: Page[] } {
  const pages = HJOERRING_PAGES;
  const doc: ExtractedDocument = {
    ...base('arkiv/hjørring/referat.pdf', pages),
    municipality: 'Hjørring',
    municipalityCode: 860,
    committee: 'Erhvervs- og Beskæftigelsesudvalget',
    meetingDate: '2022-11-01',
    documentKind: 'minutes',
    percentages: [pct(pages, 1, '75 %', 75, 'medlemmer der deltog i mødet', 'other')],
  };
  return { doc, pages };
}

export const ALL_DOCUMENTS = [skiveEarly, skiveLate, faxeAgenda, hjoerring] as const;
