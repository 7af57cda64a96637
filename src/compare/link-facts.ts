// Gives each stored goal and percentage its year (see plan-year.ts) and its
// indicator link, rebuilt from the store at query time: no link table to keep in
// step with the taxonomy.
import type { DocumentFacts, RepeatedAt, StoredActual, StoredAgendaItem, StoredGoal, StoredPercentage } from './load-facts.js';
import type { IndicatorLink, IndicatorMatcher } from './match.js';
import { factYear, type FactYear } from '../extract/goals/plan-year.js';

/** Words that mark the sentence of a goal stating what is to be reached. */
export const TARGET_SENTENCE_WORDS = /\b(?:skal|tilstræbes|bør|målet er|mindst|maksimalt|højst|reduceres|øges|nedbringes)\b/iu;

/** A status text names the indicator less surely than the goal itself. */
export const STATUS_TEXT_WEIGHT = 0.9;

export interface LinkedGoal {
  facts: DocumentFacts;
  goal: StoredGoal;
  actuals: StoredActual[];
  year: FactYear;
  link: IndicatorLink | null;
  /** Where a linked document published the same goal again (repeated-documents.ts). */
  repeatedIn: RepeatedAt[];
}

export interface LinkedPercentage {
  facts: DocumentFacts;
  percentage: StoredPercentage;
  year: FactYear;
  link: IndicatorLink | null;
}

/** Sentences of a goal text; the split keeps "9. eller 10. klasse" and "pr. 1. januar" whole. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.;!?])\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * A goal's indicator: the first target sentence that links ("I 2030 skal mindst 90 %
 * af de 25-årige …" names the goal, a background sentence after it does not), else
 * the whole text, else the status text at a discount.
 */
export function linkGoal(matcher: IndicatorMatcher, text: string, statusText: string | null): IndicatorLink | null {
  const parts = sentences(text);
  if (parts.length > 1) {
    for (const s of parts.filter((p) => TARGET_SENTENCE_WORDS.test(p))) {
      const link = matcher.match(s);
      if (link) return link;
    }
  }
  const whole = matcher.match(text);
  if (whole) return whole;
  if (!statusText) return null;
  const fromStatus = matcher.scores(statusText)[0];
  if (!fromStatus) return null;
  const confidence = Math.round(fromStatus.confidence * STATUS_TEXT_WEIGHT * 1000) / 1000;
  return confidence >= matcher.threshold ? { ...fromStatus, confidence } : null;
}

/** Words around a figure name it less surely than its extracted context. */
export const WINDOW_WEIGHT = 0.9;

/**
 * A percentage's indicator: from its extracted context, else from the context
 * together with the clause around the figure in the page, at a discount.
 */
export function linkPercentage(matcher: IndicatorMatcher, context: string, window: string): IndicatorLink | null {
  const direct = context.trim() ? matcher.match(context) : null;
  if (direct || !window.trim()) return direct;
  const around = matcher.scores(`${context} ${window}`)[0];
  if (!around) return null;
  const confidence = Math.round(around.confidence * WINDOW_WEIGHT * 1000) / 1000;
  return confidence >= matcher.threshold ? { ...around, confidence } : null;
}

/** The agenda item a position falls in: the last one starting at or before it. */
export function agendaItemAt(items: readonly StoredAgendaItem[], page: number, start: number): StoredAgendaItem | null {
  let found: StoredAgendaItem | null = null;
  for (const item of items) {
    if (item.page < page || (item.page === page && item.start_offset <= start)) {
      if (!found || item.page > found.page || (item.page === found.page && item.start_offset >= found.start_offset)) found = item;
    }
  }
  return found;
}

function yearOf(facts: DocumentFacts, factText: string, itemTitle: string | null): FactYear {
  return factYear({
    factText,
    agendaItemTitle: itemTitle,
    documentHasAgendaItems: facts.agendaItems.length > 0,
    documentTitle: facts.document.title,
    firstPageText: facts.firstPageText,
    meetingDate: facts.document.meeting_date,
  });
}

export function linkGoals(facts: DocumentFacts, matcher: IndicatorMatcher | null): LinkedGoal[] {
  return facts.goals.map(({ goal, actuals, repeatedIn }) => {
    const item =
      goal.agenda_item !== null
        ? (facts.agendaItems.find((i) => i.number === goal.agenda_item) ?? null)
        : agendaItemAt(facts.agendaItems, goal.page, goal.start_offset);
    return {
      facts,
      goal,
      actuals,
      year: yearOf(facts, goal.text, item?.title ?? null),
      link: matcher ? linkGoal(matcher, goal.text, goal.status_text) : null,
      repeatedIn: repeatedIn ?? [],
    };
  });
}

export function linkPercentages(facts: DocumentFacts, matcher: IndicatorMatcher | null): LinkedPercentage[] {
  return facts.percentages.map((percentage) => {
    const item = agendaItemAt(facts.agendaItems, percentage.page, percentage.start_offset);
    return {
      facts,
      percentage,
      year: yearOf(facts, percentage.context, item?.title ?? null),
      link: matcher ? linkPercentage(matcher, percentage.context, percentage.window) : null,
    };
  });
}
