// Goals in every common form: numbered goal blocks with labelled cells, goal tables
// read by column position, goal lists and prose. Each detector yields complete goals;
// later detectors skip text an earlier one already claimed (and their warnings with it).
import type { Goal } from '../schema/contract.js';
import type { ExtractionContext, WarningSink } from './types.js';
import { extractGoalBlocks } from './goal-blocks.js';
import { extentOf, unjudgedResultsOf, warningsOf } from './goal-build.js';
import { deriveStatus, yearsIn } from './goal-derived-status.js';
import { planYearIn, TITLE_WINDOW } from './plan-year.js';
import { cleanText } from './goal-text.js';
import { extractGoalTables } from './goal-table.js';
import { extractKindLists } from './goal-kind-lists.js';
import { segmentsOf } from './goal-segments.js';
import { extractGoalLists } from './goal-lists.js';
import { extractNumberedParagraphs } from './goal-numbered-paragraphs.js';
import { extractProseGoals } from './goal-prose.js';

export function extractGoals(ctx: ExtractionContext, warn: WarningSink): Goal[] {
  const goals: Goal[] = [];
  // A goal another form already found is dropped together with its warnings.
  const claim = (found: Goal[]): void => {
    const earlier = [...goals];
    for (const g of found) if (!earlier.some((h) => overlaps(h, g))) goals.push(g);
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

/** Derives the status of a goal that reports a final result but no verdict; returns why, or null. */
function applyDerivedStatus(ctx: ExtractionContext, goal: Goal): string | null {
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
