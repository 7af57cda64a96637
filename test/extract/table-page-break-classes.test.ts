// Budget table classes met first in unseen documents, on real PDF bytes made here with pdfkit in
// our own Danish words: a table whose caption, unit line and column names stay at the foot of one
// page while its rows move to the next under a repeated header; a finance system's trailing minus
// ("1.205.000-") in a table's last cell before a numbered heading; a row label cut by the page
// break; a contents list whose page numbers run past the PDF's pages.
import { describe, expect, test } from 'vitest';
import { buildDocument } from '../../src/pipeline/index.js';
import { parsePdf } from '../../src/pdf/index.js';
import type { ExtractedDocument } from '../../src/schema/contract.js';
import { makePdf, type TextRun } from '../pdf/make-pdf.js';

/** Helvetica advance widths (per 1 000 em) of what amounts are made of. */
const GLYPH: Record<string, number> = { '.': 278, ',': 278, '-': 333, ' ': 278 };
const widthOf = (text: string, size: number): number => [...text].reduce((w, ch) => w + (GLYPH[ch] ?? 556), 0) * (size / 1000);
const right = (edge: number, y: number, text: string, size = 10): TextRun => ({ text, x: edge - widthOf(text, size), y, size });
const left = (x: number, y: number, text: string, size = 10, font?: TextRun['font']): TextRun => ({ text, x, y, size, ...(font ? { font } : {}) });

async function extract(pages: TextRun[][]): Promise<ExtractedDocument> {
  const parsed = await parsePdf(await makePdf({ pages }));
  return buildDocument({ path: 'doc.pdf', sha256: 'f'.repeat(64), bytes: 1, parsed, withText: false });
}

const cells = (doc: ExtractedDocument): [string, (number | null)[]][] =>
  doc.budgetTables.flatMap((t) => [...t.rows, ...(t.total ? [t.total] : [])].map((r): [string, (number | null)[]] => [r.label, r.values]));

const EDGES = [330, 420, 510] as const;
const header = (y: number): TextRun[] => [
  left(60, y + 10, 'Politikområde', 9),
  right(330, y, 'Oprindeligt', 9),
  right(420, y, 'Forventet', 9),
  right(510, y, 'Afvigelse', 9),
  right(330, y + 10, 'budget', 9),
  right(420, y + 10, 'forbrug', 9),
];
const rowAt = (y: number, label: string, amounts: readonly string[]): TextRun[] => [left(60, y, label), ...amounts.map((a, k) => right(EDGES[k] ?? 0, y, a))];

describe('a table cut by a page break', () => {
  test('unit line with its sign legend and the header left at the foot of a page; the rows under a repeated header on the next', async () => {
    const doc = await extract([
      [
        left(60, 60, 'Punkt 4 Halvårsregnskab for kultur og fritid', 13, 'Helvetica-Bold'),
        left(60, 90, 'Forvaltningen forventer samlet set et lille mindreforbrug på udvalgets område, og de'),
        left(60, 104, 'enkelte politikområder ligger tæt på deres budget.'),
        ...Array.from({ length: 30 }, (_, k) => left(60, 130 + k * 18, k % 2 === 0 ? 'Udviklingen beskrives nærmere i bilaget til sagen, som udvalget har fået tilsendt' : 'sammen med dagsordenen, og som også ligger på kommunens hjemmeside.')),
        left(60, 700, 'Beløb i mio. kr. (negativt tal = mindreudgift)', 9),
        ...header(718),
      ],
      [
        ...header(60),
        ...rowAt(90, 'Biblioteker', ['31,6', '31,2', '-0,4']),
        ...rowAt(108, 'Idrætsanlæg', ['44,1', '45,0', '0,9']),
        ...rowAt(126, 'Musikskole', ['9,8', '9,7', '-0,1']),
        ...rowAt(144, 'I alt', ['85,5', '85,9', '0,4']),
        left(60, 180, 'Indstilling', 11, 'Helvetica-Bold'),
        left(60, 196, 'Forvaltningen indstiller, at orienteringen tages til efterretning.'),
      ],
    ]);
    expect(cells(doc)).toEqual([
      ['Biblioteker', [31600000, 31200000, -400000]],
      ['Idrætsanlæg', [44100000, 45000000, 900000]],
      ['Musikskole', [9800000, 9700000, -100000]],
      ['I alt', [85500000, 85900000, 400000]],
    ]);
  });

  test('trailing minus in the last cell before a numbered heading, and a row label finished under the repeated header', async () => {
    const doc = await extract([
      [
        left(60, 60, '2. Driftsregnskab', 13, 'Helvetica-Bold'),
        ...Array.from({ length: 30 }, (_, k) => left(60, 84 + k * 18, k % 2 === 0 ? 'Tallene er trukket fra økonomisystemet, der viser et merforbrug med minus efter' : 'beløbet. Afvigelsen er budget minus forventet forbrug for hele året.')),
        left(60, 640, 'Tabel 2. Drift pr. område (kr.)', 9),
        ...header(660),
        ...rowAt(690, 'Skoler', ['212.400.000', '214.100.000', '1.700.000-']),
        ...rowAt(708, 'Tilskud til private og', ['18.050.000', '17.600.000', '450.000']),
      ],
      [
        ...header(60),
        left(60, 90, 'selvejende institutioner'),
        ...rowAt(108, 'Ungdomsskole', ['6.300.000', '6.550.000', '250.000-']),
        ...rowAt(126, 'I alt', ['236.750.000', '238.250.000', '1.500.000-']),
        left(60, 160, '3. Anlæg', 13, 'Helvetica-Bold'),
        left(60, 184, 'Der er ingen anlægsprojekter på udvalgets område i år.'),
      ],
    ]);
    expect(cells(doc)).toEqual([
      ['Skoler', [212400000, 214100000, -1700000]],
      ['Tilskud til private og selvejende institutioner', [18050000, 17600000, 450000]],
      ['Ungdomsskole', [6300000, 6550000, -250000]],
      ['I alt', [236750000, 238250000, -1500000]],
    ]);
    expect(doc.budgetTables[0]?.total?.label).toBe('I alt');
  });
});

describe('a contents list whose page numbers run past the PDF', () => {
  test('"Indhold" over numbered items with pages 3–7 in a four-page file holds no kroner', async () => {
    const items = ['Godkendelse af dagsorden', 'Regnskab for svømmehallen', 'Lån til nyt varmeværk', 'Meddelelser'];
    const pages = [3, 4, 6, 7];
    const doc = await extract([
      [left(60, 60, 'Næsby Kommune', 20), left(60, 120, 'Dagsorden', 24), left(60, 170, 'Økonomiudvalget', 14), left(60, 190, 'Mødedato: 12. maj 2026')],
      [left(60, 60, 'Indhold', 13, 'Helvetica-Bold'), ...items.flatMap((t, k) => [left(60, 90 + k * 18, `${k + 1}. ${t}`), right(520, 90 + k * 18, String(pages[k]))])],
      [
        ...items.slice(0, 2).flatMap((t, k) => [
          left(60, 60 + k * 120, `${k + 1}. ${t}`, 13, 'Helvetica-Bold'),
          left(60, 80 + k * 120, `Sagsnr.: 26/${410 + k}`, 9),
          left(60, 100 + k * 120, 'Indstilling', 11, 'Helvetica-Bold'),
          left(60, 116 + k * 120, 'Direktionen indstiller, at sagen godkendes.'),
        ]),
      ],
      [
        ...items.slice(2).flatMap((t, k) => [
          left(60, 60 + k * 120, `${k + 3}. ${t}`, 13, 'Helvetica-Bold'),
          left(60, 80 + k * 120, `Sagsnr.: 26/${412 + k}`, 9),
          left(60, 100 + k * 120, 'Indstilling', 11, 'Helvetica-Bold'),
          left(60, 116 + k * 120, 'Direktionen indstiller, at sagen godkendes.'),
        ]),
      ],
    ]);
    expect(doc.agendaItems.map((a) => a.number)).toEqual([1, 2, 3, 4]);
    expect(doc.budgetTables).toEqual([]);
    expect(doc.moneyAmounts).toEqual([]);
  });
});

