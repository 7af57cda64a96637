// Goals as a list under an introducing line ("Med investeringerne fulgte to mål for
// indsatsen i 2019:"), paired in order with a result list that follows ("Resultaterne
// af indsatsen i 2019 viser, at:"). Items are bulleted, indented or one per line.
import type { Goal } from '../schema/contract.js';
import { danish } from './danish-regex.js';
import { buildGoal, type Span } from './goal-build.js';
import type { Segment } from './goal-segments.js';
import { parseTarget } from './goal-target.js';
import type { DocLine } from './goal-text.js';
import { cleanText } from './goal-text.js';

/** A line introducing a list of goals. */
export const GOAL_LIST_INTRO = danish(/\b(?:mål(?:ene|sætninger(?:ne)?)?|delmål(?:ene)?|måltal(?:lene)?|succeskriterier(?:ne)?)\b[^:]*:\s*$/iu);
/** A line introducing a list of results. */
export const RESULT_LIST_INTRO = danish(/\b(?:resultat(?:et|erne)?|status(?:sen)?|opfølgning(?:en)?|opgørelse(?:n)?|måling(?:en|erne)?)\b[^:]*:\s*$/iu);
/** How many goals the intro announces ("to mål", "3 delmål"). */
const COUNT_WORDS: Readonly<Record<string, number>> = { to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10 };
const ANNOUNCED = danish(/\b(to|tre|fire|fem|seks|syv|otte|ni|ti|\d{1,2})\s+(?:\p{L}+\s+)?(?:mål|delmål|måltal|målsætninger|resultater)\b/iu);
/** An item states a goal when it says what shall happen, not only what was measured. */
const GOAL_WORDING = danish(/\b(?:skal|bør|må|tilstræbes|ønskes|forventes|målsætning\p{L}*|reduceres|nedbringes|øges|forøges|mindst|maksimalt|højst)\b/iu);
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
      goalItems.forEach((item, k) => {
        const result = results[k];
        const goal = buildGoal({ id: '', goal: item.span, result: result ? [result.span] : null, verdict: null, verdictFromResult: true, resultAsStatusText: true });
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
    const startsItem = BULLET.test(line.text) || /^\s*\p{Lu}/u.test(line.text);
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
      return { lines, span: { run: seg.run, start: start + lead, end } };
    }),
    next: k,
  };
}
