// The comparison queries behind `minutes compare`, `goals` and `indicators`, over any
// store (SQLite or PostgreSQL: the same Kysely reads, the same JavaScript after).
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { Unit } from '../schema/contract.js';
import type { Database } from '../store/schema.js';
import { buildCompareRows, type CompareRow } from './compare-rows.js';
import { applyCorrections } from './apply-corrections.js';
import { goalAttainment, latestGoals, type GoalAttainmentRow } from './goal-attainment.js';
import { INDICATORS } from './indicators.js';
import { linkGoals, linkPercentages, type LinkedGoal } from './link-facts.js';
import { loadFacts } from './load-facts.js';
import { countRepeatsOnce } from './repeated-documents.js';
import { createIndicatorMatcher, type MatchOptions } from './match.js';

export interface CompareOptions extends MatchOptions {
  /** Indicator ids; empty = every indicator. */
  indicators?: readonly string[];
  /** Municipality names in any common spelling; empty = all. */
  municipalities?: readonly string[];
  /** Years (plan year, else meeting year); empty = all. */
  years?: readonly number[];
  /** Apply reviewers' corrections (the default); false reads the facts as extracted. */
  corrected?: boolean;
}

/** The facts of a comparison, with reviewers' corrections applied unless asked not to. */
async function readFacts(db: Kysely<Database>, options: Pick<CompareOptions, 'municipalities' | 'corrected'>, percentages = true) {
  const loaded = await loadFacts(db, { municipalities: options.municipalities ?? [], percentages });
  const facts = options.corrected === false ? loaded : await applyCorrections(db, loaded);
  // Corrections first: they rebuild the fact entries, and a fact marked wrong in one copy is no repeat.
  return countRepeatsOnce(facts);
}

export async function compareIndicators(db: Kysely<Database>, options: CompareOptions = {}): Promise<CompareRow[]> {
  const facts = await readFacts(db, options);
  const matcher = await createIndicatorMatcher(options.threshold === undefined ? {} : { threshold: options.threshold });
  const goals = facts.flatMap((f) => linkGoals(f, matcher));
  const percentages = facts.flatMap((f) => linkPercentages(f, matcher));
  return buildCompareRows(goals, percentages, { indicatorIds: options.indicators ?? [], years: options.years ?? [] });
}

export async function goalAttainmentReport(
  db: Kysely<Database>,
  options: Pick<CompareOptions, 'municipalities' | 'years' | 'corrected'> = {},
): Promise<GoalAttainmentRow[]> {
  const facts = await readFacts(db, options, false);
  // Attainment needs no indicator links, so natural is not loaded here.
  const goals = facts.flatMap((f) => linkGoals(f, null));
  return goalAttainment(goals, options.years ?? []);
}

/** The goals goal attainment counts (each once, with its latest verdict), to list those behind a count. */
export async function attainmentGoals(
  db: Kysely<Database>,
  options: Pick<CompareOptions, 'municipalities' | 'years' | 'corrected'> = {},
): Promise<LinkedGoal[]> {
  const facts = await readFacts(db, options, false);
  return latestGoals(facts.flatMap((f) => linkGoals(f, null)), options.years ?? []);
}

export const IndicatorCountRow = z.object({
  id: z.string(),
  label: z.string(),
  unit: Unit.nullable(),
  goals: z.number().int(),
  percentages: z.number().int(),
  total: z.number().int(),
  phrases: z.array(z.string()),
});
export type IndicatorCountRow = z.infer<typeof IndicatorCountRow>;

/** Id of the closing row counting facts that link to no indicator. */
export const UNLINKED_ID = '(unlinked)';

/** The taxonomy with how many stored goals and percentages link to each indicator, plus the unlinked. */
export async function indicatorCounts(db: Kysely<Database>, options: Pick<CompareOptions, 'municipalities' | 'threshold'> = {}): Promise<IndicatorCountRow[]> {
  const facts = countRepeatsOnce(await loadFacts(db, { municipalities: options.municipalities ?? [] }));
  const matcher = await createIndicatorMatcher(options.threshold === undefined ? {} : { threshold: options.threshold });
  const count = new Map<string, { goals: number; percentages: number }>();
  const bump = (id: string, kind: 'goals' | 'percentages'): void => {
    const c = count.get(id) ?? { goals: 0, percentages: 0 };
    c[kind] += 1;
    count.set(id, c);
  };
  for (const f of facts) {
    for (const g of linkGoals(f, matcher)) bump(g.link?.indicatorId ?? UNLINKED_ID, 'goals');
    for (const p of linkPercentages(f, matcher)) bump(p.link?.indicatorId ?? UNLINKED_ID, 'percentages');
  }
  const row = (id: string, label: string, unit: Unit | null, phrases: string[]): IndicatorCountRow => {
    const c = count.get(id) ?? { goals: 0, percentages: 0 };
    return { id, label, unit, goals: c.goals, percentages: c.percentages, total: c.goals + c.percentages, phrases };
  };
  return [
    ...INDICATORS.map((i) => row(i.id, i.label, i.unit, [...i.phrases])),
    row(UNLINKED_ID, 'Ikke knyttet til en indikator', null, []),
  ];
}
