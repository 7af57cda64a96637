// A verdict the document does not write but its own figures settle: one final municipal
// result against an explicit numeric target with a direction, in the same unit, for a
// period that had ended when the committee met ("skal reduceres med 100 fra 2018 til
// 2019" … "er faldet med 34", decided in 2020 → not_met). Anything less settled stays
// unknown: an interim or forecast figure, a period not yet over, a range, several
// figures (subgroups, baseline and result), a level where a change was promised, or a
// verdict cell in words the vocabulary does not know. A derived status is marked
// `statusBasis: "derived"` and keeps its goal_without_status warning for a human to confirm.
import { danish } from '../common/danish-regex.js';
import type { Actual, Goal, Target } from '../../schema/contract.js';
import { unjudgedResultsOf } from './goal-build.js';
import { cleanText } from './goal-text.js';
import { planYearIn, TITLE_WINDOW } from './plan-year.js';
import type { ExtractionContext } from '../types.js';

/** Words that make a reported figure provisional: a cut-off date within the period, a forecast, a part-year. */
export const INTERIM_RESULT: readonly RegExp[] = [
  // pr. 31. marts 2024, pr. 31.03.2024, pr. 30/4, opgjort pr. ultimo april
  danish(/\bpr\.\s*(?:\d{1,2}\.\s*(?:\d{1,2}\b|januar|februar|marts|april|maj|juni|juli|august|september|oktober|november)|\d{1,2}\s*\/\s*\d{1,2}|ultimo|primo|medio)/iu),
  danish(/\b(?:status|opgjort|opgørelse(?:n)?)\s+pr\./iu),
  danish(/\b(?:foreløbig\p{L}*|indtil\s+videre|hidtil(?:ige)?|midtvejs\p{L}*|prognose\p{L}*|skøn(?:net|smæssig\p{L}*)?|estimat\p{L}*|år\s+til\s+dato|endnu\s+ikke\s+endelig\p{L}*)\b/iu),
  danish(/\bforvent(?:es|et|ede|er|ning\p{L}*)\b/iu),
  danish(/\b(?:første|andet|1\.|2\.)\s+halvår\b|\bkvartal\p{L}*\b|\bde\s+første\s+\d+\s+måneder\b/iu),
  // a month other than December with its year: "status for januar 2020", "til og med april 2025"
  danish(/\b(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november)\s+(?:19|20)\d\d\b/iu),
  // a date other than the year's end: 31.03.2024, 30-04-2025
  /\b(?!31[.\-/]12[.\-/])\d{1,2}[.\-/]\d{1,2}[.\-/](?:19|20)\d\d\b/u,
];

/** Words before or after a figure that make it a change, by direction. */
const CHANGE_WORDS = {
  reduce: {
    before: danish(/\b(?:faldet|fald|faldt|reduceret|reduktion|nedbragt|nedbringelse|nedgang|mindsket|sænket|gået\s+ned)\s+(?:\p{L}+\s+){0,3}(?:med|på)\s+(?:\p{L}+\s+)?$/iu),
    after: danish(/^\s*(?:[\p{L}-]+\s+){0,2}færre\b/iu),
  },
  increase: {
    before: danish(/\b(?:steget|stigning|steg|øget|øgning|forøget|forøgelse|forbedret|forbedring|gået\s+op)\s+(?:\p{L}+\s+){0,3}(?:med|på)\s+(?:\p{L}+\s+)?$/iu),
    after: danish(/^\s*(?:[\p{L}-]+\s+){0,2}flere\b/iu),
  },
} as const;

export interface DerivationInput {
  readonly goal: Goal;
  /** The result cells or sentences the figures were read from, as printed. */
  readonly resultTexts: readonly string[];
  /** The normalised text of a page, to read the words around each figure. */
  readonly pageText: (page: number) => string | undefined;
  /** The last year of the goal's period, when the document names it. */
  readonly periodEnd: number | null;
  /** YYYY-MM-DD of the meeting, when known. */
  readonly meetingDate: string | null;
}

export interface DerivedStatus {
  readonly status: 'met' | 'not_met';
  /** Why, in words a reader can check: "result 34 against the target reduce 100". */
  readonly reason: string;
}

export function deriveStatus(input: DerivationInput): DerivedStatus | null {
  const { goal } = input;
  const target = goal.target;
  if (goal.status !== 'unknown' || !target || target.value === null || target.upper != null) return null;
  if (target.comparator === null || target.comparator === '=' || target.comparator === 'follow-national') return null;
  if (!periodHasEnded(input.periodEnd, input.meetingDate)) return null;
  if (input.resultTexts.some((t) => INTERIM_RESULT.some((p) => p.test(t)))) return null;
  const own = goal.actual.filter((a) => a.scope === 'municipality' && sameUnit(target, a));
  if (own.length !== 1 || goal.actual.some((a) => a.scope === 'municipality' && !sameUnit(target, a))) return null;
  const actual = own[0] as Actual;
  const change = changeOf(actual, input.pageText);
  const value = target.value;
  let reached: boolean;
  if (target.comparator === 'reduce' || target.comparator === 'increase') {
    // A promised change is judged only against a reported change: a level says nothing about it.
    if (change === null) return null;
    reached = change === target.comparator && actual.value >= value;
  } else {
    if (change !== null) return null;
    reached = target.comparator === '>=' ? actual.value >= value : actual.value <= value;
  }
  const printed = change ? `${change === 'reduce' ? 'a fall' : 'a rise'} of ${actual.value}` : `${actual.value}`;
  return {
    status: reached ? 'met' : 'not_met',
    reason: `result ${printed} against the target ${target.comparator} ${value}, period ended ${input.periodEnd}`,
  };
}

/** The period is over when the committee meets in a later year than the period's last. */
function periodHasEnded(periodEnd: number | null, meetingDate: string | null): boolean {
  if (periodEnd === null || meetingDate === null) return false;
  const meetingYear = Number(meetingDate.slice(0, 4));
  return Number.isFinite(meetingYear) && meetingYear > periodEnd;
}

function sameUnit(target: Target, actual: Actual): boolean {
  const people = ['count', 'persons'];
  if (target.unit === actual.unit) return true;
  return target.unit !== null && actual.unit !== null && people.includes(target.unit) && people.includes(actual.unit);
}

/** Whether the words around a figure report it as a fall or a rise ("er faldet med 34"), or as a level. */
function changeOf(actual: Actual, pageText: (page: number) => string | undefined): 'reduce' | 'increase' | null {
  const p = actual.provenance;
  const text = p ? pageText(p.page) : undefined;
  if (!p || text === undefined) return null;
  const before = text.slice(Math.max(0, p.start - 60), p.start).replace(/\s+/gu, ' ');
  const after = text.slice(p.end, p.end + 40).replace(/\s+/gu, ' ');
  for (const direction of ['reduce', 'increase'] as const) {
    const words = CHANGE_WORDS[direction];
    if (words.before.test(before) || words.after.test(after)) return direction;
  }
  return null;
}

/** Four-digit years (1990–2099) in a text, in order. */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(/(?<!\d)(?:199\d|20\d\d)(?!\d)/gu)].map((m) => Number(m[0]));
}

/** Derives the status of a goal that reports a final result but no verdict; returns why, or null. */
export function applyDerivedStatus(ctx: ExtractionContext, goal: Goal): string | null {
  const resultTexts = unjudgedResultsOf(goal);
  if (!resultTexts) return null;
  const derived = deriveStatus({
    goal,
    resultTexts,
    pageText: (n) => ctx.pages.find((p) => p.number === n)?.text,
    periodEnd: periodEndOf(ctx, goal, resultTexts),
    meetingDate: ctx.meetingDate ?? null,
  });
  if (!derived) return null;
  goal.status = derived.status;
  goal.statusBasis = 'derived';
  // The result the verdict was derived from is what the document says of the goal.
  goal.statusText ??= cleanText(resultTexts.join(' ')) || null;
  return derived.reason;
}

/**
 * The last year of a goal's period: a year in its own wording ("fra 2018 til 2019"), else the
 * plan year of its agenda item or, without items, of the document's title, else the year its
 * result is reported for ("I 2024 blev …").
 */
function periodEndOf(ctx: ExtractionContext, goal: Goal, resultTexts: readonly string[]): number | null {
  const own = yearsIn(goal.text);
  if (own.length > 0) return Math.max(...own);
  const item = ctx.agendaItems.find((i) => i.number === goal.agendaItem);
  const fromItem = planYearIn(item?.title);
  if (fromItem !== null) return fromItem;
  if (ctx.agendaItems.length === 0) {
    const fromDocument = planYearIn(ctx.info.title) ?? planYearIn(ctx.pages[0]?.text.slice(0, TITLE_WINDOW));
    if (fromDocument !== null) return fromDocument;
  }
  const reported = resultTexts.flatMap(yearsIn);
  return reported.length > 0 ? Math.max(...reported) : null;
}
