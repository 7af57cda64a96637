// Meeting headers and item runs as real PDFs print them, built with pdfkit in the test:
// a short "20/7 2021" date under a compound label, a committee name wrapped after the
// document title's "X- og", an item printed without a body before the next one, and
// items right below a table of contents whose goal table ends in year columns.
import { describe, expect, test } from 'vitest';
import { parsePdf } from '../../src/pdf/index.js';
import { buildDocument } from '../../src/pipeline/index.js';
import type { ExtractedDocument } from '../../src/schema/contract.js';
import { linesPage, makePdf, type TextRun } from '../pdf/make-pdf.js';
import { MEETING_DATE_EXAMPLES, meetingWordedDate } from '../../src/extract/meeting/meeting.js';

async function extract(path: string, pages: TextRun[][]): Promise<ExtractedDocument> {
  const parsed = await parsePdf(await makePdf({ pages }));
  return buildDocument({ path, sha256: 'd'.repeat(64), bytes: 1, parsed, withText: false });
}

/** Lines from the top down; a line given as [text, size, bold] sets its own font. */
function page(lines: readonly (string | [string, number, boolean])[]): TextRun[] {
  let y = 60;
  return lines.map((line) => {
    const [text, size, bold] = typeof line === 'string' ? [line, 10, false] : line;
    const run: TextRun = { text, x: 56, y, size, font: bold ? 'Helvetica-Bold' : 'Helvetica' };
    y += size * 1.6;
    return run;
  });
}

const prose = [
  'Nedenfor følges der op på de mål, som udvalget har fastsat for beskæftigelsesindsatsen i år.',
  'Opgørelserne bygger på tal fra Jobindsats og på kommunens egne registreringer af forløbene.',
];

describe('short dates and compound date labels', () => {
  test('a notat\'s "Udvalgsmøde: 20/7 2021" is the meeting, not the period\'s end', async () => {
    const doc = await extract('notat.pdf', [
      page(['Holstebro Kommune', ['Notat', 14, true], 'Opfølgning på beskæftigelsesplanen 2020', 'Udvalg: Beskæftigelsesudvalget',
        'Udvalgsmøde: 20/7 2021', 'Periode: 1. januar – 30. juni 2021', ['1. Indledning', 12, true], ...prose]),
    ]);
    expect(doc).toMatchObject({ documentKind: 'report', committee: 'Beskæftigelsesudvalget', meetingDate: '2021-07-20', agendaItems: [] });
  });

  test('"Mødedato: 9/6-2020" in an agenda header', async () => {
    const doc = await extract('dagsorden.pdf', [
      page(['Hedensted Kommune', ['Dagsorden – Job- og Kompetenceudvalget', 14, true], 'Mødedato: 9/6-2020', 'Mødested: Rådhuset',
        ['Punkt 16: Godkendelse af dagsorden', 12, true], 'Sagsnummer: 20/14983', ...prose]),
    ]);
    expect(doc).toMatchObject({ committee: 'Job- og Kompetenceudvalget', meetingDate: '2020-06-09' });
  });
});

test('a committee wrapped after the title\'s "Erhvervs- og" keeps its first part', async () => {
  const doc = await extract('protokol.pdf', [
    page(['Hjørring Kommune', ['Beslutningsprotokol – Erhvervs- og', 15, false], ['Beskæftigelsesudvalget', 15, false], 'Mødedato: 14. december 2021',
      ['Punkt 27: Godkendelse af dagsorden', 12, true], 'Beslutning: Godkendt.', ['Punkt 28: Målopfølgning', 12, true], 'Sags ID: 15.00.00-P20-4-21', ...prose]),
  ]);
  expect(doc).toMatchObject({ committee: 'Erhvervs- og Beskæftigelsesudvalget', meetingDate: '2021-12-14' });
  expect(doc.agendaItems.map((a) => [a.number, a.caseNumber])).toEqual([[27, null], [28, '15.00.00-P20-4-21']]);
});

describe('an item printed without a body', () => {
  const header = ['Hvidovre Kommune', 'Udvalget for job og uddannelse (UJU)', ['DAGSORDEN', 14, true] as [string, number, boolean], 'Torsdag d. 12. december 2013'];

  test('is an item of its own, not the start of the next one\'s title', async () => {
    const doc = await extract('dagsorden.pdf', [
      page([...header, ['210. Godkendelse af dagsorden', 12, true], ['211. Målopfølgning på beskæftigelsesplanen', 12, true], 'Sagsnr.: 13/1443',
        'Sagsfremstilling', ...prose, ['212. Eventuelt', 12, true], 'Sagsnr.: 13/7042', 'Sagsfremstilling', ...prose]),
    ]);
    expect(doc.agendaItems.map((a) => [a.number, a.title])).toEqual([
      [210, 'Godkendelse af dagsorden'],
      [211, 'Målopfølgning på beskæftigelsesplanen'],
      [212, 'Eventuelt'],
    ]);
  });

  test('a bold numbered list inside a case is still no run of items', async () => {
    const doc = await extract('dagsorden.pdf', [
      page([...header, ['5. Målopfølgning', 12, true], 'Sagsnr.: 13/1443', 'Sagsfremstilling', ...prose,
        ['1. Flere i job', 10, true], ['2. Færre på kontanthjælp', 10, true], 'Indstilling', 'Direktøren indstiller, at orienteringen tages til efterretning.',
        ['6. Eventuelt', 12, true], 'Sagsnr.: 13/7042', 'Sagsfremstilling', ...prose]),
    ]);
    expect(doc.agendaItems.map((a) => [a.number, a.title])).toEqual([[5, 'Målopfølgning'], [6, 'Eventuelt']]);
  });
});

test('items right below a table of contents, with a goal table whose last columns are years', async () => {
  const entry = (n: number, title: string, p: number): string => `Punkt ${n}: ${title} ${'.'.repeat(40 - title.length)} ${p}`;
  const row = (y: number, cells: string[]): TextRun[] => cells.map((text, k) => ({ text, x: [56, 110, 400, 460, 510][k] ?? 56, y, size: 9 }));
  const first = page(['Aabenraa Kommune', ['Beslutningsprotokol – Beskæftigelsesudvalget', 14, true], 'Tirsdag d. 26. november 2019, kl. 16.00',
    'Indholdsfortegnelse', entry(13, 'Godkendelse af dagsorden', 1), entry(14, 'Målopfølgning', 1), entry(15, 'Eventuelt', 2),
    ['Punkt 13: Godkendelse af dagsorden', 12, true], 'Beslutning: Godkendt.', ['Punkt 14: Målopfølgning', 12, true], 'Sagsnr.: 19/19246', 'Sagsfremstilling', ...prose]);
  const doc = await extract('protokol.pdf', [
    [...first, ...row(420, ['Nr.', 'Måltal', 'Status', '2023', '2024']), ...row(436, ['1.1', 'Højst 28 uger på sygedagpenge', 'Rød', '49', '47'])],
    linesPage(['Punkt 15: Eventuelt', 'Sagsnr.: 19/20001', 'Beslutning: Intet.']),
  ]);
  expect(doc.agendaItems.map((a) => [a.number, a.title])).toEqual([
    [13, 'Godkendelse af dagsorden'],
    [14, 'Målopfølgning'],
    [15, 'Eventuelt'],
  ]);
});

describe('header fields: the meeting date worded as such, the committee in one field of a line', () => {
  test.each(MEETING_DATE_EXAMPLES)('$header → $date', ({ header, date }) => {
    expect(meetingWordedDate([header])).toBe(date);
  });

  test('a notat to "<udvalg>, udvalgsmøde 10-12-2024" is dated by the meeting, not by its own "Dato:"', async () => {
    const doc = await extract('notat.pdf', [
      page(['Odsherred Kommune', ['Notat', 14, true], 'Emne: Status på de lokale mål', 'Til: Social- og Sundhedsudvalget, udvalgsmøde 03-06-2025',
        'Dato: 21. maj 2025', 'Sagsnr.: 27.00.00-A00-1-25', ['1. Baggrund', 12, true], ...prose]),
    ]);
    expect(doc).toMatchObject({ documentKind: 'report', committee: 'Social- og Sundhedsudvalget', meetingDate: '2025-06-03' });
  });

  test('"Udvalg: …" and "Behandles på mødet …" printed as two cells of one header line', async () => {
    const doc = await extract('maal.pdf', [
      [
        { text: 'Udvalg: Erhvervs- og Beskæftigelsesudvalget', x: 56, y: 60, size: 10, font: 'Helvetica' },
        { text: 'Behandles på mødet 09.04.2025', x: 380, y: 60, size: 10, font: 'Helvetica' },
        ...page(['', ['Målopfølgning 2024', 14, true], 'Notat', ['1. Indledning', 12, true], ...prose]).slice(1),
      ],
    ]);
    expect(doc).toMatchObject({ committee: 'Erhvervs- og Beskæftigelsesudvalget', meetingDate: '2025-04-09' });
  });

  test('a committee in one field of a running header ("Klima- og Miljøudvalget · Stevns Kommune")', async () => {
    const doc = await extract('dagsorden.pdf', [
      page([['Dagsorden', 16, true], 'Klima- og Miljøudvalget · Stevns Kommune', 'Mødedato: 14.05.2025 · Mødetidspunkt: 16:00 · Sted: Rådhuset',
        ['1. Godkendelse af dagsorden', 12, true], 'Sagsnr.: 00.01.00-A00-7-25', 'Det indstilles, at dagsordenen godkendes.']),
    ]);
    expect(doc).toMatchObject({ documentKind: 'agenda', committee: 'Klima- og Miljøudvalget', meetingDate: '2025-05-14' });
  });

  test('"Notat til <udvalgets> møde den …" names the body and the meeting below a notat\'s own date', async () => {
    const doc = await extract('budget.pdf', [
      page(['Dato: 2. april 2025', 'ODDER KOMMUNE', 'J.nr.: 00.30.14-S00-3-25', ['Budgetopfølgning 1 – 2025', 14, true],
        'Notat til Økonomiudvalgets møde den 22. april 2025', ['1. Sammenfatning', 12, true], ...prose]),
    ]);
    expect(doc).toMatchObject({ committee: 'Økonomiudvalget', meetingDate: '2025-04-22' });
  });
});

describe('a masthead of two cells: the municipality and the body the report goes to', () => {
  test('"Køge Kommune | Forelægges Arbejdsmarkedsudvalget" / "den 6. maj 2025" over "Resultatrevision 2024"', async () => {
    const doc = await extract('resultatrevision.pdf', [
      [
        { text: 'Køge Kommune', x: 56, y: 60, size: 10, font: 'Helvetica' },
        { text: 'Forelægges Arbejdsmarkedsudvalget', x: 330, y: 60, size: 10, font: 'Helvetica' },
        { text: 'den 6. maj 2025', x: 330, y: 76, size: 10, font: 'Helvetica' },
        { text: 'Jobcenter Køge', x: 56, y: 92, size: 10, font: 'Helvetica' },
        { text: 'Resultatrevision 2024', x: 56, y: 116, size: 16, font: 'Helvetica-Bold' },
        ...page(['', '', '', '', '', ...prose]).slice(5),
      ],
    ]);
    expect(doc).toMatchObject({ documentKind: 'report', committee: 'Arbejdsmarkedsudvalget', meetingDate: '2025-05-06', agendaItems: [] });
  });
});
