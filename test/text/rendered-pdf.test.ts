// A two-page document written for this test, rendered with pdfkit, read back with
// parsePdf and normalised: running header and page numbers, a word split across lines,
// two columns of prose, a table that must stay in rows, and numbers read from it all.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, test } from 'vitest';
import { parsePdf } from '../../src/pdf/index.js';
import type { NormaliseResult } from '../../src/text/normalise.js';
import { normalisePages } from '../../src/text/normalise.js';
import { findQuantities } from '../../src/text/numbers.js';
import { expectConsistent, lineTexts } from './helpers.js';

// pdfkit is CommonJS with `export =` typings; require keeps esModuleInterop off.
const PDFDocument = createRequire(import.meta.url)('pdfkit') as typeof import('pdfkit');

const LEFT = [
  'Jobcentret har i første kvartal',
  'arbejdet målrettet med at få flere',
  'ledige i ordinær beskæftigelse og',
  'har samtidig styrket samarbejdet',
  'med de lokale virksomheder, som',
  'efterspørger arbejdskraft inden for',
  'bygge og anlæg samt transport.',
];
const RIGHT = [
  'Udvalget drøftede resultaterne og',
  'besluttede at fortsætte indsatsen',
  'for de unge under 30 år, der har',
  'været ledige i mere end et halvt år.',
  'Forvaltningen følger op på sagen',
  'på næste møde i juni med en status',
  'for de samlede resultater i 2025.',
];
const TABLE = [
  ['Beløb i 1.000 kr.', 'Budget', 'Forbrug'],
  ['Sygedagpenge', '12.400', '13.250'],
  ['Kontanthjælp', '8.100', '7.950'],
  ['Fleksjob', '5.300', '5.420'],
];

async function render(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Title: 'Testreferat' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const header = (n: number): void => {
    doc.font('Helvetica').fontSize(9).text('Arbejdsmarkedsudvalget – referat 12. marts 2025', 60, 40, { lineBreak: false });
    doc.fontSize(9).text(`Side ${n} af 2`, 480, 800, { lineBreak: false });
  };
  header(1);
  doc.font('Helvetica-Bold').fontSize(14).text('Punkt 3: Status på beskæftigelsesindsatsen', 60, 90, { lineBreak: false });
  doc.font('Helvetica').fontSize(10);
  doc.text('Antallet af fleksjob-', 60, 130, { lineBreak: false });
  doc.text('ansatte steg med 4,5 % til 312 personer, og der blev oprettet 14 IGU-', 60, 144, { lineBreak: false });
  doc.text('pladser. Merforbruget er ca. 2,3 mio. kr. i 2025-2028.', 60, 158, { lineBreak: false });
  LEFT.forEach((t, i) => doc.text(t, 60, 200 + i * 14, { lineBreak: false }));
  RIGHT.forEach((t, i) => doc.text(t, 320, 200 + i * 14, { lineBreak: false }));
  doc.addPage({ size: 'A4', margin: 0 });
  header(2);
  doc.font('Helvetica-Bold').fontSize(12).text('Økonomi', 60, 90, { lineBreak: false });
  doc.font('Helvetica').fontSize(10);
  TABLE.forEach((cells, r) => cells.forEach((c, i) => doc.text(c, 60 + i * 150, 120 + r * 16, { lineBreak: false })));
  doc.text('Udvalget tog orienteringen til efterretning.', 60, 200, { lineBreak: false });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

describe('a rendered two-page referat', () => {
  let result: NormaliseResult;
  beforeAll(async () => {
    const parsed = await parsePdf(await render());
    result = normalisePages(parsed.pages);
  });

  test('offsets are consistent on every page', () => {
    for (const p of result.pages) expectConsistent(p);
  });

  test('the running header (smaller than the body) and the page numbers are gone from every page', () => {
    const [first, second] = result.pages.map(lineTexts);
    expect(result.pages.every((p) => !p.text.includes('Arbejdsmarkedsudvalget – referat'))).toBe(true);
    expect(first?.[0]).toBe('Punkt 3: Status på beskæftigelsesindsatsen');
    expect(second?.[0]).toBe('Økonomi');
    expect(result.pages.every((p) => !/Side \d af 2/u.test(p.text))).toBe(true);
  });

  test('words split across lines are joined, real hyphens kept', () => {
    const lines = lineTexts(result.pages[0]!);
    expect(lines).toContain('Antallet af fleksjobansatte');
    expect(lines).toContain('steg med 4,5 % til 312 personer, og der blev oprettet 14 IGU-pladser.');
    expect(lines).toContain('Merforbruget er ca. 2,3 mio. kr. i 2025-2028.');
  });

  test('two columns are read left first, then right', () => {
    const p = result.pages[0]!;
    const lines = lineTexts(p);
    const start = lines.indexOf(LEFT[0]!);
    expect(lines.slice(start, start + LEFT.length + RIGHT.length)).toEqual([...LEFT, ...RIGHT]);
    expect(p.lines.slice(start + LEFT.length).map((l) => l.column)).toEqual(RIGHT.map(() => 1));
    expect(result.warnings).toContainEqual({ code: 'columns_detected', message: 'read 2 text columns left to right', page: 1 });
  });

  test('the table stays in rows with tab-separated cells', () => {
    const lines = lineTexts(result.pages[1]!);
    for (const row of TABLE) expect(lines).toContain(row.join('\t'));
  });

  test('quantities are found in the normalised text with offsets into it', () => {
    const text = result.pages[0]!.text;
    const found = findQuantities(text);
    expect(found.map((q) => [q.value, q.unit, q.approximate])).toEqual([
      [4.5, 'percent', false],
      [2300000, 'dkk', true],
    ]);
    for (const q of found) expect(text.slice(q.start, q.end)).toBe(q.raw);
  });

  test('no repair on a clean rendered document', () => {
    expect(result.warnings.filter((w) => w.code === 'text_repaired')).toEqual([]);
  });
});
