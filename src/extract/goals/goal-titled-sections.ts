// A goal section without labels: a numbered title ("Mål 3: Flere unge i uddannelse") over
// plain sentences that state the goal ("Målsætningen var, at … skulle øges med 2
// procentpoint"), report its result ("Resultatet for 2024 er …") and give the verdict
// ("Målsætningen er kun delvist indfriet."). The title names the goal; the statement is
// its wording, so target and results are read from the sentences, not the title.
import { danish } from '../common/danish-regex.js';
import type { GoalParts, Span } from './goal-build.js';
import { meaningfulMeasures } from './goal-measures.js';
import { parseTarget } from './goal-target.js';
import { sentences, type TextRun } from './goal-text.js';
import { findStatus, HYPOTHETICAL_SENTENCE, isVerdictClause } from './status-vocabulary.js';

/** A sentence that sets a goal: a modal verb or "målet var at/om". */
const STATES_GOAL = danish(/\b(?:skal|skulle|må|måtte|bør|tilstræbes)\b|\bmål(?:et|sætningen|tallet)?\s+(?:var|er)\s*,?\s+(?:at|om)\b/iu);

/** A title line: short, no sentence end, no figure. */
function isTitle(line: string): boolean {
  const t = line.trim();
  return t !== '' && t.split(/\s+/u).length <= 10 && !/[.!?:;]$/u.test(t) && meaningfulMeasures(t).length === 0;
}

/** The parts of a titled section's goal, or null when its sentences state no goal. */
export function titledSectionParts(id: string, run: TextRun): GoalParts | null {
  const text = run.text;
  const firstBreak = text.indexOf('\n');
  // A first line that goes on in lower case below is a wrapped sentence, not a title.
  const wraps = /^\s*\p{Ll}/u.test(text.slice(firstBreak + 1));
  const bodyStart = firstBreak > 0 && !wraps && isTitle(text.slice(0, firstBreak)) ? firstBreak + 1 : 0;
  const sents = sentences(text.slice(bodyStart)).map((s) => ({ ...s, start: s.start + bodyStart, end: s.end + bodyStart }));
  const statementAt = sents.findIndex((s) => {
    if (!STATES_GOAL.test(s.text) || HYPOTHETICAL_SENTENCE.test(s.text.toLowerCase())) return false;
    const target = parseTarget(s.text);
    return target.value !== null || target.comparator !== null;
  });
  const statement = sents[statementAt];
  if (!statement) return null;
  const span = (s: { start: number; end: number }): Span => ({ run, start: s.start, end: s.end });
  const later = sents.slice(statementAt + 1);
  const verdictAt = later.findIndex((s) => {
    const found = findStatus(s.text);
    return found !== null && isVerdictClause(s.text, found.start);
  });
  const verdict = verdictAt >= 0 ? later[verdictAt] : undefined;
  const results = (verdict ? later.slice(0, verdictAt) : later).filter((s) => meaningfulMeasures(s.text).length > 0);
  // A section that opens by stating its goal and reports nothing defines the goal; its figures
  // may follow elsewhere (a follow-up table naming it "Mål 2").
  if (!verdict && results.length === 0 && statementAt !== 0) return null;
  return {
    id,
    goal: span(statement),
    result: results.map(span),
    verdict: verdict ? span(verdict) : null,
    verdictFromResult: false,
    resultAsStatusText: !verdict,
  };
}
