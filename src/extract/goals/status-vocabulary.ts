// Status phrases as data: how Danish follow-ups state a goal's verdict. Entries are
// tried in order and the first that matches wins, so negations and partial verdicts
// come before the plain positive ones ("ikke helt nået" before "ikke nået" before "nået").
import { danish } from '../common/danish-regex.js';
import type { GoalStatus } from '../../schema/contract.js';

export interface StatusPhrase {
  readonly status: Exclude<GoalStatus, 'unknown'>;
  /** Matched against lower-cased, whitespace-normalised text. */
  readonly pattern: RegExp;
  /** What the phrase looks like in a document. */
  readonly example: string;
}

const VERB = String.raw`(?:er|var|blev|bliver\s+vurderet|vurderes|anses\s+for|anses\s+som|er\s+blevet|er\s+derfor|er\s+dermed|er\s+således|er\s+hermed|blev\s+derfor|blev\s+dermed)`;
const ADV = String.raw`(?:\s+(?:derfor|dermed|således|hermed|samlet|hermed|fuldt|fuldt\s+ud|også|nu|endnu|allerede|mere\s+end|til\s+fulde))*`;
/** "overholdt": a budget limit or economic pejlemærke kept ("Servicerammen er overholdt"). */
const MET_WORD = String.raw`(?:nået|opfyldt|indfriet|overholdt)`;
/** The goal as the subject or object of a verdict; not "målgruppen". */
const GOAL_NOUN = String.raw`mål(?:et|ene|sætning(?:en|erne)?|tal(?:let|lene)?)\b`;
/** Who reaches a goal in first-person or active verdicts ("Vi nåede målet", "nåede jobcentret ikke målet"). */
const WE = String.raw`vi|kommunen|jobcentret|jobcenteret|udvalget|indsatsen`;
const REACHED = String.raw`(?:nåede|opnåede|indfriede|opfyldte|realiserede)(?:\s+(?:derfor|dermed|således|også))?`;
/** A group a verdict is limited to: "for kvinder", "blandt de unge", "hos virksomhederne". */
const GROUP = String.raw`(?:for|blandt|hos|i|på)\s+\p{L}`;

export const STATUS_PHRASES: readonly StatusPhrase[] = [
  { status: 'withdrawn', pattern: danish(/\b(?:er|blev|er\s+blevet)\s+(?:\p{L}+\s+)?(?:udgået|taget\s+ud|annulleret|bortfaldet|droppet|aflyst)\b/u), example: 'Målet er udgået.' },
  { status: 'withdrawn', pattern: danish(/^(?:udgået|udgår|taget\s+ud|bortfaldet)\b/u), example: 'Udgået' },
  { status: 'withdrawn', pattern: danish(/\b(?:målet|delmålet)\s+(?:udgår|udgik|tages\s+ud|blev\s+taget\s+ud)\b/u), example: 'Målet udgår' },
  // "opgivet" withdraws a goal only when the goal is its subject: a project may be given up without one.
  { status: 'withdrawn', pattern: danish(new RegExp(String.raw`\b(?:del)?${GOAL_NOUN}\s+(?:er|blev|er\s+blevet)\s+(?:\p{L}+\s+)?(?:opgivet|skrinlagt)\b`, 'u')), example: 'Målet er opgivet, fordi forløbet lukkede.' },
  { status: 'not_assessable', pattern: danish(/\bikke\s+(?:\p{L}+\s+){0,2}muligt\s+at\s+(?:følge\s+op|opgøre|måle|vurdere|opdatere|gøre\s+status|afgøre|konkludere)/u), example: 'Det er ikke muligt at følge op på målet.' },
  { status: 'not_assessable', pattern: danish(/\b(?:er|blev)\s+(?:endnu\s+)?ikke\s+(?:opgjort|målt|gjort\s+op)\b/u), example: 'Indikatoren er ikke opgjort.' },
  { status: 'not_assessable', pattern: danish(/\bkan\s+(?:endnu\s+)?ikke\s+(?:opgøres|måles|vurderes|følges\s+op|gøres\s+op|afgøres)\b/u), example: 'Målet kan ikke opgøres.' },
  { status: 'not_assessable', pattern: danish(/\bikke\s+kan\s+(?:endnu\s+)?(?:opgøres|måles|vurderes|følges\s+op|gøres\s+op|afgøres)\b/u), example: 'mens 1 mål ikke kan vurderes endnu' },
  { status: 'not_assessable', pattern: danish(/\b(?:dataudfordringer|manglende\s+data|ingen\s+data|data\s+foreligger\s+ikke|ikke\s+data\s+til\s+rådighed)\b/u), example: 'pga. dataudfordringer' },
  { status: 'not_assessable', pattern: danish(/^(?:data\s+mangler|mangler\s+data|afventer\s+data)\b/u), example: 'Data mangler' },
  { status: 'not_assessable', pattern: danish(/^(?:kan\s+ikke\s+opgøres|ikke\s+opgjort|ikke\s+målbar|ikke\s+vurderet|ej\s+opgjort|n\/a|ikke\s+relevant)\b/u), example: 'Kan ikke opgøres' },
  { status: 'not_assessable', pattern: danish(/\b(?:foreligger|findes|er)\s+(?:der\s+)?(?:endnu\s+)?ikke\s+(?:\p{L}+\s+)?data\b/u), example: 'Der foreligger endnu ikke data.' },
  { status: 'partly_met', pattern: danish(new RegExp(String.raw`\b(?:delvist?|ikke\s+helt|næsten|kun\s+delvist?|overvejende)\s+${MET_WORD}\b`, 'u')), example: 'Målet er delvist opfyldt.' },
  // Met for one group and not for another: "nået for kvinder, men ikke for mænd".
  { status: 'partly_met', pattern: danish(new RegExp(String.raw`\b${MET_WORD}\s+${GROUP}[^,.;]*,\s+men\s+(?:ikke|ikke\s+${MET_WORD})\s+${GROUP}`, 'u')), example: 'Målet er nået for kvinder, men ikke for mænd.' },
  { status: 'partly_met', pattern: danish(new RegExp(String.raw`\bikke\s+${MET_WORD}\s+${GROUP}[^,.;]*,\s+men\s+(?:det\s+er\s+|er\s+)?(?:${MET_WORD}\s+)?${GROUP}`, 'u')), example: 'Målet er ikke nået for mænd, men for kvinder.' },
  { status: 'partly_met', pattern: danish(/^(?:delvist?(?:\s+opfyldt|\s+nået)?)\b/u), example: 'Delvist' },
  { status: 'partly_met', pattern: danish(/\bdelvist?\s+(?:opnået|realiseret)\b/u), example: 'Målet er delvist opnået.' },
  // Not yet, but on its way: "Målet er endnu ikke nået, men udviklingen går i den rigtige retning."
  { status: 'in_progress', pattern: danish(new RegExp(String.raw`\b(?:endnu\s+ikke|ikke\s+endnu)\s+${MET_WORD}\b[^.;]*?,?\s+men\s+[^.;]*?(?:rigtige?\s+retning|på\s+vej|tæt\s+på|positiv)`, 'u')), example: 'Målet er endnu ikke nået, men udviklingen går i den rigtige retning.' },
  { status: 'not_met', pattern: danish(new RegExp(String.raw`\b${VERB}${ADV}\s+ikke${ADV}\s+${MET_WORD}\b`, 'u')), example: 'Målet er ikke nået.' },
  { status: 'not_met', pattern: danish(new RegExp(String.raw`\bikke\s+${MET_WORD}\b`, 'u')), example: 'Ikke opfyldt' },
  { status: 'not_met', pattern: danish(new RegExp(String.raw`\bikke\s+(?:er|blev|var|bliver|er\s+blevet)\s+(?:\p{L}+\s+)?${MET_WORD}\b`, 'u')), example: 'mål, som ikke er nået' },
  { status: 'not_met', pattern: danish(/\bmål\p{L}*\s+(?:er|blev|var)\s+(?:\p{L}+\s+)?ikke\s+(?:opnået|realiseret)\b/u), example: 'Målet er ikke opnået.' },
  { status: 'not_met', pattern: danish(/^ikke\s+(?:opnået|realiseret)(?:\s|[.!]|$)/u), example: 'Ikke opnået' },
  // First person: "Vi nåede ikke målet", "Det lykkedes ikke at nå målet", "nåede kommunen ikke målsætningen".
  { status: 'not_met', pattern: danish(new RegExp(String.raw`\b(?:${WE})\s+${REACHED}\s+ikke\s+(?:\p{L}+\s+)?${GOAL_NOUN}|\b${REACHED}\s+(?:${WE})\s+ikke\s+(?:\p{L}+\s+)?${GOAL_NOUN}|\blykkedes\s+(?:\p{L}+\s+)?ikke\s+at\s+(?:nå|opfylde|indfri)\s+${GOAL_NOUN}`, 'u')), example: 'Vi nåede ikke målet.' },
  { status: 'not_met', pattern: /^(?:nej|✘|✗|✖|❌|x)\s*[.!]?\s*$/u, example: '✘' },
  // Off course, as a verdict cell: "Ikke på rette vej", "Ikke på sporet".
  { status: 'not_met', pattern: danish(/^ikke\s+på\s+(?:rette\s+)?(?:vej|spor(?:et)?)\s*[.!]?\s*$/u), example: 'Ikke på rette vej' },
  { status: 'not_met', pattern: /[✘✗✖❌]/u, example: '✘ Ikke nået' },
  // The present passive, negated: "Måltallet nås ikke.", "Rammen overholdes ikke"; a verdict cell "Ikke realistisk".
  { status: 'not_met', pattern: danish(/\b(?:nås|indfries|opfyldes|overholdes|realiseres)\s+ikke\b|^ikke\s+realistisk\b/u), example: 'Måltallet nås ikke.' },
  // A forecast that the goal will not be reached is the year's verdict so far: not met.
  { status: 'not_met', pattern: danish(/\bforventes\s+ikke\s+(?:at\s+blive\s+)?(?:nået|opfyldt|indfriet|overholdt)\b/u), example: 'Forventes ikke overholdt' },
  { status: 'in_progress', pattern: danish(/\b(?:er\s+)?(?:på\s+vej|i\s+gang|igangsat|undervejs|i\s+proces|under\s+udarbejdelse|forventes\s+(?:dermed\s+|derfor\s+|således\s+|at\s+blive\s+)?(?:nået|opfyldt|indfriet|overholdt))\b/u), example: 'Målet er på vej.' },
  // A forecast in the first person or with "at": "Vi forventer, at delmålet nås ved årets udgang."
  { status: 'in_progress', pattern: danish(new RegExp(String.raw`\b(?:forventer|forventes|vurderes|vurderer|regner\s+med)\s*,?\s+at\s+(?:\p{L}+\s+)?(?:del)?${GOAL_NOUN}\s+(?:vil\s+blive\s+|bliver\s+)?(?:nås|nået|indfries|indfriet|opfyldes|opfyldt)\b`, 'u')), example: 'Vi forventer, at delmålet nås ved årets udgang.' },
  // Uncertain whether it will be reached: "Usikkert om målet nås", "Det er tvivlsomt, om målet indfries".
  { status: 'in_progress', pattern: danish(/\b(?:usikkert|uvist|tvivlsomt|uafklaret)\s*,?\s+(?:om|hvorvidt)\b/u), example: 'Usikkert om målet nås.' },
  // A trend toward the goal, not yet the goal: "Udviklingen går i den rigtige retning".
  { status: 'in_progress', pattern: danish(/\b(?:går|bevæger\s+sig|udvikler\s+sig|peger)\s+i\s+(?:den\s+)?rigtige?\s+retning\b/u), example: 'Udviklingen går i den rigtige retning.' },
  // A goal for a later year, followed on its way: "Målet følges frem mod 2030."
  { status: 'in_progress', pattern: danish(new RegExp(String.raw`\b(?:del)?${GOAL_NOUN}\s+følges\s+(?:frem\s+mod|fortsat|løbende)\b`, 'u')), example: 'Målet følges frem mod 2030.' },
  // Judged only when the period ends: "kan først vurderes ved årsskiftet".
  { status: 'in_progress', pattern: danish(/\bkan\s+først\s+(?:vurderes|opgøres|gøres\s+op|måles)\b/u), example: 'Målet kan først vurderes ved årsskiftet.' },
  { status: 'not_assessable', pattern: danish(/\bfor\s+tidligt\s+at\s+(?:vurdere|sige|afgøre|konkludere)\b/u), example: 'Det er for tidligt at vurdere, om målet for 2030 nås.' },
  { status: 'in_progress', pattern: danish(/^(?:(?:(?:mål(?:et)?|indsatsen|udviklingen)\s+)?(?:er|ligger)\s+)?(?:på\s+(?:rette\s+)?spor(?:et)?|på\s+rette\s+vej|følger\s+planen|i\s+plan)\s*[.!]?\s*$/u), example: 'Målet er på rette spor.' },
  { status: 'in_progress', pattern: danish(/^på\s+rette\s+vej\s*[.!]?\s*$/u), example: 'På rette vej' },
  { status: 'met', pattern: danish(/\bmål\p{L}*\s+(?:er|blev|var)\s+(?:\p{L}+\s+)?(?:opnået|realiseret)\b/u), example: 'Målsætningen er opnået.' },
  { status: 'met', pattern: danish(/\b(?:er|blev)\s+(?:\p{L}+\s+)?(?:overopfyldt|overgået|mere\s+end\s+(?:nået|opfyldt|indfriet))\b/u), example: 'Målet er mere end indfriet.' },
  { status: 'met', pattern: danish(new RegExp(String.raw`\b${VERB}${ADV}\s+${MET_WORD}\b`, 'u')), example: 'Målet er nået.' },
  // The verb before its subject: "Dermed er måltallet nået", "Derfor blev målsætningen indfriet".
  { status: 'met', pattern: danish(new RegExp(String.raw`\b(?:dermed|derfor|således|hermed|altså|samlet\s+set)\s+(?:er|blev)\s+(?:\p{L}+\s+)?${GOAL_NOUN}${ADV}\s+${MET_WORD}\b`, 'u')), example: 'Dermed er måltallet nået.' },
  { status: 'met', pattern: danish(new RegExp(String.raw`\b(?:${WE})\s+(?:${REACHED}|har\s+nået|har\s+indfriet|har\s+opfyldt)\s+(?:\p{L}+\s+)?${GOAL_NOUN}|\b${REACHED}\s+(?:${WE})\s+(?:\p{L}+\s+)?${GOAL_NOUN}|\blykkedes\s+(?:\p{L}+\s+)?at\s+(?:nå|opfylde|indfri)\s+${GOAL_NOUN}`, 'u')), example: 'Vi nåede målet.' },
  { status: 'met', pattern: new RegExp(String.raw`^(?:ja|${MET_WORD}|✔|✓|☑|✅)(?:\s|[.!]|$)`, 'u'), example: 'Opfyldt' },
  { status: 'met', pattern: danish(/^(?:opnået|realiseret)(?:\s*[.!])?\s*$/u), example: 'Opnået' },
  { status: 'met', pattern: /[✔✓☑✅]/u, example: '✔' },
  // The present passive: "Måltallet overholdes.", "Overholdes med en margin på 4,5 mio. kr.", "Målet nås."
  { status: 'met', pattern: danish(new RegExp(String.raw`\b(?:del)?${GOAL_NOUN}\s+(?:nås|indfries|opfyldes|overholdes)(?!\s+(?:ikke|næppe|ikke\s+helt))\b|^(?:overholdes|nås|indfries|opfyldes)\b(?!\s+ikke)`, 'u')), example: 'Måltallet overholdes.' },
];

/**
 * Traffic lights are verdicts only in a verdict slot (a Vurdering/Status cell or column),
 * never in prose, where "grøn" is as likely a colour or "den grønne omstilling".
 */
export const TRAFFIC_LIGHTS: readonly { readonly status: 'met' | 'partly_met' | 'not_met'; readonly pattern: RegExp; readonly example: string }[] = [
  { status: 'met', pattern: /^\s*(?:grøn|grønt|green)\s*[.!]?\s*$/iu, example: 'Grøn' },
  { status: 'partly_met', pattern: /^\s*(?:gul|gult|yellow)\s*[.!]?\s*$/iu, example: 'Gul' },
  { status: 'not_met', pattern: /^\s*(?:rød|rødt|red)\s*[.!]?\s*$/iu, example: 'Rød' },
];

/** The verdict of a verdict slot: a traffic light filling the slot, or a status phrase. */
export function findVerdict(text: string): StatusMatch | null {
  for (const light of TRAFFIC_LIGHTS) {
    if (light.pattern.test(text)) {
      const start = text.length - text.trimStart().length;
      return { status: light.status, start, end: text.trimEnd().length };
    }
  }
  return findStatus(text);
}

/** Sentences that speak of a verdict without giving one ("Hvis målet bliver nået, …"). */
export const HYPOTHETICAL_SENTENCE = danish(/^(?:hvis|såfremt|når|for\s+at|med\s+henblik\s+på|målet\s+er\s+at|det\s+er\s+målet|forudsat)\b/u);

/** Sentences whose "at"-clause is the goal itself: "Målet er, at …", "Der er sat et mål om, at …". */
export const GOAL_IS_THAT = danish(/\b(?:mål(?:et|sætningen)|ambitionen|hensigten)\s+(?:var|er|lyder)\s*,?\s+at\b|\b(?:sat|fastsat|opstillet|vedtaget)\s+(?:et\s+)?mål\s+om\s*,?\s+at\b|\b(?:var|er)\s+(?:mål(?:et|sætningen)|ambitionen|hensigten)\s*,?\s+at\b/iu);

/** A clause that names the goal again. */
const GOAL_WORD = danish(/\bmål/iu);

/**
 * Whether a status phrase at offset `at` of a sentence is a verdict. In a sentence that
 * states what the goal is ("Målet er, at … er i gang med en uddannelse"), words after the
 * cue describe the goal; only a clause naming the goal again ("…, og målet er nået") judges it.
 */
export function isVerdictClause(sentence: string, at: number): boolean {
  const cue = GOAL_IS_THAT.exec(sentence);
  if (cue === null || cue.index > at) return true;
  const clauseStart = Math.max(sentence.lastIndexOf(',', at), sentence.lastIndexOf(';', at), cue.index + cue[0].length);
  return GOAL_WORD.test(sentence.slice(clauseStart));
}

export interface StatusMatch {
  status: Exclude<GoalStatus, 'unknown'>;
  /** Offsets of the matched phrase in the text given. */
  start: number;
  end: number;
}

/**
 * The verdict a text states, or null when it states none. Hypothetical sentences and
 * "… at målet bliver nået" are not verdicts.
 */
export function findStatus(text: string): StatusMatch | null {
  const lower = text.toLowerCase();
  const sentences = splitForStatus(lower);
  for (const phrase of STATUS_PHRASES) {
    for (const s of sentences) {
      if (HYPOTHETICAL_SENTENCE.test(s.text.trimStart())) continue;
      const m = phrase.pattern.exec(s.text);
      if (m) return { status: phrase.status, start: s.start + m.index, end: s.start + m.index + m[0].length };
    }
  }
  return null;
}

/** Lower-case text split into sentences with offsets; whitespace is left in place so offsets stay exact. */
function splitForStatus(lower: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const boundary = /(?<=[.!?])\s+(?=\S)|\n\s*\n/gu;
  let start = 0;
  for (const m of lower.matchAll(boundary)) {
    out.push({ text: lower.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  out.push({ text: lower.slice(start), start });
  return out;
}
