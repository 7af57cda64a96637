// The document's own goal counts, in prose and as a count table (own examples), and
// null when a document states none.
import { describe, expect, test } from 'vitest';
import { COLOUR_COUNT_EXAMPLES, extractStatusSummary } from '../../src/extract/goals/status-summary.js';
import { contextFrom, noWarnings } from './pages.js';

const summaryOf = (...texts: string[]) => extractStatusSummary(contextFrom('s.pdf', ...texts), noWarnings);

describe('counts by colour', () => {
  test.each(COLOUR_COUNT_EXAMPLES)('$sentence', ({ sentence, counts }) => {
    const found = summaryOf(sentence);
    expect(found === null ? {} : Object.fromEntries(Object.entries(found).filter(([k]) => k !== 'total'))).toEqual(counts);
  });

  test('a colour means what the legend says', () => {
    const found = summaryOf('To mål er grønne, ét er gult og ét er rødt.\nGrøn = målet er i gang. Gul = målet er delvist nået. Rød = målet er ikke nået.');
    expect(found).toMatchObject({ in_progress: 2, partly_met: 1, not_met: 1 });
  });
});

describe('counts read as a verdict ("vurderes 3 som nået") and tallies by legend key', () => {
  test('"Af udvalgets 9 mål vurderes 4 som nået, 3 som delvist nået og 2 som ikke nået."', () => {
    expect(summaryOf('Af udvalgets 9 mål vurderes 4 som nået, 3 som delvist nået og 2 som ikke nået.')).toEqual({ total: 9, met: 4, partly_met: 3, not_met: 2 });
  });

  test('a tally table whose rows name a legend key before its meaning', () => {
    const text = ['Kode\tBetydning', 'X\tMålsætningen er indfriet', 'Y\tMålsætningen er ikke indfriet', 'Z\tKan ikke opgøres endnu', 'Vurdering\tAntal', 'X - Målsætningen er indfriet\t5', 'Y - Målsætningen er ikke indfriet\t2', 'Z - Kan ikke opgøres endnu\t1'].join('\n');
    expect(summaryOf(text)).toMatchObject({ met: 5, not_met: 2, not_assessable: 1 });
  });
});

describe('counts with adjectives before the noun', () => {
  test('"Tre af de seks lokale mål er indfriet, ét er delvist indfriet, og to er ikke indfriet."', () => {
    expect(summaryOf('Tre af de seks lokale mål er indfriet, ét er delvist indfriet, og to er ikke indfriet.')).toEqual({ total: 6, met: 3, partly_met: 1, not_met: 2 });
  });
});

describe('extractStatusSummary', () => {
  test('counts on separate lines, a total and a reduced plan', () => {
    const text = [
      'Planen havde oprindelig 20 mål, men antallet af mål blev reduceret fra 20 til 18.',
      'Status er:',
      '• 9 mål er nået',
      '• 4 mål er det ikke muligt at følge op på',
      '• 5 mål er ikke nået',
      'Samlet set er 5 ud af de 18 mål ikke nået.',
    ].join('\n');
    expect(summaryOf(text)).toEqual({ withdrawn: 2, total: 18, met: 9, not_assessable: 4, not_met: 5 });
  });

  test('several counts in one sentence', () => {
    expect(summaryOf('Af planens 12 mål er 7 mål nået, 3 mål er delvist opfyldt og 2 mål er ikke nået.')).toEqual({
      total: 12,
      met: 7,
      partly_met: 3,
      not_met: 2,
    });
  });

  test('counts written as words', () => {
    expect(summaryOf('Samlet er tre mål nået, mens to mål er det ikke muligt at følge op på.')).toEqual({ met: 3, not_assessable: 2, total: 5 });
  });

  test('a count table', () => {
    expect(summaryOf('Målopfyldelse\nNået\t6\nDelvist nået\t2\nIkke nået\t1\nPå vej\t3')).toEqual({ met: 6, partly_met: 2, not_met: 1, in_progress: 3, total: 12 });
  });

  test('counts per verdict without a total: the goals counted, less the withdrawn, are the total', () => {
    expect(summaryOf('Samlet set er to delmål indfriet, ét er ikke nået, og ét kan endnu ikke vurderes.')).toEqual({ met: 2, not_met: 1, not_assessable: 1, total: 4 });
    expect(summaryOf('Af udvalgets 8 mål er 4 opfyldt, 2 delvist opfyldt og 1 ikke opfyldt, mens 1 mål ikke kan vurderes endnu.')).toEqual({ total: 8, met: 4, partly_met: 2, not_met: 1, not_assessable: 1 });
    expect(summaryOf('Forvaltningen giver status på de seks mål. Tre mål er grønne, ét er gult, ét er rødt, og ét kan først vurderes ved årets udgang.')).toEqual({ total: 6, met: 3, partly_met: 1, not_met: 1, in_progress: 1 });
  });

  test('no stated counts', () => {
    expect(summaryOf('Målet er nået for 80 % af borgerne.\nUdvalget har 9 medlemmer.')).toBeNull();
    expect(summaryOf('Sundhedsudvalget\t3.000\nTillægsbevillinger\t37')).toBeNull();
  });
});

describe('a count "ud af" a total', () => {
  test('the count before "ud af" carries the verdict, the one after is the total', () => {
    expect(summaryOf('Samlet set er 4 ud af 7 mål nået, 2 er delvist nået og 1 er ikke nået.')).toEqual({
      total: 7,
      met: 4,
      partly_met: 2,
      not_met: 1,
    });
  });
});

describe('counts in words, inverted word order and follow-on sentences', () => {
  test('number words for the counts and the total ("af de ni"), "opnået" as the verb', () => {
    expect(summaryOf('Seks af de ni mål er opnået, et er delvist opnået, og to er ikke opnået.')).toEqual({
      total: 9,
      met: 6,
      partly_met: 1,
      not_met: 2,
    });
  });

  test('"Ét mål" and "én" are counts; a plain article is one only before a goal noun', () => {
    expect(summaryOf('Fire mål er nået. Ét mål kan ikke gøres op, fordi tallene mangler.')).toEqual({ met: 4, not_assessable: 1, total: 5 });
    expect(summaryOf('Otte delmål er nået, og et delmål er udgået.')).toEqual({ met: 8, withdrawn: 1 });
  });

  test('the verdict after a year or "samlet set" between the count and the verb', () => {
    expect(summaryOf('I alt er 3 af de 4 mål for 2025 nået, mens 1 mål ikke er nået.')).toEqual({ total: 4, met: 3, not_met: 1 });
  });

  test('"måltal" as the goal noun, and bare counts after a count of goals in a later sentence', () => {
    expect(
      summaryOf('Ud af 9 måltal er 4 nået, 2 er delvist nået og 1 er ikke nået. Derudover er 1 måltal taget ud, og 1 kan ikke opgøres.'),
    ).toEqual({ total: 9, met: 4, partly_met: 2, not_met: 1, withdrawn: 1, not_assessable: 1 });
  });

  test('a bare count with no verb before its verdict words is not read as a count of goals', () => {
    expect(summaryOf('Af planens 5 mål er 3 nået. I alt 2 borgere i gang med et forløb.')).toEqual({ total: 5, met: 3 });
  });

  test('in progress and missing data stated after the counts', () => {
    expect(summaryOf('Samlet set er 5 af 8 mål nået, 1 er i gang, og for 2 mål foreligger der endnu ikke data.')).toEqual({
      total: 8,
      met: 5,
      in_progress: 1,
      not_assessable: 2,
    });
  });
});
