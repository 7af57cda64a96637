// The year rule: plan year named nearest the fact, else the meeting's year.
import { describe, expect, it } from 'vitest';
import { factYear, planYearIn } from '../../src/extract/goals/plan-year.js';

describe('planYearIn', () => {
  it.each([
    ['Status på Handlingsplan 2022 for jobcentret', 2022],
    ['Opfølgning på Beskæftigelsesplanen for 2025', 2025],
    ['Udviklingsplan 2023-2026, 2. kvartal', 2023],
    ['Budget 2026-2029 – første drøftelse', 2026],
    ['de to mål for indsatsen i 2021', 2021],
    ['Evaluering af beskæftigelsesindsatsen i 2020', 2020],
    ['I 2030 skal mindst 90 % have en uddannelse', null],
    ['Der skal laves en plan for 80 % af de ledige', null],
    ['møde den 4. april 2024', null],
    ['', null],
  ] as const)('%s → %s', (text, year) => {
    expect(planYearIn(text)).toBe(year);
  });
});

describe('factYear', () => {
  const none = { factText: null, agendaItemTitle: null, documentHasAgendaItems: false, documentTitle: null, firstPageText: null, meetingDate: null };

  it('prefers the fact, then its agenda item, then the document, then the meeting', () => {
    expect(factYear({ ...none, factText: 'mål i Handlingsplan 2021', agendaItemTitle: 'Beskæftigelsesplan 2022', meetingDate: '2023-05-01' })).toEqual({ year: 2021, source: 'fact' });
    expect(factYear({ ...none, agendaItemTitle: 'Beskæftigelsesplan 2022', documentHasAgendaItems: true, meetingDate: '2023-05-01' })).toEqual({ year: 2022, source: 'agenda_item' });
    expect(factYear({ ...none, firstPageText: 'Opfølgning på Beskæftigelsesplan 2019\n…', meetingDate: '2020-08-01' })).toEqual({ year: 2019, source: 'document' });
    expect(factYear({ ...none, meetingDate: '2020-08-01' })).toEqual({ year: 2020, source: 'meeting' });
    expect(factYear(none)).toEqual({ year: null, source: null });
  });

  it('ignores the first page of a document with agenda items (its table of contents names every item)', () => {
    expect(
      factYear({ ...none, documentHasAgendaItems: true, agendaItemTitle: 'Status på sygedagpenge', firstPageText: 'Indhold: Beskæftigelsesplan 2024', meetingDate: '2023-11-02' }),
    ).toEqual({ year: 2023, source: 'meeting' });
  });

  it('reads the title only from the opening of the first page', () => {
    const late = `${'x'.repeat(500)} Beskæftigelsesplan 2018`;
    expect(factYear({ ...none, firstPageText: late, meetingDate: '2021-01-05' })).toEqual({ year: 2021, source: 'meeting' });
  });
});
