// Goals stated in running prose: "Målet var, at mindst 60 procent …; resultatet blev
// 54,3 procent, og målet er dermed ikke indfriet", expected effects ("forventes … at
// blive reduceret med 135 sager"), allotted amounts ("skal … bidrage med 0,8 mio. kr.")
// and goals named together ("Målene om færre helårspersoner … og besparelsen på 15,4 mio. kr.").
import type { Goal } from '../../schema/contract.js';
import { danish } from '../common/danish-regex.js';
import { buildGoal, type Span } from './goal-build.js';
import { meaningfulMeasures } from './goal-measures.js';
import { NATIONAL_SCOPE } from './goal-actuals.js';
import type { Segment } from './goal-segments.js';
import { FOLLOW_NATIONAL, parseTarget } from './goal-target.js';
import { sentences, type Sentence } from './goal-text.js';
import { findStatus, findVerdict, HYPOTHETICAL_SENTENCE, isVerdictClause } from './status-vocabulary.js';
import { blockLabelOf, type LabelRole } from './goal-labels.js';

/** Sentences that state a goal with a figure. */
export const PROSE_GOAL_CUES: readonly RegExp[] = [
  danish(/\b(?:mål(?:et|sætningen)|ambitionen|hensigten)\s+(?:var|er|lyder)\s*,?\s+at\b/iu),
  danish(/\b(?:var|er)\s+(?:mål(?:et|sætningen)|ambitionen|hensigten)\s*,?\s+at\b/iu),
  danish(/\bmål(?:et)?\s+om\s*,?\s+at\b/iu),
  danish(/\b(?:skal|skulle|forventes|ventes)\b[\s\S]{0,160}?\b(?:reduceret|reduceres|reducere|nedbragt|nedbringes|nedbringe|øget|øges|øge|forbedret|forbedres|forbedre)(?:\s+[\p{L}-]+){0,6}?\s+med\s+\d/iu),
  danish(/\bskal\b(?:\s+[\p{L}-]+){0,4}\s+bidrage\s+med\s+\d/iu),
  danish(/\b(?:skal|skulle)\b[\s\S]{0,60}?\b(?:føre\s+til|give|sikre|realisere|realiseres|opnå|opnås|indebære|hente|hentes|indhente|indhentes|finde|findes)\s+en\s+(?:\p{L}*besparelse|\p{L}*reduktion|nedgang|\p{L}*gevinst|mindreudgift)\s+på\s+(?:mindst\s+|minimum\s+|ca\.\s+|omkring\s+)?\d/iu),
  // A bound and a modal, in the present or past tense: "Højst 18 % af de ledige måtte være …",
  // "Mindst 60 unge skulle starte …", "… skulle være mindst 4,2 på en skala …".
  danish(/^(?:[\p{L}-]+\s+)?(?:mindst|minimum|højst|maksimalt|mere\s+end|færre\s+end)\s+\d[\d.,]*[\s\S]{0,160}?\b(?:skal|skulle|må|måtte|bør)\b/iu),
  danish(/\b(?:skal|skulle|må|måtte|bør)\s+(?:[\p{L}-]+\s+){0,2}?(?:være|ligge|udgøre)\s+(?:på\s+)?(?:mindst|minimum|højst|maksimalt)\s+\d/iu),
  // The bound before the verb: "… må højst være 10 %", "… skal i gennemsnit højst være ledige i 20 uger".
  danish(/\b(?:skal|skulle|må|måtte|bør)\s+(?:[\p{L}-]+\s+){0,2}?(?:mindst|minimum|højst|maksimalt)\s+(?:være|ligge|udgøre)\b[^.;]{0,60}?\d/iu),
  danish(/\b(?:budgetteret|budgetlagt|forudsat|indregnet)\s+(?:med\s+)?en\s+(?:besparelse|mindreudgift|gevinst)\s+på\s+\d/iu),
  // A duty with a floor or ceiling in the same clause: "Kontrollen skal i 2026 hjemtage mindst 2,0 mio. kr."
  danish(/\b(?:skal|skulle)\s+(?:i\s+(?:19|20)\d\d\s+)?(?:\p{Ll}+\s+){1,2}(?:mindst|minimum|højst|maksimalt)\s+\d/iu),
];
/** A numbered paragraph's marker opening the sentence: "1)", "2.", "b)", "(c)", "1.Der" (no space after the full stop). */
const PARAGRAPH_MARKER = /^\(?(\d{1,2}|[a-zæøå])[.)][ \t]*(?=\p{Lu})/u;
/** A modal sentence asking to follow the national figure is a goal without a figure of its own. */
const MODAL = danish(/\b(?:skal|skulle|bør|tilstræbes)\b/iu);
/** "Målene om A og B": several goals named in one sentence. */
const NAMED_GOALS = danish(/\bmål(?:ene|et)\s+om\s+(?!,|at\b)/iu);
/** Labelled fields after a prose goal that report on it. */
const FIELD_ROLES: ReadonlySet<LabelRole> = new Set<LabelRole>(['result', 'national', 'area', 'verdict']);
/** Where a result is reported. */
export const RESULT_CUE = danish(/\b(?:resultatet(?:\s+for\s+(?:\S+\s+){0,2}?\S+)?\s+(?:blev|er|var|viser)|(?:er|blev)\s+opgjort\s+til|opgørelse(?:n)?(?:\s+\S+){0,6}?\s+viser|status\s+(?:er|var|viser)|(?:den\s+)?(?:foreløbige\s+)?status\s+for\s+.{0,30}\s+viser|blev\s+resultatet|landede\s+på|endte\s+på|nåede\s+op\s+på)\b/iu);
/** A sentence opening with an interim status: "Pr. 30. april er …", "Hidtil i år er der …", "Indtil nu har …". */
const INTERIM_RESULT_START = danish(/^(?:pr\.\s+\d{1,2}\.\s+\p{L}+(?:\s+(?:19|20)\d\d)?|hidtil\s+i\s+år|indtil\s+(?:nu|videre)|foreløbig)\s*,?\s+(?:er|var|har|viser)\b/iu);
/** Amounts that are totals across units ("på i alt 12,0 mio. kr."), not one body's goal. */
const AGGREGATE_BEFORE = danish(/\bi\s+alt\s+$/iu);
/** Words that tie a result sentence to a money goal. */
const MONEY_TOPIC = danish(/\b(?:besparelse\p{L}*|forbrug\p{L}*|udgift\p{L}*|økonomi\p{L}*|kr\.|budget\p{L}*)/iu);

export function extractProseGoals(segments: readonly Segment[]): Goal[] {
  const goals: Goal[] = [];
  const usedIds = new Set<string>();
  for (const seg of segments) {
    const sents = sentences(seg.run.text);
    sents.forEach((s, i) => {
      if (HYPOTHETICAL_SENTENCE.test(s.text.toLowerCase())) return;
      const named = NAMED_GOALS.exec(s.text);
      if (named) {
        goals.push(...namedGoals(seg, sents, i, named.index + named[0].length));
        return;
      }
      const followsNational = FOLLOW_NATIONAL.test(s.text) && MODAL.test(s.text);
      // A cue anchored at the sentence's start reads it after its paragraph marker ("1) Mindst 59 % …").
      const bare = s.text.replace(PARAGRAPH_MARKER, '');
      if (!followsNational && !PROSE_GOAL_CUES.some((cue) => cue.test(bare))) return;
      const figures = meaningfulMeasures(s.text).filter((m) => !AGGREGATE_BEFORE.test(s.text.slice(Math.max(0, m.start - 8), m.start)));
      if (figures.length === 0 && !followsNational) return;
      const goal = proseGoal(seg, sents, i);
      // A second list numbered from 1 again keeps its goals, not the ids.
      if (goal.id !== '' && usedIds.has(goal.id)) goal.id = '';
      if (goal.id !== '') usedIds.add(goal.id);
      goal.agendaItem = seg.agendaItem;
      goals.push(goal);
    });
  }
  return goals;
}

/** One goal sentence; its result and verdict in the rest of the sentence or the next two. */
function proseGoal(seg: Segment, sents: readonly Sentence[], i: number): Goal {
  const s = sents[i] as Sentence;
  const inner = RESULT_CUE.exec(s.text);
  const goalEnd = inner ? s.start + cutBefore(s.text, inner.index) : s.end;
  // "2) Andelen … må højst være 21 %.": the paragraph's marker is the goal's id, not its words.
  const marker = PARAGRAPH_MARKER.exec(s.text);
  const goal: Span = { run: seg.run, start: s.start + (marker?.[0].length ?? 0), end: goalEnd };
  const results: Span[] = [];
  let verdict: Span | null = null;
  // A sentence dated as a status ("Pr. 30. april er …") is the document's status statement.
  let statusSentence = false;
  if (inner) results.push({ run: seg.run, start: s.start + inner.index, end: s.end });
  else {
    // "Målet om, at …, kan ikke opgøres …": the verdict is the clause that states it. When the
    // sentence only says what the goal is ("Målet er, at … er i gang med en uddannelse"), its
    // words describe the goal, and only a clause naming the goal again is a verdict.
    const own = findStatus(s.text);
    if (own && isVerdictClause(s.text, own.start)) {
      const clauseStart = Math.max(s.text.lastIndexOf(', ', own.start) + 2, s.text.lastIndexOf('; ', own.start) + 2, 0);
      verdict = { run: seg.run, start: s.start + clauseStart, end: s.end };
    }
  }
  // Sentences with figures between the goal and its verdict report the result ("Ved årets udgang var der 46 …").
  const between: Span[] = [];
  // A numbered paragraph reports on its goal until the next marker: its verdict may come after
  // several sentences of figures ("… 52,1 % … 57,4 %. Landsgennemsnittet er 54,9 %. Målet er nået.").
  const inParagraph = marker !== null || (sents[i - 1] !== undefined && markedTitle(sents[i - 1] as Sentence) !== null);
  let windowEnd = i + (inParagraph ? PARAGRAPH_WINDOW : SENTENCE_WINDOW);
  const judgedInSentence = verdict !== null;
  for (let n = i + 1; !judgedInSentence && n < Math.min(sents.length, windowEnd); n++) {
    const t = sents[n] as Sentence;
    if (PROSE_GOAL_CUES.some((cue) => cue.test(t.text)) || (FOLLOW_NATIONAL.test(t.text) && MODAL.test(t.text))) break;
    if (inParagraph && PARAGRAPH_MARKER.test(t.text)) break;
    // Labelled fields run on after the goal ("… inden for 3 måneder. Resultat: 46,8 %. Status: Ikke
    // opfyldt."); a label read as a sentence of its own ("Status:") has its value in the next one.
    const field = blockLabelOf(t.text);
    if (field && FIELD_ROLES.has(field.role)) {
      const own = t.text.slice(field.length).trim() !== '';
      const value = own ? t : sents[n + 1];
      if (!value) break;
      if (!own) {
        n++;
        windowEnd++;
      }
      const span: Span = own ? { run: seg.run, start: t.start + field.length, end: t.end } : { run: seg.run, start: value.start, end: value.end };
      const words = own ? t.text.slice(field.length).trim() : value.text;
      if (field.role === 'verdict' || (field.ambiguousStatus && findVerdict(words))) verdict ??= span;
      else results.push(span);
      continue;
    }
    if (RESULT_CUE.test(t.text)) results.push({ run: seg.run, start: t.start, end: t.end });
    else if (INTERIM_RESULT_START.test(t.text.trim())) {
      results.push({ run: seg.run, start: t.start, end: t.end });
      statusSentence = true;
    }
    // The country's figure for the same period, right after a result: "På landsplan var andelen 44,6 %."
    else if (results.length > 0 && NATIONAL_SCOPE.test(t.text) && meaningfulMeasures(t.text).length > 0) results.push({ run: seg.run, start: t.start, end: t.end });
    else if (/mål/iu.test(t.text) && findStatus(t.text) && !verdict) verdict = { run: seg.run, start: t.start, end: t.end };
    else if (!verdict && meaningfulMeasures(t.text).length > 0) between.push({ run: seg.run, start: t.start, end: t.end });
  }
  if (results.length === 0 && verdict) results.push(...between);
  // A verdict sentence that also gives the figure ("Med 27,1 % er målet ikke helt nået.") is the result too.
  if (results.length === 0 && verdict) results.push(verdict);
  if (results.length === 0) {
    const change = laterChange(seg, sents, i);
    if (change) results.push(change);
  } else if (verdict && !results.includes(verdict)) {
    // "Målet er ikke indfriet, da antallet kun er faldet med 12": the change is the result of a reduce goal.
    const change = changeIn(seg, verdict, parseTarget(s.text));
    if (change) results.push(change);
  }
  // "1. Hurtigt i job. Mindst 55 % …": the marker of the title sentence before is the goal's id.
  const titled = marker ? null : markedTitle(sents[i - 1]);
  return buildGoal({ id: marker?.[1] ?? titled ?? '', goal, result: results, verdict, verdictFromResult: true, resultAsStatusText: statusSentence });
}

/** Sentences read after a goal sentence for its result and verdict; more inside a numbered paragraph. */
const SENTENCE_WINDOW = 3;
const PARAGRAPH_WINDOW = 7;
/** Words in a short title sentence after a paragraph marker ("1. Hurtigt i job."). */
const MAX_TITLE_WORDS = 8;

/** The marker of a short title sentence opening a numbered paragraph ("2. Færre på sygedagpenge."), else null. */
function markedTitle(sentence: Sentence | undefined): string | null {
  if (!sentence) return null;
  const m = PARAGRAPH_MARKER.exec(sentence.text);
  if (!m?.[1]) return null;
  const title = sentence.text.slice(m[0].length).trim();
  // A title ends with its full stop; a heading without one ("12. Økonomisk status") numbers an agenda item.
  return title.split(/\s+/u).length <= MAX_TITLE_WORDS && /\.$/u.test(title) && !/\d/u.test(title) && !MODAL.test(title) ? m[1] : null;
}

/** The net change a verdict sentence reports for a reduce or increase goal ("kun er faldet med 12"). */
function changeIn(seg: Segment, verdict: Span, target: ReturnType<typeof parseTarget>): Span | null {
  if (target.comparator !== 'reduce' && target.comparator !== 'increase') return null;
  const text = seg.run.text.slice(verdict.start, verdict.end);
  for (const cue of text.matchAll(CHANGE_CUE)) {
    const after = text.slice(cue.index + cue[0].length);
    const figure = meaningfulMeasures(after).find((m) => m.start <= 12);
    if (!figure) continue;
    // The figure alone, so it is read in the goal's unit ("faldet med 12" counts what the goal counts).
    const start = verdict.start + cue.index + cue[0].length;
    return { run: seg.run, start: start + figure.start, end: start + figure.end };
  }
  return null;
}

/** Words that report a net change: the result of a "reduceres med N" goal. */
export const CHANGE_CUE = danish(/\b(?:netto|faldet\s+med|reduceret\s+med|nedbragt\s+med|steget\s+med|øget\s+med|forbedret\s+med)\b/giu);

/**
 * For a reduce/increase goal stated as an expectation, the first later clause in the
 * item that reports a net change in the goal's unit ("netto er afsluttet 25 sager").
 */
function laterChange(seg: Segment, sents: readonly Sentence[], i: number): Span | null {
  const s = sents[i] as Sentence;
  const target = parseTarget(s.text);
  if (target.comparator !== 'reduce' && target.comparator !== 'increase') return null;
  for (const t of sents.slice(i + 1)) {
    for (const cue of t.text.matchAll(CHANGE_CUE)) {
      const after = t.text.slice(cue.index + cue[0].length);
      const figure = meaningfulMeasures(after).find((m) => m.unit === target.unit || (target.unit === 'count' && m.unit === 'persons'));
      if (!figure || after.slice(0, figure.start).trim().split(/\s+/u).length > 3) continue;
      const noun = /^\s*[\p{L}-]+/u.exec(after.slice(figure.end))?.[0] ?? '';
      return { run: seg.run, start: t.start + cue.index, end: t.start + cue.index + cue[0].length + figure.end + noun.length };
    }
  }
  return null;
}

/** The goal part of a sentence ends before "; resultatet blev …" or ", og resultatet …". */
function cutBefore(text: string, index: number): number {
  const head = text.slice(0, index);
  const trimmed = head.replace(/[\s,;]*(?:og\s+)?$/u, '');
  return trimmed.length;
}

/** "Målene om A og B": one goal per part with a direction or figure, all sharing the sentence. */
function namedGoals(seg: Segment, sents: readonly Sentence[], i: number, listStart: number): Goal[] {
  const s = sents[i] as Sentence;
  const list = s.text.slice(listStart).replace(/[.]\s*$/u, '');
  const parts = list.split(/,\s+|\s+og\s+/u).filter((p) => p.trim() !== '');
  const out: Goal[] = [];
  for (const part of parts) {
    const target = parseTarget(part);
    if (target.value === null && target.comparator === null) continue;
    const money = target.unit === 'dkk';
    const noun = /\b(?:færre|flere|antal(?:let)?\s+(?:af\s+)?)\s*([\p{L}]{4,})/iu.exec(part)?.[1]?.toLowerCase();
    const topic = (t: string): boolean => (money ? MONEY_TOPIC.test(t) : noun !== undefined && t.toLowerCase().includes(noun));
    const results: Span[] = [];
    let verdict: Span | null = null;
    for (const t of sents.slice(i + 1)) {
      if (!topic(t.text)) continue;
      const found = findStatus(t.text);
      if (found && !verdict && !HYPOTHETICAL_SENTENCE.test(t.text.toLowerCase())) {
        verdict = { run: seg.run, start: t.start, end: t.end };
        break;
      }
      const figures = meaningfulMeasures(t.text).filter((m) => (money ? m.unit === 'dkk' : m.unit === 'persons' || m.unit === 'count'));
      if (figures.length > 0 && /\b(?:viser|var|blev|er\s+nu|udgjorde|status)\b/iu.test(t.text) && results.length === 0) {
        results.push({ run: seg.run, start: t.start, end: t.end });
        break;
      }
    }
    const goal = buildGoal(
      { id: '', goal: { run: seg.run, start: s.start, end: s.end }, targetText: part, result: results, verdict, verdictFromResult: false, resultAsStatusText: true });
    goal.agendaItem = seg.agendaItem;
    out.push(goal);
  }
  return out.length >= 1 ? out : [];
}
