// A goal's target from its wording: value, unit and comparator. The comparator words
// are data; a plain level ("skal være 70 %") counts as ">=" because follow-ups treat
// over-achievement as met (see ../shared/eval/gold/README.md).
import { danish } from '../common/danish-regex.js';
import type { Comparator, Target, Unit } from '../../schema/contract.js';
import { meaningfulMeasures, type Measure } from './goal-measures.js';

/** "Follow the national figure" targets: no figure of their own. */
export const FOLLOW_NATIONAL =
  danish(/\b(?:følge|svare\s+til|svarer\s+til|ligge\s+på\s+niveau\s+med|være\s+på\s+niveau\s+med|på\s+niveau\s+med|matche|ligge\s+på|være\s+på\s+højde\s+med)\s+(?:udviklingen\s+(?:på|i)\s+)?(?:eller\s+(?:er\s+)?(?:bedre|højere|lavere)\s+end\s+)?(?:det\s+)?(?:landstal(?:let|lene)?|landsgennemsnittet|landsniveauet|niveauet\s+på\s+landsplan|landsplan)/iu);

interface ComparatorWord {
  readonly pattern: RegExp;
  readonly comparator: Comparator;
  /** Weak words ("over", "under") also describe populations ("over 2 år"); they count only before % or kr. */
  readonly weak?: boolean;
}

/**
 * Words before a figure that say which way the target points. "mindst"/"højst" reach over
 * up to three words of the same clause ("højst skulle udgøre 15 pct."); no comma or figure between.
 */
export const COMPARATOR_WORDS: readonly ComparatorWord[] = [
  // A level to come down to is a ceiling: "skal falde til 450", "nedbringes til 18 %".
  { pattern: danish(/\b(?:falde|falder|reduceres|nedbringes|sænkes|mindskes|bringes\s+ned|komme\s+ned)\s+(?:\p{L}+\s+)?til\s+(?:højst\s+|maksimalt\s+)?$/iu), comparator: '<=' },
  // "skal være under 20 uger", "skal ligge over 60": after a verb of being, over/under bound the level in any unit.
  { pattern: danish(/(?<!\bikke\s)\b(?:være|ligge|blive|komme)\s+(?:på\s+)?under\s+$/iu), comparator: '<=' },
  { pattern: danish(/(?<!\bikke\s)\b(?:være|ligge|blive|komme)\s+(?:på\s+)?over\s+$/iu), comparator: '>=' },
  // The verb and its object before "med N": "reducere antallet af borgere på sygedagpenge med 60".
  { pattern: danish(/\b(?:reducere|nedbringe|mindske|sænke)\s+(?:[\p{L}-]+\s+){1,6}med\s+(?:mindst\s+|minimum\s+|ca\.\s+)?$/iu), comparator: 'reduce' },
  { pattern: danish(/\b(?:øge|forøge|hæve|forbedre)\s+(?:[\p{L}-]+\s+){1,6}med\s+(?:mindst\s+|minimum\s+|ca\.\s+)?$/iu), comparator: 'increase' },
  { pattern: danish(/\b(?:reduceres|reduceret|nedbringes|nedbragt|sænkes|falde|reduktion)\s+(?:\p{L}+\s+)?(?:med|på)\s+(?:mindst\s+|minimum\s+)?$/iu), comparator: 'reduce' },
  { pattern: danish(/\b(?:øges|øget|forøges|stige|stiger|hæves|forbedres)\s+(?:\p{L}+\s+)?(?:med|til)\s+(?:mindst\s+)?$/iu), comparator: 'increase' },
  // A change named by its noun, as in a Måltal cell: "En stigning på 3,0 procentpoint", "et fald på 40".
  { pattern: danish(/\b(?:stigning|forøgelse|øgning|fremgang)\s+på\s+(?:mindst\s+)?$/iu), comparator: 'increase' },
  { pattern: danish(/\b(?:fald|nedgang|nedbringelse)\s+på\s+(?:mindst\s+)?$/iu), comparator: 'reduce' },
  { pattern: danish(/\b(?:mindst|minimum|min\.|mere\s+end|flere\s+end|over\s+eller\s+lig|ikke\s+under|ikke\s+mindre\s+end|som\s+minimum)\s+(?:[\p{L}]+\s+){0,3}$/iu), comparator: '>=' },
  { pattern: danish(/\bmellem\s+$/iu), comparator: '>=' },
  // A deadline: "skal være afgjort senest 40 dage efter …".
  { pattern: danish(/\bsenest\s+$/iu), comparator: '<=' },
  { pattern: danish(/\b(?:maksimalt|maks\.?|maximalt|højst|mindre\s+end|færre\s+end|ikke\s+over|ikke\s+mere\s+end|som\s+maksimum|under\s+eller\s+lig)\s+(?:[\p{L}]+\s+){0,3}$/iu), comparator: '<=' },
  { pattern: danish(/\b(?:bidrage|bidrager|bidraget)\s+med\s+$|\b(?:ramme|bidrag|pulje|budget)\s+på\s+$|\b(?:afsat|afsættes|tildelt|tildeles)\s+$/iu), comparator: '=' },
  // A ceiling or floor stated as a negation: "må ikke være over 8 %", "må ikke overstige 450", "skal ikke ligge under 60 %".
  { pattern: danish(/\bikke\s+(?:være|ligge|blive|komme)\s+(?:på\s+)?(?:over|mere\s+end|højere\s+end)\s+$|\bikke\s+overstige\s+$/iu), comparator: '<=' },
  { pattern: danish(/\bikke\s+(?:være|ligge|blive|komme)\s+(?:på\s+)?(?:under|mindre\s+end|lavere\s+end)\s+$/iu), comparator: '>=' },
  // Signs in a target cell: "≥ 55 %", "≤ 12 uger".
  { pattern: /(?:≥|>=|⩾)\s*$/u, comparator: '>=' },
  { pattern: /(?:≤|<=|⩽)\s*$/u, comparator: '<=' },
  { pattern: danish(/\bover\s+$/iu), comparator: '>=', weak: true },
  { pattern: danish(/\bunder\s+$/iu), comparator: '<=', weak: true },
];

/** Words right after a figure that make it a change: "150 flere borgere", "40 færre sager". */
export const COMPARATOR_AFTER: readonly (readonly [RegExp, Comparator])[] = [
  [danish(/^\s+(?:flere|mere)\b(?!\s+end\b)/iu), 'increase'],
  [danish(/^\s+(?:færre|mindre)\b(?!\s+end\b)/iu), 'reduce'],
];

/** A direction stated without a figure ("skal være mindre end den forventede andel"). */
const DIRECTION_ONLY: readonly (readonly [RegExp, Comparator])[] = [
  [danish(/\b(?:mindre|lavere|færre)\s+end\b|\bmaksimalt\b|\bhøjst\b|\b(?:ligge|være|komme|holdes)\s+(?:på\s+)?under\b/iu), '<='],
  [danish(/\b(?:ligge|være|komme|holdes)\s+(?:på\s+)?over\b/iu), '>='],
  [danish(/\b(?:reduceres|reduceret|nedbringes|nedbragt|mindskes|falde|færre|reduktion)\b/iu), 'reduce'],
  [danish(/\b(?:øges|øget|forøges|stige|flere|forbedres|højere)\b/iu), 'increase'],
];

/** The verb that makes a sentence a duty; the target is the figure it governs. */
const MODAL_VERB = danish(/\b(?:skal|skulle|må|måtte|bør)\b/iu);

/** A sentence opening with its bound: "Højst 6 % af borgerne må vente mere end 4 uger" bounds the subject. */
const SUBJECT_BOUND = danish(/^\s*(?:[\p{L}-]+\s+)?(?:mindst|minimum|højst|maksimalt|under|over|mere\s+end|færre\s+end)\s+\d/iu);

/** A capitalised bound opens a sentence, so bounds its subject: "Flere timer i fleksjob Mindst 35 % af borgerne skal …". */
const CAPITAL_BOUND = /(?<![\p{L}])(?:Mindst|Minimum|Højst|Maksimalt|Mere\s+end|Færre\s+end)\s+\d/u;

/** Bounds before and after the modal verb, as data: the target a goal's wording gives. */
export const GOVERNED_BOUND_EXAMPLES: readonly { text: string; value: number }[] = [
  { text: 'Andelen af borgere, der har været på forsørgelse i mere end 80 % af tiden, skal nedbringes til højst 55 %.', value: 55 },
  { text: 'Mindst 65 % af de nyledige skal være i job inden for tre måneder.', value: 65 },
  { text: 'Der skal i 2025 indgås mindst 120 nye aftaler.', value: 120 },
  { text: 'Højst 6 % af borgerne må vente mere end 4 uger på en samtale.', value: 6 },
  { text: 'Flere timer i fleksjob Mindst 35 % af borgerne i fleksjob skal arbejde mindst 15 timer om ugen.', value: 35 },
];

/** Sentences that state a target: a modal verb or a target noun. */
const TARGET_SENTENCE = danish(/\b(?:skal|må|bør|tilstræbes|forventes|målsætning(?:en)?|måltal(?:let)?|målet\s+(?:er|var)|mål(?:et)?\s+om)\b/iu);

/** Nouns in a goal's wording that give the unit of a target without a figure. */
const UNIT_FROM_WORDING: readonly (readonly [RegExp, Unit])[] = [
  [danish(/\b(?:besparelse|kr\.|kroner|udgift|forbrug|budget)/iu), 'dkk'],
  [danish(/\b(?:antal(?:let)?\s+(?:af\s+)?|færre\s+|flere\s+)(?:[\p{L}-]+\s+)?(?:helårs|fuldtids)?(?:personer|borgere|ledige|unge|elever|kursister|deltagere|modtagere)\b|\bhelårspersoner\b|\bfuldtidspersoner\b|\bpersoner\b|^\s*(?:borgere|ledige|personer|unge|elever|kursister|deltagere)\s+(?:ansat|i|på|under|over|med|som|der)\b/iu), 'persons'],
  [danish(/\bantal(?:let)?\b/iu), 'count'],
  [danish(/procent|\bandel(?:en)?\b|\bgrad(?:en)?\b|\bkvote(?:n)?\b|%/iu), 'percent'],
  // A rate named as a frequency: "beskæftigelsesfrekvensen for flygtninge".
  [danish(/frekvens/iu), 'percent'],
  [danish(/\blektion/iu), 'lessons'],
  [danish(/\bscore\b|\bvurdering\b|\bskala\b|\bkarakter(?:gennemsnit(?:tet)?|en|er)?\b/iu), 'score'],
];

/** A sum set aside ("bidrage med", "en ramme på"): its kroner figure is the target itself. */
const ALLOTTED = danish(/\bbidrage\b|\bbidrag\b|\bramme\b|\bafsat\b/iu);
/** A deadline a duty sets: "inden for 6 uger", "senest 3 måneder efter". */
const DEADLINE = danish(/\b(?:inden\s+for|indenfor|senest)\s+(\d{1,3})\s+(arbejdsdage|hverdage|dage|uger|måneder)\b/iu);
const DEADLINE_UNITS: Readonly<Record<string, Unit>> = { arbejdsdage: 'days', hverdage: 'days', dage: 'days', uger: 'weeks', måneder: 'months' };

/** Deadlines as targets, as data. */
export const DEADLINE_EXAMPLES: readonly { text: string; value: number | null; comparator: string | null }[] = [
  { text: 'Ansøgninger om parkeringstilladelse skal behandles inden for 4 uger.', value: 4, comparator: '<=' },
  { text: 'Klager skal besvares inden for 10 arbejdsdage.', value: 10, comparator: '<=' },
  { text: 'Sagerne skal være afgjort senest 30 dage efter modtagelsen.', value: 30, comparator: '<=' },
  { text: 'Mindst 65 % af de nyledige skal være i job inden for tre måneder.', value: 65, comparator: '>=' },
];

/** "mellem 20 og 25": the figure opens a range. */
const BETWEEN_BEFORE = danish(/\bmellem\s+$/iu);

export function unitFromWording(text: string): Unit | null {
  for (const [pattern, unit] of UNIT_FROM_WORDING) if (pattern.test(text)) return unit;
  return null;
}

export interface ParseTargetOptions {
  /** The text is a target cell of its own ("under 20 uger"), so weak words count for every unit. */
  targetCell?: boolean;
}

/** Reads the target of one goal's text. Null fields where the wording gives none. */
export function parseTarget(text: string, options: ParseTargetOptions = {}): Target {
  if (FOLLOW_NATIONAL.test(text)) return { value: null, unit: unitFromWording(text), comparator: 'follow-national' };
  const measures = meaningfulMeasures(text);
  // 1. A figure with a comparator word right before it; those the modal verb governs first, as a
  // bound in the subject describes who is counted ("… i mere end 80 % af tiden, skal nedbringes til højst 55 %").
  const found = MODAL_VERB.exec(text);
  const modal = found && !SUBJECT_BOUND.test(text) && !CAPITAL_BOUND.test(text.slice(0, found.index)) ? found : null;
  const governed = modal ? measures.filter((m) => m.start > modal.index) : [];
  for (const m of [...governed, ...measures.filter((x) => !governed.includes(x))]) {
    const before = text.slice(Math.max(0, m.start - 80), m.start);
    for (const word of COMPARATOR_WORDS) {
      if (!word.pattern.test(before)) continue;
      if (word.weak && !options.targetCell && m.unit !== 'percent' && m.unit !== 'dkk') continue;
      return targetOf(m, word.comparator, text);
    }
    const after = COMPARATOR_AFTER.find(([pattern]) => pattern.test(text.slice(m.end, m.end + 20)));
    if (after) return targetOf(m, after[1], text);
  }
  // A duty with a deadline and nothing else measured: "skal besvares inden for 5 arbejdsdage" (a
  // duration after "inden for" is otherwise a condition on who is counted, see goal-measures).
  const deadline = modal && measures.length === 0 ? DEADLINE.exec(text.slice(modal.index)) : null;
  if (deadline) return { value: Number(deadline[1]), unit: DEADLINE_UNITS[(deadline[2] ?? '').toLowerCase()] ?? null, comparator: '<=' };
  // 2. The first figure of the first sentence that states a target; % and kr. before others.
  const sentences = text.split(/(?<=[.;!?])\s+(?=\p{Lu}|\d)/u);
  let offset = 0;
  const ordered: Measure[][] = [];
  for (const s of sentences) {
    const at = text.indexOf(s, offset);
    offset = at + s.length;
    const inside = measures.filter((m) => m.start >= at && m.end <= at + s.length);
    if (inside.length > 0 && TARGET_SENTENCE.test(s)) ordered.push(inside);
  }
  const allotted = ALLOTTED.test(text);
  for (const group of [...ordered, measures]) {
    const preferred = group.find((m) => m.unit === 'percent' || m.unit === 'dkk') ?? group[0];
    if (preferred) return targetOf(preferred, allotted && preferred.unit === 'dkk' ? '=' : '>=', text);
  }
  // 3. A direction without a figure.
  for (const [pattern, comparator] of DIRECTION_ONLY) {
    if (pattern.test(text)) return { value: null, unit: unitFromWording(text), comparator };
  }
  return { value: null, unit: null, comparator: null };
}

function targetOf(m: Measure, comparator: Comparator, text: string): Target {
  // A bare figure ("reduceres med 60.") is neither % nor kr.: its wording may say it counts people or things.
  const worded = unitFromWording(text);
  const bare = worded === 'persons' || worded === 'count' || worded === 'score' ? worded : null;
  const unit = m.unit === 'count' ? (worded === 'persons' ? 'persons' : 'count') : (m.unit ?? bare);
  const target: Target = { value: m.value, unit, comparator };
  if (m.upper !== undefined) target.upper = m.upper;
  const range = BETWEEN_BEFORE.test(text.slice(Math.max(0, m.start - 10), m.start));
  if (range) {
    const next = meaningfulMeasures(text.slice(m.end, m.end + 30));
    const upper = /^\s*og\s+/u.test(text.slice(m.end, m.end + 5)) || /^\s*%?\s*og\s/u.test(text.slice(m.end, m.end + 8)) ? next[0] : undefined;
    if (upper) {
      target.upper = upper.value;
      if ((target.unit === 'count' || target.unit === null) && upper.unit !== null) target.unit = upper.unit;
    }
    target.comparator = '>=';
  }
  return target;
}
