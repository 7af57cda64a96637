// Goals listed under their kind ("Resultatmål: …", "Fokusmål: …", "Delmål: …"), as in
// STAR's Jobcenterindblik, and the follow-up prose that reports on them by kind and
// ordinal ("Det første fokusmål viser, at 74,62 % …. Fokusmålet er derfor ikke opfyldt.").
import type { Goal } from '../../schema/contract.js';
import { danish } from '../common/danish-regex.js';
import { buildGoal, markNational, type Span } from './goal-build.js';
import type { Segment } from './goal-segments.js';
import { cleanText, sentences, TextRun } from './goal-text.js';
import { findStatus, HYPOTHETICAL_SENTENCE } from './status-vocabulary.js';
import { legendStatus, readVerdictLegend } from './verdict-legend.js';
import { readsAsStatement } from './goal-statement-cues.js';
import { NATIONAL_LABEL, RESULT_LABEL, VERDICT_LABEL } from './goal-labels.js';

/** A list item that names its kind: "Resultatmål: …", "• Fokusmål: …", "Mål 2: …" is a goal block instead. */
export const KIND_LABEL = danish(
  /^[ \t]*(?:[-–•\uf0b7*▪◦][ \t]*)?((?:resultat|fokus|effekt|del|indsats|succes|hoved|lokal|lokalt|politisk|måle|service|kvalitets|drifts|styrings|udviklings|velfærds)?(?:mål|målsætning|succeskriterie))(?:[ \t]+\d{1,2})?[ \t]*:[ \t]*(?=\S)/iu,
);

/** Ordinal words in follow-up prose. */
export const ORDINALS: Readonly<Record<string, number>> = {
  første: 1, '1.': 1, andet: 2, anden: 2, '2.': 2, tredje: 3, '3.': 3, fjerde: 4, '4.': 4, femte: 5, '5.': 5, sjette: 6, syvende: 7,
};

interface Item {
  kind: string;
  ordinal: number;
  id: string;
  pieces: { page: number; start: number; end: number }[];
  results: Span[];
  /** Result lines labelled as the country's figure ("Landstal:"). */
  national: { page: number; start: number; end: number }[];
  verdict: Span | null;
}

export function extractKindLists(segments: readonly Segment[]): Goal[] {
  const goals: Goal[] = [];
  const used = new Map<string, number>();
  for (const seg of segments) {
    const legend = readVerdictLegend(seg.run.pages);
    const items: Item[] = [];
    let lastItemLine = -1;
    let current: Item | null = null;
    seg.lines.forEach((line, index) => {
      const m = KIND_LABEL.exec(line.text);
      if (m && m[1]) {
        const kind = kindSlug(m[1]);
        const ordinal = items.filter((i) => i.kind === kind).length + 1;
        const lead = line.text.length - line.text.replace(/^[ \t]*(?:[-–•\uf0b7*▪◦][ \t]*)?/u, '').length;
        current = { kind, ordinal, id: '', pieces: [{ page: line.page, start: line.start + lead, end: line.end }], results: [], national: [], verdict: null };
        items.push(current);
        lastItemLine = index;
      } else if (current && index === lastItemLine + 1 && (/^\s*\p{Ll}/u.test(line.text) || GOAL_VERDICT_LINE.test(line.text) || resultLineAfter(seg.lines[index - 1]?.text ?? '', line.text))) {
        // The item's paragraph goes on: a wrapped line, or its verdict on a line of its own ("Målet er nået.").
        current.pieces.push({ page: line.page, start: line.start, end: line.end });
        lastItemLine = index;
      } else if (current && index === lastItemLine + 1 && (RESULT_LABEL.test(line.text) || VERDICT_LABEL.test(line.text) || NATIONAL_LABEL.test(line.text))) {
        // "Status: Opfyldt med 83,5 %." under an item reports on that item; "Landstal: 81 %" too, as the national figure.
        const label = (RESULT_LABEL.exec(line.text) ?? VERDICT_LABEL.exec(line.text) ?? NATIONAL_LABEL.exec(line.text))?.[0] ?? '';
        const start = (seg.lineStarts[index] ?? 0) + label.length;
        const span: Span = { run: seg.run, start, end: (seg.lineStarts[index] ?? 0) + line.text.length };
        current.results.push(span);
        if (NATIONAL_LABEL.test(line.text)) current.national.push({ page: line.page, start: line.start + label.length, end: line.end });
        // Its verdict in words, or by the document's key opening the sentence ("Status: A. Normeringen var …").
        const verdictText = line.text.slice(label.length);
        if ((findStatus(verdictText) || legendStatus(legend, verdictText)) && !current.verdict) current.verdict = span;
        lastItemLine = index;
      } else {
        current = null;
      }
    });
    if (items.length === 0) continue;
    const afterOffset = seg.lineStarts[lastItemLine + 1] ?? seg.run.text.length;
    followUps(seg.run, afterOffset, items);
    for (const item of items) {
      const count = (used.get(item.kind) ?? 0) + 1;
      used.set(item.kind, count);
      item.id = `${item.kind}-${count}`;
      const goalRun = new TextRun(seg.run.pages, item.pieces);
      // "Mål 2: <statement>. <results>. Målet er nået.": one paragraph holds the goal, what came of it and the verdict.
      const parts = paragraphParts(goalRun, item);
      // The label ("Fokusmål 2:") is part of the goal's text, not of its target; a plain "Mål 2:" is its number.
      const targetText = cleanText(goalRun.text.slice(parts.goal.start, parts.goal.end)).replace(/^[^:]{0,40}:\s*/u, '');
      const goal = buildGoal({ id: parts.id ?? item.id, goal: parts.goal, targetText, result: [...parts.results, ...item.results], verdict: item.verdict ?? parts.verdict, verdictFromResult: false, legend });
      // A labelled line without a target is no goal, unless its paragraph reports on it as one.
      if (goal.target?.comparator === null && goal.target.value === null && parts.results.length === 0 && !parts.verdict) continue;
      markNational(goal, item.national);
      goal.agendaItem = seg.agendaItem;
      goals.push(goal);
    }
  }
  return goals;
}

/** A verdict on the goal as a sentence of its own: "Målet er nået.", "Delmålet er ikke opfyldt." */
const GOAL_VERDICT_LINE = danish(/^\s*(?:det\s+)?(?:\p{L}*mål(?:et|sætningen)|dette\s+\p{L}*mål)\s+(?:er|blev|anses\s+for|vurderes)\b/iu);

/**
 * A sentence of results going on in the item's paragraph: "Andelen er 64,0 % og er steget …"
 * after a sentence that ended the line before; a figure, no tab (a table row) and no new label.
 */
function resultLineAfter(previous: string, line: string): boolean {
  // A line that names a goal ("Resultatmålet viser …", "Det andet fokusmål …") reports on the goal it names.
  if (NAMES_A_GOAL.test(line)) return false;
  return /[.!?]\s*$/u.test(previous) && /^\s*\p{Lu}/u.test(line) && /\d/u.test(line) && !line.includes('\t') && !KIND_LABEL.test(line)
    ? RESULT_VERB.test(line) || findStatus(line) !== null
    : false;
}

/** A line opening with a goal's name: "Resultatmålet viser", "Det første fokusmål", "Dette delmål". */
const NAMES_A_GOAL = danish(/^\s*(?:(?:det|dette|den)\s+(?:\p{L}+\s+)?)?\p{L}*mål(?:et|ene)?\b/iu);

/** Verbs of a reported result: "er 64,0 %", "var 57,3 %", "er steget", "faldt", "påbegyndte". */
const RESULT_VERB = danish(/\b(?:er|var|blev|udgjorde|udgør|lå|ligger|steg|faldt|har\s+været|påbegyndte|gennemførte|fik|kom)\b/iu);

/** "Mål 2:" (a plain goal word and its number) gives the goal its number as id. */
const NUMBERED_PLAIN_LABEL = danish(/^\s*(?:[-–•\uf0b7*▪◦]\s*)?mål\s+(\d{1,2})\s*:\s*/iu);

/**
 * An item's paragraph cut into the goal statement (the sentences up to the first that states
 * a goal), result sentences after it and a verdict sentence; a plain "Mål 2:" label is the id
 * and no part of the statement. One sentence: the whole item is the goal, as before.
 */
function paragraphParts(run: TextRun, item: Item): { id: string | null; goal: Span; results: Span[]; verdict: Span | null } {
  const label = NUMBERED_PLAIN_LABEL.exec(run.text);
  const from = label ? label[0].length : 0;
  const whole: Span = { run, start: from, end: run.text.length };
  const all = sentences(run.text.slice(from)).map((x) => ({ ...x, start: x.start + from, end: x.end + from }));
  const stated = all.findIndex((x) => readsAsStatement(x.text));
  const id = label?.[1] ?? null;
  if (stated < 0 || stated === all.length - 1) return { id, goal: whole, results: [], verdict: null };
  const goal: Span = { run, start: from, end: (all[stated] as { end: number }).end };
  const results: Span[] = [];
  let verdict: Span | null = null;
  // The verdict is the sentence holding the strongest verdict words of the follow-up ("Overholdt ved 41
  // af 43 udkald. Målet er ikke indfriet." is not met), as the vocabulary ranks them.
  const rest = all.slice(stated + 1);
  const restStart = rest[0]?.start ?? run.text.length;
  const strongest = item.verdict ? null : findStatus(run.text.slice(restStart));
  for (const x of rest) {
    const span: Span = { run, start: x.start, end: x.end };
    const holds = strongest !== null && x.start <= restStart + strongest.start && restStart + strongest.start < x.end;
    if (!verdict && holds) verdict = span;
    else results.push(span);
  }
  return { id, goal, results, verdict };
}

function kindSlug(label: string): string {
  const lower = label.toLowerCase();
  const prefix = lower.replace(/(?:mål|målsætning|succeskriterie)$/u, '');
  return prefix === '' ? 'maal' : prefix.replace(/[æ]/gu, 'ae').replace(/[ø]/gu, 'oe').replace(/[å]/gu, 'aa');
}

/** Reads the prose after the list: sentences naming a kind (and ordinal) report on that goal. */
function followUps(run: TextRun, from: number, items: Item[]): void {
  const kinds = [...new Set(items.map((i) => i.kind))];
  const text = run.text.slice(from);
  let current: Item | null = null;
  for (const s of sentences(text)) {
    const lower = s.text.toLowerCase();
    if (HYPOTHETICAL_SENTENCE.test(lower)) {
      current = null;
      continue;
    }
    const mention = mentionOf(lower, kinds, items);
    if (mention === 'none') {
      current = null;
      continue;
    }
    if (mention !== 'same') current = mention;
    if (!current) continue;
    const span: Span = { run, start: from + s.start, end: from + s.end };
    const verdict = findStatus(s.text);
    if (verdict && !current.verdict) current.verdict = span;
    else current.results.push(span);
  }
}

const mentionPatterns = new Map<string, RegExp>();

/** "dette mål", "andet delmål", "effektmålene": a goal word with what may stand before it (one compiled pattern per word). */
function mentionPattern(word: string): RegExp {
  let re = mentionPatterns.get(word);
  if (!re) mentionPatterns.set(word, (re = danish(new RegExp(String.raw`\b(?:(dette|det|den)\s+)?(?:(\S+)\s+)?${word}(et|ene)?\b`, 'iu'))));
  return re;
}

/** Which listed goal a sentence speaks of: an item, 'same' (this one), or 'none'. */
function mentionOf(lower: string, kinds: readonly string[], items: readonly Item[]): Item | 'same' | 'none' | null {
  for (const kind of kinds) {
    const word = kind === 'maal' ? 'mål' : `${kind.replace(/ae/gu, 'æ').replace(/oe/gu, 'ø').replace(/aa/gu, 'å')}mål`;
    const re = mentionPattern(word);
    const m = re.exec(lower);
    if (!m) continue;
    if (m[3] === 'ene') return null;
    const ordinal = m[2] ? ORDINALS[m[2]] : undefined;
    const ofKind = items.filter((i) => i.kind === kind);
    if (ordinal !== undefined) return ofKind.find((i) => i.ordinal === ordinal) ?? null;
    if (m[1] === 'dette' || m[3] === 'et') return ofKind.length === 1 ? (ofKind[0] ?? null) : 'same';
    return ofKind.length === 1 ? (ofKind[0] ?? null) : 'same';
  }
  return 'none';
}
