// One row per municipality × year × indicator × reported fact: what the municipality
// reported, the national figure printed beside it, the target and verdict when the
// fact is a goal, and where it was read.
import { z } from 'zod';
import { Comparator, GoalStatus, StatusBasis, Unit } from '../schema/contract.js';
import { findIndicator } from './indicators.js';
import type { LinkedGoal, LinkedPercentage } from './link-facts.js';
import { RepeatedAt } from './load-facts.js';

export const CompareRow = z.object({
  municipality: z.string().nullable(),
  municipalityCode: z.number().int().nullable(),
  year: z.number().int().nullable(),
  /** Which rule gave the year: fact | agenda_item | document | meeting (see plan-year.ts). */
  yearSource: z.enum(['fact', 'agenda_item', 'document', 'meeting']).nullable(),
  indicatorId: z.string(),
  indicatorLabel: z.string(),
  confidence: z.number(),
  kind: z.enum(['goal', 'percentage']),
  /** The goal's id in its document; null for a percentage. */
  goalId: z.string().nullable(),
  /** Goal text, or the percentage's context. */
  text: z.string(),
  /** The municipality's own reported figure (a goal's first municipal actual). */
  value: z.number().nullable(),
  unit: z.string().nullable(),
  /** Every figure a goal reports, in order (municipal and national). */
  actuals: z.array(z.object({ value: z.number(), unit: Unit.nullable(), scope: z.string() })),
  /** The national figure reported beside it, when there is one. */
  nationalValue: z.number().nullable(),
  targetValue: z.number().nullable(),
  targetUpper: z.number().nullable(),
  targetUnit: Unit.nullable(),
  comparator: Comparator.nullable(),
  status: GoalStatus.nullable(),
  statusText: z.string().nullable(),
  /** stated | derived | none for a goal (null for rows stored before it was kept, and for percentages). */
  statusBasis: StatusBasis.nullable(),
  committee: z.string().nullable(),
  meetingDate: z.string().nullable(),
  documentKind: z.string().nullable(),
  file: z.string(),
  sha256: z.string(),
  page: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  snippet: z.string(),
  /** Where a linked document of the same meeting published this fact again; the row counts it once. */
  repeatedIn: z.array(RepeatedAt),
});
export type CompareRow = z.infer<typeof CompareRow>;

/** A national percentage this close after a municipal one (same page) is its national counterpart. */
export const NATIONAL_PAIR_WINDOW = 300;

export interface CompareFilter {
  indicatorIds?: readonly string[];
  years?: readonly number[];
}

export function buildCompareRows(goals: readonly LinkedGoal[], percentages: readonly LinkedPercentage[], filter: CompareFilter = {}): CompareRow[] {
  const wantIndicator = (id: string): boolean => !filter.indicatorIds?.length || filter.indicatorIds.includes(id);
  const wantYear = (year: number | null): boolean => !filter.years?.length || (year !== null && filter.years.includes(year));
  const rows: CompareRow[] = [];

  for (const g of goals) {
    if (!g.link || !wantIndicator(g.link.indicatorId) || !wantYear(g.year.year)) continue;
    const municipal = g.actuals.find((a) => a.scope !== 'national');
    const national = g.actuals.find((a) => a.scope === 'national');
    rows.push({
      ...documentColumns(g),
      year: g.year.year,
      yearSource: g.year.source,
      ...indicatorColumns(g.link.indicatorId, g.link.confidence),
      kind: 'goal',
      goalId: g.goal.goal_ref,
      text: g.goal.text,
      value: municipal?.value ?? null,
      unit: municipal?.unit ?? g.goal.target_unit,
      actuals: g.actuals.map((a) => ({ value: a.value, unit: a.unit, scope: a.scope })),
      nationalValue: national?.value ?? null,
      targetValue: g.goal.target_value,
      targetUpper: g.goal.target_upper,
      targetUnit: g.goal.target_unit,
      comparator: g.goal.target_comparator,
      status: g.goal.status,
      statusText: g.goal.status_text,
      statusBasis: g.goal.status_basis,
      page: g.goal.page,
      start: g.goal.start_offset,
      end: g.goal.end_offset,
      snippet: g.goal.snippet,
      repeatedIn: g.repeatedIn,
    });
  }

  const absorbed = absorbedByGoals(goals, percentages);
  const paired = pairNational(percentages);
  const shownAsNational = new Set(paired.values());
  for (const p of percentages) {
    const pct = p.percentage;
    if (!p.link || absorbed.has(p) || !wantIndicator(p.link.indicatorId) || !wantYear(p.year.year)) continue;
    if (shownAsNational.has(p)) continue; // shown as the national value of its municipal row
    const national = pct.scope === 'national';
    rows.push({
      ...documentColumns(p),
      year: p.year.year,
      yearSource: p.year.source,
      ...indicatorColumns(p.link.indicatorId, p.link.confidence),
      kind: 'percentage',
      goalId: null,
      text: pct.context,
      value: national ? null : pct.value,
      unit: pct.unit,
      actuals: [],
      nationalValue: national ? pct.value : (paired.get(p)?.percentage.value ?? null),
      targetValue: null,
      targetUpper: null,
      targetUnit: null,
      comparator: null,
      status: null,
      statusText: null,
      statusBasis: null,
      page: pct.page,
      start: pct.start_offset,
      end: pct.end_offset,
      snippet: pct.snippet,
      repeatedIn: pct.repeatedIn ?? [],
    });
  }
  return rows.sort(compareRowOrder);
}

function documentColumns(f: LinkedGoal | LinkedPercentage) {
  const d = f.facts.document;
  return {
    municipality: d.municipality,
    municipalityCode: d.municipality_code,
    committee: d.committee,
    meetingDate: d.meeting_date,
    documentKind: d.document_kind,
    file: d.path,
    sha256: d.sha256,
  };
}

function indicatorColumns(id: string, confidence: number) {
  return { indicatorId: id, indicatorLabel: findIndicator(id)?.label ?? id, confidence };
}

/** A goal's status text may run onto the next page, not further. */
export const RESTATEMENT_PAGE_REACH = 1;

/**
 * Percentages that restate a goal's target or result, shown through the goal's row
 * rather than twice: same document, at or after the goal's start and at most one page
 * further, with the value of the goal's target or of one of its actuals, and not
 * linked to a different indicator than the goal.
 */
export function absorbedByGoals(goals: readonly LinkedGoal[], percentages: readonly LinkedPercentage[]): Set<LinkedPercentage> {
  const absorbed = new Set<LinkedPercentage>();
  const byDoc = new Map<number, LinkedGoal[]>();
  for (const g of goals) {
    const list = byDoc.get(g.goal.document_id);
    if (list) list.push(g);
    else byDoc.set(g.goal.document_id, [g]);
  }
  for (const p of percentages) {
    const { page, start_offset: start, value, document_id: doc } = p.percentage;
    const restates = (byDoc.get(doc) ?? []).some((g) => {
      const after = g.goal.page < page || (g.goal.page === page && g.goal.start_offset <= start);
      const near = page - g.goal.page <= RESTATEMENT_PAGE_REACH;
      const sameValue = g.goal.target_value === value || g.actuals.some((a) => a.value === value);
      const compatible = !g.link || !p.link || g.link.indicatorId === p.link.indicatorId;
      return after && near && sameValue && compatible;
    });
    if (restates) absorbed.add(p);
  }
  return absorbed;
}

/** Municipal percentage → the national one printed right after it about the same indicator. */
export function pairNational(percentages: readonly LinkedPercentage[]): Map<LinkedPercentage, LinkedPercentage> {
  const pairs = new Map<LinkedPercentage, LinkedPercentage>();
  const ordered = [...percentages].sort(
    (a, b) =>
      a.percentage.document_id - b.percentage.document_id ||
      a.percentage.page - b.percentage.page ||
      a.percentage.start_offset - b.percentage.start_offset,
  );
  for (let i = 0; i < ordered.length; i++) {
    const p = ordered[i] as LinkedPercentage;
    const n = ordered[i + 1];
    if (!n || p.percentage.scope === 'national' || n.percentage.scope !== 'national') continue;
    const samePlace = n.percentage.document_id === p.percentage.document_id && n.percentage.page === p.percentage.page;
    const near = n.percentage.start_offset - p.percentage.end_offset <= NATIONAL_PAIR_WINDOW;
    const sameIndicator = !n.link || n.link.indicatorId === p.link?.indicatorId;
    if (samePlace && near && sameIndicator && p.percentage.unit === n.percentage.unit) pairs.set(p, n);
  }
  return pairs;
}

export function compareRowOrder(a: CompareRow, b: CompareRow): number {
  return (
    (a.municipality ?? '').localeCompare(b.municipality ?? '', 'da') ||
    (a.year ?? 0) - (b.year ?? 0) ||
    a.indicatorId.localeCompare(b.indicatorId) ||
    a.file.localeCompare(b.file) ||
    a.page - b.page ||
    a.start - b.start ||
    a.kind.localeCompare(b.kind)
  );
}
