// Goals as bullet items or numbered paragraphs in a case's running text, each with its result
// and verdict, as Word prints them: the bullet glyph, a tab to the text's indent, wrapped lines
// at that indent; "1)" / "b)" markers that are the goal's id. Real PDFs made with pdfkit; own Danish examples.
import { beforeAll, describe, expect, test } from 'vitest';
import { parsePdf } from '../../src/pdf/index.js';
import { buildDocument } from '../../src/pipeline/index.js';
import type { ExtractedDocument } from '../../src/schema/contract.js';
import { sentences } from '../../src/extract/goals/goal-text.js';
import { makePdf, type TextRun } from '../pdf/make-pdf.js';

/** Items of [first line, continuation lines…]: the glyph at 56 pt, the text indented at 80 pt. */
function bulletPage(intro: string[], items: string[][]): TextRun[] {
  const runs: TextRun[] = [];
  let y = 60;
  const put = (text: string, x: number): void => {
    runs.push({ text, x, y, size: 10 });
  };
  for (const line of intro) {
    put(line, 56);
    y += 15;
  }
  for (const item of items) {
    put('•', 62);
    item.forEach((line) => {
      put(line, 80);
      y += 15;
    });
  }
  return runs;
}

describe('bulleted goals with their results', () => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    const parsed = await parsePdf(
      await makePdf({
        pages: [
          bulletPage(
            ['Hjørring Kommune', 'Referat – Beskæftigelsesudvalget', 'Mødedato: 14. december 2021', 'Punkt 28: Målopfølgning', 'Sagsnr.: 21/1234',
              'Nedenfor følges der op på de mål, som udvalget har fastsat for indsatsen.'],
            [
              ['Mindst 58 % af de unge, der afslutter et forløb i jobcentret, skal påbegynde en', 'uddannelse. Resultatet var 55,6 % i 2021. Målet blev ikke indfriet.'],
              ['Antallet af borgere på kontanthjælp skal reduceres med 40 helårspersoner. Resultatet var', '46 personer. Målet er nået.'],
              ['Andelen af unge under 30 år på offentlig forsørgelse må højst være 10 %. Resultatet var', '9,1 %. Målet er indfriet.'],
            ],
          ),
        ],
      }),
    );
    doc = await buildDocument({ path: 'referat.pdf', sha256: 'e'.repeat(64), bytes: 1, parsed, withText: false });
  });

  test('each bullet is one goal: its statement without the glyph, its result and verdict', () => {
    expect(doc.goals.map((g) => [g.text, g.target?.value, g.target?.comparator, g.status])).toEqual([
      ['Mindst 58 % af de unge, der afslutter et forløb i jobcentret, skal påbegynde en uddannelse.', 58, '>=', 'not_met'],
      ['Antallet af borgere på kontanthjælp skal reduceres med 40 helårspersoner.', 40, 'reduce', 'met'],
      ['Andelen af unge under 30 år på offentlig forsørgelse må højst være 10 %.', 10, '<=', 'met'],
    ]);
    expect(doc.goals.map((g) => g.actual[0]?.value)).toEqual([55.6, 46, 9.1]);
  });
});

test('numbered paragraphs without a result label: the marker is the id, the words after it the goal', async () => {
  const lines = ['Hedensted Kommune', 'Referat – Beskæftigelsesudvalget', 'Mødedato: 9. juni 2020', 'Punkt 17: Målopfølgning', 'Sagsnr.: 20/14983',
    'Nedenfor følges der op på de mål, som udvalget har fastsat for indsatsen.',
    '1) Mindst 59 % af de unge, der afslutter et forløb i jobcentret, skal påbegynde en',
    'uddannelse. Opgørelsen viser et resultat på 53,2 %. Målet er ikke nået.',
    '2) Andelen af unge under 30 år på offentlig forsørgelse må højst være 21 %. Resultatet',
    'blev 19,0 %. Målet er nået.'];
  const parsed = await parsePdf(await makePdf({ pages: [lines.map((text, i) => ({ text, x: 56, y: 60 + i * 15, size: 10 }))] }));
  const found = await buildDocument({ path: 'referat.pdf', sha256: 'f'.repeat(64), bytes: 1, parsed, withText: false });
  expect(found.goals.map((g) => [g.id, g.text, g.status, g.actual[0]?.value])).toEqual([
    ['1', 'Mindst 59 % af de unge, der afslutter et forløb i jobcentret, skal påbegynde en uddannelse.', 'not_met', 53.2],
    ['2', 'Andelen af unge under 30 år på offentlig forsørgelse må højst være 21 %.', 'met', 19],
  ]);
});

describe('sentences of bulleted and numbered lines', () => {
  test.each([
    ['•\tMindst 58 % skal i uddannelse. Målet er nået.', ['Mindst 58 % skal i uddannelse.', 'Målet er nået.']],
    ['Indledning.\n•Antallet skal øges med 40.\n•Højst 9 % må være ledige.', ['Indledning.', 'Antallet skal øges med 40.', 'Højst 9 % må være ledige.']],
    // A tab after the bullet is its indent; a tab inside the line is still a table cell.
    ['•\tDer skal etableres minimum 560 nye\npraktikker. Målet er nået.', ['Der skal etableres minimum 560 nye\npraktikker.', 'Målet er nået.']],
    ['Mål\t2024\nMindst 58 % skal i uddannelse.', ['Mål\t2024', 'Mindst 58 % skal i uddannelse.']],
    ['Målet er nået. a) Ledige skal højst være ledige i 24 uger.\nb) Flere skal i job.', ['Målet er nået. a) Ledige skal højst være ledige i 24 uger.', 'b) Flere skal i job.']],
    ['Andelen skal stige med 5 pct. i\n2. kvartal og derefter.', ['Andelen skal stige med 5 pct. i\n2. kvartal og derefter.']],
  ])('%j', (text, expected) => {
    const found = sentences(text);
    expect(found.map((s) => s.text)).toEqual(expected);
    for (const s of found) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
