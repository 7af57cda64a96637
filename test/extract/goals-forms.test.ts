// Every goal form on Danish examples written for these tests: labelled blocks in a
// two-column layout and as plain text, goal tables read by column position (in two
// column orders), prose, goal and result lists, kind lists with ordinal follow-ups and
// goals named together. Each expectation is the JSON the rules must produce.
import { describe, expect, test } from 'vitest';
import type { Goal, Warning } from '../../src/schema/contract.js';
import type { NormalisedPage } from '../../src/schema/normalised.js';
import { contextFrom } from './pages.js';
import { layoutContext, layoutPage, line } from './goals-layout.js';
import { goalShape, runGoals, type GoalShape } from './goal-run.js';

type Expected = GoalShape;

const run = (pages: NormalisedPage[], ctx = layoutContext(pages)): { goals: Goal[]; warnings: Warning[] } => runGoals(ctx);
const shape = goalShape;

const B = { bold: true };

describe('numbered goal blocks with Status / Målopfyldelse labels', () => {
  const expected: Expected[] = [
    {
      id: '2.1',
      text: 'Mindst 65 % af de unge under 25 år skal være i gang med en uddannelse ved årets udgang.',
      target: { value: 65, unit: 'percent', comparator: '>=' },
      actual: [[61.2, 'percent', 'municipality'], [66.4, 'percent', 'national']],
      status: 'partly_met',
      statusText: 'Målet er delvist opfyldt.',
    },
    {
      id: '2.2',
      text: 'Jobcentret skal have kontakt til 400 virksomheder om året.',
      target: { value: 400, unit: 'count', comparator: '>=' },
      actual: [[415, 'count', 'municipality']],
      status: 'met',
      statusText: 'Målet er nået.',
    },
    {
      id: '2.3',
      text: 'Der etableres 15 praktikpladser i kommunen.',
      target: { value: 15, unit: 'count', comparator: '>=' },
      actual: [],
      status: 'withdrawn',
      statusText: 'Målet er udgået.',
    },
    {
      id: '2.4',
      text: 'Sagsbehandlingstiden må højst være 4 uger.',
      target: { value: 4, unit: 'weeks', comparator: '<=' },
      actual: [[5, 'weeks', 'municipality']],
      status: 'unknown',
      statusText: 'Se bilag 3.',
    },
  ];

  test('two-column layout: theme rows stay out, the baseline year is dropped, an unknown verdict warns', () => {
    const page = layoutPage(1, [
      line(60, [60, 'Opfølgning på lokale mål 2024', B]),
      line(85, [60, 'Flere unge i uddannelse', B]),
      line(105, [60, 'Mål 2.1', B], [150, 'Mindst 65 % af de unge under 25 år skal være i gang med en']),
      line(117, [150, 'uddannelse ved årets udgang.']),
      line(135, [60, 'Status', B], [150, 'I 2023 var andelen 58,0 %. I 2024 var andelen 61,2 % i kommunen']),
      line(147, [150, 'og 66,4 % på landsplan.']),
      line(165, [60, 'Målopfyldelse', B], [150, 'Målet er delvist opfyldt.']),
      line(190, [60, 'Virksomhedsservice', B]),
      line(210, [60, 'Mål 2.2', B], [150, 'Jobcentret skal have kontakt til 400 virksomheder om året.']),
      line(228, [60, 'Status', B], [150, 'Der har været kontakt til 415 virksomheder.']),
      line(246, [60, 'Målopfyldelse', B], [150, 'Målet er nået.']),
      line(264, [60, 'Mål 2.3', B], [150, 'Der etableres 15 praktikpladser i kommunen.']),
      line(282, [60, 'Status', B], [150, 'Indsatsen er stoppet efter aftale med udvalget.']),
      line(300, [60, 'Målopfyldelse', B], [150, 'Målet er udgået.']),
      line(318, [60, 'Mål 2.4', B], [150, 'Sagsbehandlingstiden må højst være 4 uger.']),
      line(336, [60, 'Status', B], [150, 'Den gennemsnitlige sagsbehandlingstid var 5 uger.']),
      line(354, [60, 'Målopfyldelse', B], [150, 'Se bilag 3.']),
    ]);
    const { goals, warnings } = run([page]);
    expect(goals.map(shape)).toEqual(expected);
    expect(warnings.map((w) => w.code)).toEqual(['goal_without_status']);
    expect(warnings[0]?.message).toContain('2.4');
  });

  test('plain text with tabs, across a page break', () => {
    const p1 = [
      'Flere unge i uddannelse',
      'Mål 2.1\tMindst 65 % af de unge under 25 år skal være i gang med en',
      'uddannelse ved årets udgang.',
      'Status\tI 2023 var andelen 58,0 %. I 2024 var andelen 61,2 % i kommunen',
    ].join('\n');
    const p2 = [
      'og 66,4 % på landsplan.',
      'Målopfyldelse\tMålet er delvist opfyldt.',
      'Virksomhedsservice',
      'Mål 2.2\tJobcentret skal have kontakt til 400 virksomheder om året.',
      'Status\tDer har været kontakt til 415 virksomheder.',
      'Målopfyldelse\tMålet er nået.',
    ].join('\n');
    const ctx = contextFrom('plain.pdf', p1, p2);
    const { goals } = run(ctx.pages as NormalisedPage[], ctx);
    expect(goals.map(shape)).toEqual(expected.slice(0, 2));
  });
});

describe('goal blocks without a verdict cell', () => {
  test('the verdict is read from the status cell, and the last cell ends at the next heading', () => {
    const text = [
      'Mål 1\tAndelen af borgere med en plan skal være mindst 90 %.',
      'Status\tAndelen var 93 % ved udgangen af året. Målet er nået.',
      'Mål 2\tDer skal gennemføres 12 virksomhedsbesøg om måneden.',
      'Status\tDer blev gennemført 9 besøg om måneden.',
      'Økonomiske konsekvenser',
      'Udgifterne på 2,1 mio. kr. afholdes inden for rammen, og 40 % finansieres af staten.',
    ].join('\n');
    const ctx = contextFrom('status-only.pdf', text);
    const { goals, warnings } = run(ctx.pages as NormalisedPage[], ctx);
    expect(goals.map(shape)).toEqual([
      {
        id: '1',
        text: 'Andelen af borgere med en plan skal være mindst 90 %.',
        target: { value: 90, unit: 'percent', comparator: '>=' },
        actual: [[93, 'percent', 'municipality']],
        status: 'met',
        statusText: 'Målet er nået.',
      },
      {
        id: '2',
        text: 'Der skal gennemføres 12 virksomhedsbesøg om måneden.',
        target: { value: 12, unit: 'count', comparator: '>=' },
        actual: [[9, 'count', 'municipality']],
        status: 'unknown',
        statusText: null,
      },
    ]);
    expect(warnings.map((w) => w.message)).toEqual(['goal 2: results but no verdict found']);
  });
});

describe('goal tables read by column position', () => {
  test('Nr. | Mål | Målsætning | Resultat | Status, wrapped cells and a theme row', () => {
    const page = layoutPage(1, [
      line(60, [60, 'Nr.', B], [90, 'Mål', B], [300, 'Målsætning', B], [380, 'Resultat', B], [470, 'Status', B]),
      line(80, [60, 'Beskæftigelse', B]),
      line(100, [60, '1'], [90, 'Andelen af ledige i job efter'], [300, 'Mindst 50 %'], [380, '47,5 %'], [470, 'Ikke nået']),
      line(112, [90, 'seks måneder skal øges.']),
      line(132, [60, '2'], [90, 'Antal virksomhedsaftaler'], [300, '120'], [380, '134'], [470, 'Nået']),
      line(152, [60, '3'], [90, 'Borgernes tilfredshed med'], [300, 'Højst 10 % utilfredse'], [380, '12 %'], [470, '✘']),
      line(164, [90, 'jobcentret']),
      line(190, [60, 'Tabellen viser status for de tre mål i 2024 og bygger på tal fra jobindsats.dk.']),
      line(400, [60, 'Status', B], [150, 'Resultat', B], [260, 'Mål', B]),
      line(420, [60, 'Opfyldt'], [150, '82 %'], [260, 'Mindst 80 % af nye borgere skal have en plan inden for 30 dage.']),
    ]);
    const { goals, warnings } = run([page]);
    expect(goals.map(shape)).toEqual([
      {
        id: '1',
        text: 'Andelen af ledige i job efter seks måneder skal øges.',
        target: { value: 50, unit: 'percent', comparator: '>=' },
        actual: [[47.5, 'percent', 'municipality']],
        status: 'not_met',
        statusText: 'Ikke nået',
      },
      {
        id: '2',
        text: 'Antal virksomhedsaftaler',
        target: { value: 120, unit: 'count', comparator: '>=' },
        actual: [[134, 'count', 'municipality']],
        status: 'met',
        statusText: 'Nået',
      },
      {
        id: '3',
        text: 'Borgernes tilfredshed med jobcentret',
        target: { value: 10, unit: 'percent', comparator: '<=' },
        actual: [[12, 'percent', 'municipality']],
        status: 'not_met',
        statusText: '✘',
      },
      {
        id: 'maal-1',
        text: 'Mindst 80 % af nye borgere skal have en plan inden for 30 dage.',
        target: { value: 80, unit: 'percent', comparator: '>=' },
        actual: [[82, 'percent', 'municipality']],
        status: 'met',
        statusText: 'Opfyldt',
      },
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('goal tables with period headers and columns that are not about the goal', () => {
  test('Mål | Baseline | Målsætning 2025 | Status 2024 | Vurdering', () => {
    const page = layoutPage(2, [
      line(60, [60, 'Mål', B], [220, 'Baseline', B], [300, 'Målsætning 2025', B], [390, 'Status 2024', B], [480, 'Vurdering', B]),
      line(80, [60, 'Færre unge på'], [220, '310'], [300, 'Højst 250'], [390, '268 unge'], [480, 'På vej']),
      line(92, [60, 'uddannelseshjælp']),
      line(112, [60, 'Flere i fleksjob'], [220, '540'], [300, 'Mindst 600'], [390, '612 personer'], [480, 'Grøn']),
    ]);
    const { goals } = run([page]);
    expect(goals.map(shape)).toEqual([
      {
        id: 'maal-1',
        text: 'Færre unge på uddannelseshjælp',
        target: { value: 250, unit: 'persons', comparator: '<=' },
        actual: [[268, 'persons', 'municipality']],
        status: 'in_progress',
        statusText: 'På vej',
      },
      {
        id: 'maal-2',
        text: 'Flere i fleksjob',
        target: { value: 600, unit: 'count', comparator: '>=' },
        actual: [[612, 'persons', 'municipality']],
        status: 'met',
        statusText: 'Grøn',
      },
    ]);
  });
});

describe('goals in prose', () => {
  test('an expected reduction and the net change reported later in the item', () => {
    const text = [
      'Forventet effekt',
      'I projektperioden forventes antallet af sager over 26 uger at blive reduceret med 80 sager.',
      'Projektet har tre medarbejdere. De arbejder tæt sammen med virksomhederne. Der er afholdt 14 møder.',
      'Siden opstarten er der netto afsluttet 31 sager over 26 uger, hvoraf 12 er overgået til job.',
    ].join('\n');
    const ctx = contextFrom('change.pdf', text);
    const { goals } = run(ctx.pages as NormalisedPage[], ctx);
    expect(goals.map(shape)).toEqual([
      {
        id: 'maal-1',
        text: 'I projektperioden forventes antallet af sager over 26 uger at blive reduceret med 80 sager.',
        target: { value: 80, unit: 'count', comparator: 'reduce' },
        actual: [[31, 'count', 'municipality']],
        status: 'unknown',
        statusText: null,
      },
    ]);
  });

  test('goal, result and verdict in one sentence, and over three sentences', () => {
    const text = [
      'Baggrund',
      'Målet var, at mindst 60 procent af eleverne skulle bestå den afsluttende prøve; resultatet blev 54,3 procent, og målet er dermed ikke indfriet.',
      'Målet er, at ventetiden på en bolig maksimalt er 8 uger. Resultatet blev 6 uger i gennemsnit. Målet er dermed nået.',
    ].join('\n');
    const ctx = contextFrom('prose.pdf', text);
    const { goals } = run(ctx.pages as NormalisedPage[], ctx);
    expect(goals.map(shape)).toEqual([
      {
        id: 'maal-1',
        text: 'Målet var, at mindst 60 procent af eleverne skulle bestå den afsluttende prøve',
        target: { value: 60, unit: 'percent', comparator: '>=' },
        actual: [[54.3, 'percent', 'municipality']],
        status: 'not_met',
        statusText: 'resultatet blev 54,3 procent, og målet er dermed ikke indfriet.',
      },
      {
        id: 'maal-2',
        text: 'Målet er, at ventetiden på en bolig maksimalt er 8 uger.',
        target: { value: 8, unit: 'weeks', comparator: '<=' },
        actual: [[6, 'weeks', 'municipality']],
        status: 'met',
        statusText: 'Målet er dermed nået.',
      },
    ]);
  });
});

describe('goal lists and result lists', () => {
  test('investment goals paired in order with their results; no verdict means unknown', () => {
    const text = [
      'Med indsatsen fulgte tre mål for 2024:',
      '• Antallet af borgere på sygedagpenge skal reduceres med 50',
      '• Indsatsen skal føre til en besparelse på 4,5 mio. kr.',
      '• Mindst 30 % af forløbene skal afsluttes med job',
      'Status for indsatsen i 2024 viser, at:',
      '• Antallet af borgere på sygedagpenge er faldet med 62 borgere',
      '• Besparelsen blev på 3,9 mio. kr.',
      '• 28 % af forløbene er afsluttet med job, og målet er derfor ikke nået',
    ].join('\n');
    const ctx = contextFrom('list.pdf', text);
    const { goals, warnings } = run(ctx.pages as NormalisedPage[], ctx);
    expect(goals.map(shape)).toEqual([
      {
        id: 'maal-1',
        text: 'Antallet af borgere på sygedagpenge skal reduceres med 50',
        target: { value: 50, unit: 'persons', comparator: 'reduce' },
        actual: [[62, 'persons', 'municipality']],
        status: 'unknown',
        statusText: 'Antallet af borgere på sygedagpenge er faldet med 62 borgere',
      },
      {
        id: 'maal-2',
        text: 'Indsatsen skal føre til en besparelse på 4,5 mio. kr.',
        target: { value: 4500000, unit: 'dkk', comparator: '>=' },
        actual: [[3900000, 'dkk', 'municipality']],
        status: 'unknown',
        statusText: 'Besparelsen blev på 3,9 mio. kr.',
      },
      {
        id: 'maal-3',
        text: 'Mindst 30 % af forløbene skal afsluttes med job',
        target: { value: 30, unit: 'percent', comparator: '>=' },
        actual: [[28, 'percent', 'municipality']],
        status: 'not_met',
        statusText: '28 % af forløbene er afsluttet med job, og målet er derfor ikke nået',
      },
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['goal_without_status', 'goal_without_status']);
  });

  test('kind lists (resultatmål, fokusmål) and the prose that reports on them by ordinal', () => {
    const text = [
      'Kommunens resultater måles på tre måltal:',
      '- Resultatmål: Andelen af borgere på offentlig forsørgelse skal være lavere end forventet.',
      '- Fokusmål: Mindst 85 % af de ledige skal have haft fire samtaler det seneste år.',
      '- Fokusmål: Mindst 70 % af de ledige skal have deltaget i et tilbud.',
      'Resultatmålet viser, at kommunen havde 25 personer færre end forventet. Resultatmålet er derfor opfyldt.',
      'Det første fokusmål viser, at 88,1 % har haft fire samtaler. Fokusmålet er derfor opfyldt.',
      'Det andet fokusmål viser, at 64,0 % har deltaget i et tilbud. Dette fokusmål er derfor ikke opfyldt.',
      'Hvis begge fokusmål bliver opfyldt, bortfalder tilsynet.',
    ].join('\n');
    const ctx = contextFrom('star.pdf', text);
    const { goals } = run(ctx.pages as NormalisedPage[], ctx);
    expect(goals.map(shape)).toEqual([
      {
        id: 'resultat-1',
        text: 'Resultatmål: Andelen af borgere på offentlig forsørgelse skal være lavere end forventet.',
        target: { value: null, unit: 'percent', comparator: '<=' },
        actual: [[25, 'persons', 'municipality']],
        status: 'met',
        statusText: 'Resultatmålet er derfor opfyldt.',
      },
      {
        id: 'fokus-1',
        text: 'Fokusmål: Mindst 85 % af de ledige skal have haft fire samtaler det seneste år.',
        target: { value: 85, unit: 'percent', comparator: '>=' },
        actual: [[88.1, 'percent', 'municipality']],
        status: 'met',
        statusText: 'Fokusmålet er derfor opfyldt.',
      },
      {
        id: 'fokus-2',
        text: 'Fokusmål: Mindst 70 % af de ledige skal have deltaget i et tilbud.',
        target: { value: 70, unit: 'percent', comparator: '>=' },
        actual: [[64, 'percent', 'municipality']],
        status: 'not_met',
        statusText: 'Dette fokusmål er derfor ikke opfyldt.',
      },
    ]);
  });

  test('goals named together in one sentence, each followed up by topic', () => {
    const text = [
      'Opfølgningen omfatter målene om færre borgere på kontanthjælp og besparelsen på 2,0 mio. kr.',
      'Status for marts viser, at der var 410 borgere på kontanthjælp.',
      'Det har ikke været muligt at opgøre udgifterne for marts.',
    ].join('\n');
    const ctx = contextFrom('named.pdf', text);
    const { goals } = run(ctx.pages as NormalisedPage[], ctx);
    const sentence = 'Opfølgningen omfatter målene om færre borgere på kontanthjælp og besparelsen på 2,0 mio. kr.';
    expect(goals.map(shape)).toEqual([
      {
        id: 'maal-1',
        text: sentence,
        target: { value: null, unit: 'persons', comparator: 'reduce' },
        actual: [[410, 'persons', 'municipality']],
        status: 'unknown',
        statusText: 'Status for marts viser, at der var 410 borgere på kontanthjælp.',
      },
      {
        id: 'maal-2',
        text: sentence,
        target: { value: 2000000, unit: 'dkk', comparator: '>=' },
        actual: [],
        status: 'not_assessable',
        statusText: 'Det har ikke været muligt at opgøre udgifterne for marts.',
      },
    ]);
  });
});

describe('agenda items', () => {
  test('a goal belongs to the agenda item whose heading comes before it', () => {
    const text = ['Punkt 3: Opfølgning', 'Mål 1\tDer skal indgås 20 aftaler.', 'Status\tDer er indgået 22 aftaler.', 'Målopfyldelse\tMålet er nået.'].join('\n');
    const ctx = contextFrom('items.pdf', text);
    const withItems = { ...ctx, agendaItems: [{ number: 3, title: 'Opfølgning', caseNumber: null, decision: null, provenance: { page: 1, start: 0, end: 19, snippet: 'Punkt 3: Opfølgning' } }] };
    const { goals } = run(ctx.pages as NormalisedPage[], withItems);
    expect(goals.map((g) => [g.id, g.agendaItem, g.status])).toEqual([['1', 3, 'met']]);
  });

  test('text without goals yields none', () => {
    const ctx = contextFrom('none.pdf', 'Udvalget drøftede sagen.\nStatus på byggeriet blev gennemgået.\nBeslutning\nGodkendt.');
    expect(run(ctx.pages as NormalisedPage[], ctx).goals).toEqual([]);
  });
});

describe('prose duties with a floor or ceiling, and interim status sentences', () => {
  test('"skal … hjemtage mindst N kr." is a goal; "Pr. 31. marts er …" and "Hidtil i år har …" are its interim results', () => {
    const text = [
      '12. Økonomisk status for Borgerservice',
      'Sagsfremstilling',
      'Opkrævningen skal i 2026 inddrive mindst 3,5 mio. kr. i restancer. Pr. 31. marts er der inddrevet 0,9 mio. kr. af restancerne.',
      'Den digitale selvbetjening skal udgøre mindst 80 procent af ansøgningerne. Hidtil i år har andelen været 74 procent.',
    ].join('\n');
    const { goals } = runGoals(contextFrom('x.pdf', text));
    expect(goals.map(goalShape)).toEqual([
      {
        id: 'maal-1',
        text: 'Opkrævningen skal i 2026 inddrive mindst 3,5 mio. kr. i restancer.',
        target: { value: 3500000, unit: 'dkk', comparator: '>=' },
        actual: [[900000, 'dkk', 'municipality']],
        status: 'unknown',
        statusText: 'Pr. 31. marts er der inddrevet 0,9 mio. kr. af restancerne.',
      },
      {
        id: 'maal-2',
        text: 'Den digitale selvbetjening skal udgøre mindst 80 procent af ansøgningerne.',
        target: { value: 80, unit: 'percent', comparator: '>=' },
        actual: [[74, 'percent', 'municipality']],
        status: 'unknown',
        statusText: 'Hidtil i år har andelen været 74 procent.',
      },
    ]);
  });
});
