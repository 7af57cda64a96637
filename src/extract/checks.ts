// Document self-checks: the document's own statements against what was extracted, so
// silent extraction errors surface as warnings (stated counts vs. goal statuses, table
// totals vs. their rows, verdicts that no goal took up).
import type { BudgetTable, ExtractedFacts, Goal, StatusSummary, Warning } from '../schema/contract.js';
import type { NormalisedPage } from '../schema/normalised.js';
import type { ExtractionContext } from './types.js';
import { printedResolutionOf } from './tables/budget-tables.js';
import { danish } from './common/danish-regex.js';
import { cleanText, sentences } from './goals/goal-text.js';
import { findStatus, HYPOTHETICAL_SENTENCE, isVerdictClause } from './goals/status-vocabulary.js';
import { isSummedTotal, sentencesNamedIn, summaryPlace } from './goals/status-summary.js';
import { agendaItemAt } from './goals/goals.js';
import { extentOf } from './goals/goal-build.js';

export function checkDocument(facts: ExtractedFacts, ctx: ExtractionContext): Warning[] {
  return [
    ...checkSummary(facts.statusSummary, goalsCountedBy(facts.statusSummary, facts.goals, ctx)),
    ...facts.budgetTables.flatMap(checkTotal),
    ...checkOrphanVerdicts(ctx.pages, facts.goals, facts.warnings, sentencesNamedIn(facts.statusSummary)),
  ];
}

/**
 * The goals a stated summary counts: those of the agenda item it is stated in, when that item
 * has goals ("4 af de 5 mål for 2024" in one item, next year's goal in another); else all.
 */
function goalsCountedBy(summary: StatusSummary | null, goals: readonly Goal[], ctx: ExtractionContext): readonly Goal[] {
  const place = summary ? summaryPlace(summary) : undefined;
  if (!place || ctx.agendaItems.length === 0) return goals;
  const item = agendaItemAt(ctx, place.page, place.offset);
  const own = goals.filter((g) => g.agendaItem === item);
  return item !== null && own.length > 0 ? own : goals;
}

const SUMMARY_KEYS = ['met', 'partly_met', 'not_met', 'in_progress', 'not_assessable', 'withdrawn'] as const;

/** summary_mismatch: each stated count against the goals extracted with that status. */
export function checkSummary(summary: StatusSummary | null, goals: readonly Goal[]): Warning[] {
  if (!summary) return [];
  const page = goals[0]?.provenance.page ?? null;
  const out: Warning[] = [];
  for (const key of SUMMARY_KEYS) {
    const stated = summary[key];
    if (stated === undefined) continue;
    const found = goals.filter((g) => g.status === key).length;
    if (found !== stated) out.push({ code: 'summary_mismatch', message: `the document states ${stated} goals ${key}, ${found} were extracted`, page });
    // One summary is one statement: its differing counts make one warning (below).
  }
  // A total summed from the stated counts says nothing the counts have not said.
  if (summary.total !== undefined && !isSummedTotal(summary) && !totalAgrees(summary, summary.total, goals)) {
    out.push({ code: 'summary_mismatch', message: `the document states ${summary.total} goals in all, ${goals.length} were extracted`, page });
  }
  const [first] = out;
  return first ? [{ ...first, message: out.map((w) => w.message.replace(/^the document states /u, '')).join('; ').replace(/^/u, 'the document states ') }] : [];
}

/** Statuses a document may leave out of its stated total and count on their own ("herudover er 1 mål udgået"). */
const SET_APART = ['withdrawn', 'not_assessable', 'in_progress'] as const;

/**
 * Whether a stated total fits the goals: all of them, those still in force, or those left when
 * some verdicts are set apart ("Ud af 8 måltal er 3 nået, 2 delvist og 3 ikke nået; herudover
 * er 1 udgået, 1 kan ikke opgøres og 1 er i gang") — then the stated counts of the rest must
 * add up to the total, so the document's own arithmetic says which goals it counted.
 */
function totalAgrees(summary: StatusSummary, total: number, goals: readonly Goal[]): boolean {
  if (total === goals.length || total === goals.filter((g) => g.status !== 'withdrawn').length) return true;
  for (let mask = 1; mask < 1 << SET_APART.length; mask++) {
    const apartKeys = SET_APART.filter((_, i) => mask & (1 << i));
    // Only goals the document itself counts apart: their status must have a stated count.
    if (apartKeys.some((k) => summary[k] === undefined && goals.some((g) => g.status === k))) continue;
    const apart = new Set<string>(apartKeys);
    const counted = goals.filter((g) => !apart.has(g.status)).length;
    const statedRest = SUMMARY_KEYS.filter((k) => !apart.has(k)).reduce((sum, k) => sum + (summary[k] ?? 0), 0);
    if (counted === total && statedRest === total) return true;
  }
  return false;
}

/**
 * total_mismatch: a total row against the sum of the rows above it, allowing half of the
 * last printed digit of rounding per row. Rows that are themselves subtotals of the rows
 * before them are not counted twice.
 */
export function checkTotal(table: BudgetTable): Warning[] {
  if (!table.total) return [];
  const out: Warning[] = [];
  table.total.values.forEach((total, col) => {
    if (total === null) return;
    const column = table.rows.map((r) => r.values[col] ?? null).filter((v): v is number => v !== null);
    const resolution = printedResolutionOf(table) ?? inferredResolution([...column, total]);
    const tolerance = 0.5 * resolution * Math.max(1, column.length) + 1e-6;
    const plain = column.reduce((s, v) => s + v, 0);
    if (Math.abs(plain - total) <= tolerance) return;
    if (Math.abs(withoutSubtotals(column, tolerance) - total) <= tolerance) return;
    out.push({
      code: 'total_mismatch',
      message: `table "${table.title}": rows add up to ${plain}, the total row says ${total}${table.columns[col] ? ` (column ${table.columns[col]})` : ''}`,
      page: table.provenance.page,
    });
  });
  return out;
}

/** Without the printed cells, the largest power of ten dividing every value: 84200000, 203200000 → 100000. */
function inferredResolution(values: readonly number[]): number {
  let resolution = 1e9;
  for (const v of values) {
    if (v === 0) continue;
    while (resolution > 1e-6 && Math.abs(Math.round(v / resolution) * resolution - v) > 1e-6 * Math.max(1, resolution)) resolution /= 10;
  }
  return resolution;
}

function withoutSubtotals(values: readonly number[], tolerance: number): number {
  let sum = 0;
  let sinceSubtotal = 0;
  for (const v of values) {
    if (sinceSubtotal !== 0 && Math.abs(v - sinceSubtotal) <= tolerance) {
      sinceSubtotal = 0;
      continue;
    }
    sum += v;
    sinceSubtotal += v;
  }
  return sum;
}

/** A sentence giving a goal's verdict: "Målet er nået.", "Fokusmålet er derfor ikke opfyldt." */
const VERDICT_SUBJECT = danish(/^(?:\S+\s+){0,3}(?:(?:del|fokus|resultat|effekt|indsats)?målet|dette\s+\p{L}*mål|målsætningen)\b/iu);

/** status_without_goal: verdict sentences in the text that no extracted goal carries. */
export function checkOrphanVerdicts(
  pages: readonly NormalisedPage[],
  goals: readonly Goal[],
  earlier: readonly Warning[] = [],
  /** Sentences a stated summary counted (a named goal set apart): the summary, not an orphan. */
  summarised: readonly { page: number; text: string }[] = [],
): Warning[] {
  // A goal's statusText accounts for each of its sentences once: a verdict repeated word for word
  // under a heading with no goal ("Målet er nået." after the last goal's own) is still an orphan.
  const carriers = goals.map((g) => ({ goal: g, text: cleanText(g.statusText ?? ''), used: new Set<string>() })).filter((t) => t.text !== '');
  const matches = (t: { text: string }, text: string): boolean => t.text.includes(text) || text.includes(t.text);
  const verdicts: { page: number; start: number; end: number; text: string }[] = [];
  for (const page of pages) {
    for (const s of sentences(page.text)) {
      const text = cleanText(s.text);
      if (text.length > 200 || HYPOTHETICAL_SENTENCE.test(text.toLowerCase()) || !VERDICT_SUBJECT.test(text)) continue;
      const found = findStatus(text);
      if (!found || !isVerdictClause(text, found.start)) continue;
      if (summarised.some((x) => x.page === page.number && cleanText(x.text) === text)) continue;
      verdicts.push({ page: page.number, start: s.start, end: s.end, text });
    }
  }
  // First the sentences inside a goal's own block, then the others in document order.
  const inside = (v: (typeof verdicts)[number], g: Goal): boolean => extentOf(g).some((e) => e.page === v.page && e.start <= v.start && v.end <= e.end);
  const take = (v: (typeof verdicts)[number], where: (t: (typeof carriers)[number]) => boolean): boolean => {
    const t = carriers.find((c) => matches(c, v.text) && !c.used.has(v.text) && where(c));
    t?.used.add(v.text);
    return t !== undefined;
  };
  const rest = verdicts.filter((v) => !take(v, (c) => inside(v, c.goal)));
  const out: Warning[] = [];
  for (const v of rest) {
    if (take(v, () => true)) continue;
    const { page, text } = v;
    if (earlier.some((w) => w.code === 'status_without_goal' && w.page === page && w.message.includes(text.slice(0, 40)))) continue;
    out.push({ code: 'status_without_goal', message: `a verdict with no goal: "${text.slice(0, 100)}"`, page });
  }
  return out;
}
