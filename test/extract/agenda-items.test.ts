// Agenda items in the layouts municipalities publish, written for this project:
// FirstAgenda "Punkt N:" with a TOC, "Pkt."/"Sag" headings, plain numbered headings,
// unlabelled decisions in a referat, and absence lines.
import { describe, expect, test } from 'vitest';
import { extractAgendaItems, firstSentence, isCaseNumberLine, joinTitleLines, repairCaseNumber, splitNames } from '../../src/extract/agenda/agenda-items.js';
import { AGENDA_HEADING_LABELLED, CASE_NUMBER_LABEL, TOC_ENTRY } from '../../src/extract/common/patterns.js';
import { readDecisionLabel } from '../../src/extract/agenda/decision-label.js';
import type { AgendaItem } from '../../src/schema/contract.js';
import { contextFrom, expectProvenance, layoutPage, noWarnings } from './pages.js';

type Expected = Omit<AgendaItem, 'provenance'>;

function run(...pages: string[]): { items: AgendaItem[]; absent: string[]; ctx: ReturnType<typeof contextFrom> } {
  const ctx = contextFrom('doc.pdf', ...pages);
  const { agendaItems, absent } = extractAgendaItems(ctx, noWarnings);
  for (const item of agendaItems) expectProvenance(ctx.pages, item.provenance);
  return { items: agendaItems, absent, ctx };
}

const strip = (items: AgendaItem[]): Expected[] => items.map(({ provenance: _p, ...rest }) => rest);

describe('FirstAgenda referat', () => {
  const toc = [
    'Indholdsfortegnelse',
    'Godkendelse af dagsorden ................................................. \t3',
    'Budgetopfølgning pr. 30. juni 2024 - Social- og ........................ \t4',
    'Sundhedsudvalget',
    'Anlægsbevilling til nyt plejecenter i Hadsten ........................... \t6',
  ].join('\n');
  const p3 = [
    'Punkt 12: Godkendelse af dagsorden',
    '00.01.00-A00-3-24',
    'Punktoplysninger',
    'Sagsnr.: \t00.01.00-A00-1-24',
    'Sagsbeh.: \tMette Holm',
    'Indstilling',
    '- at dagsordenen godkendes.',
    'Beslutning',
    'Fraværende: Søren Bak, Lise Lund (A)',
    'Godkendt.',
  ].join('\n');
  const p4 = [
    'Punkt 13: Budgetopfølgning pr. 30. juni 2024',
    '- Social- og Sundhedsudvalget',
    '00.30.00-Ø00-4-24',
    'Sagsnr.: \t00.30.00-Ø00-4-24',
    'Resume',
    'Opfølgningen viser et mindreforbrug.',
    'Beslutning',
    'Fraværende: Søren Bak',
    'Opfølgningen pr. 30. juni blev taget til efterretning med den bemærkning, at udvalget ønsker en',
    'status i oktober. Udvalget drøftede herefter ventelisten.',
  ].join('\n');
  const p6 = [
    'Punkt 14: Anlægsbevilling til nyt plejecenter i',
    'Hadsten',
    'EMN-2024-012345',
    'Beslutning',
    'Afbud: Jonas Riis',
    'Anbefales',
    'Bilag',
    'Skitseprojekt',
  ].join('\n');

  test('items come from body headings, not the TOC, with case numbers, decisions and absences', () => {
    const { items, absent } = run('REFERAT\nSocialudvalget d. 02-09-2024', toc, p3, p4, p6);
    expect(strip(items)).toEqual([
      { number: 12, title: 'Godkendelse af dagsorden', caseNumber: '00.01.00-A00-1-24', decision: 'Godkendt.' },
      {
        number: 13,
        title: 'Budgetopfølgning pr. 30. juni 2024 - Social- og Sundhedsudvalget',
        caseNumber: '00.30.00-Ø00-4-24',
        decision: 'Opfølgningen pr. 30. juni blev taget til efterretning med den bemærkning, at udvalget ønsker en status i oktober.',
      },
      { number: 14, title: 'Anlægsbevilling til nyt plejecenter i Hadsten', caseNumber: 'EMN-2024-012345', decision: 'Anbefales' },
    ]);
    expect(absent).toEqual(['Søren Bak', 'Lise Lund', 'Jonas Riis']);
    expect(items[1]?.provenance.snippet).toBe('Punkt 13: Budgetopfølgning pr. 30. juni 2024\n- Social- og Sundhedsudvalget');
  });
});

describe('other heading styles', () => {
  test('"Pkt." and "Sag" headings, an id under the heading, no decisions in an agenda', () => {
    const { items, absent } = run(
      'Dagsorden\nTeknisk Udvalg',
      'Pkt. 1 Orientering fra formanden\n24/18833\nSagsfremstilling\nFormanden orienterer.\nPkt. 2 Trafikplan for midtbyen\n24/20411\nSagsfremstilling\nPlanen sendes i høring.',
      'Sag 3: Eventuelt\nIndstilling\nIngen.',
    );
    expect(strip(items)).toEqual([
      { number: 1, title: 'Orientering fra formanden', caseNumber: '24/18833', decision: null },
      { number: 2, title: 'Trafikplan for midtbyen', caseNumber: '24/20411', decision: null },
      { number: 3, title: 'Eventuelt', caseNumber: null, decision: null },
    ]);
    expect(absent).toEqual([]);
  });

  test('plain numbered headings count only when case sections follow them', () => {
    const { items } = run(
      'Referat\nKommunalbestyrelsen',
      [
        'Indhold',
        '1. Godkendelse af dagsorden ......... 2',
        '2. Salg af grund på Havnevej ......... 2',
        'Mødet blev indledt kl. 17.',
        '1. Godkendelse af dagsorden',
        'Sagsnummer: 00.01.00-G01-1-25',
        'Beslutning: Godkendt.',
        '2. Salg af grund på Havnevej',
        'Sagsnummer: 82.02.00-G01-4-25',
        'Sagsfremstilling',
        'Grunden udbydes. Der er tre punkter:',
        '1. Prisen fastsættes af en mægler',
        '2. Køber betaler tilslutningsafgifter',
        'Beslutning: Kommunalbestyrelsen godkendte salget. Borgmesteren underskriver.',
      ].join('\n'),
    );
    expect(strip(items)).toEqual([
      { number: 1, title: 'Godkendelse af dagsorden', caseNumber: '00.01.00-G01-1-25', decision: 'Godkendt.' },
      { number: 2, title: 'Salg af grund på Havnevej', caseNumber: '82.02.00-G01-4-25', decision: 'Kommunalbestyrelsen godkendte salget.' },
    ]);
  });

  test('a referat that prints a decision without a label, and a repeated heading on a continued page', () => {
    const { items } = run(
      'REFERAT Byrådet d. 01-10-2025',
      'Punkt 1: Godkendelse af dagsorden\nEMN-2025-000001\nBeslutninger\nGodkendt.',
      'Punkt 2: Lukket: Salg af ejendom\nEMN-2025-000777\nTilbagesendes Borgmesterens Afdeling med bemærkning, at byrådet har\nvedtaget indstillingen.\nPunkt 2: Lukket: Salg af ejendom (fortsat)\nBaggrund.',
    );
    expect(strip(items)).toEqual([
      { number: 1, title: 'Godkendelse af dagsorden', caseNumber: 'EMN-2025-000001', decision: 'Godkendt.' },
      {
        number: 2,
        title: 'Lukket: Salg af ejendom',
        caseNumber: 'EMN-2025-000777',
        decision: 'Tilbagesendes Borgmesterens Afdeling med bemærkning, at byrådet har vedtaget indstillingen.',
      },
    ]);
  });

  test('a contents list without page numbers is passed over for the headings with bodies', () => {
    const { items } = run(
      'Dagsorden\nIndholdsfortegnelse\nPunkt 1: Godkendelse af dagsorden\nPunkt 2: Vejplan 2026',
      'Punkt 1: Godkendelse af dagsorden\nSagsnr.: 00.01.00-A00-2-26\nIndstilling\nAt dagsordenen godkendes.',
      'Punkt 2: Vejplan 2026\nSagsnr.: 05.01.00-P15-1-26\nIndstilling\nAt planen sendes i høring.',
    );
    expect(items.map((i) => [i.number, i.title, i.caseNumber, i.provenance.page])).toEqual([
      [1, 'Godkendelse af dagsorden', '00.01.00-A00-2-26', 2],
      [2, 'Vejplan 2026', '05.01.00-P15-1-26', 3],
    ]);
  });

  test('a case id in brackets after a numbered title, a dated decision label', () => {
    const { items } = run(
      'Referat\nØkonomiudvalget',
      '1. Meddelelser (2024-0012345)\nIndstilling\nAt meddelelserne tages til efterretning.\nØkonomiudvalgets beslutning den 12. marts 2024\nTaget til efterretning.\n2. Salg af aktier\nSagsnr.: 2024-0019876\nØkonomiudvalgets beslutning den 12. marts 2024\nAnbefales over for Borgerrepræsentationen.',
    );
    expect(strip(items)).toEqual([
      { number: 1, title: 'Meddelelser', caseNumber: '2024-0012345', decision: 'Taget til efterretning.' },
      { number: 2, title: 'Salg af aktier', caseNumber: '2024-0019876', decision: 'Anbefales over for Borgerrepræsentationen.' },
    ]);
  });

  test('numbered headings set in a larger font need no case sections; titles wrap by font size', () => {
    const page = layoutPage(1, [
      ['Referat af bestyrelsesmøde', 16],
      ['1. Velkomst og godkendelse af', 13],
      ['dagsorden', 13],
      ['Formanden bød velkommen. Dagsordenen blev godkendt.', 10],
      ['Der var enighed om at:', 10],
      ['1. Mødet flyttes til tirsdag', 10],
      ['2. Næste møde holdes i Ry', 10],
      ['2. Eventuelt', 13],
      ['Intet.', 10],
    ]);
    const ctx = { ...contextFrom('b.pdf'), pages: [page] };
    const { agendaItems } = extractAgendaItems(ctx, noWarnings);
    expect(agendaItems.map((i) => [i.number, i.title])).toEqual([
      [1, 'Velkomst og godkendelse af dagsorden'],
      [2, 'Eventuelt'],
    ]);
    for (const i of agendaItems) expectProvenance(ctx.pages, i.provenance);
  });

  test('prose that mentions "Punkt 2" does not turn a numbered agenda into a labelled one', () => {
    const { items } = run(
      'REFERAT\nErhvervsudvalget d. 14-05-2025',
      '1. Godkendelse af dagsorden\nSagsnr.: 15.00.00-A00-1-25\nPunkt 2 om budgettet behandles før punkt 3.\nBeslutning\nGodkendt.\n2. Budget 2026\nSagsnr.: 00.30.10-Ø00-3-25\nBeslutning\nDrøftet.',
    );
    expect(items.map((i) => [i.number, i.title, i.decision])).toEqual([
      [1, 'Godkendelse af dagsorden', 'Godkendt.'],
      [2, 'Budget 2026', 'Drøftet.'],
    ]);
  });

  test('a document without agenda headings has no items', () => {
    expect(run('Opfølgning på mål\nMål 1.1 Ledigheden skal falde.\n1. Første del af analysen\nTeksten fortsætter.').items).toEqual([]);
  });
});

describe('pieces', () => {
  test.each([
    ['Punkt 46: Godkendelse af dagsorden', 46, 'Godkendelse af dagsorden'],
    ['Pkt. 3 Orientering', 3, 'Orientering'],
    ['Dagsordenspunkt 7 - Eventuelt', 7, 'Eventuelt'],
    ['Sag nr. 12. Lokalplan 44', 12, 'Lokalplan 44'],
    ['Punkt 5', 5, ''],
  ] as const)('AGENDA_HEADING_LABELLED reads %s', (line, number, title) => {
    const m = AGENDA_HEADING_LABELLED.exec(line);
    expect(Number(m?.groups?.['number'])).toBe(number);
    expect(m?.groups?.['title']).toBe(title);
  });

  test.each(['Punktnummer: 21', 'Punktoplysninger', 'Sagsnr.: 00.13.00-P22-2-23', 'Punkt 2,5 mio. kr. er afsat'])('%s is no heading', (line) => {
    expect(AGENDA_HEADING_LABELLED.test(line)).toBe(false);
  });

  test.each([
    ['Godkendelse af dagsorden ............ \t3', true],
    ['Eventuelt ........ 27', true],
    ['Budget \t 12', true],
    ['Godkendelse af dagsorden', false],
    ['Punkt 3: Status 2024', false],
  ] as const)('TOC_ENTRY %s → %s', (line, isEntry) => {
    expect(TOC_ENTRY.test(line)).toBe(isEntry);
  });

  test.each([
    ['15.00.00-G01-6-24', true],
    ['EMN-2025-003383', true],
    ['23000072018-30104945110589', true],
    ['24/18833', true],
    ['00.30.10-Å~00-2-24', true],
    ['2024', false],
    ['Resume', false],
  ] as const)('isCaseNumberLine %s → %s', (line, isId) => {
    expect(isCaseNumberLine(line)).toBe(isId);
  });

  test.each([
    ['Sagsnr.: \t00.13.00-P22-2-23', '00.13.00-P22-2-23'],
    ['Sagsnummer 24/1234 Sagsbeh.: Ole', '24/1234'],
    ['J.nr.: 2023-004411', '2023-004411'],
    ['Acadre sagsnr.: 23/11873', '23/11873'],
    ['Sags ID: 19/19246', '19/19246'],
    ['Sagsid: EMN-2021-00123', 'EMN-2021-00123'],
    ['Sagsidentifikation følger', undefined],
    ['Sag: 25/20417', '25/20417'],
    ['Sag: Godkendelse af dagsorden', undefined],
    ['Åbent punkt · Sagsnr.: 25/18211', '25/18211'],
    ['Åben sag Sagsnr.: 25/23311', '25/23311'],
    ['Sagsid.: 25/640\tSagsbehandler: Per Holm', '25/640'],
    ['Sags-ID.: 24/10233', '24/10233'],
  ] as const)('CASE_NUMBER_LABEL %s', (line, value) => {
    expect(CASE_NUMBER_LABEL.exec(line)?.groups?.['value']).toBe(value);
  });

  test('a broken glyph in the KLE facet slot can only be Ø', () => {
    expect(repairCaseNumber('00.30.10-Å~00-2-24')).toBe('00.30.10-Ø00-2-24');
    expect(repairCaseNumber('15.00.00-G01-6-24')).toBe('15.00.00-G01-6-24');
  });

  test.each([
    ['Beslutning', true],
    ['Beslutninger', true],
    ['Beslutning: Godkendt.', true],
    ['Udvalgets beslutning', true],
    ['Beslutning i Byrådet den 3. maj 2024', true],
    ['Økonomiudvalgets beslutning den 12. marts 2024', true],
    ['Beslutning (Byrådet, 3. maj 2024)', true],
    ['Beslutning i Social- og Sundhedsudvalget', true],
    ['Beslutning \tGodkendt.', true],
    ['Beslutning i henhold til loven træffes af direktøren', false],
    ['Beslutningspunkter', false],
    ['BESLUTNINGSFORSLAG FRA V', false],
  ] as const)('readDecisionLabel %s → %s', (line, isLabel) => {
    expect(readDecisionLabel(line) !== null).toBe(isLabel);
  });

  test('titles join across lines, keeping real hyphens', () => {
    expect(joinTitleLines('orientering om ny 2030-', 'fremskrivning')).toBe('orientering om ny 2030-fremskrivning');
    expect(joinTitleLines('skoleskift til Ravn-', 'bakkeskolen')).toBe('skoleskift til Ravnbakkeskolen');
    expect(joinTitleLines('Sundheds-,', 'Social- og Forebyggelsesudvalget')).toBe('Sundheds-, Social- og Forebyggelsesudvalget');
    expect(joinTitleLines('flere IGU-', 'pladser')).toBe('flere IGU-pladser');
    expect(joinTitleLines('Børne-', 'og Ungeudvalget')).toBe('Børne- og Ungeudvalget');
  });

  test('the first sentence skips abbreviations and dates', () => {
    expect(firstSentence(['Godkendt. Udvalget bad om en status.'])).toBe('Godkendt.');
    expect(firstSentence(['Budgettet pr. 31. marts taget til efterretning, jf. bilag 2. Næste punkt.'])).toBe(
      'Budgettet pr. 31. marts taget til efterretning, jf. bilag 2.',
    );
    expect(firstSentence(['Drøftet'])).toBe('Drøftet');
    expect(firstSentence(['Bevilget med 2,5 mio. kr. Sagen sendes videre.'])).toBe('Bevilget med 2,5 mio. kr.');
  });

  test('absence lists split into names and name nobody when empty', () => {
    expect(splitNames('Jens Holm (V), Anne Berg og Per Krog.')).toEqual(['Jens Holm', 'Anne Berg', 'Per Krog']);
    expect(splitNames('Ingen')).toEqual([]);
    expect(run('Referat\nUdvalg\nFraværende:\nMorten Dahl\nFraværende: Ingen').absent).toEqual(['Morten Dahl']);
    expect(run('Fraværende med afbud: Ida Friis\nAfbud fra Ole Krogh.\nAfbud \tIda Friis').absent).toEqual(['Ida Friis', 'Ole Krogh']);
  });
});
