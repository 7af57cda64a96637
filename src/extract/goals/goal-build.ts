// One goal record from the spans a detector found: the goal wording, the result
// text(s) and the verdict. Every form (blocks, tables, lists, prose) ends here, so
// target, actuals and status are read the same way whatever the layout.
import type { Actual, Goal, GoalStatus, Target, Warning } from '../../schema/contract.js';
import { findActuals, referencePeriodOf } from './goal-actuals.js';
import { parseTarget } from './goal-target.js';
import { cleanText, sentences, TextRun } from './goal-text.js';
import { findStatus, findVerdict } from './status-vocabulary.js';
import { colourStatus, legendStatus, type VerdictLegend } from './verdict-legend.js';
import { markColourAt } from '../common/mark-colours.js';
import { MARK_GLYPH } from '../../schema/parsed.js';

export interface Span {
  run: TextRun;
  start: number;
  end: number;
}

export interface GoalParts {
  id: string;
  /** The goal's wording (a whole run or a span of one). */
  goal: TextRun | Span;
  /** Where the result figures are read (one cell, or several sentences in order). */
  result: TextRun | Span | readonly Span[] | null;
  /** Where the verdict is stated (a verdict cell or sentence). */
  verdict: TextRun | Span | null;
  /** Look for the verdict inside the result text when there is no verdict span. */
  verdictFromResult: boolean;
  /** Wording to read the target from, when only part of the goal text states it. */
  targetText?: string;
  /** The target already read from a cell of its own (a Måltal column). */
  target?: Target;
  /** The form has a place for a verdict (a labelled cell), so its absence is worth a warning. */
  expectsVerdict?: boolean;
  /** The document's own key to its verdict colours and marks, read before the vocabulary. */
  legend?: VerdictLegend;
  /** statusText when the result, not a verdict, is what the document says. */
  resultAsStatusText?: boolean;
  /** The result spans hold only results (cells, labelled fields): figures in any unit are results. */
  resultsOnly?: boolean;
}

export function spanOf(x: TextRun | Span): Span {
  return x instanceof TextRun ? { run: x, start: 0, end: x.text.length } : x;
}

const textOf = (s: Span): string => s.run.text.slice(s.start, s.end);

/** Warnings about one goal, emitted only if the goal survives de-duplication across forms. */
const pendingWarnings = new WeakMap<Goal, Warning[]>();

/** The whole extent of a goal's block (label lines, target and result cells), where wider than its wording. */
export interface Extent {
  page: number;
  start: number;
  end: number;
}
const extents = new WeakMap<Goal, Extent[]>();

export function setExtent(goal: Goal, parts: readonly Extent[]): void {
  extents.set(goal, [...parts]);
}

/** Where a goal sits in the document: its block's pieces, or its wording. */
export function extentOf(goal: Goal): Extent[] {
  return extents.get(goal) ?? [{ page: goal.provenance.page, start: goal.provenance.start, end: goal.provenance.end }];
}

/** Marks as national the actuals read from a cell the document labels as the country's figure ("Landstal:"). */
export function markNational(goal: Goal, cells: readonly Extent[]): void {
  markScope(goal, cells, 'national');
}

/** The actuals read inside the given cells take the scope their label names ("Landstal:", "Klyngen:"). */
export function markScope(goal: Goal, cells: readonly Extent[], scope: Actual['scope']): void {
  for (const a of goal.actual) {
    const p = a.provenance;
    if (!p) continue;
    if (cells.some((c) => c.page === p.page && c.start <= p.start && p.end <= c.end)) a.scope = scope;
  }
}

export function warningsOf(goal: Goal): Warning[] {
  return pendingWarnings.get(goal) ?? [];
}

/** The result texts of a goal that reports figures but no verdict, kept for deriving its status. */
const unjudgedResults = new WeakMap<Goal, string[]>();

export function unjudgedResultsOf(goal: Goal): readonly string[] | undefined {
  return unjudgedResults.get(goal);
}

/** The fill colour of the mark a verdict starts with ("● På vej."), when the PDF gave one. */
function markColourOf(verdict: Span): string | null {
  const text = textOf(verdict);
  const lead = text.length - text.trimStart().length;
  const first = text.trimStart().codePointAt(0);
  if (first === undefined || !MARK_GLYPH.test(String.fromCodePoint(first))) return null;
  const at = verdict.run.provenance(verdict.start + lead, verdict.start + lead + 1);
  const page = verdict.run.pages.find((p) => p.number === at.page);
  return page ? markColourAt(page, at.start) : null;
}

export function buildGoal(parts: GoalParts): Goal {
  const warnings: Warning[] = [];
  const warn = (w: Warning): void => {
    warnings.push(w);
  };
  const goal = spanOf(parts.goal);
  const text = cleanText(textOf(goal));
  const target = parts.target ? { ...parts.target } : parseTarget(parts.targetText ?? text);
  const results: Span[] = parts.result === null ? [] : Array.isArray(parts.result) ? [...(parts.result as readonly Span[])] : [spanOf(parts.result as TextRun | Span)];
  const result = results[0] ?? null;
  // A target without a figure only guesses its unit, so its results are read in any unit.
  const targetUnit = target.value === null && target.comparator !== 'follow-national' ? null : target.unit;
  const referencePeriod = referencePeriodOf(text);
  const actual: Actual[] = results.flatMap((r) => findActuals(r.run, r, { targetUnit, anyUnit: parts.resultsOnly === true, referencePeriod }));
  if (target.unit === null && target.comparator !== null && actual[0]) target.unit = actual[0].unit;

  let status: GoalStatus = 'unknown';
  let statusText: string | null = null;
  let unjudged: string[] | null = null;
  const verdict = parts.verdict ? spanOf(parts.verdict) : null;
  if (verdict) {
    const v = textOf(verdict);
    statusText = cleanText(v) || null;
    // A coloured mark says its verdict by its colour ("●" in green), before any words beside it.
    const colour = markColourOf(verdict);
    const byColour = colour === null ? null : colourStatus(parts.legend ?? new Map(), colour);
    const byLegend = byColour ?? (parts.legend ? legendStatus(parts.legend, cleanText(v)) : null);
    const found = byLegend ? { status: byLegend } : findVerdict(v);
    if (found) status = found.status;
    else warn({ code: 'goal_without_status', message: `goal ${parts.id || `"${text.slice(0, 60)}"`}: verdict "${cleanText(v).slice(0, 80)}" is not in the status vocabulary`, page: verdict.run.provenance(verdict.start, verdict.end).page });
  } else if (result && parts.verdictFromResult) {
    const r = textOf(result);
    // "Status: A. Normeringen var …": a key of the document's legend opening the result is its verdict.
    const keyed = parts.legend ? legendStatus(parts.legend, cleanText(r)) : null;
    const found = keyed ? { status: keyed, start: 0, end: r.length } : findStatus(r);
    if (found) {
      status = found.status;
      const sentence = sentences(r).find((s) => s.start <= found.start && found.start < s.end);
      statusText = sentence ? cleanText(sentence.text) : null;
    }
  }
  if (status === 'unknown' && parts.resultAsStatusText && results.length > 0) {
    statusText = cleanText(results.map(textOf).join(' ')) || null;
  }
  if (!verdict && status === 'unknown' && (results.length > 0 || parts.expectsVerdict === true)) {
    warn({ code: 'goal_without_status', message: `goal ${parts.id || `"${text.slice(0, 60)}"`}: results but no verdict found`, page: goal.run.provenance(goal.start, goal.end).page });
  }
  // Only a goal with no verdict slot at all may have its status derived: words in a verdict
  // cell that the vocabulary does not know are still the document's verdict.
  if (!verdict && status === 'unknown' && results.length > 0) unjudged = results.map(textOf);
  const start = goal.start + (textOf(goal).length - textOf(goal).trimStart().length);
  const end = goal.start + textOf(goal).trimEnd().length;
  const built: Goal = {
    id: parts.id,
    text,
    target,
    actual,
    status,
    statusBasis: status === 'unknown' ? 'none' : 'stated',
    statusText,
    agendaItem: null,
    provenance: goal.run.provenance(start, end),
  };
  pendingWarnings.set(built, warnings);
  if (unjudged) unjudgedResults.set(built, unjudged);
  return built;
}
