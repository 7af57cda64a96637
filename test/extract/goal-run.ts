// Shared by the goal tests: runs extractGoals on a context, checks every provenance
// against its page text, and reduces a goal to the fields the expectations compare.
import { extractGoals } from '../../src/extract/goals/goals.js';
import type { ExtractionContext } from '../../src/extract/types.js';
import type { Goal, Warning } from '../../src/schema/contract.js';
import { expectProvenance } from './pages.js';

export interface GoalShape {
  id?: string;
  text: string;
  target: Goal['target'];
  actual: [number, string | null, string][];
  status: Goal['status'];
  statusText: string | null;
}

export function runGoals(ctx: ExtractionContext): { goals: Goal[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const goals = extractGoals(ctx, (w) => warnings.push(w));
  for (const g of goals) {
    expectProvenance(ctx.pages, g.provenance);
    for (const a of g.actual) if (a.provenance) expectProvenance(ctx.pages, a.provenance);
  }
  return { goals, warnings };
}

export const goalShape = (g: Goal): GoalShape => ({
  id: g.id,
  text: g.text,
  target: g.target,
  actual: g.actual.map((a) => [a.value, a.unit, a.scope]),
  status: g.status,
  statusText: g.statusText,
});
