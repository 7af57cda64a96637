// Goal blocks made of labelled lines ("Mål:", "Baseline:", "Målsætning 2025:", "Resultat:",
// "Vurdering:"), on Danish examples written for these tests: one goal per block, the id
// from the heading (never from the year of a target label), baselines neither target nor
// actual, traffic lights only in a verdict slot, a block crossing a page break.
import { describe, expect, test } from 'vitest';
import { parseTarget } from '../../src/extract/goals/goal-target.js';
import { blockLabelOf } from '../../src/extract/goals/goal-labels.js';
import { findStatus, findVerdict } from '../../src/extract/goals/status-vocabulary.js';
import type { Goal, Warning } from '../../src/schema/contract.js';
import { contextFrom } from './pages.js';
import { goalShape, runGoals } from './goal-run.js';

const run = (...texts: string[]): { goals: Goal[]; warnings: Warning[] } => runGoals(contextFrom('blokke.pdf', ...texts));
const shape = goalShape;

describe('labelled goal blocks', () => {
  const page1 = [
    'Opfølgning på Beskæftigelsesplan 2025',
    'Mål 1. Flere unge i uddannelse',
    'Mål:',
    'Flere unge på uddannelseshjælp skal begynde på en uddannelse.',
    'Baseline: 24,0 % (2024)',
    'Målsætning 2025: Mindst 30 % af de unge er begyndt på en uddannelse inden for et år.',
    'Resultat: 27,5 % (landsplan: 29,1 %)',
    'Vurdering: Gul',
    'Mål 2. Kortere forløb på sygedagpenge',
    'Mål:',
    'Antallet af sygedagpengeforløb over 26 uger skal bringes ned.',
    'Baseline: 610 forløb (2024)',
    'Målsætning 2025: Antallet skal falde til 520 forløb.',
  ].join('\n');
  const page2 = [
    'Resultat: 498 forløb',
    'Målopfyldelse: Målet er nået.',
    'Mål 3. Flere ordinære timer',
    'Mål:',
    'Flere borgere på kontanthjælp skal have ordinære timer.',
    'Udgangspunkt: 31,0 %',
    'Ambition 2025: Andelen skal øges med 4 procentpoint.',
    'Resultat: 33,2 %',
    'Vurdering: Rød',
  ].join('\n');

  test('one goal per block, id from the heading, target from the target label, baseline ignored', () => {
    const { goals, warnings } = run(page1, page2);
    expect(goals.map(shape)).toEqual([
      {
        id: '1',
        text: 'Flere unge på uddannelseshjælp skal begynde på en uddannelse.',
        target: { value: 30, unit: 'percent', comparator: '>=' },
        actual: [[27.5, 'percent', 'municipality'], [29.1, 'percent', 'national']],
        status: 'partly_met',
        statusText: 'Gul',
      },
      {
        id: '2',
        text: 'Antallet af sygedagpengeforløb over 26 uger skal bringes ned.',
        target: { value: 520, unit: 'count', comparator: '<=' },
        actual: [[498, 'count', 'municipality']],
        status: 'met',
        statusText: 'Målet er nået.',
      },
      {
        id: '3',
        text: 'Flere borgere på kontanthjælp skal have ordinære timer.',
        target: { value: 4, unit: 'percentage_points', comparator: 'increase' },
        actual: [[33.2, 'percent', 'municipality']],
        status: 'not_met',
        statusText: 'Rød',
      },
    ]);
    expect(goals[1]?.provenance.page).toBe(1);
    expect(warnings.filter((w) => w.code === 'goal_without_status')).toEqual([]);
  });

  test('a bare numbered heading ("4. …") over a "Mål:" label gives the id', () => {
    const text = [
      '4. Virksomhedsservice',
      'Mål:',
      'Virksomhederne skal være tilfredse med jobcentrets service.',
      'Målsætning 2025: Mindst 4,0 på en skala fra 1 til 5.',
      'Resultat: 4,3',
      'Vurdering: Grøn',
    ].join('\n');
    expect(run(text).goals.map(shape)).toEqual([
      {
        id: '4',
        text: 'Virksomhederne skal være tilfredse med jobcentrets service.',
        target: { value: 4, unit: 'score', comparator: '>=' },
        actual: [[4.3, 'score', 'municipality']],
        status: 'met',
        statusText: 'Grøn',
      },
    ]);
  });

  test('a "Mål:" label with nothing labelled beside it is no goal block', () => {
    const text = ['Mål:', 'At styrke samarbejdet med erhvervslivet.', 'Der arbejdes videre med sagen.'].join('\n');
    expect(run(text).goals).toEqual([]);
  });
});

describe('label vocabulary', () => {
  test('roles of labelled lines; a year after a target label is no goal number', () => {
    const role = (line: string) => blockLabelOf(line)?.role ?? null;
    expect(role('Mål: Flere i job')).toBe('statement');
    expect(role('Målsætning 2024: Mindst 55 %')).toBe('target');
    expect(role('Måltal for 2026: 300')).toBe('target');
    expect(role('Baseline (2023): 41 %')).toBe('baseline');
    expect(role('Udgangspunkt: 512 forløb')).toBe('baseline');
    expect(role('Opnået: 48 %')).toBe('result');
    expect(role('Målopfyldelse: Delvist')).toBe('verdict');
    expect(role('Mål for borgere over 30 år skal sættes i 2025.')).toBe(null);
  });
});

describe('traffic lights', () => {
  test('a verdict only in a verdict slot', () => {
    expect(findVerdict('Grøn')?.status).toBe('met');
    expect(findVerdict(' Gul.')?.status).toBe('partly_met');
    expect(findVerdict('Rød')?.status).toBe('not_met');
    expect(findStatus('Grøn')).toBeNull();
    expect(findStatus('Rød')).toBeNull();
  });
});

describe('targets from labelled wording', () => {
  test('a level to fall to is a ceiling; a verb with its object before "med N" is a change', () => {
    expect(parseTarget('Antallet skal falde til 450 sager.')).toEqual({ value: 450, unit: 'count', comparator: '<=' });
    expect(parseTarget('Andelen skal nedbringes til 12 %.')).toEqual({ value: 12, unit: 'percent', comparator: '<=' });
    expect(parseTarget('Indsatsen skal reducere antallet af borgere på kontanthjælp med 75 helårspersoner.')).toEqual({
      value: 75,
      unit: 'persons',
      comparator: 'reduce',
    });
    expect(parseTarget('Vi vil øge andelen af unge i job med 3 procentpoint.')).toEqual({ value: 3, unit: 'percentage_points', comparator: 'increase' });
  });
});

describe('investment goals in prose', () => {
  test('"forventes at nedbringe … med N helårspersoner" without a verdict', () => {
    const text = [
      'Investeringsforslag',
      'Der ansættes to ekstra rådgivere i ungeindsatsen. Projektet forventes at nedbringe antallet af unge på uddannelseshjælp med 45 helårspersoner i løbet af 2026. Udvalget orienteres løbende.',
    ].join('\n');
    const { goals } = run(text);
    expect(goals.map(shape)).toEqual([
      {
        id: 'maal-1',
        text: 'Projektet forventes at nedbringe antallet af unge på uddannelseshjælp med 45 helårspersoner i løbet af 2026.',
        target: { value: 45, unit: 'persons', comparator: 'reduce' },
        actual: [],
        status: 'unknown',
        statusText: null,
      },
    ]);
  });
});

describe('"Status:" after a result', () => {
  test('names the verdict once the result is given', () => {
    const text = [
      'Mål 5. Flere i fleksjob',
      'Mål:',
      'Der skal være mindst 400 borgere i fleksjob.',
      'Resultat: 412 borgere',
      'Status: Opfyldt',
    ].join('\n');
    expect(run(text).goals.map(shape)).toEqual([
      {
        id: '5',
        text: 'Der skal være mindst 400 borgere i fleksjob.',
        target: { value: 400, unit: 'persons', comparator: '>=' },
        actual: [[412, 'persons', 'municipality']],
        status: 'met',
        statusText: 'Opfyldt',
      },
    ]);
  });
});
