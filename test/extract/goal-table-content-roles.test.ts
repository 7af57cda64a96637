// Goal tables read by what their columns hold, on PDFs made here with pdfkit: a code column
// beside statements under unknown header words, marks and colours read through the
// document's own legend, quarter columns whose latest filled cell is the result, comparison
// columns of the country and of a cluster, and ministermål rows with no verdict. Tables of
// key figures and budgets, whose rows state no goals, stay out. All text is composed here.
import { describe, expect, test } from 'vitest';
import { buildDocument } from '../../src/pipeline/index.js';
import { parsePdf } from '../../src/pdf/index.js';
import type { ExtractedDocument } from '../../src/schema/contract.js';
import { makePdf, type TextRun } from '../pdf/make-pdf.js';

const SIZE = 9;

/** A row of cells at the given x positions; a cell given as several lines wraps downwards. */
function row(y: number, cells: readonly (readonly [number, string | readonly string[]])[]): TextRun[] {
  return cells.flatMap(([x, text]) => (typeof text === 'string' ? [text] : text).map((t, i) => ({ text: t, x, y: y + i * SIZE * 1.25, size: SIZE })));
}

function prose(y: number, lines: readonly string[]): TextRun[] {
  return lines.map((text, i) => ({ text, x: 56, y: y + i * 15, size: 10 }));
}

async function extract(page: TextRun[]): Promise<ExtractedDocument> {
  const bytes = await makePdf({ pages: [[...prose(50, ['Vesthimmerlands Kommune', 'Referat af mødet i Arbejdsmarkedsudvalget den 4. marts 2025']), ...page]] });
  const parsed = await parsePdf(bytes);
  return buildDocument({ path: 'maal.pdf', sha256: 'd'.repeat(64), bytes: bytes.length, parsed, withText: false });
}

const shape = (doc: ExtractedDocument) =>
  doc.goals.map((g) => ({ id: g.id, text: g.text, status: g.status, statusText: g.statusText, actual: g.actual.map((a) => [a.value, a.scope]) }));

describe('a code column and statements under header words the vocabulary does not know', () => {
  test('the statements are the goals, the codes their ids, the marks read through the legend', async () => {
    const doc = await extract([
      ...prose(110, ['Opfølgning på udvalgets mål for 2024.']),
      ...row(140, [[56, 'Pkt.'], [100, 'Udvalgets målsætninger'], [330, 'Opfyldt?'], [420, 'Realiseret']]),
      ...row(165, [[56, '2.1'], [100, ['Mindst 60 % af de unge skal være i', 'uddannelse efter et år.']], [330, '+'], [420, '61,2 %']]),
      ...row(200, [[56, '2.2'], [100, ['Antallet af virksomhedspraktikker skal', 'øges med 80.']], [330, '(+)'], [420, '64']]),
      ...row(235, [[56, '2.3'], [100, ['Højst 12 % af de ledige må være', 'langtidsledige.']], [330, '-'], [420, '13,5 %']]),
      ...prose(280, ['Tegnforklaring: + = målet er opfyldt, (+) = målet er delvist opfyldt, - = målet er ikke opfyldt.']),
    ]);
    expect(shape(doc)).toEqual([
      { id: '2.1', text: 'Mindst 60 % af de unge skal være i uddannelse efter et år.', status: 'met', statusText: '+', actual: [[61.2, 'municipality']] },
      { id: '2.2', text: 'Antallet af virksomhedspraktikker skal øges med 80.', status: 'partly_met', statusText: '(+)', actual: [[64, 'municipality']] },
      { id: '2.3', text: 'Højst 12 % af de ledige må være langtidsledige.', status: 'not_met', statusText: '-', actual: [[13.5, 'municipality']] },
    ]);
  });
});

describe('quarters, comparison columns and colours with a legend', () => {
  test('every filled quarter is an actual, in time order; the country and the cluster are comparisons', async () => {
    const doc = await extract([
      ...prose(110, ['Farverne betyder: Grøn: målet er nået. Rød: målet er ikke nået. Blå: arbejdet er i gang.']),
      ...row(140, [[56, 'Indsatsmål og aktiviteter'], [240, '1. kvt.'], [285, '2. kvt.'], [330, '3. kvt.'], [375, '4. kvt.'], [420, 'Vurdering'], [480, 'Landstal'], [530, 'Klyngen']]),
      ...row(165, [[56, ['Højst 20 % af de sygemeldte må have', 'et forløb over et halvt år.']], [240, '22,0 %'], [285, '19,5 %'], [330, '18,9 %'], [375, '–'], [420, 'Grøn'], [480, '21,3 %'], [530, '20,4 %']]),
      ...row(200, [[56, ['Jobcentret skal gennemføre mindst', '300 virksomhedsbesøg.']], [240, '60'], [285, '130'], [330, '205'], [375, '–'], [420, 'Blå'], [480, '–'], [530, '–']]),
    ]);
    expect(shape(doc)).toEqual([
      { id: 'maal-1', text: 'Højst 20 % af de sygemeldte må have et forløb over et halvt år.', status: 'met', statusText: 'Grøn', actual: [[22, 'municipality'], [19.5, 'municipality'], [18.9, 'municipality'], [21.3, 'national'], [20.4, 'other']] },
      { id: 'maal-2', text: 'Jobcentret skal gennemføre mindst 300 virksomhedsbesøg.', status: 'in_progress', statusText: 'Blå', actual: [[60, 'municipality'], [130, 'municipality'], [205, 'municipality']] },
    ]);
  });
});

describe('a header whose period words are centred over two lines', () => {
  test('"1." over "kvt." heads one column, which starts where its wider line does', async () => {
    const doc = await extract([
      ...prose(110, ['Grøn = målet er nået. Rød = målet er ikke nået.']),
      ...row(140, [[56, 'Nr.'], [90, 'Indsatsmål og aktiviteter'], [262, '1.'], [322, '2.'], [400, 'Status']]),
      ...row(151, [[253, 'kvt.'], [313, 'kvt.']]),
      ...row(170, [[56, 'B.1'], [90, ['Mindst 45 % af de nyledige skal være', 'i job efter tre måneder.']], [250, '44,0 %'], [310, '46,1 %'], [400, 'Grøn']]),
      ...row(205, [[56, 'B.2'], [90, ['Højst 900 borgere må være på', 'sygedagpenge.']], [250, '950'], [310, '–'], [400, 'Rød']]),
    ]);
    expect(shape(doc)).toEqual([
      { id: 'B.1', text: 'Mindst 45 % af de nyledige skal være i job efter tre måneder.', status: 'met', statusText: 'Grøn', actual: [[44, 'municipality'], [46.1, 'municipality']] },
      { id: 'B.2', text: 'Højst 900 borgere må være på sygedagpenge.', status: 'not_met', statusText: 'Rød', actual: [[950, 'municipality']] },
    ]);
  });
});

describe('ministermål: the municipality against a cluster and the country', () => {
  test('each row is a goal with no verdict', async () => {
    const doc = await extract([
      ...prose(110, ['Resultatrevisionen viser kommunens resultater på ministerens mål.']),
      ...row(140, [[56, 'Indikator'], [330, 'Kommunen'], [400, 'Klyngen'], [470, 'Hele landet']]),
      ...row(165, [[56, 'Flere ledige skal hurtigt i job'], [330, '47,1 %'], [400, '45,0 %'], [470, '46,2 %']]),
      ...row(190, [[56, 'Flere sygemeldte skal tilbage i arbejde'], [330, '61,0 %'], [400, '63,5 %'], [470, '62,8 %']]),
    ]);
    expect(shape(doc).map((g) => [g.text, g.status, g.actual])).toEqual([
      ['Flere ledige skal hurtigt i job', 'unknown', [[47.1, 'municipality'], [46.2, 'national'], [45, 'other']]],
      ['Flere sygemeldte skal tilbage i arbejde', 'unknown', [[61, 'municipality'], [62.8, 'national'], [63.5, 'other']]],
    ]);
  });
});

describe('tables whose rows state no goals', () => {
  test('key figures beside the country are no goals', async () => {
    const doc = await extract([
      ...row(140, [[56, 'Ydelse'], [330, 'Kommunen'], [470, 'Hele landet']]),
      ...row(165, [[56, 'Kontanthjælp'], [330, '3,1 %'], [470, '2,9 %']]),
      ...row(190, [[56, 'Sygedagpenge'], [330, '2,2 %'], [470, '2,4 %']]),
    ]);
    expect(doc.goals).toEqual([]);
  });

  test('a table by years of amounts is no goal table', async () => {
    const doc = await extract([
      ...row(140, [[56, 'Beløb i 1.000 kr.'], [330, '2023'], [400, '2024'], [470, 'Bemærkning']]),
      ...row(165, [[56, 'Mentorordninger'], [330, '3.500'], [400, '3.600'], [470, 'Uændret']]),
      ...row(190, [[56, 'Virksomhedspraktik'], [330, '1.200'], [400, '1.150'], [470, 'Færre forløb']]),
    ]);
    expect(doc.goals).toEqual([]);
  });
});
