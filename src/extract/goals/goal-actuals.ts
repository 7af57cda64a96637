// The result figures a follow-up reports for one goal, with scope (the municipality's
// own figure or the national one). Baselines and the counts behind a share are left out.
import { danish } from '../common/danish-regex.js';
import type { Actual, Scope, Unit } from '../../schema/contract.js';
import { meaningfulMeasures, type Measure } from './goal-measures.js';
import { sentences, type TextRun } from './goal-text.js';

/** Words that make a figure national. */
export const NATIONAL_SCOPE = danish(/\bland(?=\s*:)|\b(?:landsplan|landstal(?:let|lene)?|landsgennemsnit(?:tet)?|landsniveau(?:et)?|hele\s+landet|nationalt?|på\s+landsbasis|landsbasis|alle\s+kommuner)\b/iu);
/** Words that make a figure a comparison group's: a cluster, comparable or neighbouring municipalities, a region. */
export const OTHER_SCOPE = danish(/\b(?:klyngen?s?|klyngegennemsnit(?:tet)?|sammenlignings?kommuner(?:ne)?s?|sammenlignelige\s+kommuner|nabokommuner(?:ne)?|regionen|region\s+\p{Lu}\p{L}+|landsdelen)\b/iu);
/** Words that make a figure the municipality's own. */
export const MUNICIPAL_SCOPE = danish(/\b(?:kommunen?s?|jobcentret|jobcenteret|lokalt)\b/iu);

/** "ikke oprettet nogen …", "ingen … er indgået": a stated zero. */
const STATED_ZERO = danish(/\bikke\s+(?:\p{L}+\s+){0,2}nogen\b|\bingen\s+(?:\p{L}+\s+){0,2}(?:er|blev)\s+(?:oprettet|indgået|etableret|gennemført)\b/iu);

/** A gap to another figure, not a result: "ligger 5,8 procentpoint under landsgennemsnittet". */
const GAP_AFTER = danish(/^\s*(?:procentpoint|pct\.?-?point|%-point)?\s*(?:under|over|lavere\s+end|højere\s+end|bedre\s+end|dårligere\s+end)\s+(?:det\s+|de\s+)?(?:lands\p{L}*|hele\s+landets?|gennemsnit\p{L}*|niveauet)/iu);

/** A change's starting point: "er steget fra 58,5 % i 2023", "faldet fra 451". */
const CHANGE_FROM_BEFORE = danish(/\b(?:steget|faldet|øget|forøget|reduceret|nedbragt|gået\s+(?:op|ned)|steg|faldt|stiger|falder)\s+(?:\p{L}+\s+){0,3}fra\s+(?:ca\.\s+)?$/iu);
/** "fra 58,5 % til 64,0 %": the figure after "fra" that another figure follows with "til". */
const FROM_BEFORE = danish(/(?<![\p{L}])fra\s+(?:ca\.\s+)?$/iu);

/** Starting points of a change, as data: the sentence and the figure that is a baseline, not a result. */
export const STARTING_POINT_EXAMPLES: readonly { sentence: string; baseline: string | null }[] = [
  { sentence: 'Andelen er 64,0 % og er steget fra 58,5 % i 2023.', baseline: '58,5 %' },
  { sentence: 'Andelen steg fra 41 % til 47 % i løbet af året.', baseline: '41 %' },
  { sentence: 'Antallet er faldet med 6,2 %.', baseline: null },
  { sentence: 'Ledigheden var 2,6 % mod 2,8 % på landsplan.', baseline: null },
  { sentence: 'I alt 34 % af borgerne påbegyndte et forløb, heraf 9 % i virksomheder.', baseline: '9 %' },
  { sentence: 'Andelen er 41 % (forventet 45 % ved årets udgang).', baseline: '45 %' },
];

/** "488 besøg (forventet 650 ved årets udgang)": a forecast beside the result, not a result. */
const FORECAST_BEFORE = danish(/\b(?:forventet|forventes|forventningen\s+er|prognose(?:n)?|skøn(?:net)?|skønnet)\s+(?:(?:til|at\s+blive|på|ca\.)\s+)?$/iu);

/** "I alt 34 borgere …, heraf 9 kvinder": a part of the result, not a result. */
const PART_OF_BEFORE = danish(/(?<![\p{L}])heraf\s+(?:ca\.\s+)?$/iu);

function isStartingPoint(sentence: string, m: Measure): boolean {
  const before = sentence.slice(Math.max(0, m.start - 60), m.start);
  if (CHANGE_FROM_BEFORE.test(before) || PART_OF_BEFORE.test(before)) return true;
  return FROM_BEFORE.test(before) && /^\s*(?:%|pct\.?|procent)?\s*til\s+(?:ca\.\s+)?\d/u.test(sentence.slice(m.end, m.end + 20));
}

/** Units that may stand for a target's unit in the results. */
function compatible(target: Unit | null, actual: Unit | null): boolean {
  if (actual === null) return false;
  if (target === null) return true;
  if (target === 'percent' || target === 'percentage_points') return actual === 'percent' || actual === 'percentage_points';
  if (target === 'count' || target === 'persons') return actual === 'count' || actual === 'persons';
  return actual === target;
}

export interface ActualOptions {
  /** The target's unit, when known: results are read in that unit only (but see anyUnit). */
  targetUnit: Unit | null;
  /**
   * The text is a result cell or a "Resultat:" field: when terse (one short clause, not a
   * narrative), a figure with a unit of its own is a result whatever the target's unit ("stige
   * 3 %" measured as "641.900 påstigere (+4,8 %)"); kroner only where the target is in kroner.
   */
  anyUnit?: boolean;
  /** The period the goal measures its change from ("i forhold til 2024"): its figures are baselines. */
  referencePeriod?: string | null;
}

/** An earlier period's figure labelled by its year inside a result: "171 (2023: 149)". */
const PERIOD_LABEL_BEFORE = danish(/(?:^|[(,;]\s*)(?:19|20)\d\d\s*:\s*$/u);

/** Period-labelled figures, as data: a result text and every result read from it (persons). */
export const PERIOD_LABELLED_EXAMPLES: readonly { result: string; values: number[] }[] = [
  { result: 'gennemsnitligt 171 langtidsledige i 2024 (2023: 149)', values: [171, 149] },
  { result: '58 personer i forløb (2023: 41, 2022: 37)', values: [58, 41, 37] },
  { result: 'Opgjort for 2024: 17', values: [] },
  { result: '2022: 254; 2023: 213; 2024: 237', values: [254, 213, 237] },
];

/** A result field longer than this, or of more than one sentence, is a narrative with context figures. */
const MAX_TERSE_WORDS = 20;

/** Terse result fields, as data: figures in any unit are results only in the terse ones. */
export const TERSE_RESULT_EXAMPLES: readonly { result: string; terse: boolean }[] = [
  { result: '571 fuldtidspersoner (december 2024), et fald på 6,7 %', terse: true },
  { result: '641.900 påstigere (+4,8 %)', terse: true },
  { result: 'I perioden var der 59 deltagere. 21 unge (35,6 %) påbegyndte uddannelse.', terse: false },
  { result: 'Det er vurderingen, at mindst 80 % af borgerne med en ydelsesperiode på over 2 sammenhængende år har fået en plan eller er påbegyndt afklaring.', terse: false },
];

export function isTerseResult(text: string): boolean {
  return sentences(text).length <= 1 && text.trim().split(/\s+/u).length <= MAX_TERSE_WORDS;
}

/** "er tallet", "antallet var", "niveauet er nu" (either word order): the words before a bare figure that restates a count. */
const RESTATED_BEFORE = danish(/\b(?:(?:er|var|blev)\s+(?:nu\s+)?(?:tallet|antallet|niveauet)|(?:tallet|antallet|niveauet)\s+(?:er|var|blev|udgør|udgjorde))\s+(?:nu\s+|på\s+)?$/iu);

/** "reduceres med 40 i forhold til 1. halvår 2024": the period the goal measures a change from. */
const REFERENCE_PERIOD = danish(/\b(?:i\s+forhold\s+til|sammenlignet\s+med|set\s+i\s+forhold\s+til)\s+((?:(?:[1-4]\.\s*(?:kvt\.?|kvartal|halvår)|udgangen\s+af|\p{L}+)\s+)?(?:19|20)\d\d)\b/iu);

/** The reference period a goal's wording names, lower-case with single spaces; null when none. */
export function referencePeriodOf(goalText: string): string | null {
  const m = REFERENCE_PERIOD.exec(goalText);
  return m?.[1] ? m[1].toLowerCase().replace(/\s+/gu, ' ') : null;
}

/** Reference periods, as data: figures of that period are the baseline, not results. */
export const REFERENCE_PERIOD_EXAMPLES: readonly { goal: string; result: string; values: number[] }[] = [
  { goal: 'Antallet skal reduceres med 40 i forhold til 1. halvår 2024.', result: 'I 1. halvår 2024 var der 418 fuldtidspersoner; i 1. halvår 2025 er tallet 406.', values: [406] },
  { goal: 'Antallet skal reduceres med 15 % i forhold til 2024.', result: 'December 2024: 148 forløb', values: [] },
  { goal: 'Mindst 65 % skal være i job.', result: '1. kvt. 2024: 61,2 %', values: [61.2] },
];

/** Whether a label or clause names the reference period ("December 2024:" for "i forhold til 2024"). */
export function namesReferencePeriod(text: string, reference: string): boolean {
  return inReferencePeriod(text, 0, reference);
}

/** Whether the clause holding a figure names the goal's reference period ("I 1. halvår 2024 var der 418 …"). */
function inReferencePeriod(sentence: string, at: number, reference: string): boolean {
  const clauses = sentence.split(/[;]|,\s+(?=og\s|mens\s|men\s)/u);
  let offset = 0;
  for (const clause of clauses) {
    const end = offset + clause.length;
    if (at >= offset && at < end) {
      const flat = clause.toLowerCase().replace(/\s+/gu, ' ');
      const year = /(?:19|20)\d\d$/u.exec(reference)?.[0] ?? reference;
      // A year alone names the year; a part of a year must be named as printed.
      return reference === year ? new RegExp(String.raw`(?<!\d)${year}(?!\d)`, 'u').test(flat) && !/(?:19|20)\d\d[\s\S]*(?:19|20)\d\d/u.test(flat) : flat.includes(reference);
    }
    offset = end + 1;
  }
  return false;
}

/** Result figures in a result text (a status cell, a result sentence), in source order. */
export function findActuals(run: TextRun, span: { start: number; end: number }, options: ActualOptions): Actual[] {
  const text = run.text.slice(span.start, span.end);
  const sents = sentences(text);
  const picked: { m: Measure; sentence: number }[] = [];
  // A bare figure that is the whole result (a table cell: "134") is in the target's unit.
  const bareCell = /^\s*[-+]?\d[\d.,]*\s*$/u.test(text);
  const ownUnits = options.anyUnit === true && isTerseResult(text);
  const ownUnitResult = (unit: Unit | null): boolean => ownUnits && unit !== null && (unit !== 'dkk' || options.targetUnit === 'dkk');
  sents.forEach((s, i) => {
    for (const found of meaningfulMeasures(s.text)) {
      // Scores are printed bare ("blev 4,0"), so a bare figure is a score when the target is one;
      // a bare figure after an earlier period's year ("(2023: 149)") is in the unit of the result before it.
      const before = picked.at(-1)?.m.unit ?? options.targetUnit;
      const periodLabelled = found.unit === null && before !== null && PERIOD_LABEL_BEFORE.test(s.text.slice(0, found.start));
      // "… er tallet 406", "antallet var 312": a bare figure naming the same count again is in the unit of the figure before it.
      const restated = found.unit === null && RESTATED_BEFORE.test(s.text.slice(Math.max(0, found.start - 40), found.start)) ? (before ?? null) : null;
      const adopt = found.unit === null && options.targetUnit !== null && (bareCell || options.targetUnit === 'score');
      const m = periodLabelled ? { ...found, unit: before } : restated !== null ? { ...found, unit: restated } : adopt ? { ...found, unit: options.targetUnit } : found;
      if (options.referencePeriod && inReferencePeriod(s.text, found.start, options.referencePeriod)) continue;
      // A bare figure alone in a result cell is a result even when nothing names its unit ("36,9" per 1.000 under "Fald").
      const bareResult = bareCell && m.unit === null && options.targetUnit === null && options.anyUnit === true;
      if (!compatible(options.targetUnit, m.unit) && !ownUnitResult(m.unit) && !bareResult) continue;
      if (GAP_AFTER.test(s.text.slice(found.end, found.end + 60))) continue;
      if (isStartingPoint(s.text, found)) continue;
      if (picked.length > 0 && FORECAST_BEFORE.test(s.text.slice(Math.max(0, found.start - 40), found.start))) continue;
      picked.push({ m: { ...m, start: m.start + s.start, end: m.end + s.start }, sentence: i });
    }
  });
  const kept = dropBaselines(picked, sents);
  const actuals: Actual[] = kept.map(({ m }) => ({
    value: m.value,
    unit: m.unit,
    scope: scopeAt(text, sents, m),
    provenance: run.provenance(span.start + m.start, span.start + m.end),
  }));
  if (actuals.length === 0 && (options.targetUnit === 'count' || options.targetUnit === 'persons')) {
    const zero = STATED_ZERO.exec(text);
    if (zero) {
      actuals.push({
        value: 0,
        unit: options.targetUnit,
        scope: 'municipality',
        provenance: run.provenance(span.start + zero.index, span.start + zero.index + zero[0].length),
      });
    }
  }
  return actuals;
}

/** A year in a sentence (global: only ever read by matchAll, which copies it). */
const YEAR = danish(/\b(19\d\d|20\d\d)\b/gu);

/**
 * When sentences report the same kind of figure for different years ("I 2022 blev 2 sager
 * …", "I 2023 blev 10 sager …"), the earlier years are baselines, not results.
 */
function dropBaselines(
  picked: { m: Measure; sentence: number }[],
  sents: readonly { text: string }[],
): { m: Measure; sentence: number }[] {
  const yearOf = (i: number): number | null => {
    const years = [...(sents[i]?.text ?? '').matchAll(YEAR)].map((m) => Number(m[1]));
    return years.length > 0 ? Math.max(...years) : null;
  };
  const withYear = new Set(picked.map((p) => p.sentence).filter((i) => yearOf(i) !== null));
  if (withYear.size < 2) return picked;
  const latest = Math.max(...[...withYear].map((i) => yearOf(i) ?? 0));
  return picked.filter((p) => {
    const y = yearOf(p.sentence);
    if (y === null || y === latest) return true;
    const sameUnitLater = picked.some((q) => q.sentence !== p.sentence && yearOf(q.sentence) === latest && q.m.unit === p.m.unit);
    return !sameUnitLater;
  });
}

/**
 * National when the clause holding the figure names the country ("13,3 % på landsplan"),
 * or, failing a scope word in the clause, the nearest scope word before it in the sentence.
 */
function scopeAt(text: string, sents: readonly { start: number; end: number }[], m: Measure): Scope {
  const s = sents.find((x) => m.start >= x.start && m.start < x.end) ?? { start: 0, end: text.length };
  const sentence = text.slice(s.start, s.end);
  const at = m.start - s.start;
  // Clauses end at commas (not decimal commas), semicolons, brackets, the dots and bars that
  // separate fields on one line ("Resultat: 93 % · Landsplan: 91 %") and words that set one
  // figure against another.
  const clauses = [...sentence.matchAll(/(?:[^,;()·•|]|,(?=\d))+?(?=\s+(?:og|mod|mens|hvor|men|sammenlignet\s+med)\s+|,(?!\d)|[;()·•|]|$)/gu)];
  const clause = clauses.find((c) => at >= c.index && at < c.index + c[0].length);
  if (clause) {
    if (NATIONAL_SCOPE.test(clause[0])) return 'national';
    if (OTHER_SCOPE.test(clause[0])) return 'other';
    if (MUNICIPAL_SCOPE.test(clause[0])) return 'municipality';
  }
  const before = sentence.slice(0, at);
  const national = lastIndex(before, NATIONAL_SCOPE);
  const other = lastIndex(before, OTHER_SCOPE);
  const municipal = lastIndex(before, MUNICIPAL_SCOPE);
  if (other > national && other > municipal) return 'other';
  return national > municipal ? 'national' : 'municipality';
}

function lastIndex(text: string, pattern: RegExp): number {
  const global = new RegExp(pattern.source, 'giu');
  let last = -1;
  for (const m of text.matchAll(global)) last = m.index;
  return last;
}
