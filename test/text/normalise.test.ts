// The normaliser on synthetic pdf.js pages: lines from positioned items, separators,
// clean-up, columns, running headers, de-hyphenation and letter repair.
import { describe, expect, test } from 'vitest';
import { normalisePages } from '../../src/text/normalise.js';
import type { TextItem } from '../../src/schema/parsed.js';
import { expectConsistent, item, lineTexts, page, wordsLine } from './helpers.js';

function one(items: TextItem[], text = ''): string[] {
  const result = normalisePages([page(1, items, text)]);
  const p = result.pages[0];
  if (!p) throw new Error('no page');
  expectConsistent(p);
  return lineTexts(p);
}

describe('lines from positioned items', () => {
  test('kerned pieces of one word are glued, word gaps give one space', () => {
    expect(one([item('REFERA', 40, 75, 20, 89.5), item('T', 127.3, 75, 20, 14.5), item('Aarhus', 147, 75, 20, 60)])).toEqual([
      'REFERAT Aarhus',
    ]);
  });

  test('a gap of an em or more becomes a tab between fragments', () => {
    const result = normalisePages([page(1, [item('Mødedato', 62, 270, 10, 50), item('Tirsdag d. 14. maj 2024', 153, 270, 10)])]);
    const p = result.pages[0]!;
    expect(p.text).toBe('Mødedato\tTirsdag d. 14. maj 2024');
    expect(p.lines[0]!.fragments.map((f) => p.text.slice(f.start, f.end))).toEqual(['Mødedato', 'Tirsdag d. 14. maj 2024']);
    expect(p.lines[0]!.fragments[1]!.x).toBe(153);
  });

  test('a run of spaces inside one item separates cells like a gap does', () => {
    const result = normalisePages([page(1, [item('Mødested     Rådhuset, mødelokale 1', 60, 100, 10, 180)])]);
    const p = result.pages[0]!;
    expectConsistent(p);
    expect(p.text).toBe('Mødested\tRådhuset, mødelokale 1');
    expect(p.lines[0]!.fragments[1]!.x).toBeGreaterThan(100);
  });

  test('space items between pieces force a space even when the pieces touch', () => {
    expect(one([item('Punkt', 40, 100, 10, 25), { ...item(' ', 65, 100, 0, 2.5) }, item('46:', 65, 100, 10, 15)])).toEqual(['Punkt 46:']);
  });

  test('lines come out top to bottom whatever the content stream order', () => {
    expect(one([...wordsLine('Side 1 af 3', 480, 800), ...wordsLine('Første linje', 60, 100), ...wordsLine('Anden linje', 60, 114)])).toEqual([
      'Første linje',
      'Anden linje',
    ]);
  });

  test('a raised footnote mark stays on its line, glued to its word', () => {
    expect(one([item('Ledigheden', 60, 100, 10, 50), item('1', 110.5, 96.5, 6, 3), item('er faldet.', 116, 100, 10, 45)])).toEqual([
      'Ledigheden1 er faldet.',
    ]);
  });

  test('a font change inside a word keeps the word whole', () => {
    const result = normalisePages([
      page(1, [item('Besk', 60, 100, 10, 20, 'bold'), item('æftigelsesudvalget mødes', 80, 100, 10, 120, 'regular'), item('i dag', 203, 100, 10, 25, 'bold')]),
    ]);
    const p = result.pages[0]!;
    expect(p.text).toBe('Beskæftigelsesudvalget mødes i dag');
    expect(p.lines[0]!.fragments.map((f) => p.text.slice(f.start, f.end))).toEqual(['Beskæftigelsesudvalget mødes', 'i dag']);
  });

  test('text drawn twice (fake bold) is read once', () => {
    expect(one([item('Beslutning', 60, 100, 12), item('Beslutning', 60.3, 100, 12)])).toEqual(['Beslutning']);
  });

  test('ligatures, soft hyphens, private-use bullets and no-break spaces are cleaned', () => {
    expect(one([item('\uf0b7', 60, 100, 10, 5), item('Proﬁlen er ﬂot for beskæf\u00adtigelses\u00A0indsatsen', 80, 100)])).toEqual([
      'Profilen er flot for beskæftigelses indsatsen',
    ]);
  });

  test('UTF-8 read as Latin-1 is decoded and reported', () => {
    const result = normalisePages([page(1, wordsLine('Ã˜konomiudvalget godkendte den lÃ¸bende opfÃ¸lgning', 60, 100))]);
    expect(result.pages[0]!.text).toBe('Økonomiudvalget godkendte den løbende opfølgning');
    expect(result.warnings).toEqual([{ code: 'text_repaired', message: 'repaired 3 words', page: 1 }]);
  });

  test('a page without items falls back on the parser text, tabs split fragments', () => {
    const result = normalisePages([page(1, [], 'REFERAT\r\nMødested \tRådhuset, lokale 2\n\nSide 1 af 1')]);
    const p = result.pages[0]!;
    expectConsistent(p);
    expect(lineTexts(p)).toEqual(['REFERAT', 'Mødested\tRådhuset, lokale 2']);
    expect(p.lines[1]!.fragments).toHaveLength(2);
  });
});

describe('columns', () => {
  const left = [
    'Jobcentret har i første kvartal',
    'arbejdet målrettet med at få flere',
    'ledige i ordinær beskæftigelse og',
    'har samtidig styrket samarbejdet',
    'med de lokale virksomheder, som',
    'efterspørger arbejdskraft inden for',
    'bygge og anlæg samt transport.',
  ];
  const right = [
    'Udvalget drøftede resultaterne og',
    'besluttede at fortsætte indsatsen',
    'for de unge under 30 år, der har',
    'været ledige i mere end et halvt år.',
    'Forvaltningen følger op på sagen',
    'på næste møde i juni med en status',
    'for de samlede resultater.',
  ];

  test('two columns of prose are read left column first, below a full-width title', () => {
    const items: TextItem[] = [...wordsLine('Orientering om beskæftigelsesindsatsen i første kvartal af året 2025 og de næste skridt', 60, 80, 12)];
    left.forEach((t, i) => items.push(item(t, 60, 120 + i * 14, 10, 200)));
    right.forEach((t, i) => items.push(item(t, 310, 120 + i * 14, 10, 200)));
    const result = normalisePages([page(1, items)]);
    const p = result.pages[0]!;
    expectConsistent(p);
    expect(lineTexts(p)).toEqual([
      'Orientering om beskæftigelsesindsatsen i første kvartal af året 2025 og de næste skridt',
      ...left,
      ...right,
    ]);
    expect(p.lines.map((l) => l.column)).toEqual([0, ...left.map(() => 0), ...right.map(() => 1)]);
    expect(result.warnings.map((w) => w.code)).toEqual(['columns_detected']);
  });

  test('a short right column does not widen the gutter into itself: both columns are read whole', () => {
    // The left column runs the whole page; the right one holds only a few lines at the top,
    // so the band it covers is lightly loaded too. The gutter is the empty band between them.
    const longLeft = [...left, ...left.map((t) => t.replace('e', 'a')), ...left, ...left.map((t) => t.replace('i', 'e')), ...left];
    const shortRight = right.slice(0, 6);
    const items: TextItem[] = [];
    longLeft.forEach((t, i) => items.push(item(t, 60, 100 + i * 14, 10, 200)));
    shortRight.forEach((t, i) => items.push(item(t, 300, 100 + i * 14, 10, 210 - (i % 3) * 30)));
    const p = normalisePages([page(1, items)]).pages[0]!;
    expectConsistent(p);
    expect(lineTexts(p)).toEqual([...longLeft, ...shortRight]);
    expect(p.lines.map((l) => l.column)).toEqual([...longLeft.map(() => 0), ...shortRight.map(() => 1)]);
  });

  test('labelled blocks in the right column ("Målsætning:" + value) still read as a column of prose', () => {
    const labelled: [string, string][] = [
      ['Målsætning:', 'Flere unge skal være i job'], ['', 'eller uddannelse efter et år.'], ['Resultat:', '64 % i december 2024'],
      ['Vurdering:', 'Målet er nået.'], ['Målsætning:', 'Færre borgere på ydelse'], ['', 'skal være langtidsledige.'],
      ['Resultat:', '212 fuldtidspersoner'], ['Vurdering:', 'Målet er ikke nået.'],
    ];
    const items: TextItem[] = [];
    left.forEach((t, i) => items.push(item(t, 60, 120 + i * 14, 10, 200)));
    labelled.forEach(([label, value], i) => {
      if (label) items.push(item(label, 310, 120 + i * 14, 10, 55));
      items.push(item(value, 380, 120 + i * 14, 10, 150));
    });
    const p = normalisePages([page(1, items)]).pages[0]!;
    expectConsistent(p);
    expect(lineTexts(p).slice(0, left.length)).toEqual(left);
    expect(lineTexts(p).slice(left.length)).toEqual(labelled.map(([label, value]) => (label ? `${label}\t${value}` : value)));
  });

  test('a table with several cells per row is never split into columns', () => {
    const items: TextItem[] = [];
    const rows = [
      ['Udvalg', '2024', '2025', '2026'],
      ['Økonomiudvalget', '1.500', '1.600', '1.700'],
      ['Sundhedsudvalget', '3.000', '3.100', '3.200'],
      ['Socialudvalget', '800', '850', '900'],
      ['Kulturudvalget', '900', '950', '990'],
      ['Teknikudvalget', '1.500', '1.400', '1.300'],
      ['Skoleudvalget', '2.500', '2.600', '2.700'],
      ['I alt', '10.700', '11.000', '11.300'],
    ];
    rows.forEach((cells, r) => cells.forEach((c, i) => items.push(item(c, 60 + i * 120, 100 + r * 14, 10, Math.min(90, c.length * 5)))));
    const result = normalisePages([page(1, items)]);
    const p = result.pages[0]!;
    expectConsistent(p);
    expect(lineTexts(p)).toEqual(rows.map((cells) => cells.join('\t')));
    expect(p.lines.every((l) => l.column === 0)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  test('short labels beside long values (a two-column form) stay row by row', () => {
    const items: TextItem[] = [];
    const rows = ['Mødedato', 'Mødested', 'Starttidspunkt', 'Sluttidspunkt', 'Medlemmer', 'Fraværende', 'Sagsbehandler'];
    rows.forEach((label, r) => {
      items.push(item(label, 60, 100 + r * 14, 10, 45));
      items.push(item(`Værdi nummer ${r + 1} for ${label.toLowerCase()} i udvalget`, 300, 100 + r * 14, 10, 230));
    });
    const p = normalisePages([page(1, items)]).pages[0]!;
    expect(lineTexts(p)[0]).toBe('Mødedato\tVærdi nummer 1 for mødedato i udvalget');
    expect(p.lines).toHaveLength(rows.length);
  });
});

describe('running headers and footers', () => {
  const TITLES = ['Budget', 'Orientering', 'Eventuelt', 'Lukket punkt'];
  function pages(headerOnEach: string, body: (n: number) => string[], footer: (n: number) => string, count = 4) {
    return Array.from({ length: count }, (_, i) =>
      page(i + 1, [
        ...wordsLine(headerOnEach, 60, 40),
        ...body(i + 1).flatMap((t, j) => wordsLine(t, 60, 120 + j * 14)),
        ...wordsLine(footer(i + 1), 480, 810),
      ]),
    );
  }

  test('a repeated header in body size goes from every page, the first included, and so do page numbers', () => {
    const result = normalisePages(
      pages('Socialudvalget – referat 2025', (n) => [`Punkt ${n + 7}: ${TITLES[n - 1]}`, 'Sagen blev drøftet.'], (n) => `Side ${n} af 4`),
    );
    expect(result.pages.map(lineTexts)).toEqual([
      ['Punkt 8: Budget', 'Sagen blev drøftet.'],
      ['Punkt 9: Orientering', 'Sagen blev drøftet.'],
      ['Punkt 10: Eventuelt', 'Sagen blev drøftet.'],
      ['Punkt 11: Lukket punkt', 'Sagen blev drøftet.'],
    ]);
    for (const p of result.pages) expectConsistent(p);
  });

  test('a header in a smaller font than the body goes from page 1 too', () => {
    const docs = Array.from({ length: 3 }, (_, i) =>
      page(i + 1, [
        ...wordsLine('Tønder Kommune · Økonomiudvalget · Referat', 60, 34, 8),
        ...wordsLine(`Punkt ${i + 1}: ${TITLES[i]}`, 60, 90, 12),
        ...wordsLine('Sagen blev drøftet og taget til efterretning.', 60, 120),
      ]),
    );
    const result = normalisePages(docs);
    expect(result.pages.map((p) => lineTexts(p)[0])).toEqual(['Punkt 1: Budget', 'Punkt 2: Orientering', 'Punkt 3: Eventuelt']);
  });

  test('a title that opens page 1 in a large font and repeats as the header stays on page 1 only', () => {
    const docs = Array.from({ length: 3 }, (_, i) =>
      page(i + 1, [
        ...wordsLine('Opfølgning på beskæftigelsesplanen 2025', 60, 50, 22),
        ...wordsLine(`Punkt ${i + 1}: ${TITLES[i]}`, 60, 140),
        ...wordsLine('Sagen blev drøftet og taget til efterretning.', 60, 160),
      ]),
    );
    const result = normalisePages(docs);
    expect(result.pages.map((p) => lineTexts(p)[0])).toEqual([
      'Opfølgning på beskæftigelsesplanen 2025',
      'Punkt 2: Orientering',
      'Punkt 3: Eventuelt',
    ]);
  });

  test('lower-case "side 2 af 5" and a bare "Side 3" are page numbers', () => {
    const lower = normalisePages(pages('Børneudvalget', () => ['Indhold'], (n) => `side ${n} af 5`, 3));
    expect(lower.pages.every((p) => !/side \d/u.test(p.text))).toBe(true);
    const bare = normalisePages(pages('Børneudvalget', () => ['Indhold'], (n) => `Side ${n}`, 3));
    expect(bare.pages.every((p) => !/Side \d/u.test(p.text))).toBe(true);
  });

  test('a header carrying the page number goes from every page, the first included', () => {
    const result = normalisePages(pages('Beskæftigelsesudvalget – side', (n) => [`Punkt ${n + 3}: ${TITLES[n - 1]}`], () => 'Rådhuset', 3).map((p, i) => ({
      ...p,
      items: p.items.map((it) => (it.str === 'side' ? { ...it, str: `side ${i + 1} af 3` } : it)),
    })));
    expect(result.pages.map((p) => lineTexts(p)[0])).toEqual(['Punkt 4: Budget', 'Punkt 5: Orientering', 'Punkt 6: Eventuelt']);
  });

  test('a section label opening some pages is body text, not a header', () => {
    const docs = Array.from({ length: 5 }, (_, i) =>
      page(i + 1, [
        ...wordsLine(i % 2 === 0 ? 'Beslutning' : `Punkt ${i + 20}: ${TITLES[i]}`, 60, 60),
        ...wordsLine(i % 2 === 0 ? 'Godkendt.' : 'Sagen blev drøftet.', 60, 80),
        ...wordsLine(`Side ${i + 1} af 5`, 480, 810),
      ]),
    );
    const result = normalisePages(docs);
    expect(result.pages.filter((p) => p.text.startsWith('Beslutning'))).toHaveLength(3);
    expect(result.pages.filter((p) => p.text.includes('Godkendt.'))).toHaveLength(3);
  });

  test('case numbers under every heading are not running headers', () => {
    const docs = Array.from({ length: 4 }, (_, i) =>
      page(i + 1, [...wordsLine(`Punkt ${i + 30}: ${TITLES[i]}`, 60, 60), ...wordsLine(`EMN-2025-00${4000 + i * 7}`, 60, 80), ...wordsLine('Tekst.', 60, 400)]),
    );
    const result = normalisePages(docs);
    expect(result.pages.map((p) => lineTexts(p)[1])).toEqual(['EMN-2025-004000', 'EMN-2025-004007', 'EMN-2025-004014', 'EMN-2025-004021']);
  });
});

describe('de-hyphenation', () => {
  const cases: [string, string, string[]][] = [
    ['Antallet af fleksjob-', 'ansatte er steget.', ['Antallet af fleksjobansatte', 'er steget.']],
    ['Der er oprettet 12 IGU-', 'pladser i år.', ['Der er oprettet 12 IGU-pladser', 'i år.']],
    ['Sagen sendes til Børne-', 'og Familieudvalget.', ['Sagen sendes til Børne-', 'og Familieudvalget.']],
    ['Budgetperioden er 2025-', '2028 for alle udvalg.', ['Budgetperioden er 2025-2028', 'for alle udvalg.']],
    ['Sagen behandles i Social-', 'Forvaltningen.', ['Sagen behandles i Social-', 'Forvaltningen.']],
    ['Målet gælder borgere fra ikke-', 'vestlige lande.', ['Målet gælder borgere fra ikke-vestlige', 'lande.']],
    ['Indsatsen for beskæftigelses\u00ad', 'rettede tilbud fortsætter.', ['Indsatsen for beskæftigelsesrettede', 'tilbud fortsætter.']],
    ['Tilbuddet gives via e-', 'mail.', ['Tilbuddet gives via e-mail.']],
    ['Ledigheden faldt -', 'men kun lidt.', ['Ledigheden faldt -', 'men kun lidt.']],
  ];
  test.each(cases)('%j + %j', (first, second, expected) => {
    expect(one([...wordsLine(first, 60, 100), ...wordsLine(second, 60, 114)])).toEqual(expected);
  });

  test('the document decides between a closed and a hyphenated compound', () => {
    const closed = one([
      ...wordsLine('Alle sygedagpengesager og', 60, 100),
      ...wordsLine('antallet af sygedagpenge-', 60, 114),
      ...wordsLine('sager er steget.', 60, 128),
    ]);
    expect(closed[1]).toBe('antallet af sygedagpengesager');
    const hyphenated = one([
      ...wordsLine('Alle covid-relaterede sager og', 60, 100),
      ...wordsLine('andre covid-', 60, 114),
      ...wordsLine('relaterede udgifter.', 60, 128),
    ]);
    expect(hyphenated[1]).toBe('andre covid-relaterede');
  });
});

describe('broken Danish letters', () => {
  const cleanPage = page(1, [
    ...wordsLine('Økonomiudvalget behandlede budgettet på sit møde i april.', 60, 100),
    ...wordsLine('Udvalget ønsker en bæredygtig økonomi og løbende opfølgning på råderummet.', 60, 114),
    ...wordsLine('Det fremgår af bilaget, at Økonomiudvalget har fordelt beløbet.', 60, 128),
  ]);

  test('"Å~" words are rebuilt from the word list and the document, case numbers get Ø', () => {
    const broken = page(2, [
      ...wordsLine('PÅ~ Å~konomiudvalgets mÅ~,de blev det besluttet, at', 60, 100),
      ...wordsLine('en BÅ~redygtig Å~konomi skal sikres sÅ~ledes, og stÅ~,rrelsen', 60, 114),
      ...wordsLine('af rÅ~derummet fremgÅ~r af skemaet. Sagsnr.: 00.30.10-Å~00-2-24', 60, 128),
    ]);
    const result = normalisePages([cleanPage, broken]);
    const p = result.pages[1]!;
    expectConsistent(p);
    expect(lineTexts(p)).toEqual([
      'På Økonomiudvalgets møde blev det besluttet, at',
      'en Bæredygtig økonomi skal sikres således, og størrelsen',
      'af råderummet fremgår af skemaet. Sagsnr.: 00.30.10-Ø00-2-24',
    ]);
    expect(result.warnings).toEqual([{ code: 'text_repaired', message: 'repaired 10 words', page: 2 }]);
    expect(result.pages[0]!.text).toBe(normalisePages([cleanPage]).pages[0]!.text);
  });

  test('lost rings are restored where the document writes the ringed word', () => {
    const result = normalisePages([
      page(1, [
        ...wordsLine('Sager pa vej – Sundhed og Omsorg 2025', 60, 60, 18),
        ...wordsLine('Sagen om plejehjem er på vej til byrådet.', 60, 120),
        ...wordsLine('Svar på forslag om ældreråd og på høringen.', 60, 134),
      ]),
    ]);
    expect(lineTexts(result.pages[0]!)[0]).toBe('Sager på vej – Sundhed og Omsorg 2025');
    expect(result.warnings).toEqual([{ code: 'text_repaired', message: 'repaired 1 words', page: 1 }]);
  });

  test('a page that lost every ring is restored from the word list, words that are Danish as printed stay', () => {
    const ringless = page(2, [
      ...wordsLine('Status pa ungeindsatsen', 60, 100, 14),
      ...wordsLine('De seneste maneder har Ungeenheden opnaet kontakt til flere unge i Aars.', 60, 130),
      ...wordsLine('Arsagen er en ny handtering af henvendelser, og de unge far bade mode og for', 60, 144),
      ...wordsLine('alvor hjælp pa stedet. Sadan fortsætter arbejdet, nar budgettet er vedtaget', 60, 158),
    ]);
    const result = normalisePages([cleanPage, ringless]);
    const p = result.pages[1]!;
    expectConsistent(p);
    expect(lineTexts(p)).toEqual([
      'Status på ungeindsatsen',
      'De seneste måneder har Ungeenheden opnået kontakt til flere unge i Aars.',
      'Årsagen er en ny håndtering af henvendelser, og de unge far bade mode og for',
      'alvor hjælp på stedet. Sådan fortsætter arbejdet, når budgettet er vedtaget',
    ]);
    expect(result.warnings).toEqual([{ code: 'text_repaired', message: 'repaired 8 words', page: 2 }]);
    expect(result.pages[0]!.text).toBe(normalisePages([cleanPage]).pages[0]!.text);
  });

  test('a heading that kept its rings does not hide a body that lost them; capitals "PA" stay', () => {
    const result = normalisePages([
      page(1, [
        ...wordsLine('Opfølgning på jobindsatsen', 60, 80, 14),
        ...wordsLine('Tallet for PA-ordningen er steget pa det seneste, og de seneste maneder', 60, 120),
        ...wordsLine('er der ogsa kommet flere i job pa grund af en ny handtering af sagerne.', 60, 134),
      ]),
    ]);
    expect(lineTexts(result.pages[0]!)).toEqual([
      'Opfølgning på jobindsatsen',
      'Tallet for PA-ordningen er steget på det seneste, og de seneste måneder',
      'er der også kommet flere i job på grund af en ny håndtering af sagerne.',
    ]);
  });

  test('one ring-less word without other evidence is left as printed', () => {
    const result = normalisePages([page(1, [...wordsLine('Bilag: Oversigt pa tværs af centre', 60, 100), ...wordsLine('Tabellen viser fordelingen i 2024.', 60, 114)])]);
    expect(result.pages[0]!.text).toBe('Bilag: Oversigt pa tværs af centre\nTabellen viser fordelingen i 2024.');
    expect(result.warnings).toEqual([]);
  });

  test('a restored compound takes the capital that other compounds with its head have mid-sentence', () => {
    const clean = page(1, [...wordsLine('Sagen kommer fra Erhvervs- og Beskæftigelsesudvalget, som behandlede den i maj.', 60, 100)]);
    const broken = page(2, [...wordsLine('Udgifterne stiger, og Å~konomiudvalgets mÅ~,de i juni fastlÅ~gger rammen.', 60, 100)]);
    const p = normalisePages([clean, broken]).pages[1]!;
    expect(p.text).toBe('Udgifterne stiger, og Økonomiudvalgets møde i juni fastlægger rammen.');
  });

  test('a clean document is never changed', () => {
    const result = normalisePages([cleanPage]);
    expect(result.warnings).toEqual([]);
    expect(result.pages[0]!.text).toBe(
      [
        'Økonomiudvalget behandlede budgettet på sit møde i april.',
        'Udvalget ønsker en bæredygtig økonomi og løbende opfølgning på råderummet.',
        'Det fremgår af bilaget, at Økonomiudvalget har fordelt beløbet.',
      ].join('\n'),
    );
  });
});
