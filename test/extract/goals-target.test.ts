// Target wordings (own examples) → value, unit, comparator, as the gold conventions
// define them: plain levels are ">=", "reduceres med N" is reduce N, "svare til
// landstallet" is follow-national, allotted amounts are "=".
import { describe, expect, test } from 'vitest';
import { parseTarget } from '../../src/extract/goals/goal-target.js';
import { targetOfCell } from '../../src/extract/goals/goal-table.js';
import type { Target } from '../../src/schema/contract.js';

const cases: readonly (readonly [string, Target])[] = [
  ['Mindst 40 % af de ledige skal være i job efter et år.', { value: 40, unit: 'percent', comparator: '>=' }],
  ['Andelen skal være mere end 75 pct.', { value: 75, unit: 'percent', comparator: '>=' }],
  ['Ventetiden må maksimalt være 6 uger.', { value: 6, unit: 'weeks', comparator: '<=' }],
  ['Sygefraværet skal højst udgøre 5,5 %.', { value: 5.5, unit: 'percent', comparator: '<=' }],
  ['Ledigheden skal ligge under 3 %.', { value: 3, unit: 'percent', comparator: '<=' }],
  ['Aktiveringsgraden skal være 45 %.', { value: 45, unit: 'percent', comparator: '>=' }],
  ['Der skal indgås 30 uddannelsesaftaler.', { value: 30, unit: 'count', comparator: '>=' }],
  ['Antallet af borgere på kontanthjælp skal reduceres med 120 fra 2023 til 2024.', { value: 120, unit: 'persons', comparator: 'reduce' }],
  ['Tiden til afgørelse nedbringes med 10 dage.', { value: 10, unit: 'days', comparator: 'reduce' }],
  ['Antallet af langvarige sager reduceres.', { value: null, unit: 'count', comparator: 'reduce' }],
  ['Tilfredsheden skal øges med 5 procentpoint.', { value: 5, unit: 'percentage_points', comparator: 'increase' }],
  ['Beståelsesprocenten skal svare til landstallet.', { value: null, unit: 'percent', comparator: 'follow-national' }],
  ['Ledighedsprocenten tilstræbes at følge landstallet.', { value: null, unit: 'percent', comparator: 'follow-national' }],
  ['Udvalget skal bidrage med 1,5 mio. kr. til puljen.', { value: 1500000, unit: 'dkk', comparator: '=' }],
  ['Indsatsen skal give en besparelse på 4,2 mio. kr.', { value: 4200000, unit: 'dkk', comparator: '>=' }],
  ['Brugerne skal give en gennemsnitlig vurdering på 4,2 på en skala fra 1 til 5.', { value: 4.2, unit: 'score', comparator: '>=' }],
  ['Efter 3 måneders ledighed skal 70 % have en plan.', { value: 70, unit: 'percent', comparator: '>=' }],
  ['Andelen skal ligge mellem 30 og 40 %.', { value: 30, unit: 'percent', comparator: '>=', upper: 40 }],
  ['Andelen skal være 30-40 %.', { value: 30, unit: 'percent', comparator: '>=', upper: 40 }],
  ['Den faktiske ledighed skal være mindre end den forventede.', { value: null, unit: null, comparator: '<=' }],
  ['Borgerne skal inden for 1 måned have en plan.', { value: null, unit: null, comparator: null }],
  // Comparator words a few words before the figure, in the same clause.
  ['Ambitionen var, at de ledige akademikere højst skulle udgøre 12 pct.', { value: 12, unit: 'percent', comparator: '<=' }],
  ['Målet er, at mindst halvdelen af ledige dvs. 50 % får et tilbud.', { value: 50, unit: 'percent', comparator: '>=' }],
  // A figure followed by "flere"/"færre" is a change.
  ['Der er sat et mål om, at 90 flere borgere skal være i fleksjob.', { value: 90, unit: 'persons', comparator: 'increase' }],
  ['Der skal være 25 færre sager om tilbagebetaling i 2026.', { value: 25, unit: 'count', comparator: 'reduce' }],
];

describe('targetOfCell: a target column of its own (Måltal)', () => {
  const cellCases: readonly (readonly [string, string, Target])[] = [
    ['mindst 30 %', 'Andel kontanthjælpsmodtagere i job', { value: 30, unit: 'percent', comparator: '>=' }],
    ['under 14 uger', 'Gennemsnitlig varighed af forløb', { value: 14, unit: 'weeks', comparator: '<=' }],
    ['højst 300 personer', 'Antal borgere i ressourceforløb', { value: 300, unit: 'persons', comparator: '<=' }],
    ['reduceres med 50', 'Antal borgere på sygedagpenge', { value: 50, unit: 'persons', comparator: 'reduce' }],
    ['25', 'Antal nye IGU-forløb', { value: 25, unit: 'count', comparator: '>=' }],
  ];
  test.each(cellCases)('%s | %s', (cell, goal, expected) => {
    const target = targetOfCell(cell, goal);
    expect({ value: target.value, unit: target.unit, comparator: target.comparator }).toEqual(expected);
  });
});

describe('parseTarget', () => {
  test.each(cases)('%s', (text, expected) => {
    const target = parseTarget(text);
    expect({ value: target.value, unit: target.unit, comparator: target.comparator, ...(target.upper !== undefined ? { upper: target.upper } : {}) }).toEqual(expected);
  });
});
