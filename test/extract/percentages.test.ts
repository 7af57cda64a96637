// Percentages in sentences written for this project: value, unit, scope (national /
// municipality / other) and a context naming what is measured.
import { describe, expect, test } from 'vitest';
import { extractMoneyAmounts } from '../../src/extract/figures/money.js';
import { extractPercentages } from '../../src/extract/figures/percentages.js';
import { sentenceAround, withCarryOver } from '../../src/extract/common/sentences.js';
import type { Percentage } from '../../src/schema/contract.js';
import { contextFrom, expectProvenance, layoutPage, noWarnings } from './pages.js';

function percentages(...pages: string[]): Percentage[] {
  const ctx = contextFrom('doc.pdf', ...pages);
  const found = extractPercentages(ctx, noWarnings);
  for (const p of found) expectProvenance(ctx.pages, p.provenance);
  return found;
}

type Row = [text: string, expected: [value: number, unit: Percentage['unit'], scope: Percentage['scope'], contextWord: string][]];

const rows: Row[] = [
  ['I 2024 var ledigheden 3,9 % i Favrskov Kommune og 4,6 % på landsplan.', [[3.9, 'percent', 'municipality', 'ledigheden'], [4.6, 'percent', 'national', 'ledigheden']]],
  ['Landsgennemsnittet er 61,2 %.', [[61.2, 'percent', 'national', 'Landsgennemsnittet']]],
  ['På landsplan er 41 % i job og 12 % i uddannelse.', [[41, 'percent', 'national', 'job'], [12, 'percent', 'national', 'uddannelse']]],
  ['I hele landet steg andelen til 18 pct.', [[18, 'percent', 'national', 'andelen']]],
  ['Det nationale mål er 25 procent.', [[25, 'percent', 'national', 'mål']]],
  ['Kommunens andel er 2 procentpoint højere end landstallet.', [[2, 'percentage_points', 'municipality', 'andel']]],
  ['Aktiveringsgraden blandt sygemeldte var 44,5 % i 2024.', [[44.5, 'percent', 'municipality', 'Aktiveringsgraden blandt sygemeldte']]],
  ['Ydelsen udløser 50 % refusion fra staten.', [[50, 'percent', 'other', 'refusion']]],
  ['Medfinansieringen er på 30 % de første fire uger.', [[30, 'percent', 'other', 'Medfinansieringen']]],
  ['Der er flest på 80 % medfinansiering.', [[80, 'percent', 'other', 'medfinansiering']]],
  ['Målet er, at 75 % af de unge gennemfører en uddannelse.', [[75, 'percent', 'municipality', 'unge']]],
  ['Svarprocenten var 30-40 % i kommunerne.', [[30, 'percent', 'municipality', 'Svarprocenten'], [40, 'percent', 'municipality', 'Svarprocenten']]],
  ['Status\tFavrskov: 21,9 %, landsgennemsnit: 26,4 %.', [[21.9, 'percent', 'municipality', ''], [26.4, 'percent', 'national', '']]],
  ['Andelen er halveret siden 2020, og en fjerdedel er i job.', []],
  ['Beståelsesprocenten blev 88,1%. Landstallet er 90,0 %.', [[88.1, 'percent', 'municipality', 'Beståelsesprocenten'], [90, 'percent', 'national', 'Beståelsesprocenten']]],
  ['I Danmark er andelen 58 %, i regionen 55 % og i Ikast-Brande Kommune 61 %.', [[58, 'percent', 'national', 'andelen'], [55, 'percent', 'other', 'andelen'], [61, 'percent', 'municipality', 'andelen']]],
  ['Samarbejdsgraden ligger over landsgennemsnittet med 47 %.', [[47, 'percent', 'municipality', 'Samarbejdsgraden']]],
];

describe('extractPercentages', () => {
  test.each(rows)('%s', (text, expected) => {
    const found = percentages(text);
    expect(found.map((p) => [p.value, p.unit, p.scope])).toEqual(expected.map(([v, u, s]) => [v, u, s]));
    found.forEach((p, i) => expect(p.context).toContain(expected[i]?.[3]));
  });

  test('table cells take scope and context from their row label', () => {
    const found = percentages('Beskæftigelsesfrekvens \t2023 \t2024\nRebild Kommune \t78,1 % \t78,9 %\nLandsgennemsnit \t76,0 % \t76,4 %');
    expect(found.map((p) => [p.value, p.scope, p.context])).toEqual([
      [78.1, 'municipality', 'Rebild Kommune'],
      [78.9, 'municipality', 'Rebild Kommune'],
      [76, 'national', 'Landsgennemsnit'],
      [76.4, 'national', 'Landsgennemsnit'],
    ]);
  });

  test('a table cell wrapped over lines is read as one text (column by x position)', () => {
    const page = layoutPage(1, [
      ['Mål\tMålsætning\tResultat', 10],
      ['1.1\tMindst 60 % af de nyledige\t61,3 % i job. Hele landet', 10],
      ['skal være i job\tlå på 57,0 %.', 10],
    ]);
    // Cells as the normaliser records them: one fragment per cell, at its column's x.
    const xs = [40, 80, 300];
    for (const line of page.lines) {
      let at = line.start;
      line.fragments = page.text.slice(line.start, line.end).split('\t').map((cell, k, all) => {
        const x = all.length === 2 ? (xs[k + 1] as number) : (xs[k] as number);
        const f = { start: at, end: at + cell.length, x, width: cell.length * 5, size: 10, bold: false };
        at += cell.length + 1;
        return f;
      });
    }
    const ctx = { ...contextFrom('t.pdf'), pages: [page] };
    const found = extractPercentages(ctx, noWarnings);
    expect(found.map((p) => [p.value, p.scope])).toEqual([
      [60, 'municipality'],
      [61.3, 'municipality'],
      [57, 'national'],
    ]);
  });

  test('raw keeps the figure as printed, on one line', () => {
    const [p] = percentages('Andelen af aktivitetsparate var 72,6\n% i december.');
    expect(p?.raw).toBe('72,6 %');
    expect(p?.provenance.snippet).toBe('72,6\n%');
  });

  test('"dette tal" measures what the figure before it measured, across a page break', () => {
    const found = percentages(
      'I Lemvig Kommune oplever 64,2 % af borgerne, at de bliver mødt med respekt. På landsplan er dette tal',
      '58,9 %. Resultaterne drøftes i udvalget.',
    );
    expect(found.map((p) => [p.value, p.scope, p.provenance.page])).toEqual([
      [64.2, 'municipality', 1],
      [58.9, 'national', 2],
    ]);
    // The national figure measures the same thing, named for the country, not for Lemvig.
    expect(found[0]?.context).toContain('borgerne');
    expect(found[1]?.context).toContain('borgerne');
    expect(found[1]?.context).toMatch(/landsplan/iu);
    expect(found[1]?.context).not.toMatch(/Lemvig|Kommune/u);
  });
});

describe('sentences', () => {
  test('a sentence ends at a full stop before a capital, not after an abbreviation or ordinal', () => {
    const text = 'Status pr. 31. marts 2024 viser 12 %. Næste måling kommer.';
    const span = { start: text.indexOf('12'), end: text.indexOf('12') + 4 };
    expect(text.slice(sentenceAround(text, span).start, sentenceAround(text, span).end)).toBe('Status pr. 31. marts 2024 viser 12 %');
  });

  test('a page that ends mid-sentence carries into the next page', () => {
    // The whole sentence before the unfinished one comes along: a sentence may point back to it.
    expect(withCarryOver('Første sætning. På landsplan er dette tal', '58,9 %.')).toEqual({
      text: 'Første sætning. På landsplan er dette tal 58,9 %.',
      offset: 'Første sætning. På landsplan er dette tal '.length,
    });
    // Only whole sentences: one cut by the carry limit stays behind.
    const long = `${'ord '.repeat(150)}slutter her. På landsplan er dette tal`;
    expect(withCarryOver(long, '58,9 %.').text).toBe('På landsplan er dette tal 58,9 %.');
    expect(withCarryOver('Sætningen slutter her.', '58,9 %.')).toEqual({ text: '58,9 %.', offset: 0 });
  });
});

describe('context: what a figure measures', () => {
  const contexts = (...pages: string[]): string[] => percentages(...pages).map((p) => p.context);

  test('a change ("faldt med", "ændrede sig med") is named with its noun and the measure', () => {
    expect(contexts('Andelen af ledige akademikere faldt med 1,4 procentpoint i 2024.')).toEqual(['fald i andel af ledige akademikere']);
    expect(contexts('Udvalget noterede, at antallet af klagesager ændrede sig med ÷6 % fra 2023.')[0]).toMatch(/^ændring i antal af klagesager/u);
    // The level reached after the change measures the thing itself, not the change.
    const [change, level] = contexts('Beskæftigelsesgraden for seniorer steg med 2,0 procentpoint til 68 procent.');
    expect(change).toBe('stigning i beskæftigelsesgrad for seniorer');
    expect(level).toBe('beskæftigelsesgrad for seniorer');
  });

  test('a fronted adverbial narrows the measure, a national figure names its reference without the municipality', () => {
    expect(contexts('Blandt kvinder over 50 år er ledigheden 5,2 %.')[0]).toBe('ledigheden blandt kvinder over 50 år');
    const [own, national] = contexts('Beskæftigelsesgraden i Holstebro var 71 % mod 74 % på landsplan.');
    expect(own).toBe('Beskæftigelsesgraden i Holstebro');
    expect(national).toBe('Beskæftigelsesgraden på landsplan');
  });

  test('a measure named in a sentence without a figure is the topic of the figures that follow', () => {
    const [local, national] = contexts('Mål 2\tAndelen af kursister med bestået prøve skal følge landstallet.\nStatus\tHolstebro: 64,0 %, landsgennemsnit: 61,5 %.');
    expect(local).toBe('Andelen af kursister med bestået prøve');
    expect(national).toBe('Andelen af kursister med bestået prøve landsgennemsnit');
    // "kommunens andel" refers back to it as well.
    expect(contexts('Andelen af borgere med en digital plan skulle stige. Målet er nået: kommunens andel blev 57 %.')).toEqual(['Andelen af borgere med en digital plan']);
  });

  test('a target\'s modal verb becomes the wording of the measure; "her" and "hvilket" point back', () => {
    expect(contexts('Mindst 60 % af eleverne skal gennemføre en erhvervsuddannelse.')).toEqual(['eleverne gennemfører en erhvervsuddannelse']);
    expect(contexts('Praktikforløbene er evalueret i foråret. Her er 44 % af deltagerne kommet i job.')[0]).toMatch(/^praktikforløb – deltagerne kommet i job$|^praktikforløb deltagerne kommet i job$/u);
    expect(contexts('I alt 12 af 20 mål er nået, hvilket svarer til 60 % af målene.')[0]).toContain('mål er nået');
  });

  test('a result cell takes the measure from the goal cell of its row, in either column order', () => {
    const page = layoutPage(1, [
      ['Mål\tMålsætning\tResultat', 10],
      ['1\tLedigheden blandt borgere over\tLedigheden var 3,1 % i marts.', 10],
      ['60 år skal være under 4 %.', 10],
      ['2\tSygefraværet var 7,4 %.\tSygefraværet blandt ansatte i', 10],
      ['fleksjob skal være under 6 %.', 10],
    ]);
    // Cells as the normaliser records them: one fragment per cell, at its column's x; a wrapped line continues a column.
    const xs = [40, 80, 300];
    const continues = [false, false, true, false, true];
    page.lines.forEach((line, n) => {
      let at = line.start;
      const cells = page.text.slice(line.start, line.end).split('\t');
      line.fragments = cells.map((cell, k) => {
        const x = continues[n] ? (n === 4 ? (xs[2] as number) : (xs[1] as number)) : (xs[k] as number);
        const f = { start: at, end: at + cell.length, x, width: cell.length * 5, size: 10, bold: false };
        at += cell.length + 1;
        return f;
      });
    });
    const found = extractPercentages({ ...contextFrom('t.pdf'), pages: [page] }, noWarnings);
    const byRaw = new Map(found.map((p) => [p.raw, p.context]));
    expect(byRaw.get('3,1 %')).toContain('Ledigheden blandt borgere over 60 år');
    expect(byRaw.get('4 %')).toContain('Ledigheden blandt borgere over 60 år');
    expect(byRaw.get('7,4 %')).toContain('Sygefraværet blandt ansatte i fleksjob');
  });
});

/** A page of tab-separated rows whose cells sit at the given x positions (one fragment per cell). */
function tablePage(rows: [text: string, xs: number[]][]): ReturnType<typeof layoutPage> {
  const page = layoutPage(1, rows.map(([t]) => [t, 10]));
  page.lines.forEach((line, n) => {
    const xs = rows[n]?.[1] ?? [50];
    let at = line.start;
    line.fragments = page.text.slice(line.start, line.end).split('\t').map((cell, k) => {
      const f = { start: at, end: at + cell.length, x: xs[k] ?? 50, width: cell.length * 5, size: 10, bold: false };
      at += cell.length + 1;
      return f;
    });
  });
  return page;
}

describe('scope within one cell or sentence: a national label goes with the figure it labels', () => {
  const scopes = (text: string): [number, string][] => percentages(text).map((p) => [p.value, p.scope]);

  test.each([
    ['Resultatet blev 47,3 % (landsgennemsnit: 44,8 %).', [[47.3, 'municipality'], [44.8, 'national']]],
    ['Andelen i job var 31,2 % (hele landet 29,5 %).', [[31.2, 'municipality'], [29.5, 'national']]],
    ['Fraværet lå på 6,1 % (landsplan: 5,7 %) i 2024.', [[6.1, 'municipality'], [5.7, 'national']]],
    ['Sygefraværet var 5,1 % mod 5,6 % på landsplan.', [[5.1, 'municipality'], [5.6, 'national']]],
    ['Ledigheden var 2,2 % i hele landet og 2,0 % i kommunen.', [[2.2, 'national'], [2, 'municipality']]],
    ['Landsgennemsnittet er 18,4 %, mens kommunen ligger på 16,9 %.', [[18.4, 'national'], [16.9, 'municipality']]],
  ] as [string, [number, string][]][])('%s', (text, expected) => {
    expect(scopes(text)).toEqual(expected);
  });

  test('a cell wrapped over two lines keeps its label with the second figure', () => {
    const page = tablePage([
      ['Nr.\tMål\tResultat', [60, 100, 300]],
      ['1\tMindst 55 % af de ledige\t58,0 % (landsgennemsnit:', [60, 100, 300]],
      ['skal være i job efter et år.\t56,3 %)', [100, 300]],
    ]);
    const found = extractPercentages({ ...contextFrom('t.pdf'), pages: [page] }, noWarnings);
    expect(found.map((p) => [p.value, p.scope])).toEqual([[55, 'municipality'], [58, 'municipality'], [56.3, 'national']]);
  });
});

describe('context: the own row, a sentence pointing back, a subject, a named change', () => {
  const contexts = (...pages: string[]): string[] => percentages(...pages).map((p) => p.context);

  test('a table row whose first cell wraps takes its context from its own row, not the previous table', () => {
    const page = tablePage([
      ['Nr.\tMål\tResultat', [66, 100, 302]],
      ['1\tMindst 40 % af borgerne i fleksjob skal\tOpfyldt', [66, 100, 302]],
      ['arbejde over 15 timer om ugen.', [100]],
      ['Nøgletal 2025', [62]],
      ['Indikator\tMåltal\tRealiseret', [66, 249, 336]],
      ['Andel ledige\tmindst 20 %\t18,5 % (hele landet', [66, 249, 336]],
      ['akademikere i ordinære\t19,9 %)', [66, 336]],
      ['job efter seks måneder', [66]],
    ]);
    const found = extractPercentages({ ...contextFrom('t.pdf'), pages: [page] }, noWarnings);
    const byValue = new Map(found.map((p) => [p.value, p]));
    for (const v of [20, 18.5, 19.9]) {
      expect(byValue.get(v)?.context).toMatch(/akademikere/u);
      expect(byValue.get(v)?.context).not.toMatch(/fleksjob/u);
    }
    expect(byValue.get(18.5)?.scope).toBe('municipality');
    expect(byValue.get(19.9)?.scope).toBe('national');
  });

  test('a change named as a noun says what changed: the subject, or the previous measure when the sentence points back', () => {
    expect(contexts('Andelen i virksomhedspraktik viser et fald på 3,2 procentpoint siden 2023.')).toEqual(['fald i andel i virksomhedspraktik']);
    const [, change] = contexts('Målet var, at sygefraværet skulle falde med 1 procentpoint. Resultatet blev en reduktion på 0,4 procentpoint.');
    expect(change).toBe('reduktion i sygefravær');
    const [, , back] = contexts('Andelen af unge, der er i uddannelse, var 71 % i 2024 mod 74 % i hele landet. Det er en stigning på 2,5 procentpoint fra året før.');
    expect(back).toMatch(/^stigning i andel af unge der er i uddannelse/u);
    const [, , same] = contexts('Sygefraværet blandt ledige i jobpraktik var 7,2 % i 2023 og 6,1 % i 2024. Det svarer til 1,1 procentpoint.');
    expect(same).toMatch(/Sygefraværet blandt ledige i jobpraktik/u);
  });

  test('the subject of an "at"-clause is kept, and a share verb reads as a share of what follows', () => {
    const [target, result] = contexts('Planen var, at de ufaglærte højst skulle udgøre 30 pct. af de ledige. Opgørelsen viser, at andelen var 33,1 pct.');
    expect(target).toBe('ufaglærte andel af de ledige');
    expect(result).toBe('ufaglærte andel af de ledige');
  });

  test('an "af"-group keeps the relative clause that narrows it; "mere end" reads as "over"; a place or time after the figure stays', () => {
    expect(contexts('Målet er, at 60 procent af de borgere over 50 år, der er ledige, er i job efter et halvt år.')[0]).toBe('de borgere over 50 år der er ledige');
    expect(contexts('Højst 9 % af forløbene må vare mere end 26 uger.')[0]).toBe('forløbene varer over 26 uger');
    const [local, national] = contexts('I 2025 var bruttoledigheden 3,3 procent i kommunen og 3,0 procent i hele landet.');
    expect(local).toBe('bruttoledigheden i kommunen');
    expect(national).toBe('bruttoledigheden i hele landet');
    expect(contexts('Ledigheden i Skive var 2,6 % i maj 2025.')[0]).toBe('Ledigheden i Skive i maj 2025');
  });

  test('a share that restates an amount is read against its base ("svarende til … af årets budget")', () => {
    expect(contexts('Udgiften pr. 30. juni udgør 81,0 mio. kr., svarende til 47,5 pct. af årets budget.')[0]).toBe('udgift pr 30 juni i forhold til årets budget');
  });
});

describe('money context through the shared context rules', () => {
  const amounts = (...pages: string[]): string[] => extractMoneyAmounts(contextFrom('doc.pdf', ...pages), noWarnings).map((m) => m.context);

  test('a pronoun subject borrows what the previous sentence proposed', () => {
    expect(amounts('Forvaltningen anbefaler to projekter, der skal styrke indsatsen for unge ledige. De koster samlet 1.200.000 kr. i 2026.')).toEqual([
      'udgift til projekter der styrker indsatsen for unge ledige i 2026',
    ]);
  });

  test('a reported amount belongs to the previous sentence\'s subject, also across a page break', () => {
    expect(amounts('Projektet skulle give en gevinst på 900.000 kr. Opgørelsen viser en', 'gevinst på 640 t.kr., og målet er ikke nået.')).toEqual([
      'gevinst Projektet',
      'gevinst af projektet',
    ]);
  });

  test('a labelled goal block: the label is the role, the block\'s goal names the measure', () => {
    const found = percentages(
      [
        'Mål 4. Unge i job',
        'Mål:',
        'Flere unge ledige under 25 år skal være i ordinær beskæftigelse.',
        'Udgangspunkt:\t31,2 % (2022)',
        'Målsætning 2025:\tHøjst 40 %.',
        'Resultat:\t36,5 % (landsplan: 38,0 %)',
        'Mål 5. Færre på sygedagpenge',
        'Mål:',
        'Andelen af sygemeldte med forløb over et år skal reduceres.',
        'Resultat:\t12,4 %',
      ].join('\n'),
    );
    expect(found.map((p) => [p.value, p.scope, p.context])).toEqual([
      [31.2, 'municipality', 'unge ledige under 25 år i ordinær beskæftigelse, baseline 2022'],
      [40, 'municipality', 'målsætning for unge ledige under 25 år i ordinær beskæftigelse'],
      [36.5, 'municipality', 'unge ledige under 25 år i ordinær beskæftigelse'],
      [38, 'national', 'unge ledige under 25 år i ordinær beskæftigelse landsplan'],
      [12.4, 'municipality', 'andelen af sygemeldte med forløb over et år'],
    ]);
  });

  test('"mellem 20 og 25 pct." states two figures from one raw text, like "20-25 %"', () => {
    const found = percentages('Erfaringen er, at mellem 15 og 18,5 pct. af deltagerne afbryder forløbet.');
    expect(found.map((p) => [p.value, p.raw, p.provenance.snippet])).toEqual([
      [15, '15 og 18,5 pct.', '15 og 18,5 pct.'],
      [18.5, '15 og 18,5 pct.', '15 og 18,5 pct.'],
    ]);
    expect(found[0]?.context).toContain('deltagerne');
  });

  test('a fronted duration dates the figure ("efter seks måneder")', () => {
    const [p] = percentages('Efter seks måneder er forbrugsprocenten 52,8 %.');
    expect(p?.context).toBe('forbrugsprocenten efter seks måneder');
  });
});

describe('figures on the national line of a labelled goal block', () => {
  test('"Landstal:" names the block goal\'s measure, qualified by the label; a wrapped goal statement is read whole', () => {
    const text = [
      'Mål 4.2 Ledige i praktik',
      'Målsætning:\tFlere langtidsledige skal være i virksomhedspraktik inden for',
      'de første tre måneder.',
      'Måltal 2025:\tMindst 25 %',
      'Opnået 2025:\t27,4 %',
      'Landstal:\t24,1 %',
    ].join('\n');
    const found = extractPercentages(contextFrom('praktik.pdf', text), noWarnings);
    const national = found.find((p) => p.value === 24.1);
    expect(national?.context).toBe('langtidsledige i virksomhedspraktik inden for de første tre måneder, landstal');
  });
});
