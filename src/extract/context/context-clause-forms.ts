// Clause shapes whose figure is named by a noun the clause implies rather than a noun phrase
// right before it: a dated "er der <participle>" ("Pr. 30. juni er der brugt 48 % af rammen" →
// "forbrug af rammen pr 30 juni"), a share stated by its subject ("Merudgiften svarer til 1,1 pct.
// af budgettet", "De gennemførte forløb udgør 60 % af forløbene"), a verb of covering ("Fonden
// dækker 75 % af udgiften"), a comparison ("udgifterne er 0,8 mio. kr. lavere end …"), a proposal
// ("foreslår, at underskuddet på … dækkes af …") and a relative clause on the noun before its comma.
import { citationForm, genitive, indefiniteAdjectives, isMeasureNoun } from './context-vocabulary.js';
import { clip, isWeak, nounPhraseBefore, strong, words } from './context-words.js';

/** A fronted date: "Pr. 31. oktober", "Per 30. april 2025". */
const WHEN = String.raw`(?:pr\.?|per)\s+\d{1,2}\.\s+\p{L}+(?:\s+\d{4})?`;

/** Participles of using or committing money → the noun naming what is measured. */
const PARTICIPLE_NOUNS: Readonly<Record<string, string>> = {
  forbrugt: 'forbrug', brugt: 'forbrug', anvendt: 'forbrug', udbetalt: 'udbetaling', bevilget: 'bevilling',
};

/** The fronted date, the verb, "der" and a participle before a figure (datedParticiple). */
const DATED_PARTICIPLE = new RegExp(String.raw`^(?<when>${WHEN})\s+(?:er|var|blev)\s+der\s+(?:samlet\s+|i\s+alt\s+)?(?<part>\p{Ll}+(?:et|t))\s*(?:ca\.?\s*)?(?=$|[-−\d])`, 'iu');
/** An optional fronted date, the verb and a short subject before a figure (comparedPhrase). */
const COMPARED_SUBJECT = new RegExp(String.raw`^(?:(?<when>${WHEN})\s+)?(?:er|var|blev)\s+(?<subject>(?:\p{L}+\s+){0,3}?\p{L}+)\s*(?:ca\.?\s*)?$`, 'iu');

/** "Pr. 31. oktober er der forbrugt" (+ figure): the participle and the date, or null. */
export function datedParticiple(before: string): { participle: string; when: string[] } | null {
  const m = DATED_PARTICIPLE.exec(before.replace(/\s+/gu, ' ').trim() + ' ');
  if (!m?.groups) return null;
  return { participle: (m.groups['part'] as string).toLowerCase(), when: words((m.groups['when'] as string).toLowerCase()) };
}

/** "Pr. 31. oktober er der forbrugt 83 % af budgettet" → "forbrug af budgettet pr 31 oktober"; "… disponeret 2 mio. kr." → "disponeret pr 30 april". */
export function datedParticiplePhrase(sentencePre: string, post: string): string | null {
  const found = datedParticiple(sentencePre);
  if (!found) return null;
  const base = afGroup(post);
  if (base.length === 0) return clip([found.participle, ...found.when], 'start');
  return clip([PARTICIPLE_NOUNS[found.participle] ?? found.participle, 'af', ...base, ...found.when], 'start');
}

/** The words of an "af …" group right after a figure, up to the clause's end. */
function afGroup(post: string): string[] {
  const m = /^\s*af\s+([^,.;:]+)/iu.exec(post);
  return m ? words(indefiniteAdjectives(m[1] ?? '')) : [];
}

/**
 * A share stated by the sentence's subject: "De afsluttede sager svarer til 40 pct. af sagerne" →
 * "andel af sagerne der er afsluttet"; "Merudgiften svarer til 1,1 pct. af budgettet" → "merudgift i forhold til budgettet".
 */
export function subjectSharePhrase(sentencePre: string, post: string): string | null {
  const pre = sentencePre.replace(/\s+/gu, ' ').trim();
  const base = afGroup(post);
  if (base.length === 0) return null;
  const participle = /^(?:de|den|det)\s+(\p{Ll}{3,}?)(ede|te)\s+\p{L}+\s+(?:svarer\s+til|svarede\s+til|udgør|udgjorde)$/iu.exec(pre);
  if (participle) return clip(['andel', 'af', ...base, 'der', 'er', `${participle[1] ?? ''}${participle[2] === 'ede' ? 'et' : 't'}`], 'start');
  const measure = /^(\p{L}+)\s+(?:svarer|svarede)\s+til$/iu.exec(pre);
  if (measure && isMeasureNoun(measure[1] ?? '')) return clip([citationForm(measure[1] ?? ''), 'i', 'forhold', 'til', ...base], 'start');
  return null;
}

/** Verbs of covering or financing a share → their noun ("Fonden dækker 75 %" → "Fondens dækning"). */
const SHARE_VERB_NOUNS: Readonly<Record<string, string>> = {
  dækker: 'dækning', dækkede: 'dækning', finansierer: 'finansiering', finansierede: 'finansiering', refunderer: 'refusion',
};

/** "Puljen dækker 80 procent af lønudgiften" → "Puljens dækning af lønudgiften". */
export function coveredSharePhrase(sentencePre: string, post: string): string | null {
  const m = /^(?:den\s+|det\s+)?(\p{L}+(?:\s+\p{L}+)?)\s+(\p{Ll}+)$/u.exec(sentencePre.replace(/\s+/gu, ' ').trim());
  const noun = m ? SHARE_VERB_NOUNS[m[2] ?? ''] : undefined;
  if (!m || !noun) return null;
  const owner = words(m[1] ?? '');
  if (owner.length === 0 || isWeak(owner)) return null;
  const base = afGroup(post);
  return clip([...owner.slice(0, -1), genitive(owner.at(-1) as string), noun, ...(base.length > 0 ? ['af', ...base] : [])], 'start');
}

/** Comparatives after an amount → the change they state ("… 1,2 mio. kr. lavere end sidste år" → "reduktion af …"). */
const COMPARATIVE_CHANGE: Readonly<Record<string, string[]>> = {
  lavere: ['reduktion', 'af'], mindre: ['reduktion', 'af'], højere: ['stigning', 'i'], større: ['stigning', 'i'],
};

/** "Pr. 30. april er udgifterne 1,2 mio. kr. lavere end …" → "reduktion af udgifterne pr 30 april". */
export function comparedPhrase(sentencePre: string, post: string): string | null {
  const cmp = /^\s*(\p{Ll}+)\s+end(?![\p{L}])/u.exec(post);
  const change = cmp ? COMPARATIVE_CHANGE[cmp[1] ?? ''] : undefined;
  if (!change) return null;
  const m = COMPARED_SUBJECT.exec(sentencePre.replace(/\s+/gu, ' ').trim());
  const subject = strong(words(m?.groups?.['subject'] ?? ''));
  if (!m || subject.length === 0) return null;
  return clip([...change, ...subject, ...words((m.groups?.['when'] ?? '').toLowerCase())], 'start');
}

/** Verbs of proposing → their passive ("foreslår, at …" → "der foreslås …"). */
const PROPOSAL_PASSIVES: Readonly<Record<string, string>> = { foreslår: 'foreslås', indstiller: 'indstilles', anbefaler: 'anbefales' };

/** "Administrationen foreslår, at merforbruget på 2,4 mio. kr. finansieres af …" → "merforbrug der foreslås finansieret". */
export function proposedPhrase(sentencePre: string, post: string): string | null {
  const m = /(?<![\p{L}])(\p{Ll}+),?\s+at\s+(\p{L}+)\s+på\s*(?:ca\.?\s*)?$/u.exec(sentencePre.replace(/\s+/gu, ' '));
  const passive = m ? PROPOSAL_PASSIVES[m[1] ?? ''] : undefined;
  const verb = /^\s*(\p{Ll}{3,}?)es(?![\p{L}])/u.exec(post);
  if (!m || !passive || !verb) return null;
  return [citationForm(m[2] ?? ''), 'der', passive, `${verb[1] ?? ''}et`].join(' ');
}

/** "… i forhold til det korrigerede budget, som i alt er på ca. 1,1 mia. kr." → "korrigeret budget": the noun the relative clause is about. */
export function relativeAntecedent(sentencePre: string, clausePre: string): string | null {
  if (!/^\s*(?:som|der)\s/iu.test(clausePre)) return null;
  // "…, som i tabellen står som en afvigelse på": a clause naming its own measure keeps it.
  if (strong(nounPhraseBefore(clausePre.replace(/^\s*(?:som|der)\s+/iu, ''))).length > 0) return null;
  const before = sentencePre.slice(0, sentencePre.length - clausePre.length).replace(/\s+/gu, ' ');
  if (!/,\s*$/u.test(before)) return null;
  const phrase = strong(nounPhraseBefore(indefiniteAdjectives(before.replace(/,\s*$/u, ''))));
  return phrase.length > 0 && phrase.length <= 6 ? phrase.join(' ') : null;
}
