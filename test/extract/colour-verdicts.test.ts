// Verdicts given by colour alone: a "●" filled green, yellow or red in a status column, its
// meaning set by a legend in colour names, by a legend of coloured marks, or by the traffic
// light itself. The colour comes from the PDF's drawing (pdf.js operator list), in real PDFs
// made with pdfkit and DejaVu Sans (the standard fonts have no "●").
import { describe, expect, test } from 'vitest';
import { parsePdf } from '../../src/pdf/index.js';
import { COLOUR_PAGE_EXAMPLES, speaksOfColours } from '../../src/pdf/page-colours.js';
import { MARK_GLYPH, MARK_GLYPH_EXAMPLES } from '../../src/schema/parsed.js';
import { buildDocument } from '../../src/pipeline/index.js';
import { COLOUR_NAME_EXAMPLES, colourName } from '../../src/extract/common/mark-colours.js';
import type { ExtractedDocument } from '../../src/schema/contract.js';
import { makePdf, type FilledBox, type TextRun as PdfRun } from '../pdf/make-pdf.js';

const GREEN = '#2e9d3a';
const YELLOW = '#e0a800';
const RED = '#dd2222';

describe('the rules’ examples', () => {
  test.each(COLOUR_NAME_EXAMPLES)('$hex is named $name', ({ hex, name }) => {
    expect(colourName(hex)).toBe(name);
  });
  test.each(COLOUR_PAGE_EXAMPLES)('the colours of a page reading "$text" are read: $read', ({ text, read }) => {
    expect(speaksOfColours(text)).toBe(read);
  });
  test.each(MARK_GLYPH_EXAMPLES)('"$text" may carry a colour verdict: $mark', ({ text, mark }) => {
    expect(MARK_GLYPH.test(text)).toBe(mark);
  });
});

const at = (x: number, y: number, text: string, extra: Partial<PdfRun> = {}): PdfRun => ({ text, x, y, size: 10, ...extra });
const dot = (x: number, y: number, colour: string): PdfRun => at(x, y - 2, '●', { font: 'DejaVuSans', size: 13, colour });

/** A goal table whose Status column holds only coloured dots, with a free-text comment beside them. */
function dotTable(colours: readonly [string, string, string], legend: PdfRun[]): PdfRun[] {
  return [
    at(56, 50, 'Referat · Erhvervsudvalget · Vordingborg Kommune'),
    at(56, 64, 'Mødedato: 12. maj 2026'),
    at(56, 90, '4. Status på erhvervsmål'),
    at(56, 120, 'Nr.', { font: 'Helvetica-Bold' }), at(90, 120, 'Mål', { font: 'Helvetica-Bold' }), at(330, 120, 'Resultat', { font: 'Helvetica-Bold' }),
    at(392, 120, 'Status', { font: 'Helvetica-Bold' }), at(440, 120, 'Kommentar', { font: 'Helvetica-Bold' }),
    at(56, 142, 'V1'), at(90, 142, 'Mindst 150 nye virksomheder om året.'), at(330, 142, '162'), dot(400, 142, colours[0]), at(440, 142, 'Flere end ventet.'),
    at(56, 164, 'V2'), at(90, 164, 'Ledigheden skal være under 3,5 %.'), at(330, 164, '3,8 %'), dot(400, 164, colours[1]), at(440, 164, 'Tæt på.'),
    at(56, 186, 'V3'), at(90, 186, 'Mindst 80 % skal være tilfredse.'), at(330, 186, '71 %'), dot(400, 186, colours[2]), at(440, 186, 'Faldet.'),
    ...legend,
  ];
}

async function documentOf(runs: PdfRun[]): Promise<ExtractedDocument> {
  const parsed = await parsePdf(await makePdf({ pages: [runs] }));
  return buildDocument({ path: 'status.pdf', sha256: 'd'.repeat(64), bytes: 1, parsed, withText: false });
}

const statuses = (doc: ExtractedDocument) => doc.goals.map((g) => [g.id, g.status]);

describe('mark colours from the PDF', () => {
  test('each mark glyph keeps its fill colour and place; a page of bullets and words has none', async () => {
    const parsed = await parsePdf(
      await makePdf({
        pages: [
          [at(56, 60, 'Status'), dot(120, 60, GREEN), dot(140, 60, RED), at(56, 90, 'Forklaring: ● Grøn: nået', { font: 'DejaVuSans', colour: YELLOW })],
          [at(56, 60, '• Første punkt', { font: 'DejaVuSans' }), at(56, 80, 'Ingen markeringer her.')],
        ],
      }),
    );
    const [first, second] = parsed.pages;
    expect(first?.marks?.map((m) => [m.glyph, m.colour])).toEqual([['●', GREEN], ['●', RED], ['●', YELLOW]]);
    expect(first?.marks?.[0]?.x).toBeCloseTo(120, 0);
    expect(first?.marks?.[1]?.x).toBeCloseTo(140, 0);
    expect(second?.marks).toBeUndefined();
  });
});

describe('goal verdicts given by colour', () => {
  test('a legend in colour names: yellow is what the legend says ("på vej"), not the traffic light’s default', async () => {
    const legend = [at(56, 214, '● Grøn: målet er nået  ● Gul: på vej  ● Rød: ikke nået', { font: 'DejaVuSans', size: 8 })];
    const doc = await documentOf(dotTable([GREEN, YELLOW, RED], legend));
    expect(statuses(doc)).toEqual([['V1', 'met'], ['V2', 'in_progress'], ['V3', 'not_met']]);
  });

  test('a legend of coloured marks without colour names: each colour takes its mark’s meaning', async () => {
    const legend = [
      at(56, 214, '●', { font: 'DejaVuSans', size: 8, colour: GREEN }), at(66, 214, 'Målet er nået', { size: 8 }),
      at(150, 214, '●', { font: 'DejaVuSans', size: 8, colour: YELLOW }), at(160, 214, 'Målet er delvist nået', { size: 8 }),
      at(270, 214, '●', { font: 'DejaVuSans', size: 8, colour: RED }), at(280, 214, 'Målet er ikke nået', { size: 8 }),
    ];
    const doc = await documentOf(dotTable([RED, GREEN, YELLOW], legend));
    expect(statuses(doc)).toEqual([['V1', 'not_met'], ['V2', 'met'], ['V3', 'partly_met']]);
  });

  test('no legend: green, yellow and red read as traffic lights, in other shades too', async () => {
    const doc = await documentOf(dotTable(['#00b050', '#ffc000', '#c00000'], []));
    expect(statuses(doc)).toEqual([['V1', 'met'], ['V2', 'partly_met'], ['V3', 'not_met']]);
  });

  test('black marks are told apart by shape: a legend of ✔ and ✘ keeps its meanings', async () => {
    const runs = dotTable([GREEN, GREEN, GREEN], [at(56, 214, '✔ = målet er nået, ✘ = målet er ikke nået', { font: 'DejaVuSans', size: 8 })]).map((r) =>
      r.text === '●' ? { ...r, text: r.y < 150 ? '✔' : '✘', colour: '#000000', size: 10 } : r,
    );
    const doc = await documentOf(runs);
    expect(statuses(doc)).toEqual([['V1', 'met'], ['V2', 'not_met'], ['V3', 'not_met']]);
  });
});

describe('goal verdicts given by a painted cell', () => {
  /** The same table with its Status cells painted and empty, and a legend of painted keys below it. */
  async function paintedDocument(cells: readonly string[], legend: readonly [string, string][], note?: string): Promise<ExtractedDocument> {
    const runs = dotTable([GREEN, GREEN, GREEN], []).filter((r) => r.text !== '●');
    if (note) runs.push(at(56, 240, note));
    const boxes: FilledBox[] = cells.map((colour, k) => ({ x: 390, y: 138 + 22 * k, width: 44, height: 20, colour }));
    legend.forEach(([colour, meaning], k) => {
      boxes.push({ x: 56 + 130 * k, y: 214, width: 8, height: 8, colour });
      runs.push(at(68 + 130 * k, 214, meaning, { size: 8 }));
    });
    const parsed = await parsePdf(await makePdf({ pages: [runs], boxes: [boxes] }));
    return buildDocument({ path: 'status.pdf', sha256: 'e'.repeat(64), bytes: 1, parsed, withText: false });
  }

  test('each painted cell takes the meaning its colour has in the legend of painted keys', async () => {
    const doc = await paintedDocument(['#f2c200', '#b5b5b5', '#2e9a47'], [['#2e9a47', 'Målet er nået'], ['#f2c200', 'Målet er delvist nået'], ['#d7322b', 'Målet er ikke nået'], ['#b5b5b5', 'Kan ikke opgøres']]);
    expect(statuses(doc)).toEqual([['V1', 'partly_met'], ['V2', 'not_assessable'], ['V3', 'met']]);
    // The legend below the table is no goal.
    expect(doc.goals).toHaveLength(3);
  });

  test('without a legend, on a page that speaks of colours, vivid traffic lights are read and pastel shading is not', async () => {
    const vivid = await paintedDocument(['#00b050', '#c00000', '#ffc000'], [], 'Status er vist med farve.');
    expect(statuses(vivid)).toEqual([['V1', 'met'], ['V2', 'not_met'], ['V3', 'partly_met']]);
    const pastel = await paintedDocument(['#e2efda', '#e2efda', '#eeeeee'], [], 'Status er vist med farve.');
    expect(statuses(pastel).map(([, s]) => s)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  test('a page that names no colour and prints no legend is not read for painted cells (its drawing is not parsed twice)', async () => {
    const silent = await paintedDocument(['#00b050', '#c00000', '#ffc000'], []);
    expect(statuses(silent).map(([, s]) => s)).toEqual(['unknown', 'unknown', 'unknown']);
  });
});
