// Agenda systems that print each item's heading as a small table: the number in a cell of its
// own ("101 | Godkendelse af dagsorden"), numbered from where the year's meetings have got to,
// and the case number as the first cell of the line below ("00.01.00-A00-3-25 | case worker |
// Åben"). Real PDFs made with pdfkit; own Danish text.
import { describe, expect, test } from 'vitest';
import { parsePdf } from '../../src/pdf/index.js';
import { buildDocument } from '../../src/pipeline/index.js';
import { makePdf, type TextRun } from '../pdf/make-pdf.js';

const line = (y: number, cells: readonly (readonly [number, string])[], size = 10): TextRun[] => cells.map(([x, text]) => ({ text, x, y, size }));

describe('item headings printed as tables', () => {
  test('numbers in a cell of their own, from 101, with case numbers as first cells', async () => {
    const pages: TextRun[][] = [
      [
        ...line(50, [[56, 'Faxe Kommune']]),
        ...line(66, [[56, 'Plan- og Miljøudvalget']]),
        ...line(82, [[56, 'Dagsorden for ordinært møde']]),
        ...line(98, [[56, 'Dato'], [200, 'Tid']]),
        ...line(112, [[56, 'Onsdag den 5. november 2025'], [200, 'Kl. 16.00']]),
        ...line(150, [[56, '101'], [90, 'Godkendelse af dagsorden']], 12),
        ...line(168, [[56, '00.01.00-A00-9-25'], [200, 'Lise Holt'], [330, 'Åben']]),
        ...line(186, [[56, 'Indstilling']]),
        ...line(200, [[56, 'Direktøren indstiller, at dagsordenen godkendes.']]),
        ...line(236, [[56, '102'], [90, 'Vandløbsregulativ for Tryggevælde Å']], 12),
        ...line(254, [[56, '06.02.03-P19-4-24'], [200, 'Ole Dam'], [330, 'Åben']]),
        ...line(272, [[56, 'Sagsfremstilling']]),
        ...line(286, [[56, 'Regulativet har været i høring i otte uger uden indsigelser.']]),
        ...line(322, [[56, '103'], [90, 'Eventuelt']], 12),
        ...line(340, [[56, '00.01.00-A00-10-25'], [200, 'Lise Holt'], [330, 'Åben']]),
        ...line(358, [[56, 'Indstilling']]),
        ...line(372, [[56, 'Til orientering.']]),
      ],
    ];
    const parsed = await parsePdf(await makePdf({ pages }));
    const doc = await buildDocument({ path: 'dagsorden.pdf', sha256: 'a'.repeat(64), bytes: 1, parsed, withText: false });
    expect(doc.agendaItems.map((i) => [i.number, i.title, i.caseNumber])).toEqual([
      [101, 'Godkendelse af dagsorden', '00.01.00-A00-9-25'],
      [102, 'Vandløbsregulativ for Tryggevælde Å', '06.02.03-P19-4-24'],
      [103, 'Eventuelt', '00.01.00-A00-10-25'],
    ]);
    expect(doc).toMatchObject({ documentKind: 'agenda', committee: 'Plan- og Miljøudvalget', meetingDate: '2025-11-05' });
  });
});
