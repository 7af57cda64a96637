// Goals as numbered paragraphs in the prose ("1) Mindst 62 % … skal …", "b. Højst …"), each
// paragraph carrying its own follow-up after a result label, on a line of its own or run on
// after the goal's full stop ("… om rekruttering. Status: Ved årets udgang …"). The marker is
// the goal's id; the label splits the paragraph into the goal and its result.
import type { Goal } from '../../schema/contract.js';
import { danish } from '../common/danish-regex.js';
import { buildGoal, setExtent, type Span } from './goal-build.js';
import type { Segment } from './goal-segments.js';
import { parseTarget } from './goal-target.js';
import type { DocLine } from './goal-text.js';

/** A paragraph's list marker: "1)", "2.", "a.", "b)", "(c)", followed by a capital. */
export const LIST_MARKER = /^[ \t]*\(?(\d{1,2}|[a-zæøå])[.)][ \t]+(?=\p{Lu})/u;

/**
 * A result or verdict label inside a paragraph: at a line start, or after a full stop
 * ("… rekruttering. Status: …"). Capitalised, so "status: " inside a sentence is no label.
 */
export const PARAGRAPH_LABEL = danish(
  /(?:^|(?<=[.!?])[ \t]+|(?<=\n)[ \t]*)(?<label>Status(?:\s+(?:pr\.\s+[^:\n]{1,20}|(?:19|20)\d\d))?|Resultat(?:er)?(?:\s+(?:19|20)\d\d(?:\/\d\d)?)?|Opfølgning|Opnået(?:\s+resultat)?|Realiseret|Vurdering|Målopfyldelse|Målopnåelse)[ \t]*:[ \t]*/gu,
);
const VERDICT_LABELS = danish(/^(?:Vurdering|Målopfyldelse|Målopnåelse)\b/u);

/** Words that make a paragraph a goal rather than a list of decisions or facts. */
const GOAL_WORDING = danish(/\b(?:skal|skulle|bør|må|måtte|tilstræbes|ønskes|mindst|maksimalt|højst|reduceres|øges|nedbringes)\b/iu);

interface Paragraph {
  id: string;
  /** Line indexes in the segment, first to last. */
  first: number;
  last: number;
  /** Offset in the run just after the marker. */
  bodyStart: number;
}

export function extractNumberedParagraphs(segments: readonly Segment[]): Goal[] {
  const goals: Goal[] = [];
  const usedIds = new Set<string>();
  for (const seg of segments) {
    const found: Goal[] = [];
    for (const para of paragraphsOf(seg)) {
      const goal = paragraphGoal(seg, para);
      if (goal) found.push(goal);
    }
    // One labelled paragraph may be a note; a list of goals has at least two.
    if (found.length < 2) continue;
    for (const g of found) {
      // A second list numbered from 1 again in the same document keeps the goals, not the ids.
      if (usedIds.has(g.id)) g.id = '';
      else usedIds.add(g.id);
      g.agendaItem = seg.agendaItem;
      goals.push(g);
    }
  }
  return goals;
}

/** The marker paragraphs of a segment: from a marker line to the line before the next marker, blank line or heading. */
function paragraphsOf(seg: Segment): Paragraph[] {
  const out: Paragraph[] = [];
  let open: Paragraph | null = null;
  let markerLine: DocLine | null = null;
  seg.lines.forEach((line, index) => {
    const marker = LIST_MARKER.exec(line.text);
    if (marker?.[1]) {
      if (open) out.push(open);
      open = { id: marker[1], first: index, last: index, bodyStart: (seg.lineStarts[index] ?? 0) + marker[0].length };
      markerLine = line;
      return;
    }
    if (!open || !markerLine) return;
    const previous = seg.lines[index - 1];
    if (previous && continuesParagraph(markerLine, previous, line)) open.last = index;
    else {
      out.push(open);
      open = null;
    }
  });
  if (open) out.push(open);
  return out;
}

/**
 * A line continues the paragraph when it is not blank, not left of the marker, and does not
 * start a new paragraph: after a finished sentence, a capitalised line that is no label and
 * stands a paragraph gap lower (or, without positions, is a heading or an introducing line).
 */
function continuesParagraph(marker: DocLine, previous: DocLine, line: DocLine): boolean {
  const text = line.text.trim();
  if (text === '') return false;
  if (line.hasLayout && marker.hasLayout && line.page === marker.page && line.x < marker.x - 2) return false;
  const finished = /[.!?:]$/u.test(previous.text.trim());
  if (!finished || !/^\p{Lu}/u.test(text)) return true;
  PARAGRAPH_LABEL.lastIndex = 0;
  const labelled = PARAGRAPH_LABEL.exec(line.text);
  PARAGRAPH_LABEL.lastIndex = 0;
  if (labelled && labelled.index === 0) return true;
  if (/:$/u.test(text) || isHeading(text)) return false;
  if (line.hasLayout && previous.hasLayout && line.page === previous.page) {
    const pitch = line.y - previous.y;
    const size = Math.max(8, ...line.fragments.map((f) => f.size));
    return pitch > 0 && pitch < 1.6 * size;
  }
  return true;
}

/** A short line without end punctuation: "Indstilling", "Økonomiske konsekvenser". */
function isHeading(text: string): boolean {
  return text.split(/\s+/u).length <= 6 && !/[.,;:!?]$/u.test(text) && !text.includes('\t');
}

/** The paragraph's goal: its wording up to the first label; the result after it, a verdict after a verdict label. */
function paragraphGoal(seg: Segment, para: Paragraph): Goal | null {
  const run = seg.run;
  const lastLine = seg.lines[para.last];
  const end = (seg.lineStarts[para.last] ?? 0) + (lastLine?.text.length ?? 0);
  const body = run.text.slice(para.bodyStart, end);
  const labels = [...body.matchAll(PARAGRAPH_LABEL)];
  const firstLabel = labels[0];
  if (!firstLabel || firstLabel.index === 0) return null;
  const goalSpan: Span = { run, start: para.bodyStart, end: para.bodyStart + firstLabel.index };
  const wording = run.text.slice(goalSpan.start, goalSpan.end);
  const target = parseTarget(wording.replace(/\s+/gu, ' '));
  if ((target.value === null && target.comparator === null) || !GOAL_WORDING.test(wording)) return null;
  const results: Span[] = [];
  let verdict: Span | null = null;
  labels.forEach((m, k) => {
    const start = para.bodyStart + m.index + m[0].length;
    const next = labels[k + 1];
    const stop = next ? para.bodyStart + next.index : end;
    const span: Span = { run, start, end: stop };
    if (VERDICT_LABELS.test(m.groups?.['label'] ?? '')) verdict ??= span;
    else results.push(span);
  });
  const goal = buildGoal({ id: para.id, goal: goalSpan, result: results, verdict, verdictFromResult: true });
  setExtent(goal, seg.lines.slice(para.first, para.last + 1).map((l) => ({ page: l.page, start: l.start, end: l.end })));
  return goal;
}
