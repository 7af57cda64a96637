// Meeting mastheads and item headings as agenda systems and report templates print them, met
// first in unseen documents: a letter-spaced masthead ("D A G S O R D E N"), a sender before the
// addressee ("Jobcenter X · Til <udvalgets> møde …"), a period's end before the meeting date on
// one line, a goal table's numbered rows in small print between the items, and the access and
// case number printed in cells beside an item's title. Real PDFs made with pdfkit; own Danish text.
import { describe, expect, test } from 'vitest';
import { parsePdf } from '../../src/pdf/index.js';
import { buildDocument } from '../../src/pipeline/index.js';
import type { ExtractedDocument } from '../../src/schema/contract.js';
import { makePdf, type TextRun } from '../pdf/make-pdf.js';
import { committeeAndDateOfLine, LINE_DATE_EXAMPLES } from '../../src/extract/meeting/meeting.js';
import { LETTER_SPACING_EXAMPLES, trackedRunHasWord } from '../../src/extract/meeting/letter-spacing.js';
import { HEADING_CELL_EXAMPLES, splitHeadingCells } from '../../src/extract/agenda/heading-cells.js';
import { AGENDA_WORDS, MINUTES_WORDS } from '../../src/extract/common/patterns.js';

async function extract(path: string, pages: TextRun[][]): Promise<ExtractedDocument> {
  const parsed = await parsePdf(await makePdf({ pages }));
  return buildDocument({ path, sha256: 'e'.repeat(64), bytes: 1, parsed, withText: false });
}

/** Cells of one line at the given x positions. */
const row = (y: number, cells: readonly (readonly [number, string])[], size = 10, font: TextRun['font'] = 'Helvetica'): TextRun[] =>
  cells.map(([x, text]) => ({ text, x, y, size, font }));

const prose = [
  'Forvaltningen gennemgår her udviklingen siden sidste opgørelse og peger på de områder, hvor der',
  'fortsat er behov for en ekstra indsats i resten af året.',
];
const proseAt = (y: number): TextRun[] => prose.flatMap((text, i) => row(y + i * 13, [[56, text]]));

describe('a letter-spaced masthead names the kind', () => {
  test.each(LETTER_SPACING_EXAMPLES)('"$line" → $word', ({ line, word }) => {
    expect(trackedRunHasWord(line, [...AGENDA_WORDS, ...MINUTES_WORDS])).toBe(word !== null);
  });

  test('"S K I V E K O M M U N E · D A G S O R D E N" tracked with CSS-like letter spacing', async () => {
    const doc = await extract('dagsorden.pdf', [
      [
        { text: 'SKIVE KOMMUNE · DAGSORDEN', x: 56, y: 50, size: 9, characterSpacing: 2.5 },
        ...row(70, [[56, 'Beskæftigelsesudvalget']], 18),
        ...row(100, [[56, 'Mødedato'], [160, 'Mødested']], 9),
        ...row(114, [[56, '03.03.2026'], [160, 'Rådhuset, lokale 2']], 9),
        ...row(130, [[56, 'Medlemmer: Anne Kjær (A), Lars Bøgh (V), Tove Brink (F)']], 9),
        ...row(142, [[56, 'Afbud: Ingen']], 9),
        ...row(170, [[56, '1'], [80, 'Godkendelse af dagsorden']], 13, 'Helvetica-Bold'),
        ...row(188, [[56, 'Sagsnr.: 26/118']], 8),
        ...row(204, [[56, 'Indstilling']]),
        ...row(218, [[56, 'Direktøren indstiller, at orienteringen tages til efterretning.']]),
      ],
    ]);
    expect(doc).toMatchObject({ documentKind: 'agenda', committee: 'Beskæftigelsesudvalget', meetingDate: '2026-03-03' });
  });

  test('a letter-spaced "R E F E R A T" makes minutes', async () => {
    const doc = await extract('referat.pdf', [
      [
        { text: 'REFERAT', x: 56, y: 50, size: 10, characterSpacing: 3 },
        ...row(70, [[56, 'Social- og Ældreudvalget']], 18),
        ...row(100, [[56, 'Mødedato: 11. februar 2026']]),
        ...row(130, [[56, 'Punkt 1: Godkendelse af dagsorden']], 13, 'Helvetica-Bold'),
        ...row(150, [[56, 'Godkendt.']]),
      ],
    ]);
    expect(doc.documentKind).toBe('minutes');
  });
});

describe('one masthead line with several fields', () => {
  test.each(LINE_DATE_EXAMPLES)('"$line" → $committee, $date', ({ line, committee, date }) => {
    expect(committeeAndDateOfLine(line)).toEqual({ committee, date });
  });

  test('a sender before the addressee: "Jobcenter Skive · Til Beskæftigelsesudvalgets møde den …"', async () => {
    const doc = await extract('resultatrevision.pdf', [
      [
        ...row(60, [[56, 'Resultatrevision 2025']], 20, 'Helvetica-Bold'),
        ...row(88, [[56, 'Jobcenter Skive · Til Beskæftigelsesudvalgets møde den 3. juni 2026']], 11),
        ...row(120, [[56, 'Indledning']], 12, 'Helvetica-Bold'),
        ...proseAt(140),
      ],
    ]);
    expect(doc).toMatchObject({ documentKind: 'report', committee: 'Beskæftigelsesudvalget', meetingDate: '2026-06-03', agendaItems: [] });
  });

  test('a period\'s end before the meeting date: the meeting\'s date is the one worded so', async () => {
    const doc = await extract('budgetopfoelgning.pdf', [
      [
        ...row(60, [[56, 'Budgetopfølgning 1 – 2026']], 18, 'Helvetica-Bold'),
        ...row(86, [[56, 'Kultur- og Fritidsudvalget · Forbrug pr. 30. april 2026 · Til udvalgets møde 19. maj 2026']], 11),
        ...row(120, [[56, '1. Sammenfatning']], 12, 'Helvetica-Bold'),
        ...proseAt(140),
      ],
    ]);
    expect(doc).toMatchObject({ documentKind: 'report', committee: 'Kultur- og Fritidsudvalget', meetingDate: '2026-05-19' });
  });
});

describe('item headings among numbered rows and beside cells', () => {
  test.each(HEADING_CELL_EXAMPLES)('"$title" → $expected.title', ({ title, expected }) => {
    expect(splitHeadingCells(title)).toEqual(expected);
  });

  test('a goal table\'s numbered rows in small print between the items are no items', async () => {
    const heading = (y: number, n: number, title: string): TextRun[] => row(y, [[56, `${n}.`], [80, title]], 12.5, 'Helvetica-Bold');
    const small = (y: number, cells: readonly (readonly [number, string])[]): TextRun[] => row(y, cells, 8.5);
    const decision = (y: number, caseNo: string, text: string): TextRun[] => [
      ...row(y, [[56, `Sagsnr.: ${caseNo}`]], 8.5),
      ...row(y + 18, [[56, 'Beslutning i Erhvervsudvalget den 02-03-2026']]),
      ...row(y + 31, [[56, text]]),
    ];
    const doc = await extract('referat.pdf', [
      [
        ...row(50, [[56, 'Referat']], 22),
        ...row(80, [[56, 'Erhvervsudvalget']], 15),
        ...row(100, [[56, 'Mødedato:'], [150, '02.03.2026']]),
        ...heading(140, 1, 'Godkendelse af dagsorden'),
        ...decision(160, '26/301', 'Godkendt.'),
        ...heading(230, 2, 'Opfølgning på erhvervsmålene'),
        ...row(250, [[56, 'Sagsnr.: 26/877']], 8.5),
        ...row(268, [[56, 'Sagsfremstilling']]),
        ...proseAt(284),
        ...small(320, [[56, 'Nr.'], [74, 'Mål'], [330, 'Resultat'], [420, 'Status']]),
        ...small(334, [[56, '3'], [74, 'Der skal oprettes mindst 30 nye virksomheder i år.'], [330, '24 nye'], [420, '-'], [470, 'Forventes']]),
        ...small(344, [[470, 'nået']]),
        ...small(358, [[56, '4'], [74, 'Tilfredsheden med erhvervsservicen skal være'], [330, 'Opgøres i'], [420, '-'], [470, 'Afventer']]),
        ...small(368, [[74, 'mindst 4 på en skala fra 1 til 5.'], [330, 'december']]),
        ...row(392, [[56, 'Indstilling']]),
        ...row(406, [[56, 'Direktøren indstiller, at orienteringen tages til efterretning.']]),
        ...row(430, [[56, 'Beslutning i Erhvervsudvalget den 02-03-2026']]),
        ...row(443, [[56, 'Taget til efterretning.']]),
        ...heading(480, 3, 'Status på erhvervshuset'),
        ...decision(500, '26/912', 'Taget til efterretning.'),
        ...heading(570, 4, 'Eventuelt'),
        ...decision(590, '26/302', 'Intet.'),
      ],
    ]);
    expect(doc.agendaItems.map((a) => [a.number, a.title, a.caseNumber])).toEqual([
      [1, 'Godkendelse af dagsorden', '26/301'],
      [2, 'Opfølgning på erhvervsmålene', '26/877'],
      [3, 'Status på erhvervshuset', '26/912'],
      [4, 'Eventuelt', '26/302'],
    ]);
  });

  test('"Åben sag" in a cell beside the title, the case number under a "Sagsid.:" label', async () => {
    const heading = (y: number, n: number, title: string): TextRun[] => [
      ...row(y, [[56, String(n)], [80, title]], 12, 'Helvetica-Bold'),
      ...row(y + 2, [[480, 'Åben sag']], 7.5),
    ];
    const doc = await extract('dagsorden.pdf', [
      [
        ...row(50, [[56, 'Dagsorden']], 10),
        ...row(70, [[56, 'Klima- og Naturudvalget']], 18),
        ...row(100, [[56, 'Mødedato:'], [130, 'Onsdag den 8. april 2026']], 9),
        ...heading(140, 1, 'Godkendelse af dagsorden'),
        ...row(158, [[56, 'Sagsid.: 26/51'], [140, 'Sagsbehandler: Eva Lind']], 8),
        ...row(176, [[56, 'Forslag']]),
        ...row(190, [[56, 'Det foreslås, at dagsordenen godkendes.']]),
        ...heading(230, 2, 'Meddelelser'),
        ...row(248, [[56, 'Sagsid.: 26/52'], [140, 'Sagsbehandler: Eva Lind']], 8),
        ...row(266, [[56, 'Sagsfremstilling']]),
        ...proseAt(280),
      ],
    ]);
    expect(doc.agendaItems.map((a) => [a.number, a.title, a.caseNumber])).toEqual([
      [1, 'Godkendelse af dagsorden', '26/51'],
      [2, 'Meddelelser', '26/52'],
    ]);
  });
});
