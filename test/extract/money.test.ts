// Kroner amounts in running text written for this project: every unit form, signs,
// "ca.", unit headers that are not amounts, context and provenance.
import { describe, expect, test } from 'vitest';
import { extractMoneyAmounts } from '../../src/extract/figures/money.js';
import type { MoneyAmount } from '../../src/schema/contract.js';
import { VULGAR_FRACTION_EXAMPLES } from '../../src/extract/figures/vulgar-fractions.js';
import { contextFrom, expectProvenance, noWarnings, pagesFrom } from './pages.js';

function amounts(...pages: string[]): MoneyAmount[] {
  const ctx = contextFrom('doc.pdf', ...pages);
  const found = extractMoneyAmounts(ctx, noWarnings);
  for (const a of found) expectProvenance(ctx.pages, a.provenance);
  return found;
}

const rows: [text: string, values: number[], contextWord?: string][] = [
  ['Udvalget skal finde besparelser på 2,4 mio. kr. i 2026.', [2400000], 'besparelser'],
  ['Anlægget koster 1,2 mia. kr. over fire år.', [1200000000], 'Anlægget'],
  ['Puljen øges med 75.000 kr. i 2025.', [75000], 'Puljen'],
  ['Tilskuddet er 350 kroner pr. deltager.', [350], 'Tilskuddet'],
  ['Rammen udgør 640 t.kr. i alt.', [640000], 'Rammen'],
  ['Merforbruget er ca. 3,5 mio. kr. og mindreindtægten ca. 0,4 mio. kr.', [3500000, 400000], 'Merforbruget'],
  ['Resultatet viser et forventet merforbrug på -1,25 mio. kr.', [-1250000], 'merforbrug'],
  ['Der er afsat kr. 500.000 til projektet.', [500000]],
  ['Prisen er 12,50 kr. pr. billet.', [12.5], 'Prisen'],
  ['Ledigheden faldt med 4 % og 120 personer kom i job.', []],
  ['Beløb i 1.000 kr.', []],
  ['(1.000 kr.)', []],
  ['Tabel 2. Driftsbudget, 1.000 kr.\nLøn \t1.200', []],
  ['Tilskuddet er på 1.000 kr.', [1000], 'Tilskuddet'],
  ['Indsatsen koster 1.800.000 kr. i 2026, som vist i tabel 4.', [1800000], 'Indsatsen'],
  ['Tabel 4. Udgifter til mentorer\nt.kr.\t2026\t2027\nMentorer\t900\t950', []],
  ['Tabel 5. Overførsler\nMio. kr.\tBudget 2026\tAfvigelse\nKontanthjælp\t312,4\t÷2,1', []],
];

describe('extractMoneyAmounts', () => {
  test.each(rows)('%s', (text, values, contextWord) => {
    const found = amounts(text);
    expect(found.map((a) => a.value)).toEqual(values);
    for (const a of found) expect(a.currency).toBe('DKK');
    if (contextWord) expect(found[0]?.context).toContain(contextWord);
  });

  test('a "1.000 kr" column header is a unit, the cells under it are not read here', () => {
    expect(amounts('Driftsbudget\n1.000 kr \t2025 \t2026\nLøn \t1.200 \t1.250\nI alt \t1.200 \t1.250')).toEqual([]);
  });

  test('a cell that carries "kr." is an amount', () => {
    const found = amounts('Ydelse \tSats\nKontanthjælp \t12.550 kr.\nUddannelseshjælp \t7.426 kr.');
    expect(found.map((a) => [a.value, a.raw])).toEqual([
      [12550, '12.550 kr.'],
      [7426, '7.426 kr.'],
    ]);
  });

  test('raw is whitespace-normalised, the snippet is the page text', () => {
    const [a] = amounts('Bevillingen på 912,9\nmio. kr. frigives.');
    expect(a?.raw).toBe('912,9 mio. kr.');
    expect(a?.provenance.snippet).toBe('912,9\nmio. kr.');
  });
});

describe('context of an amount', () => {
  const context = (text: string, i = 0): string | undefined => amounts(text)[i]?.context;

  test('a verb tying the amount to its subject names it: udgift, bidrag', () => {
    expect(context('Projektet koster 2,5 mio. kr. over to år.')).toBe('Projektets udgift to år');
    expect(context('Afdelingen skal bidrage med 0,6 mio. kr. til råderummet i 2027.')).toBe('Afdelingens bidrag råderummet');
  });

  test('an expected amount says so, with the subject whose amount it is', () => {
    expect(context('Hjemmeplejen ventes at give et merforbrug på 3,2 mio. kr.')).toBe('forventet merforbrug Hjemmeplejen');
    expect(context('Den realiserede gevinst er opgjort til 1,9 mio. kr.')).toBe('realiseret gevinst');
  });

  test('an amount ending its sentence does not take words from the next one', () => {
    expect(context('Der var budgetteret med 4,0 mio. kr. Det faktiske forbrug blev 4,4 mio. kr.')).not.toContain('forbrug');
  });

  test('a list line without a full stop is not the subject of the next line', () => {
    expect(context('To mål for 2025:\nAntallet af sager skal falde fra 2024 til 2025\nIndsatsen skal give en besparelse på 2,1 mio. kr.')).toBe('besparelse Indsatsen');
  });

  test('an amount applied for is named by the application in its item heading', () => {
    const [a] = amounts('4. Ansøgning om tilskud til mentorordning for unge\nSagsfremstilling\nUngeenheden søger om 275.000 kr. fra udviklingspuljen.');
    expect(a?.context).toBe('søger om tilskud til mentorordning for unge');
  });

  test('an amount applied for without such a heading takes the purpose after it', () => {
    const [a] = amounts('Foreningen ansøger om 40.000 kr. til sommerferieaktiviteter.');
    expect(a?.context).toBe('ansøger om tilskud til sommerferieaktiviteter');
  });

  test('an amount set aside takes its purpose, read back to where the text introduced it', () => {
    const [a] = amounts('Forvaltningen foreslår et styrket mentorforløb for nyuddannede med handicap. Udvalget har i budgettet afsat 2,2 mio. kr. til mentorforløbet i 2026.');
    expect(a?.context).toBe('afsat i budgettet til styrket mentorforløb for nyuddannede med handicap');
  });
});

describe('vulgar fractions before an amount ("2 ¼ mia. kr." folded to "2 1⁄4")', () => {
  test.each(VULGAR_FRACTION_EXAMPLES)('$text → $value', ({ text, value }) => {
    const pages = pagesFrom(text);
    const amounts = extractMoneyAmounts(contextFrom('x.pdf', text), () => undefined);
    expect(amounts.map((a) => a.value)).toEqual([value]);
    for (const a of amounts) expectProvenance(pages, a.provenance);
  });
});
