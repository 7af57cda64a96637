// Goals as a list under an introducing line ("Med investeringerne fulgte to mål for
// indsatsen i 2019:"), paired in order with a result list that follows ("Resultaterne
// af indsatsen i 2019 viser, at:"). Items are bulleted, indented or one per line.
import type { Goal } from '../../schema/contract.js';
import { danish } from '../common/danish-regex.js';
import { buildGoal, setExtent, type Extent, type Span } from './goal-build.js';
import { meaningfulMeasures } from './goal-measures.js';
import type { Segment } from './goal-segments.js';
import { parseTarget } from './goal-target.js';
import type { DocLine } from './goal-text.js';
import { cleanText, sentences, TextRun } from './goal-text.js';
import { RESULT_CUE } from './goal-prose.js';
import { findStatus } from './status-vocabulary.js';

/** A line introducing a list of goals. */
export const GOAL_LIST_INTRO = danish(/\b(?:mål(?:ene|sætninger(?:ne)?)?|delmål(?:ene)?|måltal(?:lene)?|succeskriterier(?:ne)?)\b[^:]*:\s*$/iu);
/** A line introducing a list of results. */
export const RESULT_LIST_INTRO = danish(/\b(?:resultat(?:et|erne)?|status(?:sen)?|opfølgning(?:en)?|opgørelse(?:n)?|måling(?:en|erne)?)\b[^:]*:\s*$/iu);
/** How many goals the intro announces ("to mål", "3 delmål"). */
const COUNT_WORDS: Readonly<Record<string, number>> = { to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10 };
const ANNOUNCED = danish(/\b(to|tre|fire|fem|seks|syv|otte|ni|ti|\d{1,2})\s+(?:\p{L}+\s+)?(?:mål|delmål|måltal|målsætninger|resultater)\b/iu);
/** An item states a goal when it says what shall happen, not only what was measured. */
const GOAL_WORDING = danish(/\b(?:skal|bør|må|tilstræbes|ønskes|forventes|målsætning\p{L}*|reduceres|nedbringes|øges|forøges|mindst|maksimalt|højst)\b/iu);
/** A sentence that still states the goal rather than reporting on it. */
const GOAL_MODAL = danish(/\b(?:skal|skulle|bør|må|måtte|tilstræbes)\b/iu);
const BULLET = /^[ \t]*[-–•\uf0b7*▪◦][ \t]+/u;

interface ListItem {
  lines: DocLine[];
  span: Span;
}

export function extractGoalLists(segments: readonly Segment[]): Goal[] {
  const goals: Goal[] = [];
  for (const seg of segments) {
    for (let i = 0; i < seg.lines.length; i++) {
      const intro = seg.lines[i];
      if (!intro || !GOAL_LIST_INTRO.test(intro.text) || RESULT_LIST_INTRO.test(intro.text)) continue;
      const announced = announcedCount(intro.text);
      const { items, next } = readItems(seg, i + 1, intro, announced);
      const goalItems = items.filter((it) => {
        const wording = cleanText(it.span.run.text.slice(it.span.start, it.span.end));
        const t = parseTarget(wording);
        return (t.value !== null || t.comparator !== null) && GOAL_WORDING.test(wording);
      });
      if (goalItems.length === 0) continue;
      // A result list within the next few lines, same length: paired in order.
      let results: ListItem[] = [];
      for (let k = next; k < Math.min(seg.lines.length, next + 4); k++) {
        const line = seg.lines[k];
        if (line && RESULT_LIST_INTRO.test(line.text)) {
          const read = readItems(seg, k + 1, line, goalItems.length);
          if (read.items.length === goalItems.length) results = read.items;
          break;
        }
      }
      // No result list: one result sentence right after the list may report on all its goals at once
      // ("Den endelige opgørelse … viser et fald på 71 helårspersoner og en nettobesparelse på 3.450 t.kr.").
      const shared = results.length === 0 ? sharedResult(seg, next) : null;
      goalItems.forEach((item, k) => {
        const result = results[k];
        const own = result ? null : followUpOf(item.span);
        const outcome = result ? [result.span] : own ? own.results : shared ? [shared] : null;
        const goal = buildGoal({
          id: '',
          goal: own ? own.goal : item.span,
          result: outcome,
          verdict: own?.verdict ?? null,
          verdictFromResult: true,
          resultAsStatusText: true,
        });
        setExtent(goal, [extentOfSpan(item.span)]);
        goal.agendaItem = seg.agendaItem;
        goals.push(goal);
      });
      i = next - 1;
    }
  }
  return goals;
}

function announcedCount(text: string): number | null {
  const m = ANNOUNCED.exec(text);
  if (!m || !m[1]) return null;
  return COUNT_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
}

/** Items after an intro line: bulleted or indented lines, or one capitalised line per item. */
function readItems(seg: Segment, from: number, intro: DocLine, limit: number | null): { items: ListItem[]; next: number } {
  const items: DocLine[][] = [];
  let k = from;
  for (; k < seg.lines.length; k++) {
    const line = seg.lines[k];
    if (!line) break;
    // Blank lines may stand between the intro and its first item, not inside the list.
    if (line.text.trim() === '') {
      if (items.length === 0 && k - from < 2) continue;
      break;
    }
    if (GOAL_LIST_INTRO.test(line.text) || RESULT_LIST_INTRO.test(line.text)) break;
    if (line.hasLayout && intro.hasLayout && line.page === intro.page && line.x <= intro.x + 2 && !BULLET.test(line.text)) break;
    // A capitalised line indented under a bullet's text (a hanging indent) still belongs to that bullet.
    const opener = items.at(-1)?.[0];
    const hanging = opener !== undefined && line.hasLayout && opener.hasLayout && line.page === opener.page && BULLET.test(opener.text) && line.x > opener.x + 2;
    const startsItem = BULLET.test(line.text) || (/^\s*\p{Lu}/u.test(line.text) && !hanging);
    if (startsItem) {
      if (limit !== null && items.length >= limit) break;
      items.push([line]);
    } else if (items.length > 0) {
      items.at(-1)?.push(line);
    } else break;
  }
  return {
    items: items.map((lines) => {
      const first = lines[0] as DocLine;
      const lead = first.text.length - first.text.replace(BULLET, '').trimStart().length;
      const start = seg.lineStarts[seg.lines.indexOf(first)] ?? 0;
      const lastLine = lines[lines.length - 1] as DocLine;
      const end = (seg.lineStarts[seg.lines.indexOf(lastLine)] ?? 0) + lastLine.text.length;
      const cut = otherColumnCut(lines);
      if (cut.some((c, n) => c !== (lines[n] as DocLine).end)) {
        // A line running into the other column of a two-column page: the item keeps its own column only.
        const pieces = lines.map((l, n) => ({ page: l.page, start: n === 0 ? l.start + lead : l.start, end: cut[n] ?? l.end }));
        const run = new TextRun(seg.run.pages, pieces);
        return { lines, span: { run, start: 0, end: run.text.length } };
      }
      return { lines, span: { run: seg.run, start: start + lead, end } };
    }),
    next: k,
  };
}

/**
 * An item that carries its own follow-up after the goal ("• Mindst 60 unge skulle … . Målet er
 * opgivet, fordi …"): the goal ends before the first sentence giving a verdict or a result.
 */
function followUpOf(item: Span): { goal: Span; results: Span[]; verdict: Span | null } | null {
  const text = item.run.text.slice(item.start, item.end);
  const sents = sentences(text);
  const v = sents.findIndex((s, n) => n > 0 && (findStatus(s.text) !== null || RESULT_CUE.test(s.text)));
  if (v < 0) return null;
  // Before the verdict, a sentence with figures but no modal ("Andelen blev 6,1 %.") is already the result.
  const k = sents.findIndex((s, n) => n > 0 && (n === v || (n < v && meaningfulMeasures(s.text).length > 0 && !GOAL_MODAL.test(s.text))));
  const cut = sents[k];
  if (!cut) return null;
  const last = sents[k - 1];
  const goal: Span = { run: item.run, start: item.start, end: item.start + (last?.end ?? cut.start) };
  const results: Span[] = [];
  let verdict: Span | null = null;
  for (const s of sents.slice(k)) {
    const span: Span = { run: item.run, start: item.start + s.start, end: item.start + s.end };
    if (!verdict && findStatus(s.text)) verdict = span;
    else if (RESULT_CUE.test(s.text) || meaningfulMeasures(s.text).length > 0) results.push(span);
  }
  return { goal, results, verdict };
}

/** The first sentence after the list when it reports a result with figures; null otherwise. */
function sharedResult(seg: Segment, next: number): Span | null {
  const line = seg.lines[next];
  if (!line || line.text.trim() === '' || GOAL_LIST_INTRO.test(line.text)) return null;
  const from = seg.lineStarts[next] ?? 0;
  const first = sentences(seg.run.text.slice(from, from + 600))[0];
  if (!first || !RESULT_CUE.test(first.text) || meaningfulMeasures(first.text).length === 0) return null;
  return { run: seg.run, start: from + first.start, end: from + first.end };
}

function extentOfSpan(span: Span): Extent {
  const p = span.run.provenance(span.start, span.end);
  return { page: p.page, start: p.start, end: p.end };
}

/**
 * Where each line of an item ends within the item's column: a tab-separated fragment that starts
 * right of where every other line of the item ends belongs to the next column ("• Mindst 60 unge
 * skulle starte på en⇥Punkt 6. Eventuelt"). Lines without positions or tabs end where they end.
 */
function otherColumnCut(lines: readonly DocLine[]): number[] {
  return lines.map((line, n) => {
    if (!line.hasLayout || lines.length < 2) return line.end;
    const others = lines.filter((_, m) => m !== n);
    const rightEdge = Math.max(...others.flatMap((o) => o.fragments.map((f) => f.x + f.width)));
    const own = line.fragments[0];
    const beyond = line.fragments.find((f, k) => k > 0 && f.x > rightEdge + 4 && own !== undefined && f.x > own.x + 100);
    if (!beyond) return line.end;
    // The gap before the fragment (the tab and spaces) is no part of the item either.
    let end = beyond.start;
    const pageText = line.text;
    while (end > line.start && /\s/u.test(pageText[end - line.start - 1] ?? '')) end--;
    return end;
  });
}
