// Figures that can be a goal's target or result: the shared number grammar's numbers
// and quantities, given a contract unit, with the digits that measure nothing (years,
// ages, scale ends, ordinals, qualifying durations) marked so rules can skip them.
import { danish } from '../common/danish-regex.js';
import type { Unit } from '../../schema/contract.js';
import { findNumbers, findQuantities } from '../../text/numbers.js';
import { memoByText } from '../../text/memo-by-text.js';

export interface Measure {
  value: number;
  unit: Unit | null;
  start: number;
  end: number;
  raw: string;
  upper?: number;
  /** Digits that are not a measurement: years, ages, scale ends, ordinals, "pr. 5." */
  ignorable: boolean;
  /** A condition on the population ("efter 4 måneders ledighed", "mindst 12 måneders anciennitet"). */
  qualifier: boolean;
}

/** Nouns after a plain number that give its unit; tried in order, first match wins. */
export const UNIT_NOUNS: readonly (readonly [RegExp, Unit])[] = [
  // People named by their situation or group: "412 langtidsledige", "40 kvinder", "25 kontanthjælpsmodtagere".
  [danish(/^\p{L}*(?:ledige|modtagere)\b|^(?:kvinder|mænd|flygtninge|sygemeldte|indvandrere|efterkommere|lærlinge|praktikanter)\b/u), 'persons'],
  [danish(/^(?:helårs|fuldtids)?personer\b|^helårspers|^fuldtidspers|^borgere\b|^personer\b|^ledige\b|^unge\b|^elever\b|^kursister\b|^deltagere\b|^medarbejdere\b|^ansatte\b|^modtagere\b|^ydelsesmodtagere\b/u), 'persons'],
  [/^lektion/u, 'lessons'],
  [danish(/^(?:dage|dag|døgn|arbejdsdage|hverdage|dages)\b/u), 'days'],
  [danish(/^(?:uger|uge|ugers)\b/u), 'weeks'],
  [danish(/^(?:måneder|måned|mdr|måneders)\b/u), 'months'],
  [danish(/^point\b|^på\s+en\s+skala/u), 'score'],
];

/** Words after a number that make it a duration or age, never a counted result. */
const YEARS_AFTER = danish(/^(?:[ \t\u00a0]*[-–][ \t\u00a0]*\d+|[ \t\u00a0]+til\s+(?:og\s+med\s+)?\d+)?[ \t\u00a0]*(?:-\s*)?(?:år|årige|års|årig)\b/u);
/** Genitive durations qualify a population: "4 måneders ledighed", "225 timers beskæftigelse". */
const GENITIVE_DURATION_AFTER = danish(/^[ \t\u00a0]*(?:måneders|ugers|dages|timers|års|minutters)\b/u);
/** Qualifying prepositions before a duration: "indenfor 1 måned", "efter 3 uger". */
const QUALIFYING_BEFORE = danish(/(?:\befter|\binden\s*for|\bindenfor|\binden|\bi\s+løbet\s+af|\bi\s+(?:mindst|over|mere\s+end|længere\s+end|op\s+til))\s+(?:de(?:t|n)?\s+)?(?:seneste\s+|sidste\s+)?$/iu);
/** A genitive duration that is what the goal measures: "skal i gennemsnit have højst 14 ugers ledighed". */
const MEASURED_DURATION_BEFORE = danish(/\b(?:have|har|havde)\s+(?:i\s+gennemsnit\s+)?(?:højst|mindst|maksimalt|minimum|under|over|færre\s+end|mindre\s+end)\s+$/iu);

/** "forløb over 22 uger": a bound after a noun, not after a verb of being, names who is counted. */
const BOUND_AFTER_WORD = danish(/(\p{L}+)\s+(?:over|under|mere\s+end|længere\s+end|kortere\s+end)\s+$/iu);
const VERBS_OF_BEING = new Set(['være', 'ligge', 'blive', 'komme', 'er', 'var', 'bliver', 'blev', 'ligger', 'lå', 'skal', 'må', 'bør', 'holdes']);

function durationOfNoun(before: string): boolean {
  const m = BOUND_AFTER_WORD.exec(before);
  return m?.[1] !== undefined && !VERBS_OF_BEING.has(m[1].toLowerCase());
}

/** Durations, as data: which figure is a condition on who is counted, and which is measured. */
export const DURATION_EXAMPLES: readonly { text: string; measured: number[] }[] = [
  { text: 'Ledige skal i gennemsnit have højst 14 ugers ledighed inden for de seneste 12 måneder.', measured: [14] },
  { text: 'Andelen i job efter 4 måneders ledighed skal være mindst 40 %.', measured: [40] },
  { text: 'Antallet af forløb over 22 uger steg med 3 pct.', measured: [3] },
  { text: 'Ventetiden skal være under 20 uger.', measured: [20] },
];
/** The counts behind a share are not results: "36 ud af 38", "21 unge (35,6 %)". */
const COUNT_BEHIND_SHARE = /^(?:\s+ud\s+af\s+\d|(?:\s+[\p{L}-]+){1,2}\s*\(\s*\d+(?:,\d+)?\s*%\s*\))/u;
const OUT_OF_BEFORE = danish(/\bud\s+af\s+(?:de\s+)?$/iu);
/** A figure describing who is counted, not the target: "fleksjobansatte med færre end 10 timer". */
const POPULATION_BEFORE = danish(/\bmed\s+(?:færre|flere|mere|mindre|over|under)(?:\s+end)?\s+$/iu);
const SCALE_AROUND = /skala\s+(?:fra|på|af)\s+$/iu;
const SCALE_END = /skala\s+(?:fra|på|af)\s+\d+(?:,\d+)?\s+til\s+$/iu;

/** "92 flere borgere": the change word before the noun that gives the unit. */
const CHANGE_WORD = danish(/^(?:flere|færre|nye|ekstra|yderligere)\s+(?=\p{L})/u);
/** "pr. 1.000 indbyggere": a figure after "pr." is a denominator. */
const PER_BEFORE = danish(/\bpr\.\s*$/iu);

/** Every figure in text with its unit; plain numbers take their unit from the noun after them. */
export const findMeasures = memoByText(readMeasures);

function readMeasures(text: string): Measure[] {
  const quantities = findQuantities(text);
  const out: Measure[] = [];
  for (const q of quantities) {
    const unit: Unit = q.unit === 'dkk' ? 'dkk' : q.unit === 'percentage_points' ? 'percentage_points' : 'percent';
    const m: Measure = { value: q.value, unit, start: q.start, end: q.end, raw: q.raw, ignorable: false, qualifier: false };
    if (q.upper !== undefined) m.upper = q.upper;
    out.push(m);
  }
  const covered = (s: number, e: number): boolean => quantities.some((q) => q.start < e && s < q.end);
  for (const n of findNumbers(text)) {
    if (covered(n.start, n.end)) continue;
    const after = text.slice(n.end, n.end + 40);
    const before = text.slice(Math.max(0, n.start - 30), n.start);
    // "92 flere borgere": the noun after a change word gives the unit.
    const nextWord = after.replace(/^[ \t\u00a0]*(?:\n[ \t]*)?/u, '').toLowerCase().replace(CHANGE_WORD, '');
    let unit: Unit | null = null;
    for (const [pattern, u] of UNIT_NOUNS) if (pattern.test(nextWord)) { unit = u; break; }
    if (unit === null && /^\p{L}/u.test(nextWord)) unit = 'count';
    if (unit === null && /(?:score|vurdering|karakter|tilfredshed\p{L}*)\s+(?:på\s+)?$/iu.test(before)) unit = 'score';
    const isYear = Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100 && !/\./u.test(n.raw);
    const isOrdinal = /^\.\s+\p{Ll}/u.test(text.slice(n.end, n.end + 3)) && /^\d{1,2}$/u.test(n.raw);
    const ignorable =
      isYear ||
      isOrdinal ||
      YEARS_AFTER.test(after) ||
      SCALE_AROUND.test(before) ||
      SCALE_END.test(before) ||
      PER_BEFORE.test(before) ||
      /[\p{L}]$/u.test(before) ||
      COUNT_BEHIND_SHARE.test(after) ||
      OUT_OF_BEFORE.test(before);
    const qualifier =
      (GENITIVE_DURATION_AFTER.test(after) && !MEASURED_DURATION_BEFORE.test(before)) ||
      POPULATION_BEFORE.test(before) || (unit !== null && ['days', 'weeks', 'months'].includes(unit) && (QUALIFYING_BEFORE.test(before) || durationOfNoun(before)));
    out.push({ value: n.value, unit, start: n.start, end: n.end, raw: n.raw, ignorable, qualifier });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Figures that measure something: not years, ordinals, ages, scale ends or qualifiers. */
export const meaningfulMeasures = memoByText((text: string): Measure[] => findMeasures(text).filter((m) => !m.ignorable && !m.qualifier));
