// Goal layouts met at first contact in blind sets 2026-12-07d and 2026-12-07e, each written as a
// class: the rules' own examples (data beside the rules) and real PDFs made with pdfkit in those
// layouts, with own Danish wording and figures.
import { describe, expect, test } from 'vitest';
import { parsePdf } from '../../src/pdf/index.js';
import { buildDocument } from '../../src/pipeline/index.js';
import { findActuals, referencePeriodOf, REFERENCE_PERIOD_EXAMPLES } from '../../src/extract/goals/goal-actuals.js';
import { FIGURE_FIELD_EXAMPLES, figureFieldRole } from '../../src/extract/goals/goal-block-lines.js';
import { DURATION_EXAMPLES, meaningfulMeasures } from '../../src/extract/goals/goal-measures.js';
import { DEADLINE_EXAMPLES, GOVERNED_BOUND_EXAMPLES, parseTarget } from '../../src/extract/goals/goal-target.js';
import { isVerdictTally, VERDICT_TALLY_EXAMPLES } from '../../src/extract/goals/goal-table-row.js';
import { TextRun } from '../../src/extract/goals/goal-text.js';
import { LEGEND_MEANING_EXAMPLES, meaningStatus } from '../../src/extract/goals/verdict-legend.js';
import type { ExtractedDocument } from '../../src/schema/contract.js';
import { makePdf, type TextRun as PdfRun } from '../pdf/make-pdf.js';
import { pagesFrom } from './pages.js';

describe('the rules’ examples', () => {
  test.each(FIGURE_FIELD_EXAMPLES)('labelled figure line "$line" is a $role field', ({ line, role }) => {
    expect(figureFieldRole(line)?.role ?? null).toBe(role);
  });
  test.each(GOVERNED_BOUND_EXAMPLES)('the target of "$text" is $value', ({ text, value }) => {
    expect(parseTarget(text).value).toBe(value);
  });
  test.each(DEADLINE_EXAMPLES)('the target of "$text" is $comparator $value', ({ text, value, comparator }) => {
    const target = parseTarget(text);
    expect([target.value, target.comparator]).toEqual([value, comparator]);
  });
  test.each(DURATION_EXAMPLES)('measured figures of "$text"', ({ text, measured }) => {
    expect(meaningfulMeasures(text).map((m) => m.value)).toEqual(measured);
  });
  test.each(LEGEND_MEANING_EXAMPLES)('a legend key meaning "$meaning" is $status', ({ meaning, status }) => {
    expect(meaningStatus(meaning)).toBe(status);
  });
  test.each(VERDICT_TALLY_EXAMPLES)('"$goal" beside "$verdict" is a tally: $tally', ({ goal, verdict, tally }) => {
    expect(isVerdictTally(goal, verdict)).toBe(tally);
  });
  test.each(REFERENCE_PERIOD_EXAMPLES)('results of "$goal" in "$result"', ({ goal, result, values }) => {
    const [page] = pagesFrom(result);
    const run = new TextRun([page!], [{ page: 1, start: 0, end: result.length }]);
    const found = findActuals(run, { start: 0, end: result.length }, { targetUnit: parseTarget(goal).unit, anyUnit: true, referencePeriod: referencePeriodOf(goal) });
    expect(found.map((a) => a.value)).toEqual(values);
  });
});

async function documentOf(runs: PdfRun[]): Promise<ExtractedDocument> {
  const parsed = await parsePdf(await makePdf({ pages: [runs] }));
  return buildDocument({ path: 'maal.pdf', sha256: 'c'.repeat(64), bytes: 1, parsed, withText: false });
}

/** Lines of text at the left margin, one per 14 pt from y. */
const at = (x: number, y: number, text: string, size = 10): PdfRun => ({ text, x, y, size });
/** A figure set flush right against `right` (Helvetica digits and signs are about 0.55 em wide). */
const flushRight = (right: number, y: number, text: string): PdfRun => at(right - text.length * 5.5, y, text);

const shape = (doc: ExtractedDocument) =>
  doc.goals.map((g) => ({ id: g.id, status: g.status, target: g.target?.value ?? null, actual: g.actual.map((a) => [a.value, a.scope]) }));

describe('goal layouts by class, in real PDFs', () => {
  test('key–value tables: labels in a column of their own without colons, the goal label centred beside a two-line statement', async () => {
    const doc = await documentOf([
      at(56, 50, 'Dagsorden · Teknik- og Klimaudvalget · Odder Kommune'), at(56, 64, 'Mødedato: 4. marts 2026'),
      at(56, 90, '1 Klimamål for kommunens drift'), at(56, 104, 'Sagsfremstilling'),
      at(240, 130, 'Elforbruget i kommunens bygninger skal reduceres med 12 %'), at(60, 137, 'Mål 1'), at(240, 144, 'frem mod 2027 i forhold til 2023.'),
      at(60, 160, 'Måltal'), at(240, 160, 'Reduktion på 12 %'),
      at(60, 174, 'Status 2025'), at(240, 174, 'Reduktion på 6,5 %'),
      at(60, 188, 'Status 2026 (pr. 1. juni)'), at(240, 188, 'Reduktion på 9,1 %'),
      at(60, 202, 'Vurdering'), at(240, 202, 'Målet er på vej.'),
      at(240, 228, 'Der skal være mindst 250 delebiler i kommunen'), at(60, 235, 'Mål 2'), at(240, 242, 'ved udgangen af 2026.'),
      at(60, 258, 'Måltal'), at(240, 258, '250'),
      at(60, 272, 'Status 2025'), at(240, 272, '180'),
      at(60, 286, 'Sammenligning'), at(240, 286, 'Gennemsnit for alle kommuner 2025: 140'),
      at(60, 300, 'Vurdering'), at(240, 300, 'Målet er ikke nået.'),
    ]);
    expect(shape(doc)).toEqual([
      { id: '1', status: 'in_progress', target: 12, actual: [[6.5, 'municipality'], [9.1, 'municipality']] },
      { id: '2', status: 'not_met', target: 250, actual: [[180, 'municipality'], [140, 'national']] },
    ]);
    expect(doc.goals[0]?.text).toBe('Elforbruget i kommunens bygninger skal reduceres med 12 % frem mod 2027 i forhold til 2023.');
  });

  test('labels on lines of their own: results as labelled lines naming period and place, the verdict below "Status:", a baseline period', async () => {
    const doc = await documentOf([
      at(56, 50, 'Referat · Arbejdsmarkedsudvalget · Ringsted Kommune'), at(56, 64, 'Mødedato: 10. juni 2026'),
      at(56, 90, 'Punkt 12'), at(56, 104, 'Opfølgning på beskæftigelsesmål'),
      at(56, 130, 'Mål 2.a'), at(56, 144, 'Målsætning:'), at(56, 158, 'Mindst 60 % af de nyledige skal være i job inden for fire måneder.'),
      at(56, 172, 'Resultat:'), at(70, 186, '1. kvt. 2025: 57,5 %'), at(70, 200, '1. kvt. 2026: 61,2 %'), at(70, 214, 'Klyngen 1. kvt. 2026: 59,0 %'),
      at(70, 228, 'Hele landet 1. kvt. 2026: 60,4 %'),
      at(56, 242, 'Status:'), at(56, 256, 'Opfyldt. Andelen ligger over klyngen.'),
      at(56, 282, 'Mål 2.b'), at(56, 296, 'Målsætning:'), at(56, 310, 'Antallet af langvarige sygedagpengeforløb skal reduceres med 10 % i forhold til 2025.'),
      at(56, 324, 'Resultat:'), at(70, 338, 'December 2025: 210 forløb'), at(70, 352, 'April 2026: 184 forløb'),
      at(56, 366, 'Status:'), at(56, 380, 'Opfyldt.'),
    ]);
    expect(shape(doc)).toEqual([
      { id: '2.a', status: 'met', target: 60, actual: [[57.5, 'municipality'], [61.2, 'municipality'], [59, 'other'], [60.4, 'national']] },
      { id: '2.b', status: 'met', target: 10, actual: [[184, 'municipality']] },
    ]);
  });

  test('a label column under "Servicemål N: title" states the goal and its deadline; results per half-year; a small table of places under a goal', async () => {
    const doc = await documentOf([
      at(56, 50, 'Referat · Social- og Ældreudvalget · Ringsted Kommune'), at(56, 64, 'Mødedato: 3. september 2026'),
      at(56, 90, '7. Servicemål og sygefravær'),
      at(56, 116, 'Servicemål 1: Visitation'),
      at(56, 132, 'Servicemål'), at(200, 132, 'Ansøgninger om hjemmehjælp skal visiteres inden for 10 arbejdsdage.'),
      at(56, 146, 'Resultat 1. halvår 2026'), at(200, 146, '8 dage'),
      at(56, 160, 'Resultat 1. halvår 2025'), at(200, 160, '12 dage'),
      at(56, 174, 'Vurdering'), at(200, 174, 'Overholdt'),
      at(56, 204, 'Mål 2: Lavere sygefravær'),
      at(56, 218, 'Sygefraværet blandt medarbejderne skal ned på højst 6 % i 2026.'),
      at(150, 234, '2. kvt. 2026'), at(230, 234, '3. kvt. 2026'),
      at(62, 248, 'Ringsted'), at(160, 248, '6,8 %'), at(240, 248, '6,3 %'),
      at(62, 262, 'Hele landet'), at(160, 262, '7,1 %'), at(240, 262, '7,0 %'),
      at(56, 280, 'Prognose:'), at(110, 280, 'Målet forventes nået ved årets udgang.'),
    ]);
    expect(shape(doc)).toEqual([
      { id: '1', status: 'met', target: 10, actual: [[8, 'municipality'], [12, 'municipality']] },
      { id: '2', status: 'in_progress', target: 6, actual: [[6.8, 'municipality'], [6.3, 'municipality'], [7.1, 'national'], [7, 'national']] },
    ]);
    expect(doc.goals[0]?.text).toBe('Ansøgninger om hjemmehjælp skal visiteres inden for 10 arbejdsdage.');
    expect(doc.goals[0]?.target).toMatchObject({ comparator: '<=', unit: 'days' });
    expect(doc.goals[1]?.text).toBe('Lavere sygefravær Sygefraværet blandt medarbejderne skal ned på højst 6 % i 2026.');
  });

  test('a label column with notes ("Indikator", "Kommentar"), the goal stated under a target label, a symbol legend in a key table; and a table with two "Status <period>" columns beside "Vurdering"', async () => {
    const doc = await documentOf([
      at(56, 50, 'Målopfølgning · Kultur- og Fritidsudvalget · Odder Kommune'), at(56, 64, 'Mødedato: 2. november 2026'),
      at(56, 90, 'Symboler:'), at(70, 104, 'A'), at(120, 104, 'Målet er opfyldt'), at(70, 118, 'B'), at(120, 118, 'Målet er ikke opfyldt'),
      at(56, 146, '2.1 Mål K1 – Biblioteker'),
      at(56, 162, 'Mål'), at(200, 162, 'Mindst 60 % af borgerne skal bruge biblioteket hvert år.'),
      at(56, 176, 'Indikator'), at(200, 176, 'Andel aktive lånere'),
      at(56, 190, 'Måltal'), at(200, 190, '60 %'),
      at(56, 204, 'Resultat 2026'), at(200, 204, '63 %'),
      at(56, 218, 'Status'), at(200, 218, 'A'),
      at(56, 246, 'Nr.'), at(90, 246, 'Mål'), at(300, 246, 'Status jun.'), at(370, 246, 'Status sep.'), at(440, 246, 'Vurdering'),
      at(300, 258, '2026'), at(370, 258, '2026'),
      at(56, 276, 'K2'), at(90, 276, 'Mindst 500 børn skal gå til musik.'), at(300, 276, '470'), at(370, 276, '512'), at(440, 276, 'Opfyldt'),
      at(56, 296, 'K3'), at(90, 296, 'Højst 20 børn på venteliste.'), at(300, 296, '26'), at(370, 296, '24'), at(440, 296, 'Ikke opfyldt'),
    ]);
    expect(shape(doc)).toEqual([
      { id: 'K1', status: 'met', target: 60, actual: [[63, 'municipality']] },
      { id: 'K2', status: 'met', target: 500, actual: [[470, 'municipality'], [512, 'municipality']] },
      { id: 'K3', status: 'not_met', target: 20, actual: [[26, 'municipality'], [24, 'municipality']] },
    ]);
    expect(doc.goals[0]?.text).toBe('Mindst 60 % af borgerne skal bruge biblioteket hvert år.');
  });

  test('a table with headers set left and figures set right: each figure in the column whose header starts before it', async () => {
    const doc = await documentOf([
      at(56, 50, 'Dagsorden · Socialudvalget · Faxe Kommune'), at(56, 64, 'Mødedato: 2. september 2026'),
      at(56, 90, '3 Kvalitetsmål 2026'), at(56, 104, 'Sagsfremstilling'),
      at(56, 130, 'Mål'), at(90, 130, 'Kvalitetsmål'), at(260, 130, 'Baseline'), at(320, 130, '2025'), at(380, 130, 'Jan.-jun.'), at(450, 130, 'Vurdering'),
      at(260, 141, '2024'), at(380, 141, '2026'),
      at(56, 160, 'A'), at(90, 160, 'Mindst 70 % af borgerne skal have'), flushRight(316, 160, '58 %'), flushRight(376, 160, '66 %'), flushRight(440, 160, '72 %'), at(450, 160, 'Opfyldt'),
      at(90, 171, 'en opdateret plan.'),
      at(56, 190, 'B'), at(90, 190, 'Ventetiden må højst være 30 dage.'), flushRight(316, 190, '41 dage'), flushRight(376, 190, '35 dage'), flushRight(440, 190, '33 dage'), at(450, 190, 'Ikke opfyldt'),
    ]);
    expect(shape(doc)).toEqual([
      { id: 'A', status: 'met', target: 70, actual: [[66, 'municipality'], [72, 'municipality']] },
      { id: 'B', status: 'not_met', target: 30, actual: [[35, 'municipality'], [33, 'municipality']] },
    ]);
  });

  test('numbered prose paragraphs with a title sentence: the verdict sentences later, the marker is the id', async () => {
    const doc = await documentOf([
      at(56, 50, 'Beslutningsprotokol · Beskæftigelsesudvalget · Struer Kommune'), at(56, 64, 'Mødedato: 3. november 2026'),
      at(56, 90, 'Pkt. 21 Halvårsstatus på målene'), at(56, 104, 'Planen har to mål, som her gøres op for første halvår.'),
      at(56, 118, '1. Flere i job. Mindst 50 % af de nyledige skal være'),
      at(56, 132, 'selvforsørgende efter seks måneder. I første halvår 2025 var'),
      at(56, 146, 'andelen 47,0 %, og i første halvår 2026 er den 51,5 %.'),
      at(56, 160, 'Landsgennemsnittet er 49,8 %. Målet er nået.'),
      at(56, 174, '2. Færre på sygedagpenge. Antallet af fuldtidspersoner skal'),
      at(56, 188, 'reduceres med 30 i forhold til 1. halvår 2025. I 1. halvår 2025 var'),
      at(56, 202, 'der 380 fuldtidspersoner; i 1. halvår 2026 er tallet 362. Målet er'),
      at(56, 216, 'ikke nået, da antallet kun er faldet med 18.'),
    ]);
    expect(shape(doc)).toEqual([
      { id: '1', status: 'met', target: 50, actual: [[47, 'municipality'], [51.5, 'municipality'], [49.8, 'national']] },
      { id: '2', status: 'not_met', target: 30, actual: [[362, 'municipality'], [18, 'municipality']] },
    ]);
  });

  test('letter-code verdicts defined by a legend; a tally of statuses below is no goal, its "I alt" the stated total', async () => {
    const doc = await documentOf([
      at(56, 50, 'Målopfølgning 2026 · Sundhedsudvalget · Vejen Kommune'),
      at(56, 76, 'Statuskoder: N = Nået · DN = Delvist nået · IN = Ikke nået · U = Udgået.'),
      at(56, 100, 'Nr.'), at(90, 100, 'Mål'), at(360, 100, 'Resultat 2026'), at(450, 100, 'Status'),
      at(56, 118, '1'), at(90, 118, 'Mindst 80 % skal være tilfredse med plejen.'), at(360, 118, '84 %'), at(450, 118, 'N'),
      at(56, 136, '2'), at(90, 136, 'Ventetiden må højst være 10 dage.'), at(360, 136, '12 dage'), at(450, 136, 'DN'),
      at(56, 154, '3'), at(90, 154, 'Andelen af genindlæggelser skal være under 8 %.'), at(360, 154, '9,4 %'), at(450, 154, 'IN'),
      at(56, 190, 'Status i alt'),
      at(56, 208, 'Status'), at(300, 208, 'Antal mål'),
      at(56, 222, 'Nået'), at(300, 222, '1'),
      at(56, 236, 'Delvist nået'), at(300, 236, '1'),
      at(56, 250, 'Ikke nået'), at(300, 250, '1'),
      at(56, 264, 'I alt'), at(300, 264, '3'),
    ]);
    expect(doc.goals.map((g) => [g.id, g.status])).toEqual([['1', 'met'], ['2', 'partly_met'], ['3', 'not_met']]);
    expect(doc.statusSummary).toMatchObject({ met: 1, partly_met: 1, not_met: 1, total: 3 });
  });

  test('numbered sections with a run-in "Målsætning." label: report, a small comparison table and the verdict follow in the paragraph', async () => {
    const doc = await documentOf([
      at(56, 50, 'Resultatrevision 2025 · Jobcenter Egedal'), at(56, 64, 'Bilag til Beskæftigelsesudvalgets møde 20. maj 2026'),
      at(56, 90, '2.1 Mål 1: Flere ledige i job'),
      at(56, 104, 'Målsætning. Mindst 50 pct. af de nyledige skal være i job efter seks måneder.'),
      at(56, 118, 'I 2025 var 53,2 pct. af de nyledige i job efter seks måneder.'),
      at(56, 136, 'Andel i job efter 6 mdr.'), at(250, 136, 'Egedal'), at(330, 136, 'Klynge'), at(410, 136, 'Hele landet'),
      at(56, 150, '2025'), flushRight(300, 150, '53,2 %'), flushRight(380, 150, '51,0 %'), flushRight(470, 150, '49,4 %'),
      at(56, 166, 'Målet er indfriet.'),
      at(56, 192, '2.2 Mål 2: Færre langtidsledige'),
      at(56, 206, 'Målsætning. Antallet af langtidsledige skal nedbringes til højst 150 personer.'),
      at(56, 220, 'Ved udgangen af 2025 var der 171 langtidsledige.'),
      at(56, 234, 'Målet er ikke indfriet.'),
      at(56, 260, '3. Konklusion'), at(56, 274, 'Jobcentret fortsætter indsatsen i 2026.'),
    ]);
    expect(shape(doc)).toEqual([
      { id: '1', status: 'met', target: 50, actual: [[53.2, 'municipality'], [53.2, 'municipality'], [51, 'other'], [49.4, 'national']] },
      { id: '2', status: 'not_met', target: 150, actual: [[171, 'municipality']] },
    ]);
  });

  test('centred headers over a verdict column of sentences set flush left; letter codes run into the statement; passive verdicts', async () => {
    const doc = await documentOf([
      at(56, 50, 'Budgetopfølgning 2/2026 · Økonomiudvalget · Stevns Kommune'),
      at(56, 98, 'Måltal'), at(290, 98, 'Forventet 2026'), at(440, 98, 'Vurdering'),
      at(56, 124, 'A Overskuddet skal være mindst 40 mio. kr.'), flushRight(360, 124, '33,5 mio. kr.'), at(370, 124, 'Måltallet nås ikke.'),
      at(56, 148, 'B Likviditeten skal være mindst 90 mio. kr.'), flushRight(360, 148, '104,0 mio. kr.'), at(370, 148, 'Måltallet overholdes.'),
      at(56, 172, 'C Mindst 85 % af anlægsbudgettet skal være forbrugt.'), flushRight(360, 172, '71 %'), at(370, 172, 'Ikke realistisk.'),
    ]);
    expect(shape(doc)).toEqual([
      { id: 'A', status: 'not_met', target: 40000000, actual: [[33500000, 'municipality']] },
      { id: 'B', status: 'met', target: 90000000, actual: [[104000000, 'municipality']] },
      { id: 'C', status: 'not_met', target: 85, actual: [[71, 'municipality']] },
    ]);
  });
});
