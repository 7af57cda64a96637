// What an amount is for when its sentence names a purpose rather than a measure: money applied
// for ("Jobcentret søger om 640.000 kr. …" under the item "Ansøgning om midler til …"), money set
// aside ("Byrådet har i budgettet afsat kr. 1,5 mio. til indsatsen"), and a fronted duration that
// dates a figure ("Efter fire måneder er forbrugsprocenten 49,0 %").
import { clip, words } from './context-words.js';
import type { Span } from '../common/sentences.js';

/** Verbs of applying for money, right before the amount ("søger om", "ansøger om", "anmoder om"). */
const APPLIED_FOR = /(?<![\p{L}])(?<verb>søger|ansøger|ansøgte|søgte|anmoder|anmodede|(?:at\s+)?(?:an)?søge)\s+(?:om\s+)?(?:(?:et\s+)?(?:tilskud|bevilling|midler)\s+(?:på|af)\s+)?(?:ca\.?\s*|cirka\s*|op\s+til\s*)?$/iu;

/** An agenda-item heading that names an application: "3. Ansøgning om midler til …", "Punkt 4: Anmodning om tilskud til …". */
const APPLICATION_HEADING = /^[ \t]*(?:(?:punkt|pkt\.?|sag)\s*)?\d{1,3}[.:)]?[ \t]+(?:ansøgning|anmodning)\s+om\s+(?<what>[^\n]+)$/gimu;

/**
 * "Jobcentret søger om 640.000 kr. fra puljen til opkvalificering": what is applied for. The item's
 * heading names it ("Ansøgning om midler til jobrotationsprojekt") when the sentence only says where
 * the money comes from; else the "til …" group after the amount. null when no verb of applying.
 */
export function appliedForPhrase(text: string, sentence: Span, sentencePre: string, post: string): string | null {
  const m = APPLIED_FOR.exec(sentencePre.replace(/\s+/gu, ' '));
  if (!m) return null;
  // "foreslår at søge 500.000 kr.": a proposed application is named by its noun.
  const verb = /søge$/iu.test(m.groups?.['verb'] ?? '') ? 'ansøgning' : (m.groups?.['verb'] ?? 'søger').toLowerCase();
  let heading: string | undefined;
  for (const h of text.slice(0, sentence.start).matchAll(APPLICATION_HEADING)) heading = h.groups?.['what'];
  if (heading) return clip([verb, 'om', ...words(heading)], 'start');
  // "… fra puljen til X" names the pool, not the purpose; a "til" group right after the amount does.
  const purpose = /^\s*til\s+([^,.;:]+)/iu.exec(post);
  return purpose ? clip([verb, 'om', 'tilskud', 'til', ...words(purpose[1] ?? '')], 'start') : null;
}

/** Participles of setting money aside, at the end of the words before the amount. */
const SET_ASIDE = /(?<![\p{L}])(?<verb>afsat|afsætter|afsættes|bevilget|bevilger|bevilges|bevilgede|reserveret|reserverer|reserveres|prioriteret|prioriterer|øremærket)\s*(?:ca\.?\s*|cirka\s*|yderligere\s*)?$/iu;

/** A preposition group between the auxiliary and the participle ("har i budgettet afsat"). */
const WHERE_GROUP = /(?<![\p{L}])(?:i|på|under)\s+(?:\p{L}+\s+){0,2}?(?:budget\p{L}*|rammen|puljen|overslagsår\p{L}*|driftsbudget\p{L}*|anlægsbudget\p{L}*)(?![\p{L}])/iu;

/**
 * "Byrådet har i budgettet afsat kr. 1,5 mio. til indsatsen i 2025" → "afsat i budgettet til tidlig
 * indsats for sygemeldte …": the verb, where the money is set aside, and its purpose, a definite
 * purpose ("indsatsen") read back to where the text introduced it ("en tidlig indsats for …").
 */
export function setAsidePhrase(text: string, sentence: Span, sentencePre: string, post: string): string | null {
  const pre = sentencePre.replace(/\s+/gu, ' ');
  const m = SET_ASIDE.exec(pre);
  const purpose = /^\s*til\s+([^,.;:]+)/iu.exec(post);
  if (!m || !purpose) return null;
  const where = WHERE_GROUP.exec(pre.slice(0, m.index));
  const what = introducedAs(text.slice(Math.max(0, sentence.start - 600), sentence.start), words(purpose[1] ?? ''));
  return clip([(m.groups?.['verb'] ?? '').toLowerCase(), ...(where ? words(where[0]) : []), 'til', ...what], 'start');
}

/**
 * A definite noun phrase ("indsatsen i 2025") as the earlier text introduced it ("en tidlig indsats for
 * sygemeldte med stress"): its indefinite mention with a few adjectives before and a short group after.
 */
function introducedAs(earlier: string, phrase: readonly string[]): string[] {
  const head = phrase[0] ?? '';
  const stem = /^(\p{L}{4,}?)(?:en|et|ene|erne)$/u.exec(head)?.[1];
  if (!stem) return [...phrase];
  const mention = new RegExp(
    String.raw`(?<![\p{L}])(?:en|et)\s+(?<adj>(?:\p{Ll}+\s+){0,2}?)${stem}(?:e|er)?(?<group>(?:\s+(?:for|til|mod|med|af|blandt)\s+\p{L}+){0,2})(?![\p{L}])`,
    'giu',
  );
  let found: RegExpExecArray | null = null;
  for (const hit of earlier.replace(/\s+/gu, ' ').matchAll(mention)) found = hit;
  if (!found) return [...phrase];
  return words(found[0]).slice(1);
}

/** "Efter fire måneder er …", "Efter første halvår var …": a fronted duration, the figure's date. */
const FRONTED_DURATION = /^(?<when>(?:efter|inden\s+for|i\s+løbet\s+af)\s+(?:de\s+|det\s+|den\s+)?(?:første\s+)?(?:\d{1,2}|en|et|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv)?\s*(?:måneder|måned|uger|uge|år|kvartaler|kvartal|halvår))\s+(?:er|var|blev|udgør|udgjorde|ligger|lå)(?![\p{L}])/iu;

/** A figure's context with the fronted duration its sentence opens with ("forbrugsprocenten efter fire måneder"). */
export function withFrontedDuration(context: string, sentencePre: string): string {
  const m = FRONTED_DURATION.exec(sentencePre.replace(/\s+/gu, ' ').trim());
  const when = m?.groups?.['when'];
  if (!when || context === '' || context.toLowerCase().includes(when.toLowerCase())) return context;
  return `${context} ${when.toLowerCase()}`;
}
