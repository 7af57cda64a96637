// Goals written as numbered paragraphs in the prose ("1) …", "b. …"), each with its own
// "Status:"/"Resultat:" passage, on a new line or run on after the goal's full stop. Own
// Danish examples in the genre of a committee's status item.
import { describe, expect, test } from 'vitest';
import { contextFrom } from './pages.js';
import { layoutContext, layoutPage, line } from './goals-layout.js';
import { goalShape, runGoals } from './goal-run.js';

describe('numbered goal paragraphs with a result label', () => {
  const text = [
    'Udvalget fastsatte sidste år disse måltal for jobcentret:',
    '1) Mindst 48 % af de sygemeldte skal være tilbage i job inden for 12 uger.',
    'Status: Andelen blev 50,2 % mod 47,9 % på landsplan. Dermed er måltallet nået.',
    '2) Højst 220 unge må være på uddannelseshjælp ved årets udgang. Resultat: Der var 241',
    'unge på ydelsen i december. Vi nåede ikke målet.',
    '3) Ventetiden til første samtale skal være under 3 uger.',
    'Status: Ventetiden var i gennemsnit 3,4 uger. Målet anses for delvist opfyldt.',
    'Indstilling',
    'Det indstilles, at status tages til efterretning.',
  ].join('\n');

  test('each paragraph is a goal with its marker as id, its result and its verdict', () => {
    const { goals } = runGoals(contextFrom('status.pdf', text));
    expect(goals.map(goalShape)).toEqual([
      {
        id: '1',
        text: 'Mindst 48 % af de sygemeldte skal være tilbage i job inden for 12 uger.',
        target: { value: 48, unit: 'percent', comparator: '>=' },
        actual: [[50.2, 'percent', 'municipality'], [47.9, 'percent', 'national']],
        status: 'met',
        statusText: 'Dermed er måltallet nået.',
      },
      {
        id: '2',
        text: 'Højst 220 unge må være på uddannelseshjælp ved årets udgang.',
        target: { value: 220, unit: 'persons', comparator: '<=' },
        actual: [[241, 'persons', 'municipality']],
        status: 'not_met',
        statusText: 'Vi nåede ikke målet.',
      },
      {
        id: '3',
        text: 'Ventetiden til første samtale skal være under 3 uger.',
        target: { value: 3, unit: 'weeks', comparator: '<=' },
        actual: [[3.4, 'weeks', 'municipality']],
        status: 'partly_met',
        statusText: 'Målet anses for delvist opfyldt.',
      },
    ]);
  });

  test('letter markers and a paragraph gap that ends the last item (positions known)', () => {
    const page = layoutPage(1, [
      line(40, [50, 'For integrationsindsatsen gjaldt følgende:']),
      line(60, [62, 'a. Mindst 30 flygtninge skal starte i virksomhedspraktik.']),
      line(72, [62, 'Status: Målet er udgået, da ordningen blev lukket.']),
      line(92, [62, 'b) Højst 10 % af kursisterne må stoppe før tiden.']),
      line(104, [62, 'Resultat: Kan ikke gøres op, da tallene mangler.']),
      line(124, [62, 'Administrationen følger op på tallene i foråret.']),
    ]);
    const { goals } = runGoals(layoutContext([page]));
    expect(goals.map((g) => [g.id, g.text, g.status, g.statusText])).toEqual([
      ['a', 'Mindst 30 flygtninge skal starte i virksomhedspraktik.', 'withdrawn', 'Målet er udgået, da ordningen blev lukket.'],
      ['b', 'Højst 10 % af kursisterne må stoppe før tiden.', 'not_assessable', 'Kan ikke gøres op, da tallene mangler.'],
    ]);
  });

  test('a numbered list of decisions without result labels is no goal list', () => {
    const decisions = [
      'Udvalget besluttede:',
      '1) At jobcentret skal holde 4 informationsmøder i foråret.',
      '2) At sagen genoptages på mødet i juni.',
    ].join('\n');
    expect(runGoals(contextFrom('beslutning.pdf', decisions)).goals.filter((g) => /^\d$/u.test(g.id))).toEqual([]);
  });

  test('a gap to the national figure is no result; people named by their group are persons', () => {
    const text = [
      'Målene for 2024 var:',
      '1) Ledigheden blandt unge skal følge landstallet.',
      'Status: Ledigheden var 4,1 % mod 3,6 % på landsplan og ligger 0,5 procentpoint over landsgennemsnittet. Målet er ikke nået.',
      '2) Mindst 25 kvinder skal i ordinært job. Status: I alt 31 kvinder fik job, og 12 langtidsledige fik fast arbejde. Målet er nået.',
    ].join('\n');
    const { goals } = runGoals(contextFrom('unge.pdf', text));
    expect(goals.map((g) => [g.id, g.target, g.actual.map((a) => [a.value, a.unit, a.scope]), g.status])).toEqual([
      ['1', { value: null, unit: 'percent', comparator: 'follow-national' }, [[4.1, 'percent', 'municipality'], [3.6, 'percent', 'national']], 'not_met'],
      ['2', { value: 25, unit: 'persons', comparator: '>=' }, [[31, 'persons', 'municipality'], [12, 'persons', 'municipality']], 'met'],
    ]);
  });
});
