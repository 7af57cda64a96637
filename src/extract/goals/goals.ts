// Goals in every common form: numbered goal blocks with labelled cells, goal tables
// read by column position, goal lists and prose. Each detector yields complete goals;
// later detectors skip text an earlier one already claimed (and their warnings with it).
import type { Goal } from '../../schema/contract.js';
import { danish } from '../common/danish-regex.js';
import type { ExtractionContext, WarningSink } from '../types.js';
import { extractGoalBlocks, isStatedOnly } from './goal-blocks.js';
import { extentOf, warningsOf } from './goal-build.js';
import { applyDerivedStatus } from './goal-derived-status.js';
import { extractGoalTables } from './goal-table.js';
import { followsUpGoalElsewhere } from './goal-table-row.js';
import { extractKindLists } from './goal-kind-lists.js';
import { segmentsOf } from './goal-segments.js';
import { extractGoalLists } from './goal-lists.js';
import { extractNumberedParagraphs } from './goal-numbered-paragraphs.js';
import { extractProseGoals } from './goal-prose.js';

export function extractGoals(ctx: ExtractionContext, warn: WarningSink): Goal[] {
  const goals: Goal[] = [];
  // A goal another form already found is dropped together with its warnings.
  // A later form's reading of the same words replaces a titled section that only states its
  // goal when it finds the goal's figures or verdict; the section's id is kept.
  const claim = (found: Goal[]): void => {
    const earlier = [...goals];
    for (const g of found) {
      const same = earlier.find((h) => overlaps(h, g));
      if (!same) goals.push(g);
      else if (isStatedOnly(same) && bare(same) && !bare(g) && goals.includes(same)) {
        if (g.id === '') g.id = same.id;
        goals[goals.indexOf(same)] = g;
      }
    }
  };
  claim(extractGoalTables(ctx.pages));
  claim(extractGoalBlocks(ctx.pages, warn));
  const segments = segmentsOf(ctx.pages, ctx.agendaItems);
  claim(extractNumberedParagraphs(segments));
  claim(extractKindLists(segments));
  claim(extractGoalLists(segments));
  claim(extractProseGoals(segments));
  goals.sort((a, b) => a.provenance.page - b.provenance.page || a.provenance.start - b.provenance.start);
  for (const g of goals) g.agendaItem ??= agendaItemAt(ctx, g.provenance.page, g.provenance.start);
  mergeFollowUps(goals);
  mergeReportsOnGoals(goals);
  // Goals without an id of their own are numbered in document order.
  let n = 0;
  const taken = new Set(goals.map((g) => g.id).filter((id) => id !== ''));
  for (const g of goals) {
    if (g.id !== '') continue;
    do n++;
    while (taken.has(`maal-${n}`));
    g.id = `maal-${n}`;
  }
  const derived = new Map<Goal, string>();
  for (const g of goals) {
    const reason = applyDerivedStatus(ctx, g);
    if (reason) derived.set(g, reason);
  }
  for (const g of goals) {
    for (const w of warningsOf(g)) {
      const reason = w.code === 'goal_without_status' ? derived.get(g) : undefined;
      const message = reason ? `goal ${g.id}: no verdict in the document; status ${g.status} derived from its ${reason}` : w.message;
      warn({ ...w, message: message.replace(/^goal (?=")/u, `goal ${g.id} `) });
    }
  }
  return goals;
}

/**
 * A table row that follows up a goal worded elsewhere in the same item ("Mål 2" beside its
 * indicator, figures and status) completes that goal: one record, its wording from where the
 * goal is stated, its target (when the wording has no figure), results and verdict from the row.
 */
function mergeFollowUps(goals: Goal[]): void {
  for (const row of goals.filter(followsUpGoalElsewhere)) {
    const stated = goals.find((g) => g !== row && !followsUpGoalElsewhere(g) && g.id === row.id && g.agendaItem === row.agendaItem);
    if (!stated) continue;
    if (stated.actual.length === 0) stated.actual = row.actual;
    if (stated.status === 'unknown' && row.status !== 'unknown') {
      stated.status = row.status;
      stated.statusBasis = row.statusBasis;
      stated.statusText = row.statusText;
    }
    if ((stated.target?.value ?? null) === null && (row.target?.value ?? null) !== null) stated.target = row.target;
    goals.splice(goals.indexOf(row), 1);
  }
}

/** Words that state a duty or an aim; a paragraph without them reports on a goal. */
const GOAL_WORDING = danish(/\b(?:skal|skulle|må|måtte|bør|ønskes|tilstræbes|målet\s+(?:er|var)\s*,?\s+at)\b/iu);

/** A finite verb that makes a goal's text a report on it. */
const REPORTING_VERB = danish(/\b(?:er|var|blev|har|havde|viser|viste)\b/iu);

/**
 * A paragraph labelled with an earlier goal's id in the same item that states no aim ("Mål 2:
 * Antallet … er faldet fra 312 til 297 …" under the table stating goal 2) reports on that
 * goal: its figures and verdict complete the goal when the goal has none, and it is no goal.
 */
function mergeReportsOnGoals(goals: Goal[]): void {
  for (const report of [...goals]) {
    // A report is a sentence ("… er faldet fra 312 til 297"); an indicator row of a table is none.
    if (report.id === '' || GOAL_WORDING.test(report.text) || !REPORTING_VERB.test(report.text)) continue;
    const stated = goals.find((g) => g !== report && g.id === report.id && g.agendaItem === report.agendaItem && GOAL_WORDING.test(g.text));
    if (!stated || goals.indexOf(stated) > goals.indexOf(report)) continue;
    if (stated.actual.length === 0) stated.actual = report.actual;
    if (stated.status === 'unknown' && report.status !== 'unknown') {
      stated.status = report.status;
      stated.statusBasis = report.statusBasis;
      stated.statusText = report.statusText;
    }
    goals.splice(goals.indexOf(report), 1);
  }
}

/** A goal read with its wording only: no result, no verdict. */
function bare(goal: Goal): boolean {
  return goal.actual.length === 0 && goal.status === 'unknown';
}

/** Whether two goals claim the same text: any piece of one block overlaps any of the other. */
function overlaps(a: Goal, b: Goal): boolean {
  return extentOf(a).some((x) => extentOf(b).some((y) => x.page === y.page && x.start < y.end && y.start < x.end));
}

/** The number of the last agenda item that starts at or before (page, offset). */
export function agendaItemAt(ctx: ExtractionContext, page: number, offset: number): number | null {
  let found: number | null = null;
  for (const item of ctx.agendaItems) {
    const p = item.provenance;
    if (p.page < page || (p.page === page && p.start <= offset)) found = item.number;
  }
  return found;
}
