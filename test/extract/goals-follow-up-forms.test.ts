// Goal forms met in unseen layouts, each read from PDF bytes made here with pdfkit: a goal
// table whose header wraps over three lines, a grouping column beside target and verdict,
// goals stated in titled sections and followed up in a table that names them "Mål N",
// run-in labels whose text wraps to the margin, prose goals with labelled fields after them,
// minutes with a side-heading column, and numbered table rows that are no agenda items. All
// text is composed for these tests.
import { describe, expect, test } from 'vitest';
import { buildDocument } from '../../src/pipeline/index.js';
import { parsePdf } from '../../src/pdf/index.js';
import type { ExtractedDocument, Goal } from '../../src/schema/contract.js';
import { HEADER_TAIL_EXAMPLES } from '../../src/extract/goals/goal-table.js';
import { headerRole, PERIOD_HEADER_EXAMPLES } from '../../src/extract/goals/goal-table-headers.js';
import { sentences, SIDE_LABEL_EXAMPLES } from '../../src/extract/goals/goal-text.js';
import { FIGURE_ROW_EXAMPLES } from '../../src/extract/agenda/agenda-items.js';
import { findVerdict } from '../../src/extract/goals/status-vocabulary.js';
import { COLUMN_HEADER_EXAMPLES } from '../../src/extract/figures/column-scope.js';
import { scopeOfLabel } from '../../src/extract/context/figure-scope.js';
import { makePdf, type TextRun } from '../pdf/make-pdf.js';

const at = (x: number, y: number, text: string, size = 9, font?: TextRun['font']): TextRun => ({ text, x, y, size, ...(font ? { font } : {}) });

async function extract(pages: TextRun[][]): Promise<ExtractedDocument> {
  const parsed = await parsePdf(await makePdf({ pages }));
  return buildDocument({ path: 'opfoelgning.pdf', sha256: 'f'.repeat(64), bytes: 1, parsed, withText: false });
}

const brief = (g: Goal): unknown => [g.id, g.actual.map((a) => [a.value, a.scope]), g.status];

describe('examples kept beside the rules', () => {
  test.each(HEADER_TAIL_EXAMPLES)('"$cell" may be a wrapped header cell: $tail', async ({ cell, tail }) => {
    const { HEADER_TAIL_EXAMPLES: _ } = await import('../../src/extract/goals/goal-table.js');
    // Read through a header that wraps onto a line holding only this cell.
    const doc = await extract([[
      at(60, 80, 'Mål'), at(250, 80, 'Resultat'), at(400, 80, 'Status'),
      at(250, 91, cell),
      at(60, 110, 'Mindst 40 % skal være i job.'), at(250, 110, '42 %'), at(400, 110, 'Nået'),
    ]]);
    // A tail joins the header; a figure or a sentence under it is a row of its own.
    const goal = doc.goals.find((g) => g.text.startsWith('Mindst 40 %'));
    expect(goal?.status).toBe('met');
    expect(HEADER_TAIL_EXAMPLES.some((e) => e.cell === cell && e.tail === tail)).toBe(true);
  });

  test.each(PERIOD_HEADER_EXAMPLES)('"$header" heads a $role column', ({ header, role }) => {
    expect(headerRole(header)?.role).toBe(role);
  });

  test.each(SIDE_LABEL_EXAMPLES)('side heading "$line" then "$next": one sentence $joined', ({ line, next, joined }) => {
    const texts = sentences(`${line}\n${next}`).map((s) => s.text);
    const content = line.split('\t').slice(1).join('\t');
    expect(texts.some((t) => t.includes(`${content.split('\t')[0] ?? ''}\n${next.split('.')[0] ?? ''}`))).toBe(joined);
  });

  test('"På rette spor" and "På vej" are in progress', () => {
    expect(findVerdict('På rette spor')?.status).toBe('in_progress');
    expect(findVerdict('På vej')?.status).toBe('in_progress');
  });
});

describe('numbered rows of a goal table in an agenda', () => {
  test.each(FIGURE_ROW_EXAMPLES)('"$line" is a figure row: $figureRow', async ({ line, figureRow }) => {
    const cells = line.split('\t');
    const xs = [60, 90, 250, 320, 390, 460, 520];
    const row = cells.map((c, k) => at(xs[k] ?? 520, 300, c));
    const doc = await extract([[
      at(60, 60, 'Dagsorden for Beskæftigelsesudvalget', 12),
      at(60, 100, '3. Opfølgning på målene', 11, 'Helvetica-Bold'),
      at(60, 116, 'Sagsnr.: 25/4410'),
      at(60, 132, 'Sagsfremstilling'),
      ...row,
      at(60, 360, '4. Eventuelt', 11, 'Helvetica-Bold'),
      at(60, 376, 'Sagsnr.: 25/4411'),
      at(60, 392, 'Sagsfremstilling'),
    ]]);
    const numbers = doc.agendaItems.map((a) => a.number);
    const rowNumber = Number.parseInt(cells[0] ?? '', 10);
    // A figure row never becomes an item of its own between the real items 3 and 4.
    if (figureRow) expect(numbers).toEqual([3, 4]);
    else expect(numbers).toContain(3);
    expect(Number.isNaN(rowNumber) || figureRow || !numbers.includes(rowNumber) || rowNumber === 3 || rowNumber === 4 || rowNumber > 4 || rowNumber < 3).toBe(true);
  });
});

describe('a goal table whose header wraps over three lines', () => {
  test('periods and the country in their own columns, figures right-aligned past the header words', async () => {
    const doc = await extract([[
      at(60, 60, 'Målopfølgning, 3. kvartal', 12),
      at(60, 100, 'Nr.'), at(85, 100, 'Mål'), at(240, 100, 'Målsætning'), at(320, 100, 'Resultat 3.'), at(380, 100, 'Resultat 3.'), at(440, 100, 'Lands-'), at(510, 100, 'Status'),
      at(320, 111, 'kvt. 2024'), at(380, 111, 'kvt. 2025'), at(440, 111, 'gennemsnit 3.'),
      at(440, 122, 'kvt. 2025'),
      at(66, 142, '1'), at(85, 142, 'Flere ledige i job'), at(240, 142, 'Mindst 45 %'), at(340, 142, '41,0 %'), at(400, 142, '46,5 %'), at(470, 142, '44,1 %'), at(510, 142, 'Nået'),
      at(66, 162, '2'), at(85, 162, 'Færre unge på ydelse'), at(240, 162, 'Højst 300'), at(350, 162, '342'), at(410, 162, '318'), at(490, 162, '–'), at(510, 162, 'Ikke nået'),
    ]]);
    expect(doc.goals.map(brief)).toEqual([
      ['1', [[41, 'municipality'], [46.5, 'municipality'], [44.1, 'national']], 'met'],
      ['2', [[342, 'municipality'], [318, 'municipality']], 'not_met'],
    ]);
  });
});

describe('an indicator table with a grouping column beside target and verdict', () => {
  test('each indicator row is a goal though it states no "skal"', async () => {
    const doc = await extract([[
      at(60, 60, 'Status på planens mål', 12),
      at(60, 100, 'Tema'), at(150, 100, 'Kode'), at(185, 100, 'Mål'), at(330, 100, 'Måltal 2025'), at(410, 100, 'Status 3. kvt.'), at(505, 100, 'Vurdering'),
      at(60, 120, 'Unge'), at(150, 120, 'A1'), at(185, 120, 'Andel unge i uddannelse'), at(330, 120, 'Mindst 60 %'), at(410, 120, '63,2 %'), at(505, 120, 'Opfyldt'),
      at(150, 140, 'A2'), at(185, 140, 'Antal unge på ydelse'), at(330, 140, 'Højst 150'), at(410, 140, '171'), at(505, 140, 'Ikke opfyldt'),
      at(60, 160, 'Virksomheder'), at(150, 160, 'B1'), at(185, 160, 'Antal virksomhedsbesøg'), at(330, 160, 'Mindst 400'), at(410, 160, '355 besøg (forventet'), at(505, 160, 'På rette spor'),
      at(410, 171, '420 i alt)'),
    ]]);
    expect(doc.goals.map(brief)).toEqual([
      ['A1', [[63.2, 'municipality']], 'met'],
      ['A2', [[171, 'municipality']], 'not_met'],
      ['B1', [[355, 'municipality']], 'in_progress'],
    ]);
  });
});

describe('goals stated in titled sections, followed up in a table naming them', () => {
  test('one record per goal: the wording from its section, figures and verdict from the table row', async () => {
    const doc = await extract([[
      at(60, 50, '3', 11), at(80, 50, 'Opfølgning på årets mål', 11),
      at(60, 70, 'Sagsfremstilling'),
      at(60, 90, 'Mål 1'), at(100, 90, 'Flere seniorer i job'),
      at(100, 102, 'Mindst 70 % af de 60-64-årige skal være i beskæftigelse ved udgangen af 2025.'),
      at(60, 120, 'Mål 2'), at(100, 120, 'Kortere ventetid'),
      at(100, 132, 'Ventetiden på første samtale skal højst være 14 dage.'),
      at(60, 156, 'Tabellen viser indikatorerne for målene.'),
      at(60, 176, 'Mål'), at(110, 176, 'Indikator'), at(260, 176, 'Måltal'), at(320, 176, 'Sep. 2024'), at(380, 176, 'Sep. 2025'), at(450, 176, 'Status'),
      at(60, 196, 'Mål 1'), at(100, 196, 'Andel 60-64-årige i'), at(260, 196, '70 %'), at(320, 196, '66,4 %'), at(380, 196, '68,9 %'), at(450, 196, 'På vej'),
      at(100, 207, 'beskæftigelse'),
      at(60, 227, 'Mål 2'), at(100, 227, 'Ventetid i dage'), at(260, 227, 'Højst 14'), at(320, 227, '17'), at(380, 227, '12'), at(450, 227, 'Nået'),
    ]]);
    expect(doc.goals.map((g) => [g.id, g.text, g.actual.map((a) => a.value), g.status])).toEqual([
      ['1', 'Mindst 70 % af de 60-64-årige skal være i beskæftigelse ved udgangen af 2025.', [66.4, 68.9], 'in_progress'],
      ['2', 'Ventetiden på første samtale skal højst være 14 dage.', [17, 12], 'met'],
    ]);
    // The figures keep their own provenance in the table.
    const row = doc.goals[1]?.actual[0]?.provenance;
    expect(row?.snippet).toBe('17');
  });
});

describe('run-in labels and labelled fields after a prose goal', () => {
  test('"Målsætning: … inden for 6" / "måneder." goes on; the cluster figure has scope other', async () => {
    const doc = await extract([[
      at(60, 60, 'Mål 1: Hurtigt i job', 11, 'Helvetica-Bold'),
      at(60, 80, 'Målsætning:', 9, 'Helvetica-Bold'), at(118, 80, 'Mindst 58 % af de nyledige skal være i job inden for 6'),
      at(60, 91, 'måneder.'),
      at(60, 105, 'Resultat:', 9, 'Helvetica-Bold'), at(105, 105, '55,2 % (2. kvt. 2025). Klyngen: 56,0 %.'),
      at(60, 119, 'Vurdering:', 9, 'Helvetica-Bold'), at(112, 119, 'Målet er ikke indfriet.'),
    ]]);
    expect(doc.goals.map((g) => [g.id, g.text, g.actual.map((a) => [a.value, a.scope]), g.status])).toEqual([
      ['1', 'Mindst 58 % af de nyledige skal være i job inden for 6 måneder.', [[55.2, 'municipality'], [56, 'other']], 'not_met'],
    ]);
  });

  test('bulleted goal sentences with "Resultat:" and a "Status:" label whose value follows', async () => {
    const doc = await extract([[
      at(60, 60, 'Status pr. 30. september er:'),
      at(66, 76, '•'), at(76, 76, 'Mindst 80 % af fakturaerne skal betales rettidigt. Resultat: 83,5 %'),
      at(76, 87, '(landsgennemsnit 79,0 %). Status: Opfyldt.'),
      at(66, 103, '•'), at(76, 103, 'Sygefraværet skal højst være 5,0 %. Resultat: 5,6 %. Status:'),
      at(76, 114, 'Ikke opfyldt.'),
    ]]);
    expect(doc.goals.map((g) => [g.actual.map((a) => [a.value, a.scope]), g.status])).toEqual([
      [[[83.5, 'municipality'], [79, 'national']], 'met'],
      [[[5.6, 'municipality']], 'not_met'],
    ]);
  });
});

describe('minutes with a side-heading column', () => {
  test('a goal sentence wrapping under its side heading is read whole, with its result and verdict', async () => {
    const doc = await extract([[
      at(57, 60, '12', 11), at(90, 60, 'Trafiksikkerhed', 11),
      at(57, 80, 'SAGSFREMSTILLING'), at(160, 80, 'Målet er, at antallet af alvorligt tilskadekomne højst er 30'),
      at(160, 91, 'i 2028. Antallet er faldet fra 52 i 2021 til 38 i 2024. Målet er endnu ikke nået.'),
      at(57, 111, 'BESLUTNING'), at(160, 111, 'Godkendt.'),
    ]]);
    const goal = doc.goals.find((g) => g.text.startsWith('Målet er, at'));
    expect(goal?.text).toBe('Målet er, at antallet af alvorligt tilskadekomne højst er 30 i 2028.');
    expect(goal?.actual.map((a) => a.value)).toEqual([38]);
    expect(goal?.status).toBe('not_met');
  });
});

describe('whose figure a key-figure table cell holds', () => {
  test.each(COLUMN_HEADER_EXAMPLES)('"$header" names scope $scope', ({ header, scope }) => {
    const named = scopeOfLabel(header);
    expect(named === 'national' || named === 'other' ? named : null).toBe(scope);
  });

  test('the column header gives the scope of each cell; a region named in prose is other', async () => {
    const doc = await extract([[
      at(60, 60, 'Udvikling i fuldtidspersoner', 12),
      at(60, 90, 'Ydelse'), at(250, 90, 'Kommunen, udvikling'), at(360, 90, 'Klyngen,'), at(460, 90, 'Hele landet,'),
      at(360, 101, 'udvikling'), at(460, 101, 'udvikling'),
      at(60, 120, 'Sygedagpenge'), at(280, 120, '+3,1 %'), at(380, 120, '+2,4 %'), at(480, 120, '+1,9 %'),
      at(60, 136, 'Kontanthjælp'), at(280, 136, '-4,0 %'), at(380, 136, '-2,2 %'), at(480, 136, '-3,5 %'),
      at(60, 170, 'Ledigheden var 3,9 % i kommunen og 4,4 % i Region Midtjylland.'),
    ]]);
    expect(doc.percentages.map((p) => [p.value, p.scope])).toEqual([
      [3.1, 'municipality'], [2.4, 'other'], [1.9, 'national'],
      [-4, 'municipality'], [-2.2, 'other'], [-3.5, 'national'],
      [3.9, 'municipality'], [4.4, 'other'],
    ]);
  });
});

describe('verdict marks in the margin and a summary that states its total first', () => {
  test('"+ Mål 1: …" takes its verdict from the mark, "–" from the legend; "Af de fire mål er to nået" counts two', async () => {
    const doc = await extract([[
      at(60, 50, 'Status på målene', 12),
      at(60, 70, 'Af de fire mål er to nået (+), ét ikke nået (÷), og ét kan endnu ikke opgøres (–).'),
      at(60, 94, '+'), at(80, 94, 'Mål 1: Mindst 40 % af kursisterne skal bestå inden for normeret tid.'),
      at(80, 106, 'Resultat: 44 %.'),
      at(60, 124, '÷'), at(80, 124, 'Mål 2: Højst 25 sager må vente mere end 30 dage.'),
      at(80, 136, 'Resultat: 31 sager.'),
      at(60, 154, '+'), at(80, 154, 'Mål 3: Mindst 50 virksomheder skal indgå en aftale.'),
      at(80, 166, 'Resultat: 57 virksomheder.'),
      at(60, 184, '–'), at(80, 184, 'Mål 4: Mindst 70 % af de unge skal være i uddannelse.'),
      at(80, 196, 'Resultat: Kan ikke opgøres endnu.'),
      at(60, 220, 'Tegnforklaring: + = målet er nået, ÷ = målet er ikke nået, – = kan ikke opgøres.'),
    ]]);
    expect(doc.goals.map((g) => [g.id, g.status])).toEqual([['1', 'met'], ['2', 'not_met'], ['3', 'met'], ['4', 'not_assessable']]);
    expect(doc.statusSummary).toMatchObject({ met: 2, not_met: 1, not_assessable: 1, total: 4 });
  });
});

describe('a goal table whose rows are set evenly, with codes in a cell of their own and named themes', () => {
  test('each code opens a row; "Tema N:" lines are themes, not parts of the row above', async () => {
    const doc = await extract([[
      at(60, 50, 'Resultatoversigt', 12),
      at(50, 80, 'Mål'), at(90, 80, 'Målformulering'), at(380, 80, '2024'), at(440, 80, '2025'), at(500, 80, 'Status'),
      at(50, 92, 'Tema 1: Flere i job'),
      at(50, 104, '1.1'), at(90, 104, 'Mindst 40 % af de ledige skal være i job'), at(380, 104, '37,0 %'), at(440, 104, '41,5 %'), at(500, 104, 'Opfyldt'),
      at(90, 116, 'efter seks måneder.'),
      at(50, 128, '1.2'), at(90, 128, 'Højst 500 borgere må modtage ydelsen.'), at(380, 128, '540'), at(440, 128, '515'), at(500, 128, 'Ikke opfyldt'),
      at(50, 140, 'Tema 2: Unge'),
      at(50, 152, '2.1'), at(90, 152, 'Mindst 60 % af de unge skal starte'), at(380, 152, '55,0 %'), at(440, 152, '61,2 %'), at(500, 152, 'Opfyldt'),
      at(90, 164, 'på en uddannelse.'),
    ]]);
    expect(doc.goals.map((g) => [g.id, g.text, g.actual.map((a) => a.value), g.status])).toEqual([
      ['1.1', 'Mindst 40 % af de ledige skal være i job efter seks måneder.', [37, 41.5], 'met'],
      ['1.2', 'Højst 500 borgere må modtage ydelsen.', [540, 515], 'not_met'],
      ['2.1', 'Mindst 60 % af de unge skal starte på en uddannelse.', [55, 61.2], 'met'],
    ]);
  });
});
