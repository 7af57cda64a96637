// Context phrases built from the words around a figure: a change ("fald i andel af …"),
// an amount tied to its subject ("Projektets udgift"), an expected amount ("forventet …"),
// a fronted adverbial, a sentence or clause that points back, a national reference.
import {
  AMOUNT_VERB_NOUNS,
  CHANGE_NOUNS,
  EXPECTATION_WORDS,
  FRONTING_PREPOSITIONS,
  RESTATING_CLAUSE,
  SUBJECT_END_VERBS,
  citationForm,
  genitive,
} from './context-vocabulary.js';
import {
  REFERS_BACK,
  clip,
  isContainedIn,
  isGeneric,
  isWeak,
  PREPOSITIONS,
  nounPhraseBefore,
  sameWords,
  sentenceHead,
  sentenceSubject,
  strong,
  trimEdges,
  words,
} from './context-words.js';
import { datedParticiple } from './context-clause-forms.js';
import { NATIONAL_SCOPE_WORDS, escape } from './figure-scope.js';
import { AMBIGUOUS_MUNICIPALITY_NAMES, lookupMunicipality } from '../meeting/municipalities.js';
import { sentenceAround, type Span } from '../common/sentences.js';
import { rowLabel } from '../common/table-cells.js';

// ---------------------------------------------------------------------------
// Built phrases: change, amounts tied to a subject, expectation, fronted adverbials

/** "Andelen af unge ændrede sig med ÷1,2 procentpoint" → "ændring i andel af unge"; null when no verb of change. */
export function changePhrase(pre: string, sentencePre: string, topic: string | undefined): string | null {
  const named = changeNounPhrase(pre, sentencePre, topic);
  if (named !== undefined) return named;
  // "steg i sommersæsonen med 4,6 pct.": a when or where between the verb and "med" narrows the change.
  const m = /(?<![\p{L}])(\p{L}+)(?:\s+sig)?(?<between>\s+(?:i|på|over|fra)\s+\p{L}+)?\s+med\s*(?:ca\.?\s*|cirka\s*)?$/iu.exec(pre);
  const noun = m ? CHANGE_NOUNS[(m[1] ?? '').toLowerCase()] : undefined;
  if (!m || !noun) return null;
  const between = words(m.groups?.['between'] ?? '');
  let measure = strong(nounPhraseBefore(pre.slice(0, m.index)));
  if (measure.length === 0 || isGeneric(measure)) measure = sentenceHead(sentencePre.slice(0, sentencePre.length - (pre.length - m.index)));
  if (measure.length === 0 || isGeneric(measure)) measure = topic ? words(topic) : measure;
  if (measure.length === 0) return null;
  return [noun, 'i', ...measure.map((w, i) => (i === 0 ? citationForm(w) : w)), ...between].join(' ');
}

/**
 * A change named as a noun ("Andelen i løntilskud viser en ændring på -2,1 procentpoint",
 * "Det er en stigning på 1,4 procentpoint"): "<noun> i <measure>", the measure being the
 * sentence's subject, or the running topic when the subject points back ("Det", "Resultatet").
 * undefined when the figure is no such change; null when the measure is unknown (the bare noun is then kept).
 */
function changeNounPhrase(pre: string, sentencePre: string, topic: string | undefined): string | null | undefined {
  const m = CHANGE_NOUN_BEFORE.exec(pre);
  if (!m) return undefined;
  const noun = (m[1] ?? '').toLowerCase();
  const before = sentencePre.slice(0, sentencePre.length - (pre.length - m.index));
  let measure = sentenceHead(before);
  if (measure.length === 0 || isGeneric(measure) || REFERS_BACK.test(measure.join(' ')) || isWeak(measure)) measure = topic ? words(topic) : [];
  if (measure.length === 0) return null;
  return [noun, 'i', ...measure.map((w, i) => (i === 0 ? citationForm(w) : w))].join(' ');
}

/** Nouns naming a change of a measure ("en stigning på", "et fald på"). */
const CHANGE_NOUN_FORMS: readonly string[] = [...new Set(Object.values(CHANGE_NOUNS)), 'forøgelse', 'nedgang', 'fremgang', 'tilbagegang', 'forbedring', 'forværring'];
/** "en stigning på", "sin ændring med" (+ figure): a change named as a noun just before the figure. */
const CHANGE_NOUN_BEFORE = new RegExp(`(?<![\\p{L}])(?:en|et|den|det|sin|samlet|samlede)?\\s*(${CHANGE_NOUN_FORMS.join('|')})\\s+(?:på|med)\\s*(?:ca\\.?\\s*|cirka\\s*)?$`, 'iu');

/**
 * The text before a figure from the last line that opens like a sentence of its own ("… fra 2018
 * til 2019" | "Indsatsen skal føre til en besparelse på"): list lines without bullets or full stops.
 */
export function unlistedLine(before: string): string {
  const m = /\n(?=\p{Lu}\p{Ll}+\s+\p{Ll})(?![^\n]*\n\p{Lu}\p{Ll}+\s+\p{Ll})/u.exec(before);
  return m && !/[,\-–]\s*$/u.test(before.slice(0, m.index)) ? before.slice(m.index + 1) : before;
}

/** "Investeringscasen koster ca. 3,3 mio. kr." → "Investeringscasens udgift", "Udvalget skal bidrage med …" → "Udvalgets bidrag …". */
export function amountPhrase(pre: string, postWords: readonly string[]): string | null {
  const m = /(?<![\p{L}])(\p{L}+)(?:\s+med)?(?<average>\s+(?:i\s+gennemsnit|gennemsnitligt))?\s*(?:ca\.?\s*|cirka\s*|op\s+til\s*)?$/iu.exec(pre);
  const verb = (m?.[1] ?? '').toLowerCase();
  let noun = m ? AMOUNT_VERB_NOUNS[verb] : undefined;
  if (!m || !noun) return null;
  const average = m.groups?.['average'] ? ['gennemsnitlig'] : [];
  // "Et kursusforløb koster 9.000 kr.": one of a kind has a price ("pris for et kursusforløb").
  const unit = /(?<![\p{L}])(en|et)\s+(\p{L}+)\s*$/iu.exec(pre.slice(0, m.index));
  if (unit && COST_VERBS.includes(verb)) return clip([...average, 'pris', 'for', (unit[1] ?? '').toLowerCase(), unit[2] ?? '', ...(isWeak(postWords) ? [] : postWords)], 'start');
  const subject = strong(nounPhraseBefore(pre.slice(0, m.index)));
  if (subject.length === 0 || subject.length > 4) return null;
  if (average.length > 0) noun = `gennemsnitlig ${noun}`;
  const owner = [...subject.slice(0, -1), genitive(subject.at(-1) as string)];
  return clip([...owner, noun, ...(isWeak(postWords) ? [] : postWords)], 'start');
}

/** Verbs of costing: with one unit as subject they name a price. */
const COST_VERBS: readonly string[] = ['koster', 'kostede', 'koste'];

/**
 * "I 2024 investerede kommunen 1,2 mio. kr. i et nyt mentorforløb": the verb comes before its subject;
 * the amount is "investering i et nyt mentorforløb". null when no such verb.
 */
export function invertedAmountPhrase(pre: string, post: string): string | null {
  const m = /(?<![\p{L}])(\p{Ll}+)\s+(?:\p{Ll}+(?:en|et|ne|erne)|vi|man|de)\s*(?:ca\.?\s*|cirka\s*)?$/u.exec(pre);
  const noun = m ? AMOUNT_VERB_NOUNS[m[1] ?? ''] : undefined;
  const object = /^\s*((?:i|til|på)\s+[^,.;:]+)/iu.exec(post);
  if (!noun || !object) return null;
  return clip([noun, ...words(object[1] ?? '')], 'start');
}

/**
 * An amount whose sentence opens with a pronoun ("Jobcentret foreslår tre indsatser, der skal …
 * De koster tilsammen 2.500.000 kr. i 2025"): "<noun> til <what the previous sentence proposed>".
 */
export function amountOfReferent(text: string, sentence: Span, sentencePre: string, post: string): string | null {
  const m = /^(?:de|det|den|disse|dette|denne)\s+(?:vil\s+|skal\s+|kan\s+|ventes\s+at\s+|forventes\s+at\s+)?(\p{L}+)\s+(?:(?:tilsammen|samlet|i\s+alt|årligt|ca\.?|cirka|op\s+til)\s*)*$/iu.exec(sentencePre.replace(/\s+/gu, ' ').trim() + ' ');
  const noun = m ? AMOUNT_VERB_NOUNS[(m[1] ?? '').toLowerCase()] : undefined;
  if (!noun) return null;
  const previous = previousSentence(text, sentence);
  if (previous === '') return null;
  const object = trimEdges(objectOf(previous).filter((w) => !NUMBER_WORDS.has(w.toLowerCase()))).slice(0, 8);
  if (object.length === 0 || isWeak(object)) return null;
  return clip([noun, 'til', ...trimEdges(object), ...whereOrWhen(post)], 'start');
}

/** Counting words that say how many, not what ("tre indsatser"). */
const NUMBER_WORDS = new Set(['en', 'et', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti', 'flere', 'nogle', 'disse']);

/** The words of a sentence after its subject and finite verb ("Jobcentret foreslår | tre indsatser, der …"). */
function objectOf(sentence: string): string[] {
  const ws = words(sentence);
  const first = (ws[0] ?? '').toLowerCase();
  const second = ws[1] ?? '';
  // Verb second: "Jobcentret foreslår …", "Udvalget bevilgede …".
  if (/^\p{Lu}/u.test(ws[0] ?? '') && /^\p{Ll}+$/u.test(second) && !PREPOSITIONS.has(first) && !PREPOSITIONS.has(second) && !/^(?:og|der|som|af)$/u.test(second)) return ws.slice(2);
  const subject = sentenceSubject(sentence);
  return subject.length > 0 ? ws.slice(subject.length + 1) : [];
}

/** The previous sentence's text, or ''. */
function previousSentence(text: string, sentence: Span): string {
  let end = sentence.start;
  while (end > 0 && /\s/u.test(text[end - 1] ?? '')) end--;
  if (end === 0) return '';
  const previous = sentenceAround(text, { start: end - 1, end: end - 1 });
  return text.slice(previous.start, end).replace(/\s+/gu, ' ').trim();
}

/** Subjects that report a figure, not own it: "Opgørelsen viser en besparelse på …". */
const REPORTING_SUBJECT = /^(?:opgørelsen|opgørelse|opgørelserne|resultatet|regnskabet|opfølgningen|analysen|evalueringen|tallene|beregningen|prognosen|status|statussen|målingen)$/iu;

/**
 * "Investeringen skulle give en nettobesparelse … Opgørelsen viser en besparelse på 3.150 t.kr.":
 * a reported amount belongs to the previous sentence's subject ("besparelse af investeringen").
 * null when the sentence's subject reports nothing.
 */
export function withReportedMeasure(context: string, text: string, sentence: Span, sentencePre: string): string | null {
  const subject = sentenceSubject(sentencePre);
  // "Den endelige opgørelse for hele 2024 viser …": the reporting noun may carry adjectives and a group.
  const reporting = subject.findIndex((w) => REPORTING_SUBJECT.test(w));
  if (reporting < 0 || reporting > 2 || subject.length > 6) return null;
  const own = words(context).filter((w) => !subject.some((s) => s.toLowerCase() === w.toLowerCase()));
  const owner = sentenceSubject(previousSentence(text, sentence));
  if (owner.length === 0 || owner.length > 4 || isGeneric(owner) || REFERS_BACK.test(owner.join(' '))) return own.join(' ') || context;
  if (isContainedIn(owner.join(' '), context)) return context;
  return clip([...own, 'af', ...owner.map((w, i) => (i === 0 ? w.toLowerCase() : w))], 'start');
}

/**
 * A place or time right after a figure that narrows the measure before it ("ledigheden 2,4 procent
 * i kommunen", "Ledigheden var 3,1 % i december 2024"); none for a national place (its scope says that).
 */
export function whereOrWhen(post: string): string[] {
  const m = /^(?:i|på|pr\.?|for)\s+(?:(?:kommunen|(?:\p{Lu}[\p{L}-]+\s+)?kommune)|(?:(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)(?:\s+\d{4})?|\d{4}|\d\.\s+kvartal(?:\s+\d{4})?))(?![\p{L}\d])/u.exec(words(post).join(' '));
  return m ? words(m[0]) : [];
}

/** An amount as the object of its sentence ("Forsikrede ledige ventes at give et mindreforbrug på …"): the subject joins the phrase. */
export function withSubject(context: string, sentencePre: string): string {
  const own = words(context);
  if (own.length > 3) return context;
  const subject = sentenceSubject(sentencePre);
  if (subject.length === 0 || isGeneric(subject) || (subject.length === 1 && EXPECTATION_WORDS.includes((subject[0] as string).toLowerCase())) || sameWords(subject, own) || isContainedIn(subject.join(' '), context)) return context;
  if (subject.length === 1 && /^(?:der|det|den|de|vi|man|udvalget|administrationen|forvaltningen|direktøren|byrådet)$/iu.test(subject[0] as string)) return context;
  return `${context} – ${subject.join(' ')}`;
}

/** "Samlet forventes et merforbrug på …", "Forventningen er en nettobesparelse på …": the figure is expected. */
export function withExpectation(context: string, sentencePre: string, kind: 'percent' | 'money'): string {
  if (kind !== 'money' || /forvent/iu.test(context)) return context;
  const lower = ` ${sentencePre.toLowerCase()} `;
  return EXPECTATION_WORDS.some((w) => lower.includes(` ${w} `)) ? `forventet ${context}` : context;
}

/** "Blandt de unge under 30 år er ledigheden 3,6 %": the fronted adverbial narrows the measure. */
export function withFronted(context: string, sentencePre: string): string {
  const ws = words(sentencePre);
  if (ws.length < 3 || !FRONTING_PREPOSITIONS.includes((ws[0] as string).toLowerCase())) return context;
  const verb = ws.findIndex((w, i) => i > 0 && SUBJECT_END_VERBS.includes(w.toLowerCase()));
  if (verb < 2 || verb > 7) return context;
  const fronted = ws.slice(0, verb);
  // "På mødet den 9. april …", "I 2024 …": when, not what.
  if (fronted.some((w) => /^(?:møde\p{L}*|\d{4}|januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|perioden)$/iu.test(w))) return context;
  if (isContainedIn(fronted.join(' '), context)) return context;
  return `${context} ${fronted.map((w, i) => (i === 0 ? w.toLowerCase() : w)).join(' ')}`;
}

/** "Jobafklaringsforløbene er gennemgået. Her er 61 % af borgerne i gang med en plan": "her" is the previous sentence's subject. */
export function withBackReference(context: string, text: string, sentence: Span): string {
  if (!BACK_REFERENCE_OPENING.test(text.slice(sentence.start, sentence.end))) return context;
  let end = sentence.start;
  while (end > 0 && /\s/u.test(text[end - 1] ?? '')) end--;
  if (end === 0) return context;
  const previous = sentenceAround(text, { start: end - 1, end: end - 1 });
  const subject = sentenceSubject(text.slice(previous.start, end));
  if (subject.length === 0 || isGeneric(subject) || isContainedIn(subject.join(' '), context)) return context;
  return `${[indefinitePlural(subject[0] as string), ...subject.slice(1)].join(' ')} – ${context}`;
}

/** Sentence openings that point back to the sentence before: "Her er …", "Heraf …", "Blandt disse …". */
const BACK_REFERENCE_OPENING = /^(?:her|heraf|blandt\s+(?:disse|dem)|af\s+(?:disse|dem))(?![\p{L}])/iu;

/** "Jobafklaringsforløbene" → "jobafklaringsforløb", "sagerne" → "sager": a definite plural head noun in its indefinite form. */
function indefinitePlural(word: string): string {
  if (/\p{L}{4}erne$/u.test(word)) return word.slice(0, -2).toLowerCase();
  if (/\p{L}{5}ene$/u.test(word) && !/(\p{L})\1ene$/u.test(word)) return word.slice(0, -3).toLowerCase();
  return word;
}

/** "Ud af de 13 mål er 5 nået, hvilket svarer til 38,5 % af målene": the clause before says what is counted. */
export function withRestatedClause(context: string, text: string, sentence: Span, span: Span, neighbours: readonly Span[]): string {
  const before = text.slice(sentence.start, span.start);
  const joiner = /,\s+(?=\S[^,]*$)/u.exec(before);
  if (!joiner) return context;
  const clause = before.slice(joiner.index + joiner[0].length);
  if (!RESTATING_CLAUSE.test(clause.trim())) return context;
  const previous = before.slice(0, joiner.index);
  if (neighbours.some((n) => n.start >= sentence.start && n.end <= sentence.start + previous.length)) {
    return shareOfRestatedAmount(context, previous, clause, text.slice(span.end, sentence.end));
  }
  const ws = trimEdges(words(previous).slice(-8));
  if (ws.length === 0 || isContainedIn(ws.join(' '), context)) return context;
  return `${ws.join(' ')}, ${context}`;
}

/**
 * "Forbruget pr. 31. marts udgør 363,2 mio. kr., svarende til 24,9 pct. af årets budget": the share
 * restates the amount before it against what follows "af" ("forbrug pr 31 marts i forhold til årets budget").
 */
function shareOfRestatedAmount(context: string, previous: string, clause: string, after: string): string {
  if (!/^(?:svarende|svarer|hvilket\s+svarer)\s+til\s*$/iu.test(clause.trim())) return context;
  const base = /^\s*af\s+([^,.;:]+)/iu.exec(after);
  // "Pr. 30. april er der disponeret 2,2 mio. kr., svarende til 71 % af puljen": the participle names the share.
  const dated = datedParticiple(previous);
  if (base && dated) return clip([dated.participle, ...dated.when, 'i', 'forhold', 'til', ...words(base[1] ?? '')], 'start');
  const subject = sentenceSubject(previous);
  if (!base || subject.length === 0 || isGeneric(subject) || REFERS_BACK.test(subject.join(' '))) return context;
  return clip([citationForm(subject[0] as string), ...subject.slice(1), 'i', 'forhold', 'til', ...words(base[1] ?? '')], 'start');
}

/** The words naming a national figure's reference ("på landsplan", "i hele landet"), unless its context has them already. */
export function nationalReference(context: readonly string[], text: string, span: Span): string[] {
  const lower = ` ${context.join(' ').toLowerCase()} `;
  if (NATIONAL_SCOPE_WORDS.some((w) => lower.includes(` ${w}`))) return [];
  const sentence = sentenceAround(text, span);
  const label = rowLabel(text, span) ?? '';
  let best: { words: string; distance: number } | null = null;
  const look = (where: string, offset: number): void => {
    for (const m of where.matchAll(NATIONAL_REFERENCE)) {
      const distance = Math.abs(offset + m.index - span.start);
      if (!best || distance < best.distance) best = { words: m[0], distance };
    }
  };
  look(text.slice(sentence.start, sentence.end), sentence.start);
  if (!best && label) look(label, span.start);
  return best ? words((best as { words: string }).words.toLowerCase()) : [];
}

/** A national word with the preposition before it: "på landsplan", "i hele landet", "landsgennemsnittet". */
const NATIONAL_REFERENCE = new RegExp(
  `(?<![\\p{L}])(?:(?:på|i)\\s+)?(?:${[...NATIONAL_SCOPE_WORDS].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}])`,
  'giu',
);

/** A national figure's context without the municipality the topic named ("Ledigheden på Lolland" → "Ledigheden"). */
export function withoutMunicipality(ws: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of ws) {
    if ((/^\p{Lu}/u.test(w) && lookupMunicipality(w) && !AMBIGUOUS_NAMES.has(w.toLowerCase())) || /^kommunen$/iu.test(w)) {
      if (/^(?:på|i|for)$/iu.test(out.at(-1) ?? '')) out.pop();
      out.push(MUNICIPALITY_MARK);
      continue;
    }
    // "Lemvig Kommune": the word after a dropped name goes with it.
    if (out.at(-1) === MUNICIPALITY_MARK && /^(?:kommune|kommunes|regionskommune)$/iu.test(w)) continue;
    out.push(w);
  }
  return out.filter((w) => w !== MUNICIPALITY_MARK);
}

const MUNICIPALITY_MARK = '\u0001';

const AMBIGUOUS_NAMES = new Set(AMBIGUOUS_MUNICIPALITY_NAMES);

