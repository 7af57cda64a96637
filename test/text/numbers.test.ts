// Table-driven tests of the Danish number grammar, on phrases written for this project.
import { describe, expect, test } from 'vitest';
import { findNumbers, findQuantities, parseDanishNumber, tableUnitMultiplier, type QuantityUnit } from '../../src/text/numbers.js';

const parseCases: [string, number | null][] = [
  ['2.442', 2442],
  ['2,4', 2.4],
  ['-3.961.011', -3961011],
  ['÷ 5', -5],
  ['÷5', -5],
  ['\u22127,5', -7.5],
  ['\u20141,8', -1.8],
  ['1.000', 1000],
  ['74,62', 74.62],
  ['4.882.800', 4882800],
  ['819.071,5', 819071.5],
  ['137,75', 137.75],
  ['4,0', 4],
  ['0,8', 0.8],
  ['1.5', 1.5],
  ['14.25', 14.25],
  ['12.3456', 12.3456],
  ['+12', 12],
  ['  42  ', 42],
  ['1,234.5', 1234.5],
  ['3.1.1', null],
  ['1.50.000', null],
  ['tolv', null],
  ['', null],
  ['12-05', null],
  ['2,4,6', null],
];

describe('parseDanishNumber', () => {
  test.each(parseCases)('%j → %j', (input, expected) => {
    expect(parseDanishNumber(input)).toBe(expected);
  });
});

const unitCases: [string, number | null][] = [
  ['Beløb i 1.000 kr.', 1000],
  ['(1.000 kr)', 1000],
  ['Beløb i 1000 kr.', 1000],
  ['mio. kr.', 1e6],
  ['Mio. kr', 1e6],
  ['i millioner kroner', 1e6],
  ['mia. kr.', 1e9],
  ['t.kr.', 1000],
  ['tkr.', 1000],
  ['kr.', 1],
  ['Beløb i kroner', 1],
  ['Mio. kr.', 1e6],
  ['(mio. kr.)', 1e6],
  ['Beløb i mio. kr.', 1e6],
  ['mio.kr.', 1e6],
  ['Mio. kroner', 1e6],
  ['i 1.000 kr.', 1000],
  ['1.000 kr.', 1000],
  ['T.kr.', 1000],
  ['Helårspersoner', null],
  ['Andel i procent', null],
  ['Udgiften kræver politisk stillingtagen', null],
];

describe('tableUnitMultiplier', () => {
  test.each(unitCases)('%j → %j', (header, expected) => {
    expect(tableUnitMultiplier(header)).toBe(expected);
  });
});

interface Expected { value: number; unit: QuantityUnit; raw: string; approximate?: boolean; upper?: number }

const quantityCases: [string, Expected[]][] = [
  ['Ledigheden er 4,2 % i marts.', [{ value: 4.2, unit: 'percent', raw: '4,2 %' }]],
  ['Andelen steg til 74,62%.', [{ value: 74.62, unit: 'percent', raw: '74,62%' }]],
  ['Målet er 80 pct. af borgerne.', [{ value: 80, unit: 'percent', raw: '80 pct.' }]],
  ['Målet er 80 pct af borgerne.', [{ value: 80, unit: 'percent', raw: '80 pct' }]],
  ['Der er 25 procent i tilbud.', [{ value: 25, unit: 'percent', raw: '25 procent' }]],
  ['en stigning på 4 procentpoint', [{ value: 4, unit: 'percentage_points', raw: '4 procentpoint' }]],
  ['et fald på 2,5 %-point', [{ value: 2.5, unit: 'percentage_points', raw: '2,5 %-point' }]],
  ['et fald på 1,5 pct.-point', [{ value: 1.5, unit: 'percentage_points', raw: '1,5 pct.-point' }]],
  ['et fald på 3 procentpoints', [{ value: 3, unit: 'percentage_points', raw: '3 procentpoints' }]],
  ['forskellen er 0,7 % point', [{ value: 0.7, unit: 'percentage_points', raw: '0,7 % point' }]],
  ['mellem 30-40 % af de ledige', [{ value: 30, upper: 40, unit: 'percent', raw: '30-40 %' }]],
  ['mellem 30 - 40 pct. af de ledige', [{ value: 30, upper: 40, unit: 'percent', raw: '30 - 40 pct.' }]],
  ['mellem 30–40 % af de ledige', [{ value: 30, upper: 40, unit: 'percent', raw: '30–40 %' }]],
  ['fra 10 til 15 procent', [{ value: 10, upper: 15, unit: 'percent', raw: '10 til 15 procent' }]],
  ['cirka 45 % af sagerne', [{ value: 45, unit: 'percent', raw: '45 %', approximate: true }]],
  ['ca. 45 % af sagerne', [{ value: 45, unit: 'percent', raw: '45 %', approximate: true }]],
  ['en ændring på ÷ 5 %', [{ value: -5, unit: 'percent', raw: '÷ 5 %' }]],
  ['en ændring på \u22123,2 %', [{ value: -3.2, unit: 'percent', raw: '\u22123,2 %' }]],
  ['en ændring på -1,1 %', [{ value: -1.1, unit: 'percent', raw: '-1,1 %' }]],
  // OCR reads an attached '÷' as an em dash; a dash set apart in prose is no sign.
  ['i hele landet var ændringen \u20141,8 %.', [{ value: -1.8, unit: 'percent', raw: '\u20141,8 %' }]],
  ['de ledige \u2014 12 % af dem unge \u2014 fik tilbud', [{ value: 12, unit: 'percent', raw: '12 %' }]],
  ['Andel i alt 14.1 %', [{ value: 14.1, unit: 'percent', raw: '14.1 %' }]],
  ['Svarprocenten var 39 %, mod 38,8 % på landsplan.', [
    { value: 39, unit: 'percent', raw: '39 %' },
    { value: 38.8, unit: 'percent', raw: '38,8 %' },
  ]],
  ['Procentdelen kendes ikke, 12 procentvis flere', []],
  ['Udgiften til kontanthjælp er halveret.', []],
  ['En fjerdedel af borgerne er i job.', []],
  ['Tre ud af fire virksomheder svarede.', []],
  ['merforbrug på -8,938 mio. kr. i år', [{ value: -8938000, unit: 'dkk', raw: '-8,938 mio. kr.' }]],
  ['en besparelse på 12,3 mio. kr.', [{ value: 12300000, unit: 'dkk', raw: '12,3 mio. kr.' }]],
  ['en besparelse på 12,3 mio.kr.', [{ value: 12300000, unit: 'dkk', raw: '12,3 mio.kr.' }]],
  ['en besparelse på 15,4 mio kr', [{ value: 15400000, unit: 'dkk', raw: '15,4 mio kr' }]],
  ['et bidrag på 0,8 mio. kroner', [{ value: 800000, unit: 'dkk', raw: '0,8 mio. kroner' }]],
  ['i alt 1,2 mia. kr. til området', [{ value: 1200000000, unit: 'dkk', raw: '1,2 mia. kr.' }]],
  ['i alt 2 milliarder kroner', [{ value: 2000000000, unit: 'dkk', raw: '2 milliarder kroner' }]],
  ['ca. 3,3 mio. kr. højere end budgetteret', [{ value: 3300000, unit: 'dkk', raw: '3,3 mio. kr.', approximate: true }]],
  ['mindreforbrug på 921.789 kr.', [{ value: 921789, unit: 'dkk', raw: '921.789 kr.' }]],
  ['øvrige udgifter -3.961.011 kr', [{ value: -3961011, unit: 'dkk', raw: '-3.961.011 kr' }]],
  ['et tilskud på 500 kroner', [{ value: 500, unit: 'dkk', raw: '500 kroner' }]],
  ['et tilskud på 500 t.kr.', [{ value: 500000, unit: 'dkk', raw: '500 t.kr.' }]],
  ['et tilskud på 750 tkr.', [{ value: 750000, unit: 'dkk', raw: '750 tkr.' }]],
  ['et tilskud på 2.500 DKK', [{ value: 2500, unit: 'dkk', raw: '2.500 DKK' }]],
  ['en pris på kr. 450 pr. time', [{ value: 450, unit: 'dkk', raw: 'kr. 450' }]],
  ['en pris på kr. 1.250,- pr. deltager', [{ value: 1250, unit: 'dkk', raw: 'kr. 1.250' }]],
  ['en pris på 1.250,- kr. pr. deltager', [{ value: 1250, unit: 'dkk', raw: '1.250,- kr.' }]],
  ['en ramme på kr. 2,5 mio. årligt', [{ value: 2500000, unit: 'dkk', raw: 'kr. 2,5 mio.' }]],
  ['et tilskud på 1.000 kr. pr. deltager', [{ value: 1000, unit: 'dkk', raw: '1.000 kr.' }]],
  ['Beløb i 1.000 kr.', []],
  ['Tabellen (1.000 kr.) viser budgettet', []],
  ['Økonomiudvalget 6. marts 2024\n1.000 kr\nSundhedsudvalget\t3.000', []],
  ['Udvalg\t1.000 kr.\tI alt', []],
  ['udgiften er 2-3 mio. kr. årligt', [{ value: 2000000, upper: 3000000, unit: 'dkk', raw: '2-3 mio. kr.' }]],
  ['udgiften er 500 kr. 30 personer deltog', [{ value: 500, unit: 'dkk', raw: '500 kr.' }]],
  ['et merforbrug på 4,2 mio. kr. 2026 bliver stramt', [{ value: 4200000, unit: 'dkk', raw: '4,2 mio. kr.' }]],
  ['t.kr.\t2026\t2027', []],
  ['Mio. kr.\t2026\t2027', []],
  ['Projektet koster kr. 2026, fordelt på to år', []],
  ['Budgettet er hævet til kr. 2026 og 2027', []],
  ['Tilskuddet er kr. 2000 pr. måned', [{ value: 2000, unit: 'dkk', raw: 'kr. 2000' }]],
  ['et samlet tilskud på kr.\n4.275.000 til projektet', [{ value: 4275000, unit: 'dkk', raw: 'kr.\n4.275.000' }]],
  ['Tilskud i kr.\n12.500\t13.000', []],
  ['Udgifterne er siden\nKr.\n2019 steget med 9 pct.', [{ value: 9, unit: 'percent', raw: '9 pct.' }]],
  ['et tilskud på kr.\n2025 ekstra i år', []],
  ['Der er afsat kr. 2,5 mio. i 2026', [{ value: 2500000, unit: 'dkk', raw: 'kr. 2,5 mio.' }]],
  ['Udvalget kræver 5 kræfter mere', []],
  ['12,3 mio. borgere', []],
  ['Mødet d. 14-05-2024 kl. 12:00', []],
  ['Sagsnr. 00.13.06-P22-2-23', []],
  ['Ydelsen betales efter § 55, stk. 2', []],
  ['Budget 2025-2028 viser 4,5 % vækst', [{ value: 4.5, unit: 'percent', raw: '4,5 %' }]],
  ['en andel på 45,8\n%', [{ value: 45.8, unit: 'percent', raw: '45,8\n%' }]],
];

describe('findQuantities', () => {
  test.each(quantityCases)('%j', (text, expected) => {
    const found = findQuantities(text);
    expect(found.map((q) => ({
      value: q.value, unit: q.unit, raw: q.raw,
      ...(q.approximate ? { approximate: true } : {}),
      ...(q.upper !== undefined ? { upper: q.upper } : {}),
    }))).toEqual(expected);
    for (const q of found) expect(text.slice(q.start, q.end)).toBe(q.raw);
  });
});

const numberCases: [string, number[]][] = [
  ['Der er 36 af 38 der har bestået.', [36, 38]],
  ['I alt 2.442 helårspersoner og 2,4 i snit', [2442, 2.4]],
  ['Mødet d. 14-05-2024', []],
  ['Mødet den 31. marts 2024 i byrådssalen', []],
  ['opgjort pr. 31.12.2024 og 31.03.2024', []],
  ['Torsdag d. 19. marts 2020', []],
  ['status for dec. 2023 og sept. 2020', []],
  ['mødet starter kl. 12:00 og slutter 14:30', []],
  ['kl. 8.30-10.00 i mødelokale 2', [2]],
  ['Sagsnr.: 00.30.10-Å~00-2-24', []],
  ['KLE 15.00.00-G01-6-24 og EMN-2025-003383', []],
  ['Sag 23000072018-30104945110589', []],
  ['Kontakt tlf. 99 66 70 00 eller telefon 8780 3000', []],
  ['Ring på +45 86 54 00 00', []],
  ['CVR-nr. 29189420', []],
  ['efter § 56 i loven', []],
  ['Punkt 46: Budgetopfølgning', [46]],
  ['i 2024 var der 135 sager', [2024, 135]],
  ['Budget 2025-2028', [2025, 2028]],
  ['perioden 2025\u20142028', [2025, 2028]],
  ['mål 3.1.1 og 1.2', [1.2]],
  ['ændring -8.938 og ÷ 12', [-8938, -12]],
  ['Covid-19 ramte 3F hårdt', []],
  ['skoleåret 2023/24: 7,4', [7.4]],
  ['regnskabsåret 2024/2025 gav 12', [12]],
  ['Beløb i 1.000 kr.: 819.071', [1000, 819071]],
  ['antal 25-årige uden uddannelse', [25]],
];

describe('findNumbers', () => {
  test.each(numberCases)('%j', (text, expected) => {
    const found = findNumbers(text);
    expect(found.map((n) => n.value)).toEqual(expected);
    for (const n of found) expect(text.slice(n.start, n.end)).toBe(n.raw);
  });
});

test('the grammar has at least 80 table cases', () => {
  expect(parseCases.length + unitCases.length + quantityCases.length + numberCases.length).toBeGreaterThanOrEqual(80);
});
