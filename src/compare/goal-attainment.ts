// Goal attainment per municipality and plan year: how many goals each verdict got.
// A plan is usually followed up more than once; a goal reported in several
// documents counts once, with the verdict of the latest meeting.
import { z } from 'zod';
import { GoalStatus } from '../schema/contract.js';
import { municipalityKey } from '../extract/meeting/municipalities.js';
import type { LinkedGoal } from './link-facts.js';

export const GoalAttainmentRow = z.object({
  municipality: z.string().nullable(),
  municipalityCode: z.number().int().nullable(),
  year: z.number().int().nullable(),
  /** Goals counted (after follow-ups of the same goal are merged), withdrawn included. */
  goals: z.number().int(),
  met: z.number().int(),
  partly_met: z.number().int(),
  not_met: z.number().int(),
  in_progress: z.number().int(),
  not_assessable: z.number().int(),
  withdrawn: z.number().int(),
  unknown: z.number().int(),
  /** met / (goals − withdrawn): the share of the goals still in force that were met; null when none. */
  shareMet: z.number().nullable(),
  /** met / (met + partly_met + not_met): the share met among goals given a verdict; null when none. */
  shareMetOfAssessed: z.number().nullable(),
  /** Documents the goals were read from. */
  documents: z.number().int(),
  /** Their files, for tracing. */
  files: z.array(z.string()),
  /** Of the met and not_met goals, those whose status was derived from the figures, not stated. */
  derived: z.number().int(),
  /** Files of the same meetings that published counted goals again (linked documents; each goal counted once). */
  repeatedInFiles: z.array(z.string()),
});
export type GoalAttainmentRow = z.infer<typeof GoalAttainmentRow>;

/** The document's own goal number ("2.1", "3.1.2") identifies a goal across follow-ups; made-up ids need the text too. */
const DOCUMENT_GOAL_NUMBER = /^\d+(?:\.\d+)*$/;

export function goalIdentity(g: LinkedGoal): string {
  const muni = g.facts.document.municipality_code ?? municipalityKey(g.facts.document.municipality ?? '');
  const ref = g.goal.goal_ref;
  const text = DOCUMENT_GOAL_NUMBER.test(ref) ? '' : g.goal.text.replace(/\s+/g, ' ').trim().toLowerCase();
  return JSON.stringify([muni, g.year.year, ref, text]);
}

/** The later meeting wins; on the same date, the higher sha256 (any fixed rule that ignores database ids). */
function isNewer(a: LinkedGoal, b: LinkedGoal): boolean {
  const da = a.facts.document.meeting_date ?? '';
  const db = b.facts.document.meeting_date ?? '';
  return da !== db ? da > db : a.facts.document.sha256 > b.facts.document.sha256;
}

/** The goals attainment counts: each goal once, as its latest meeting reported it (of these years, when given). */
export function latestGoals(goals: readonly LinkedGoal[], years: readonly number[] = []): LinkedGoal[] {
  const latest = new Map<string, LinkedGoal>();
  for (const g of goals) {
    if (years.length && (g.year.year === null || !years.includes(g.year.year))) continue;
    const key = goalIdentity(g);
    const seen = latest.get(key);
    if (!seen || isNewer(g, seen)) latest.set(key, g);
  }
  return [...latest.values()];
}

/** The municipality × plan year group a goal is counted in. */
export function attainmentGroup(g: LinkedGoal): string {
  const d = g.facts.document;
  return JSON.stringify([d.municipality_code ?? municipalityKey(d.municipality ?? ''), g.year.year]);
}

export function goalAttainment(goals: readonly LinkedGoal[], years: readonly number[] = []): GoalAttainmentRow[] {
  const groups = new Map<string, LinkedGoal[]>();
  for (const g of latestGoals(goals, years)) {
    const key = attainmentGroup(g);
    const list = groups.get(key) ?? [];
    list.push(g);
    groups.set(key, list);
  }
  const rows: GoalAttainmentRow[] = [];
  for (const list of groups.values()) {
    const first = list[0] as LinkedGoal;
    const counts = Object.fromEntries(GoalStatus.options.map((s) => [s, 0])) as Record<GoalStatus, number>;
    for (const g of list) counts[g.goal.status] += 1;
    const inForce = list.length - counts.withdrawn;
    const assessed = counts.met + counts.partly_met + counts.not_met;
    const files = [...new Set(list.map((g) => g.facts.document.path))].sort();
    rows.push({
      municipality: first.facts.document.municipality,
      municipalityCode: first.facts.document.municipality_code,
      year: first.year.year,
      goals: list.length,
      ...counts,
      // No goal assessed (all unknown, in progress …): the share is unknown, not 0.
      shareMet: inForce > 0 && assessed > 0 ? round4(counts.met / inForce) : null,
      shareMetOfAssessed: assessed > 0 ? round4(counts.met / assessed) : null,
      documents: new Set(list.map((g) => g.facts.document.id)).size,
      files,
      derived: list.filter((g) => g.goal.status_basis === 'derived').length,
      repeatedInFiles: [...new Set(list.flatMap((g) => g.repeatedIn.map((r) => r.file)))].sort(),
    });
  }
  return rows.sort(
    (a, b) => (a.municipality ?? '').localeCompare(b.municipality ?? '', 'da') || (a.year ?? 0) - (b.year ?? 0),
  );
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;
