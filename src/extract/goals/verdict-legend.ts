// A document's own key to its verdict colours and marks ("Grøn = målet er nået",
// "Blå: arbejdet er i gang", "÷ = ikke nået", "(✓) = delvist nået"): the key is read
// once per document, then a verdict cell holding only a key takes the key's meaning,
// before the general vocabulary (where "(✓)" would read as met and "Blå" as nothing).
import type { GoalStatus } from '../../schema/contract.js';
import type { NormalisedPage } from '../../schema/normalised.js';
import { LEGEND_COLOURS } from './verdict-legend-keys.js';
import { findStatus, TRAFFIC_LIGHTS } from './status-vocabulary.js';
import { COLOUR_HUES, colourName, filledKeys, hueDistance, hueOf, markColourAt } from '../common/mark-colours.js';

export type VerdictLegend = ReadonlyMap<string, Exclude<GoalStatus, 'unknown'>>;

/** A mark: one to three signs that are neither letters nor digits, bracketed or not ("✓", "(✓)", "÷", "+/-"). */
const MARK = String.raw`\(?[^\p{L}\p{N}\s=:,;.()]{1,3}\)?`;
/** The colour words in any case (the key pattern is case-sensitive, for its capital letter codes). */
const COLOUR = LEGEND_COLOURS.map((c) => [...c].map((ch) => (ch.toLowerCase() === ch.toUpperCase() ? ch.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&') : `[${ch.toLowerCase()}${ch.toUpperCase()}]`)).join('')).join('|');
/**
 * A key and its separator: "Grøn =", "Blå:", "÷ =", "(✓) =", a letter code "A =", "DN =" or "A: Målet er …", a letter
 * code in a cell of its own beside its meaning (a "Kode | Betydning" table) or before a dash ("A - Målet
 * er nået"), or a mark set straight before its meaning ("✔ Målet er nået ◐ Målet er delvist nået"). A
 * mark needs "=" or a capital after it (a colon after a sign is punctuation).
 */
const KEY = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(${COLOUR})\s*(?:=|:|–)|(${MARK})\s*=|(?<![\p{L}\p{N}.-])([A-ZÆØÅ]{1,3})(?:\s*=(?!=)|\t| [-–] (?=\p{Lu})|:(?=[ \t]+\p{Lu}))|(${MARK})\s+(?=\p{Lu}))\s*`,
  'gu',
);

/** Words a key's meaning speaks of: the goal, the work, its data, or a verdict. */
const MEANING_WORDS = /\bmål|\bindsats|\barbejde|\bdata\b|\bnået|\bopfyldt|\bgang\b|\bvej\b|\bspor|\bproces\b|\bvurder|\bopgø|\bopgjort|\budgå/iu;

/** A legend defines several keys; one "x = y" alone is more likely a formula. */
const MIN_KEYS = 2;

const cache = new WeakMap<readonly NormalisedPage[], VerdictLegend>();

/** The verdict legend of a document: key (lower-case, spaces removed) → status. Empty when it prints none. */
export function readVerdictLegend(pages: readonly NormalisedPage[]): VerdictLegend {
  const known = cache.get(pages);
  if (known) return known;
  const legend = new Map<string, Exclude<GoalStatus, 'unknown'>>();
  const byColour = new Map<string, Exclude<GoalStatus, 'unknown'> | null>();
  for (const page of pages) {
    // A legend may wrap over lines: read the page as one stream of words.
    const { text, offsets } = collapseSpaces(page.text);
    const keys = [...text.matchAll(KEY)];
    keys.forEach((m, i) => {
      const next = keys[i + 1];
      const end = Math.min(next ? next.index : text.length, m.index + m[0].length + 80);
      const meaning = text.slice(m.index + m[0].length, end);
      // The meaning runs to the next key, the end of its sentence or the end of its cell.
      const sentence = meaning.split(/(?<=[.;])\s|,\s(?=\S+\s*[=:])|\t/u)[0] ?? '';
      if (!MEANING_WORDS.test(sentence)) return;
      const status = statusOfMeaning(sentence);
      if (!status) return;
      const key = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
      // A mark whose colour is its meaning ("●" in green before "Målet er nået"): keyed by the colour's name.
      legend.set(keyOf(key), status);
      const markAt = m[1] === undefined && m[3] === undefined ? offsets[m.index + m[0].indexOf(key.replace(/^\(/u, ''))] : undefined;
      const colour = markAt === undefined ? null : markColourAt(page, markAt);
      const named = colour === null ? null : colourName(colour);
      if (named && CHROMATIC.has(named)) keepColour(byColour, named, status);
    });
  }
  // Keys drawn as coloured boxes before their meanings ("■ Målet er nået  ■ Delvist nået"), no words for the colours.
  for (const page of pages) {
    for (const key of filledKeys(page)) {
      const sentence = key.meaning.split(/(?<=[.;])\s|\t/u)[0] ?? '';
      if (!MEANING_WORDS.test(sentence)) continue;
      const status = statusOfMeaning(sentence);
      const named = status ? colourName(key.colour) : null;
      if (status && named && (CHROMATIC.has(named) || named === 'grå')) keepColour(byColour, named, status);
    }
  }
  // Marks told apart only by colour: each colour that keeps one meaning is a key of its own.
  for (const [name, status] of byColour) if (status && !legend.has(name)) legend.set(name, status);
  const result: VerdictLegend = legend.size >= MIN_KEYS ? legend : new Map();
  cache.set(pages, result);
  return result;
}

/** A colour's meaning, kept while every key of that colour means the same (null once two disagree). */
function keepColour(byColour: Map<string, Exclude<GoalStatus, 'unknown'> | null>, name: string, status: Exclude<GoalStatus, 'unknown'>): void {
  byColour.set(name, byColour.has(name) && byColour.get(name) !== status ? null : status);
}

/** The text with each run of white space made one space (one tab, where it holds a cell border), and the page offset of each of its characters. */
function collapseSpaces(text: string): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  for (const m of text.matchAll(/\s+|\S+/gu)) {
    if (/^\s/u.test(m[0])) {
      // A cell border stays one: a key in a cell of its own is read up to its meaning's cell end.
      out += m[0].includes('\t') ? '\t' : ' ';
      offsets.push(m.index);
    } else {
      out += m[0];
      for (let k = 0; k < m[0].length; k++) offsets.push(m.index + k);
    }
  }
  return { text: out, offsets };
}

/** A key's meaning is a short verdict: "målet er nået", "delvist", "ikke data til at vurdere målet". */
function statusOfMeaning(meaning: string): Exclude<GoalStatus, 'unknown'> | null {
  // "målet er nået eller forventes nået": the first reading names the colour; the second widens it.
  // "Udviklingen går i den rigtige retning, men målet er endnu ikke nået": the clause before "men" names it.
  const first = meaning.split(/\s+eller\s+|,\s+men\s+|,\s+og\s+/u)[0] ?? meaning;
  for (const reading of [first, meaning]) {
    const status = findStatus(reading.trim())?.status ?? findStatus(`målet er ${reading.trim()}`)?.status;
    if (status) return status;
  }
  return null;
}

/** Legend meanings, as data: the status each gives its key. */
export const LEGEND_MEANING_EXAMPLES: readonly { meaning: string; status: GoalStatus | null }[] = [
  { meaning: 'målet er nået eller forventes nået.', status: 'met' },
  { meaning: 'målet er delvist nået.', status: 'partly_met' },
  { meaning: 'arbejdet er i gang', status: 'in_progress' },
  { meaning: 'ikke nået', status: 'not_met' },
  { meaning: 'Udgået.', status: 'withdrawn' },
  { meaning: 'Udviklingen går i den rigtige retning, men målet er endnu ikke nået.', status: 'in_progress' },
  { meaning: 'Målet er ikke nået, og udviklingen går i den forkerte retning.', status: 'not_met' },
  { meaning: 'Kan ikke vurderes', status: 'not_assessable' },
  { meaning: 'på vej', status: 'in_progress' },
];

export function meaningStatus(meaning: string): GoalStatus | null {
  return statusOfMeaning(meaning);
}

export function keyOf(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, '');
}

/** Colours a mark is told apart by; black, grey and white marks are told apart by shape. */
const CHROMATIC: ReadonlySet<string> = new Set(COLOUR_HUES.map((c) => c.name));

/** A colour's name in both genders, as a legend may write it ("Grøn", "Grønt"). */
const GENDERED: Readonly<Record<string, readonly string[]>> = {
  grøn: ['grøn', 'grønt'], gul: ['gul', 'gult'], rød: ['rød', 'rødt'], blå: ['blå', 'blåt'], grå: ['grå', 'gråt'], hvid: ['hvid', 'hvidt'], sort: ['sort', 'sorte'],
};

/** How far (degrees of hue) a mark's colour may lie from the legend colour it is read as: amber is "gul", not "orange". */
const MAX_HUE_DISTANCE = 35;

/**
 * The status a mark's fill colour has: by the legend's colour of that name, else the legend's
 * nearest chromatic colour; with no colours in the legend, green, yellow and red as traffic lights.
 */
export function colourStatus(legend: VerdictLegend, hex: string): Exclude<GoalStatus, 'unknown'> | null {
  const name = colourName(hex);
  if (!name) return null;
  for (const key of GENDERED[name] ?? [name]) {
    const status = legend.get(key);
    if (status) return status;
  }
  const hsl = hueOf(hex);
  const legendHues = COLOUR_HUES.filter((c) => (GENDERED[c.name] ?? [c.name]).some((k) => legend.has(k)));
  if (hsl && name !== 'grå' && name !== 'sort' && name !== 'hvid' && legendHues.length > 0) {
    const nearest = legendHues.reduce((a, b) => (hueDistance(hsl.hue, a.hue) <= hueDistance(hsl.hue, b.hue) ? a : b));
    if (hueDistance(hsl.hue, nearest.hue) <= MAX_HUE_DISTANCE) {
      for (const key of GENDERED[nearest.name] ?? [nearest.name]) {
        const status = legend.get(key);
        if (status) return status;
      }
    }
  }
  if (legendHues.length > 0 || !CHROMATIC.has(name)) return null;
  return TRAFFIC_LIGHTS.find((l) => l.pattern.test(name))?.status ?? null;
}

/** The status a verdict cell's text has by the legend, when the cell holds only a key. */
export function legendStatus(legend: VerdictLegend, cellText: string): Exclude<GoalStatus, 'unknown'> | null {
  if (legend.size === 0) return null;
  const whole = legend.get(keyOf(cellText.replace(/[.!]$/u, '')));
  if (whole) return whole;
  // A key opening the verdict's sentence: "A. Normeringen var …", "C: Andelen faldt …".
  const lead = /^\s*(\S{1,3}?)[.:]?\s+\p{Lu}/u.exec(cellText);
  return lead?.[1] ? (legend.get(keyOf(lead[1])) ?? null) : null;
}
