// Meeting classes met first in unseen documents, on real PDF bytes made here with pdfkit in our own
// Danish words: a key-value masthead whose label cell says "Udvalg"; an item title worded
// "Høring: …" under a bare "Sag nr. N".
import { describe, expect, test } from 'vitest';
import { buildDocument } from '../../src/pipeline/index.js';
import { parsePdf } from '../../src/pdf/index.js';
import type { ExtractedDocument } from '../../src/schema/contract.js';
import { makePdf, type TextRun } from '../pdf/make-pdf.js';
import { isTopicTitle, TOPIC_TITLE_EXAMPLES } from '../../src/extract/agenda/topic-title.js';

/** A run at x, y. */
const left = (x: number, y: number, text: string, size = 10, font?: TextRun['font']): TextRun => ({ text, x, y, size, ...(font ? { font } : {}) });

async function extract(pages: TextRun[][]): Promise<ExtractedDocument> {
  const parsed = await parsePdf(await makePdf({ pages }));
  return buildDocument({ path: 'doc.pdf', sha256: 'f'.repeat(64), bytes: 1, parsed, withText: false });
}

describe('a key-value masthead and "Topic: subject" titles', () => {
  test('the label cell "Udvalg" names no committee; the value cell beside it does', async () => {
    const doc = await extract([
      [
        left(60, 60, 'Næsby Kommune', 20),
        left(60, 110, 'Referat', 24),
        left(60, 160, 'Udvalg'),
        left(190, 160, 'Kultur- og Fritidsudvalget'),
        left(60, 178, 'Mødedato'),
        left(190, 178, 'Tirsdag den 9. juni 2026'),
        left(60, 196, 'Mødested'),
        left(190, 196, 'Byrådssalen, Rådhuset'),
        left(60, 240, 'Punkt 12. Godkendelse af dagsorden', 13, 'Helvetica-Bold'),
        left(60, 258, 'Sagsnr.: 26/330', 9),
        left(60, 278, 'Beslutning', 11, 'Helvetica-Bold'),
        left(60, 294, 'Godkendt.'),
      ],
    ]);
    expect(doc).toMatchObject({ committee: 'Kultur- og Fritidsudvalget', meetingDate: '2026-06-09', documentKind: 'minutes' });
  });

  test.each(TOPIC_TITLE_EXAMPLES)('"$line": title $title', ({ line, title }) => {
    expect(isTopicTitle(line)).toBe(title);
  });

  test('"Sag nr. 14" alone, its title "Høring: …" on the line below', async () => {
    const item = (y: number, n: number, title: string): TextRun[] => [
      left(60, y, `Sag nr. ${n}`, 13, 'Helvetica-Bold'),
      left(60, y + 30, title, 13, 'Helvetica-Bold'),
      left(60, y + 50, `J.nr.: 01.02.03-A00-${n}-26`, 9),
      left(60, y + 70, 'Beslutning:', 11, 'Helvetica-Bold'),
      left(60, y + 86, 'Drøftet.'),
    ];
    const doc = await extract([
      [
        left(60, 40, 'Beslutningsprotokol · Social- og Sundhedsudvalget · 3. november 2026', 9),
        ...item(80, 13, 'Godkendelse af dagsorden'),
        ...item(200, 14, 'Høring: Ny affaldsplan 2027-2032'),
        ...item(320, 15, 'Meddelelser'),
      ],
    ]);
    expect(doc.agendaItems.map((a) => [a.number, a.title])).toEqual([
      [13, 'Godkendelse af dagsorden'],
      [14, 'Høring: Ny affaldsplan 2027-2032'],
      [15, 'Meddelelser'],
    ]);
  });
});
