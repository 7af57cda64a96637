// What a figure in running text measures: a few words from its sentence
// ("aktiveringsgraden blandt borgere fra Ukraine", "de ledige med et jobmål …"),
// the row label of a table cell, the goal cell beside a result in a table row, or
// the running topic (the figure it parallels, or a measure named without a figure).
import type { Scope } from '../../schema/contract.js';
import { findQuantities } from '../../text/numbers.js';
import {
  amountOfReferent,
  amountPhrase,
  changePhrase,
  invertedAmountPhrase,
  nationalReference,
  unlistedLine,
  withBackReference,
  withExpectation,
  whereOrWhen,
  withFronted,
  withReportedMeasure,
  withRestatedClause,
  withSubject,
  withoutMunicipality,
} from './context-builders.js';
import { CHANGE_NOUNS, SUBJECT_END_VERBS, indefiniteAdjectives, isMeasureNoun } from './context-vocabulary.js';
import {
  MAX_CONTEXT_WORDS,
  MAX_POST_WORDS,
  MEASURE_NOUN,
  REFERS_BACK,
  clip,
  contentWords,
  isContainedIn,
  isGeneric,
  isMeasureWord,
  isScopeWord,
  isWeak,
  nounPhraseBefore,
  phraseBeforeWeak,
  presentTense,
  sameWords,
  sentenceHead,
  strong,
  trimEdges,
  words,
} from './context-words.js';
import { appliedForPhrase, setAsidePhrase, withFrontedDuration } from './context-purpose.js';
import { comparedPhrase, coveredSharePhrase, datedParticiplePhrase, proposedPhrase, relativeAntecedent, subjectSharePhrase } from './context-clause-forms.js';
import { clauseAround, sentenceAround, type Span } from '../common/sentences.js';
import { rowLabel } from '../common/table-cells.js';

export interface ContextOptions {
  /** What the figure before measured, or the subject of a figureless sentence since (the running topic). */
  readonly topic?: string | undefined;
  /** The wordiest other cell of the figure's table row: the goal beside a result. */
  readonly rowSubject?: string | undefined;
  /** The figure's scope: a national figure's context names its national reference. */
  readonly scope?: Scope | undefined;
  /** Amounts also take their sentence's subject ("Forsikrede ledige … et mindreforbrug på …"). */
  readonly kind?: 'percent' | 'money';
}

// ---------------------------------------------------------------------------
// Context phrase

/**
 * A few words naming what a figure measures: the noun phrase before it ("aktiveringsgraden
 * blandt borgere fra Ukraine været 73,9 %"), the "af …" group after it ("67,7 % af de ledige …"),
 * else the nearest words of its clause; in a table row whose own words name nothing, the goal
 * beside it; a figure that refers back takes the running topic.
 */
export function contextOf(text: string, span: Span, neighbours: readonly Span[], options: ContextOptions = {}): string {
  const rowContext = options.rowSubject ? cellContext(options.rowSubject) : '';
  const topic = rowContext || options.topic;
  const own = ownContext(text, span, neighbours, topic, options.kind ?? 'percent');
  let context = own.replace(CHANGE_MARK, '');
  // "58,2 % i job", "Ledigheden var 2,3 %", "Hele landet: 33,0 %": the row's goal names the measure.
  if (rowContext && !own.startsWith(CHANGE_MARK) && contentWords(context) <= 2 && contentWords(rowContext) > contentWords(context)) context = rowContext;
  // "Sygefraværet var 6,7 %" after "Sygefraværet blandt borgere i fleksjob skal være under 8 %": the topic is more specific.
  else if (topic && context !== topic && isContainedIn(context, topic)) context = withGapTo(topic, text, span);
  let ws = presentTense(words(context));
  if (options.scope === 'national') {
    const reference = nationalReference(ws, text, span);
    if (reference.length > 0) ws = [...trimEdges(withoutMunicipality(ws).slice(0, MAX_CONTEXT_WORDS - reference.length)), ...reference];
  }
  return clip(ws, 'start');
}

/** Words that make a figure a restatement of the figure before it. */
const RESTATES = /^\s*(?:svarende|svarer|hvilket\s+svarer|det\s+svarer)\s+til\s*$/iu;

/** "… ligger 5,8 procentpoint under landsgennemsnittet": the figure is a gap, and what it is measured against says so. */
const GAP_AFTER = /^\s*(?:procentpoint\s+|point\s+)?((?:under|over|højere\s+end|lavere\s+end)\s+(?:det\s+)?(?:landsgennemsnittet|landstallet|landsniveauet|hele\s+landet))/iu;

function withGapTo(topic: string, text: string, span: Span): string {
  const gap = GAP_AFTER.exec(text.slice(span.end, span.end + 60))?.[1];
  if (!gap) return topic;
  const gapWords = words(gap);
  return [...words(topic).slice(0, MAX_CONTEXT_WORDS - gapWords.length), ...gapWords].join(' ');
}

/** The measure of a context, without a built change noun ("fald i andel af ledige" → "andel af ledige"): the topic for the next figure. */
export function measureOf(context: string): string {
  const m = /^(\p{L}+) i (.+)$/u.exec(context);
  return m && Object.values(CHANGE_NOUNS).includes(m[1] ?? '') ? (m[2] ?? context) : context;
}

/** "siden marts 2024" right after a change: the month it is measured from. */
function changeSince(post: string): string[] {
  const m = /^\s*siden\s+(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\s+\d{4}(?!\d)/iu.exec(post);
  return m ? words(m[0]) : [];
}

/** Marks a built change phrase ("fald i andel …") so the row's goal does not replace it. */
const CHANGE_MARK = '\u0000';

function ownContext(text: string, span: Span, neighbours: readonly Span[], topic: string | undefined, kind: 'percent' | 'money'): string {
  const label = rowLabel(text, span);
  if (label !== null) {
    // A bare cell ("\t78,1 %\t") names nothing itself: its row label does.
    const sentence = sentenceAround(text, span);
    const rest = text.slice(sentence.start, span.start) + text.slice(span.end, sentence.end);
    if (!/\p{L}/u.test(rest)) return clip(words(label), 'start');
  }
  const phrase = contextInSentence(text, span, neighbours, topic, kind);
  if (phrase !== '') return phrase;
  return clip(words(label ?? ''), 'start');
}

function contextInSentence(text: string, span: Span, neighbours: readonly Span[], topic: string | undefined, kind: 'percent' | 'money'): string {
  const sentence = sentenceAround(text, span);
  const clause = clauseAround(text, span, sentence, neighbours);
  const pre = indefiniteAdjectives(clause.pre);
  const post = indefiniteAdjectives(clause.post);
  const postWords = trimEdges(presentTense([...words(comparativeAsPreposition(post)), ...relativeAfterGroup(text, span, sentence)].filter((w) => !/^[()%.]+$/u.test(w))).slice(0, MAX_POST_WORDS));
  const sentencePre = indefiniteAdjectives(unlistedLine(text.slice(sentence.start, span.start)).replace(/\s+/gu, ' '));
  const change = changePhrase(pre, sentencePre, topic);
  // "faldet med 0,3 procentpoint siden marts 2024": a change since a dated month says over which period.
  if (change) return `${CHANGE_MARK}${clip([...words(change), ...(isWeak(postWords) ? changeSince(post) : postWords)], 'start')}`;
  // "en medfinansiering på 25 %, svarende til 105.000 kr.": the figure restates the one before it.
  if (kind === 'money' && RESTATES.test(clause.pre)) {
    const previous = neighbours.filter((n) => n.end <= span.start && n.start >= sentence.start).at(-1);
    if (previous) {
      const others = [...neighbours.filter((n) => n !== previous), span];
      const restated = contextInSentence(text, previous, others, topic, 'percent');
      if (restated !== '') return restated;
    }
  }
  // "Pr. 31. oktober er der forbrugt 83,3 pct. af budgettet", "Puljen dækker 80 procent af …": the clause implies the noun.
  const opensSentence = words(pre).length >= words(sentencePre).length;
  const implied = opensSentence
    ? (datedParticiplePhrase(sentencePre, post) ?? (kind === 'percent' ? (subjectSharePhrase(sentencePre, post) ?? coveredSharePhrase(sentencePre, post)) : comparedPhrase(sentencePre, post)))
    : null;
  if (implied) return implied;
  if (kind === 'money') {
    const proposed = proposedPhrase(sentencePre, post) ?? relativeAntecedent(sentencePre, pre);
    if (proposed) return proposed;
    // "søger om 640.000 kr.", "har afsat kr. 1,5 mio. til …": the amount is named by its purpose.
    const purpose = appliedForPhrase(text, sentence, sentencePre, post) ?? setAsidePhrase(text, sentence, sentencePre, post);
    if (purpose) return purpose;
    const referred = amountOfReferent(text, sentence, sentencePre, post);
    if (referred) return referred;
    const amount = amountPhrase(pre, postWords) ?? invertedAmountPhrase(pre, post);
    if (amount) return amount;
  }
  const phrase = nounPhraseBefore(pre);
  // "På landsplan er dette tal 63 %", "kommunens andel blev 48,0 %": the figure measures the running topic.
  if (topic && (REFERS_BACK.test(phrase.join(' ')) || (phrase.length > 0 && isGeneric(phrase)))) return topic;
  const own = phraseInClause(span, sentence, neighbours, sentencePre, pre, phrase, postWords, topic, post);
  if (own === '') return own;
  let context = own;
  // Only the sentence's first clause has its subject ("…, mens der ventes et merforbrug på" has none).
  const reported = kind === 'money' ? withReportedMeasure(context, text, sentence, sentencePre) : null;
  if (reported !== null) context = reported;
  else if (kind === 'money' && (words(pre).length >= words(sentencePre).length || BACK_REFERRING_SUBJECT.test(pre))) context = withSubject(context, sentencePre);
  context = withExpectation(context, pre, kind);
  if (kind === 'percent') context = withFronted(context, sentencePre);
  context = withFrontedDuration(context, sentencePre);
  context = withBackReference(context, text, sentence);
  return withRestatedClause(context, text, sentence, span, neighbours);
}

function phraseInClause(
  span: Span,
  sentence: Span,
  neighbours: readonly Span[],
  sentencePre: string,
  pre: string,
  phrase: string[],
  postWords: string[],
  topic: string | undefined,
  post: string,
): string {
  // "67,7 % af de ledige …", "50 % refusion": the measure is named right after the figure.
  // A weak or verb-like word before it ("må maksimalt udgøre 18 % af de unge") gives way to the subject.
  const firstInSentence = !neighbours.some((n) => n.start >= sentence.start && n.end <= span.start);
  const head = firstInSentence ? sentenceHead(sentencePre) : [];
  // "Ledigheden … faldt med 0,3 procentpoint og var ved årets udgang 3,4 pct.": a clause opening on its verb
  // names only when; the sentence's subject names what.
  if (!firstInSentence && /^\s*(?:var|er|blev|lå|ligger|endte|udgjorde)\s/iu.test(pre) && /^(?:ved|i|pr\.?|per|efter|inden)$/iu.test(phrase[0] ?? '')) {
    const subject = sentenceHead(sentencePre);
    if (subject.length >= 1 && /\s(?:og|men)\s+\S/iu.test(sentencePre)) return clip([...subject, ...phrase], 'start');
  }
  let before = strong(phrase);
  if (before.length === 0) {
    // "Ledigheden på Lolland faldt i andet kvartal til 4,1 %": the subject, with the when it names.
    before = strong(phraseBeforeWeak(pre, phrase));
    const when = trimEdges(phrase);
    if (before.length > 0 && when.length > 0 && !when.some((w) => isScopeWord(w))) before = [...before, ...phrase];
  }
  // A participle or adjective left alone ("opnåede") names nothing; a noun after an article ("en ansøgningspulje på") does.
  const afterArticle = before.length === 1 && new RegExp(`(?<![\\p{L}])(?:en|et)\\s+${(before[0] as string).replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')}(?![\\p{L}])`, 'iu').test(pre);
  const lone = before.length === 1 && !afterArticle && /^\p{Ll}[\p{L}]*(?:e|es|er|et|t)$/u.test(before[0] as string) && !isMeasureWord(before[0] as string);
  if (lone && head.length >= 2 && !sameWords(head, before)) before = head;
  else if (lone) {
    // "…, at de langtidsledige højst skulle udgøre 15 pct. af de ledige": the verb's subject names the measure.
    const subject = clauseSubject(pre);
    if (subject.length > 0 && SHARE_VERBS.includes((before[0] as string).toLowerCase()) && /^af$/iu.test(postWords[0] ?? '')) {
      return clip([...subject, 'andel', ...postWords], 'start');
    }
    if (subject.length > 0) before = [...subject, ...before];
  }
  if (/^af$/iu.test(postWords[0] ?? '') && postWords.length > 1) return clip([...before, ...postWords.slice(1)], 'start');
  if (postWords.length > 0 && MEASURE_NOUN.test(postWords[0] as string)) return clip(postWords, 'start');
  // The noun phrase before the figure ("aktiveringsgraden blandt borgere fra Ukraine"),
  // looking past a weak one ("… ligger over landsgennemsnittet med 47 %"), then the words after it.
  const after = isWeak(postWords) ? [] : postWords;
  // Only a named measure takes the place or time after it; a bare parallel figure keeps the topic.
  if (before.length > 0) return clip([...before, ...(after.length > 0 ? after : whereOrWhen(post))], 'start');
  if (head.length >= 2 || (head.length === 1 && after.length === 0 && !topic)) return clip([...head, ...after], 'start');
  if (after.length > 0) return clip(after, 'start');
  // "14,1 % i Norddjurs og 13,3 % på landsplan": a parallel figure measures the same thing.
  if (topic) return topic;
  if (postWords.length > 0) return clip(postWords, 'start');
  return clip(phrase.length > 0 ? phrase : words(pre), 'end');
}

/**
 * A relative clause that narrows the "af"-group after a figure ("70 procent af de unge under 25 år,
 * der modtager uddannelseshjælp, er …"): its words, else none. The clause's commas cut it off otherwise.
 */
function relativeAfterGroup(text: string, span: Span, sentence: Span): string[] {
  const m = /^\s*af\s+[^,.;:]+,\s*((?:der|som)\s+[^,.;:]+)(?=[,.;:]|$)/iu.exec(text.slice(span.end, sentence.end));
  return m ? words(m[1] ?? '') : [];
}

/** "må vare mere end 52 uger" → "må vare over 52 uger": the bound reads as the preposition a measure name uses. */
function comparativeAsPreposition(post: string): string {
  return post.replace(/(?<![\p{L}])mere\s+end(?=\s+\d)/giu, 'over').replace(/(?<![\p{L}])mindre\s+end(?=\s+\d)/giu, 'under');
}

/** A later clause whose subject points back to the sentence's ("…, og området ventes at give et mindreforbrug på"). */
const BACK_REFERRING_SUBJECT = /^\s*(?:(?:og|men)\s+)?(?:området|feltet|posten|det|den|dette|denne)\s+(?:ventes|forventes|skønnes|vil|kan|har|giver|gav|får)(?![\p{L}])/iu;

/** Verbs that make a figure a share of what follows ("udgør 15 pct. af de ledige"). */
const SHARE_VERBS: readonly string[] = ['udgør', 'udgøre', 'udgjorde', 'udgjort', 'udgøres'];

/**
 * The subject of a subordinate clause before its verb ("at de langtidsledige højst skulle udgøre"
 * → "langtidsledige"): the words after the conjunction up to a modal, finite verb or degree word.
 */
function clauseSubject(pre: string): string[] {
  const ws = words(pre);
  const start = ws.findLastIndex((w) => /^(?:at|der|som|hvis|når|fordi)$/iu.test(w));
  if (start < 0) return [];
  const rest = ws.slice(start + 1);
  const end = rest.findIndex((w) => SUBJECT_END_VERBS.includes(w.toLowerCase()) || DEGREE_WORDS.test(w));
  if (end <= 0) return [];
  return strong(trimEdges(rest.slice(0, end)));
}

/** Degree words between a subject and its verb: "højst", "mindst", "fortsat". */
const DEGREE_WORDS = /^(?:højst|mindst|maksimalt|minimum|maksimum|fortsat|stadig|samlet|ikke|kun|ca\.?|cirka)$/iu;

// ---------------------------------------------------------------------------
// Table rows

/** The context a goal cell gives the figures beside it: its own figure's context, else its subject. */
function cellContext(cell: string): string {
  const text = cell.replace(/\s+/gu, ' ').trim();
  const figures = findQuantities(text).filter((q) => q.unit !== null);
  const first = figures[0];
  if (first) {
    const own = ownContext(text, first, figures.slice(1), undefined, 'percent');
    if (contentWords(own) > 0) return measureOf(own.replace(CHANGE_MARK, ''));
  }
  const head = sentenceHead(text);
  return head.length > 0 ? head.join(' ') : '';
}

// ---------------------------------------------------------------------------
// The running topic

/**
 * The subject of the last sentence in a stretch of text (between two figures) that opens
 * with a measure noun ("Andelen af ledige med udenlandsk baggrund, der kommer i job, skulle
 * svare til landstallet."), or null: a later "kommunens andel blev 48,0 %" measures it.
 */
export function measuredSubject(text: string): string | null {
  let found: string | null = null;
  for (const piece of text.split(/(?<=[.!?:;])\s+(?=[\p{Lu}"“])|\t|\n(?=[^\n]*\t)/u)) {
    const sentence = piece.replace(/\s+/gu, ' ').trim();
    if (!/^\p{Lu}/u.test(sentence) || !/[.!?:]$/u.test(sentence)) continue;
    const head = sentenceHead(sentence);
    if (head.length >= 2 && isMeasureNoun(head[0] as string)) found = head.join(' ');
  }
  return found;
}
