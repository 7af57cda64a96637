// The cells an agenda system prints beside an item's title on its heading line: the item's access
// ("Åben sag", "Lukket punkt", "Åben") and its case number ("25/1120"), right-aligned in cells
// of their own. They describe the item; they are no part of its title.
import { isCaseNumberLine } from './case-number-line.js';

/** An access status: open or closed, optionally with the word for case or item. */
const ACCESS_CELL = /^(?:åben|åbent|lukket|offentlig|fortrolig)(?:\s+(?:sag|punkt|dagsordenspunkt|møde))?$/iu;

/** The title without the trailing access and case-number cells, and the case number one of them held. */
export function splitHeadingCells(rawTitle: string): { title: string; caseNumber: string | null } {
  const cells = rawTitle.split('\t');
  let caseNumber: string | null = null;
  while (cells.length > 1) {
    const last = (cells.at(-1) ?? '').trim();
    if (last === '' || ACCESS_CELL.test(last)) {
      cells.pop();
    } else if (isCaseNumberLine(last)) {
      caseNumber ??= last;
      cells.pop();
    } else {
      break;
    }
  }
  return { title: cells.join('\t'), caseNumber };
}

/** Heading lines' titles, as data: the title and case number the cells leave. */
export const HEADING_CELL_EXAMPLES: readonly { title: string; expected: { title: string; caseNumber: string | null } }[] = [
  { title: 'Eventuelt\tÅben sag', expected: { title: 'Eventuelt', caseNumber: null } },
  { title: 'Meddelelser\tLukket punkt', expected: { title: 'Meddelelser', caseNumber: null } },
  { title: 'Budgetopfølgning pr. 31. maj\t24/3310\tÅben', expected: { title: 'Budgetopfølgning pr. 31. maj', caseNumber: '24/3310' } },
  // a title that only ends in an access word, with no cell of its own, keeps it
  { title: 'Forslag om åben skole', expected: { title: 'Forslag om åben skole', caseNumber: null } },
  { title: 'Godkendelse af dagsorden', expected: { title: 'Godkendelse af dagsorden', caseNumber: null } },
];
