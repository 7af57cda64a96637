// Older agenda systems (Acadre/Adlib, eDoc, SBSYS exports): "Udvalget for plan, udvikling og
// kultur (PUK)", "Torsdag den 20. juni 2013", three-digit item numbers, "1 of 5" page stamps and
// every earlier decision kept, dated, under the item.
import { describe, expect, test } from 'vitest';
import { COMMITTEE_NAME_EXAMPLES, isCommitteeName } from '../../src/extract/meeting/committees.js';
import { extractFacts } from '../../src/extract/index.js';
import { contextFrom } from './pages.js';

describe('names of bodies, with their counter-examples', () => {
  test.each(COMMITTEE_NAME_EXAMPLES)('"$text": $committee', ({ text, committee }) => {
    expect(isCommitteeName(text)).toBe(committee);
  });
});

const decided = (date: string, text: string): string[] => [`Beslutning i Udvalget for plan, udvikling og kultur den ${date}`, text];

describe('an Acadre referat', () => {
  const items = [
    '715. Godkendelse af dagsorden',
    'Sagsnr.: 13/1234',
    ...decided('16. maj 2013', 'Udsat.'),
    ...decided('20. juni 2013', 'Godkendt.'),
    '2 of 5',
    '716. Kulturkommune 2017',
    'Sagsfremstilling',
    'Oplægget drøftes.',
    ...decided('20. juni 2013', 'Drøftet.'),
  ];

  test('committee and weekday date from the header, three-digit items, this meeting\'s decision', () => {
    const header = ['1 of 5', 'Syddjurs Kommune', 'Referat', 'Udvalget for plan, udvikling og kultur (PUK)', 'Torsdag den 20. juni 2013 kl. 15.00', 'Mødested: Rådhuset'];
    const facts = extractFacts(contextFrom('arkiv/puk.pdf', [...header, ...items].join('\n')));
    expect(facts).toMatchObject({ committee: 'Udvalget for plan, udvikling og kultur', meetingDate: '2013-06-20', documentKind: 'minutes' });
    expect(facts.agendaItems.map((a) => [a.number, a.title, a.decision])).toEqual([
      [715, 'Godkendelse af dagsorden', 'Godkendt.'],
      [716, 'Kulturkommune 2017', 'Drøftet.'],
    ]);
  });

  test('without a header date, the latest dated decision block is this meeting\'s, not the first', () => {
    const facts = extractFacts(contextFrom('arkiv/puk.pdf', ['1 of 5', 'Syddjurs Kommune', ...items].join('\n')));
    expect(facts).toMatchObject({ committee: 'Udvalget for plan, udvikling og kultur', meetingDate: '2013-06-20' });
  });
});
