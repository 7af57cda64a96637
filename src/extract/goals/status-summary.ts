// The document's own count of goals per verdict ("8 mål er nået", "11 mål er ikke nået",
// "ud af de 24 mål", "Ikke nået: 3"). Only what the document states; null when it states none.
import type { StatusSummary } from '../../schema/contract.js';
import type { ExtractionContext, WarningSink } from '../types.js';
import { danish } from '../common/danish-regex.js';
import { findStatus, TRAFFIC_LIGHTS } from './status-vocabulary.js';
import { legendStatus, readVerdictLegend, type VerdictLegend } from './verdict-legend.js';

/** The nouns a count of goals is made of. */
const GOAL_NOUN = String.raw`(?:del|indsats|resultat|fokus|effekt|service|kvalitets|drifts|styrings|udviklings|velfærds)?(?:mål(?:ene)?|måltal(?:lene)?|målsætninger(?:ne)?|målepunkter|indikator(?:er(?:ne)?|en)?)`;

/** Adjectives between a count and its noun: "seks lokale mål", "de fem tværgående målsætninger". */
const ADJECTIVES = String.raw`(?:[\p{L}-]+e\s+){0,2}`;

/**
 * Counts written as words ("tre mål er nået", "Ét mål kan ikke opgøres"). "én"/"ét" are numerals;
 * plain "en"/"et" are articles as often, so they count only right before a goal noun (ARTICLE_ONE).
 */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  én: 1, ét: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10, elleve: 11, tolv: 12,
  tretten: 13, fjorten: 14, femten: 15, seksten: 16, sytten: 17, atten: 18, nitten: 19, tyve: 20,
};
const ARTICLE_ONE: Readonly<Record<string, number>> = { en: 1, et: 1 };
const NUMBER_WORD = String.raw`\b(?:${Object.keys(NUMBER_WORDS).join('|')})\b`;
const NOUN_COUNT_WORD = String.raw`\b(?:${[...Object.keys(NUMBER_WORDS), ...Object.keys(ARTICLE_ONE)].join('|')})\b`;
const countOf = (s: string): number => NUMBER_WORDS[s.toLowerCase()] ?? ARTICLE_ONE[s.toLowerCase()] ?? Number(s);

/** A count of goals: "8 mål", "3 af de 12 delmål", "11 af målene"; its verdict follows up to the next count. */
const COUNT = danish(
  new RegExp(String.raw`(?<![\d.,])(\d{1,3}|${NOUN_COUNT_WORD})\s+(?:af\s+(?:de\s+)?(?:(\d{1,3}|${NUMBER_WORD})\s+)?)?${ADJECTIVES}${GOAL_NOUN}\b`, 'giu'),
);
/** "ud af de 24 mål", "i alt 24 mål", "af planens 24 mål", "af udvalgets 8 mål", "af de elleve mål", "status på de seks mål". */
const TOTAL = danish(new RegExp(String.raw`\b(?:ud\s+af|i\s+alt|af\s+(?:de|alle|\p{L}+(?:ens|ets))|(?:status|opfølgning)\s+på\s+(?=de\s|alle\s)(?:alle\s+)?|omfatter|indeholder|består\s+af|dækker)\s+(?:de\s+)?(\d{1,3}|${NUMBER_WORD})\s+${ADJECTIVES}${GOAL_NOUN}\b`, 'giu'));
const TOTAL_IN_SENTENCE = danish(new RegExp(TOTAL.source, 'iu'));
/** "af de 11 aktive mål": a total that leaves the withdrawn goals out. */
const ACTIVE = danish(/\baktive\b/iu);
/** A verdict defined by its condition: "…, når udviklingen går i den rigtige retning". */
const DEFINITION = danish(/,\s*(?:når|hvis)\s/iu);

/** "3 ud af 6 mål indfriet": the count before "ud af" carries the verdict, the one after is the total. */
const PART_OF_TOTAL = danish(new RegExp(String.raw`(?<![\d.,])(\d{1,3}|${NUMBER_WORD})\s+ud\s+af\s+(?:de\s+)?$`, 'iu'));
/** The words before a stated total: "af de", "af planens", "i alt", "ud af de". */
const TOTAL_LEAD = danish(/(?:^|[^\p{L}])(?:af\s+(?:de|alle|\p{L}+(?:ens|ets))|i\s+alt|ud\s+af(?:\s+de)?|(?:status|opfølgning)\s+på\s+(?:de|alle))\s+$/iu);
/** A count without its noun, and (looked ahead at, so the next count is still found) the words after it up to the next figure. */
const BARE_COUNT = danish(new RegExp(String.raw`(?<![\d.,])(\d{1,3}|${NOUN_COUNT_WORD})\b(?!\s*%)(?=((?:(?!(?<![\d.,])\d)[^.;])*))`, 'giu'));
/** The verb after a bare count: "2 er ikke nået", "1 kan ikke opgøres"; or "som" after "vurderes": "vurderes 3 som opfyldt". */
const BARE_VERB = danish(/^\s*(?:er|var|blev|kan|har|må|forventes|anses|som)\b/iu);
/** Words between a count and its verdict that say nothing of it: "4 af de 5 mål for 2024 nået", "1 er stadig i gang". */
const FILLER = danish(/^(?:(?:for|i)\s+(?:(?:19|20)\d\d|året)|samlet(?:\s+set)?|i\s+alt|dermed|således|derfor)\s+/iu);

/**
 * The verdict of the words after a count, up to the first clause break. Read as it stands and,
 * failing that, with the goal noun before it, as the count stood for it ("5 af de 11 mål er opnået").
 */
function verdictOf(clause: string): ReturnType<typeof findStatus> {
  let tail = clause.replace(/\s+/gu, ' ').split(/[.;:,]|\s+og\s+|\s+mens\s+/u)[0]?.trim() ?? '';
  for (let f = FILLER.exec(tail); f; f = FILLER.exec(tail)) tail = tail.slice(f[0].length);
  // "vurderes 3 som opfyldt": the verdict follows "som".
  const lead = /^som\s+/iu.exec(tail)?.[0].length ?? 0;
  tail = tail.slice(lead);
  const found = findStatus(tail);
  if (found) return found;
  const withNoun = findStatus(`mål ${tail}`);
  return withNoun ? { ...withNoun, start: Math.max(0, withNoun.start - 4), end: withNoun.end - 4 } : null;
}
/** "antallet af mål blev reduceret fra 25 til 24": the difference was withdrawn. */
const REDUCED = danish(
  new RegExp(String.raw`\b(?:antal(?:let)?\s+(?:af\s+)?${GOAL_NOUN}|${GOAL_NOUN})\s+(?:blev\s+|er\s+)?(?:reduceret|nedsat|ændret)\s+fra\s+(\d{1,3})\s+til\s+(\d{1,3})\b`, 'giu'),
);
/**
 * A summary line in a table: "Ikke nået  11", "Opfyldt: 8", or a legend's key before its meaning
 * ("B - Målet er delvist nået  1"). Groups: the key, the label, the count.
 */
const LABEL_COUNT = /^[ \t]*(?:([A-ZÆØÅ]{1,3})[ \t]+[-–=][ \t]+)?([\p{L} ✔✓✘✗]{2,60}?)[ \t]*[:\t ][ \t]*(\d{1,3})[ \t]*(?:mål)?[ \t]*$/gmu;

type Key = Exclude<keyof StatusSummary, 'total'>;

/**
 * Counts by colour: "To mål er grønne, to er gule og ét er rødt", "3 indikatorer står til rødt".
 * A colour means what the document's legend says, else what a traffic light means.
 */
const COLOUR_COUNT = danish(new RegExp(String.raw`(?<![\d.,])(\d{1,3}|${NOUN_COUNT_WORD})(?:\s+${GOAL_NOUN})?\s+(?:er|var|står\s+(?:til|på|i)|vises\s+med)\s+(?:i\s+)?(grønne?|grønt|gule?|gult|røde?|rødt)(?![\p{L}])`, 'giu'));

/** A count right before its colour, the verb before them: "Af de 11 aktive mål er 4 grønne, 4 gule og 2 røde". */
const COUNT_THEN_COLOUR = danish(new RegExp(String.raw`(?<![\d.,])(\d{1,3}|${NOUN_COUNT_WORD})\s+(grønne|gule|røde|grøn|gul|rød)(?![\p{L}])`, 'giu'));

/** Colour counts, as data: the sentence and the counts it states (traffic-light meanings). */
export const COLOUR_COUNT_EXAMPLES: readonly { sentence: string; counts: Partial<Record<Key, number>> }[] = [
  { sentence: 'To mål er grønne, to er gule og ét er rødt.', counts: { met: 2, partly_met: 2, not_met: 1 } },
  { sentence: 'Tre indikatorer står til grønt, og 1 står til rødt.', counts: { met: 3, not_met: 1 } },
  { sentence: 'Fire af de grønne områder er nye.', counts: {} },
  { sentence: 'Af de 11 aktive mål er 4 grønne, 4 gule og 2 røde.', counts: { met: 4, partly_met: 4, not_met: 2 } },
];

/** The status a colour word has: by the legend, else as a traffic light (plural and neuter forms too). */
function colourStatus(legend: VerdictLegend, word: string): Key | null {
  const base = word.toLowerCase().replace(/^(grøn|gul|rød)(?:ne|e|t)$/u, '$1');
  return legendStatus(legend, base) ?? TRAFFIC_LIGHTS.find((l) => l.pattern.test(base))?.status ?? null;
}

/** Traffic-light counts: "Status er grøn for 5 indikatorer, gul for 2 og rød for 2". */
const LIGHT_COUNT = danish(new RegExp(String.raw`\b(grøn|grønt|gul|gult|rød|rødt)\s+for\s+(\d{1,3}|${NUMBER_WORD})\b`, 'giu'));
/** The verb before the count: "Herudover udgår 1 indikator", "bortfalder to mål". */
const WITHDRAWN_FIRST = danish(new RegExp(String.raw`\b(?:udgår|udgik|bortfalder|bortfaldt)\s+(\d{1,3}|${NOUN_COUNT_WORD})\s+${GOAL_NOUN}\b`, 'giu'));

/** The verb before the count: "Samlet overholdes to af de fire måltal", "nås 3 af målene". */
const MET_FIRST = danish(new RegExp(String.raw`\b(?:overholdes|nås|opfyldes|indfries)\s+(\d{1,3}|${NOUN_COUNT_WORD})\s+af\s+(?:de\s+)?(?:(?:\d{1,3}|${NUMBER_WORD})\s+)?${ADJECTIVES}${GOAL_NOUN}\b`, 'giu'));

/** COUNT for one match in a sentence (not global: no lastIndex carried between sentences). */
const COUNT_ONCE = danish(new RegExp(COUNT.source, 'iu'));
/** A bare count's words that start with the goal noun: the count is COUNT's. */
const NOUN_FIRST = danish(new RegExp(String.raw`^\s*${GOAL_NOUN}\b`, 'iu'));

/** Where a document states its counts: the self-check compares them with the goals of that agenda item. */
const statedAt = new WeakMap<StatusSummary, { page: number; offset: number }>();

export function summaryPlace(summary: StatusSummary): { page: number; offset: number } | undefined {
  return statedAt.get(summary);
}

/** Sentences counted into a summary by naming one goal ("Målet om jobrotation er bortfaldet …"): their verdicts are the summary's. */
const namedInSummary = new WeakMap<StatusSummary, { page: number; text: string }[]>();

export function sentencesNamedIn(summary: StatusSummary | null): readonly { page: number; text: string }[] {
  return summary ? (namedInSummary.get(summary) ?? []) : [];
}

/** A sentence about one goal by its subject: "Målet om jobrotation …", "Delmålet om sprogcaféer …". */
const ONE_NAMED_GOAL = danish(/^(?:(?:del|fokus|resultat)?målet|måltallet|målsætningen)\s+om\b/iu);

/** Summaries whose total is the sum of their stated counts, not a total stated in words. */
const summedTotals = new WeakSet<StatusSummary>();

export function isSummedTotal(summary: StatusSummary): boolean {
  return summedTotals.has(summary);
}

export function extractStatusSummary(ctx: ExtractionContext, _warn: WarningSink): StatusSummary | null {
  const summary: StatusSummary = {};
  let found = false;
  for (const page of ctx.pages) {
    const text = page.text;
    for (const m of text.matchAll(TOTAL)) {
      // "Af de 12 effektmål er 1 udgået. Af de 11 aktive mål er …": the active ones are the total assessed.
      if (summary.total === undefined || ACTIVE.test(m[0])) summary.total = countOf(m[1] ?? '');
      if (!statedAt.has(summary)) statedAt.set(summary, { page: page.number, offset: m.index });
      found = true;
    }
    const counts = [...text.matchAll(COUNT)];
    counts.forEach((m, k) => {
      const from = m.index + m[0].length;
      const next = counts[k + 1]?.index ?? text.length;
      // The verdict runs on over a wrapped line ("taget\nud af planen"), not into the next line item.
      const clause = text.slice(from, next).split(/\n(?=\s*[\p{Lu}\d•\-–\uf0b7*])/u)[0] ?? '';
      const status = verdictOf(clause);
      if (!status) return;
      // "Et mål er vurderet som delvist opfyldt, når …" defines a verdict; it counts nothing.
      if (DEFINITION.test(text.slice(from, text.indexOf('.', from) < 0 ? text.length : text.indexOf('.', from)))) return;
      const key: Key = status.status;
      const part = PART_OF_TOTAL.exec(text.slice(Math.max(0, m.index - 30), m.index));
      if (part) {
        if (summary[key] === undefined) summary[key] = countOf(part[1] ?? '');
        summary.total ??= countOf(m[1] ?? '');
        found = true;
        return;
      }
      // "Af de seks mål er to nået": a count after "af de" is the total; the bare counts carry the verdicts.
      if (TOTAL_LEAD.test(text.slice(Math.max(0, m.index - 30), m.index))) return;
      if (summary[key] === undefined) summary[key] = countOf(m[1] ?? '');
      if (m[2] !== undefined && summary.total === undefined) summary.total = countOf(m[2]);
      if (!statedAt.has(summary)) statedAt.set(summary, { page: page.number, offset: m.index });
      found = true;
    });
    // "Af planens 6 mål er 4 nået, og 2 er ikke nået", "Herudover er 1 mål udgået, 1 kan ikke
    // opgøres": after a stated total or a count of goals, bare counts carry verdicts.
    const pageSentences = text.split(/(?<=[.!?])\s+/u);
    pageSentences.forEach((sentence, k) => {
      // The sentence after a summary may set one named goal apart: "Målet om X er bortfaldet og indgår ikke i opgørelsen."
      const previous = pageSentences[k - 1];
      if (!previous || !ONE_NAMED_GOAL.test(sentence.trim()) || !(TOTAL_IN_SENTENCE.test(previous) || COUNT_ONCE.test(previous))) return;
      const status = verdictOf(sentence);
      if (!status || (status.status !== 'withdrawn' && status.status !== 'not_assessable')) return;
      if (summary[status.status] === undefined) summary[status.status] = 1;
      const named = namedInSummary.get(summary) ?? [];
      named.push({ page: page.number, text: sentence.trim() });
      namedInSummary.set(summary, named);
      found = true;
    });
    for (const sentence of pageSentences) {
      const total = TOTAL_IN_SENTENCE.exec(sentence) ?? COUNT_ONCE.exec(sentence);
      if (!total) continue;
      for (const m of sentence.slice(total.index + total[0].length).matchAll(BARE_COUNT)) {
        const rest = (m[2] ?? '').replace(/\s+/gu, ' ');
        // A count with its noun is COUNT's; a bare count is followed by its verb or verdict ("2 er ikke nået", "3 nået").
        if (NOUN_FIRST.test(rest)) continue;
        const status = verdictOf(rest);
        if (!status || !(status.start === 0 || BARE_VERB.test(rest))) continue;
        // "et er delvist nået": an article is followed by a noun, so "en"/"et" before a verb is a count.
        if ((m[1] ?? '').toLowerCase() in ARTICLE_ONE && !BARE_VERB.test(rest)) continue;
        const key: Key = status.status;
        if (summary[key] === undefined) summary[key] = countOf(m[1] ?? '');
        found = true;
      }
    }
    for (const m of text.matchAll(LIGHT_COUNT)) {
      const light = TRAFFIC_LIGHTS.find((l) => l.pattern.test(m[1] ?? ''));
      if (!light) continue;
      if (summary[light.status] === undefined) summary[light.status] = countOf(m[2] ?? '');
      found = true;
    }
    for (const m of text.matchAll(COUNT_THEN_COLOUR)) {
      const key = colourStatus(readVerdictLegend(ctx.pages), m[2] ?? '');
      if (!key) continue;
      if (summary[key] === undefined) summary[key] = countOf(m[1] ?? '');
      found = true;
    }
    for (const m of text.matchAll(COLOUR_COUNT)) {
      const key = colourStatus(readVerdictLegend(ctx.pages), m[2] ?? '');
      if (!key) continue;
      if (summary[key] === undefined) summary[key] = countOf(m[1] ?? '');
      found = true;
    }
    for (const m of text.matchAll(MET_FIRST)) {
      if (summary.met === undefined) summary.met = countOf(m[1] ?? '');
      found = true;
    }
    for (const m of text.matchAll(WITHDRAWN_FIRST)) {
      if (summary.withdrawn === undefined) summary.withdrawn = countOf(m[1] ?? '');
      found = true;
    }
    for (const m of text.matchAll(REDUCED)) {
      const from = Number(m[1]);
      const to = Number(m[2]);
      if (from > to && summary.withdrawn === undefined) summary.withdrawn = from - to;
      if (summary.total === undefined) summary.total = to;
      found = true;
    }
    let tallied = false;
    for (const m of text.matchAll(LABEL_COUNT)) {
      const label = (m[2] ?? '').trim();
      // "I alt  12" closing a tally of verdicts is the stated total.
      if (tallied && /^i\s+alt$/iu.test(label)) {
        summary.total ??= Number(m[3]);
        continue;
      }
      const status = findStatus(label);
      const byKey = m[1] === undefined ? null : legendStatus(readVerdictLegend(ctx.pages), m[1]);
      if ((!status || status.start !== 0 || status.end < label.length - 1) && !byKey) continue;
      const key: Key = byKey ?? (status?.status as Key);
      if (summary[key] === undefined) summary[key] = Number(m[3]);
      tallied = true;
      found = true;
    }
  }
  // Counts stated per verdict without a total ("to delmål indfriet, ét ikke nået, …"): the goals
  // counted are the total, less the withdrawn ones (as a plan's total leaves them out).
  if (found && summary.total === undefined) {
    const counted = (Object.keys(summary) as (keyof StatusSummary)[]).filter((k) => k !== 'total' && k !== 'withdrawn');
    if (counted.length >= 2) {
      summary.total = counted.reduce((sum, k) => sum + (summary[k] ?? 0), 0);
      summedTotals.add(summary);
    }
  }
  const counted = (Object.keys(summary) as (keyof StatusSummary)[]).filter((k) => k !== 'total');
  return found && counted.length > 0 ? summary : null;
}
