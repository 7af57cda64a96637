// The document's own goal counts, in prose and as a count table (own examples), and
// null when a document states none.
import { describe, expect, test } from 'vitest';
import { extractStatusSummary } from '../../src/extract/status-summary.js';
import { contextFrom, noWarnings } from './pages.js';

const summaryOf = (...texts: string[]) => extractStatusSummary(contextFrom('s.pdf', ...texts), noWarnings);

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
    expect(summaryOf('Samlet er tre mål nået, mens to mål er det ikke muligt at følge op på.')).toEqual({ met: 3, not_assessable: 2 });
  });

  test('a count table', () => {
    expect(summaryOf('Målopfyldelse\nNået\t6\nDelvist nået\t2\nIkke nået\t1\nPå vej\t3')).toEqual({ met: 6, partly_met: 2, not_met: 1, in_progress: 3 });
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
