// The issuing municipality, told apart from municipalities the text only mentions.
// Evidence in order of weight: the document's own header ("Middelfart Kommune" over a notat,
// "REFERAT Aarhus Byråd d. …"), then the path it was filed under (a KL letter or a KKR invitation
// in Ballerup's archive is Ballerup's, whoever signs it), then mentions counted over the text.
import type { MunicipalityBasis } from '../../schema/contract.js';
import type { NormalisedPage } from '../../schema/normalised.js';
import { AMBIGUOUS_MUNICIPALITY_NAMES, lookupMunicipality, matchMunicipality, type Municipality } from './municipalities.js';
import { squash, type DocLine } from '../common/page-lines.js';

export interface Issuer {
  readonly muni: Municipality;
  /** Which evidence decided it (stored as the contract's `municipalityBasis`). */
  readonly basis: MunicipalityBasis;
}

/** A header line is a label or a title, not running text: at most this many words. */
const HEADER_LINE_MAX_WORDS = 8;

/** The name must start within the first words of the header line ("Til Aarhus Byråd", "REFERAT Aarhus Byråd"). */
const HEADER_NAME_MAX_POSITION = 3;

/**
 * "Middelfart Kommune", "LYNGBY-TAARBÆK KOMMUNE", "Ballerup Kommunes rusmiddelcenter", "Aarhus Byråd":
 * up to three name words before the council word, in any case (headers are often capitals).
 */
const HEADER_NAME_BEFORE_COUNCIL =
  /(?<![\p{L}])(?<name>[\p{L}]+(?:[- ][\p{L}]+){0,2})\s+(?:kommunes?|regionskommunes?|byråd(?:et|s)?)(?![\p{L}])/giu;

/** Header lines that name the issuer, and lines that name a municipality but not as issuer: examples as data. */
export const HEADER_ISSUER_EXAMPLES: readonly { line: string; code: number | null }[] = [
  { line: 'LYNGBY-TAARBÆK KOMMUNE', code: 173 },
  { line: 'REFERAT Aarhus Byråd d. 27-08-2025', code: 751 },
  { line: 'Ballerup Kommunes rusmiddelcenter', code: 151 },
  { line: 'Til Aarhus Byråd 26-08-2025', code: 751 },
  // running text is no header, whatever it names
  { line: 'Senest har Greve Kommune sendt et brev til alle borgmestre med nogle synspunkter', code: null },
  { line: 'Sundheds- og Omsorgsborgmester København,', code: null },
  { line: 'KKR HOVEDSTADEN', code: null },
];

/** The municipality a header line names as issuer, or null. */
export function headerLineIssuer(text: string): Municipality | null {
  const line = squash(text);
  const words = line.split(' ');
  if (words.length > HEADER_LINE_MAX_WORDS) return null;
  for (const m of line.matchAll(HEADER_NAME_BEFORE_COUNCIL)) {
    const position = line.slice(0, m.index).split(' ').filter(Boolean).length;
    const nameWords = (m.groups?.['name'] ?? '').split(/\s+/u);
    // The longest tail of the captured words that is a municipality ("REFERAT Aarhus" → Aarhus).
    for (let k = Math.min(3, nameWords.length); k >= 1; k--) {
      const hit = lookupMunicipality(nameWords.slice(-k).join(' '));
      if (hit && position + nameWords.length - k < HEADER_NAME_MAX_POSITION) return hit;
    }
  }
  return null;
}

export function findIssuer(pages: readonly NormalisedPage[], path: string, header: readonly DocLine[]): Issuer | null {
  for (const line of header) {
    const muni = headerLineIssuer(line.text);
    if (muni) return { muni, basis: 'header' };
  }
  const fromPath = municipalityFromPath(path);
  if (fromPath) return { muni: fromPath, basis: 'path' };
  const mentioned = mostMentioned(pages);
  return mentioned ? { muni: mentioned, basis: 'mention' } : null;
}

// ---------------------------------------------------------------------------
// Mentions

/** Capitalised words that name a municipality but are everyday words too; they count only before "Kommune". */
const AMBIGUOUS_BARE_NAMES = AMBIGUOUS_MUNICIPALITY_NAMES;

/** "Norddjurs Kommune", "Vesthimmerlands Kommunes", "Aarhus Byråd", "Bornholms Regionskommune". */
const NAME_BEFORE_KOMMUNE =
  /(?<![\p{L}])(?<name>\p{Lu}[\p{L}]+(?:[- ]\p{Lu}[\p{L}]+){0,2})\s+(?:[Kk]ommunes?|Regionskommunes?|Byråd(?:et|s)?|[Kk]ommunalbestyrelse(?:n|s)?)(?![\p{L}])/gu;

/** "Byrådet i Odder", "Kommunalbestyrelsen i Fanø". */
const COUNCIL_IN_NAME = /(?:Byrådet|Kommunalbestyrelsen|[Kk]ommunen)\s+i\s+(?<name>\p{Lu}[\p{L}]+(?:-\p{Lu}[\p{L}]+)?)/gu;

const CAPITALISED_WORD = /(?<![\p{L}])\p{Lu}[\p{L}]+(?:-\p{Lu}[\p{L}]+)?/gu;

/** Resolves "Det Konservative Aarhus" style captures: the longest tail of words that names a municipality. */
function resolveTail(name: string, fuzzy: boolean): Municipality | null {
  const words = name.split(/\s+/u);
  for (let k = Math.min(3, words.length); k >= 1; k--) {
    const tail = words.slice(-k).join(' ');
    const hit = lookupMunicipality(tail);
    if (hit) return hit;
  }
  if (fuzzy) return matchMunicipality(words.at(-1) ?? name);
  return null;
}

/**
 * The municipality the text names most: mentions before "Kommune"/"Byråd" weigh 3,
 * bare names 1; mentions on the first page and the very first mention weigh more.
 */
export function mostMentioned(pages: readonly NormalisedPage[]): Municipality | null {
  const scores = new Map<number, { muni: Municipality; score: number }>();
  let first = true;
  const add = (muni: Municipality | null, weight: number, page: number): void => {
    if (!muni) return;
    const w = weight * (page === 1 ? 2 : 1) + (first ? 2 : 0);
    first = false;
    const entry = scores.get(muni.code) ?? { muni, score: 0 };
    entry.score += w;
    scores.set(muni.code, entry);
  };
  for (const page of pages) {
    const strong: [number, number][] = [];
    for (const m of page.text.matchAll(NAME_BEFORE_KOMMUNE)) {
      add(resolveTail(m.groups?.['name'] ?? '', true), 3, page.number);
      strong.push([m.index, m.index + m[0].length]);
    }
    for (const m of page.text.matchAll(COUNCIL_IN_NAME)) add(resolveTail(m.groups?.['name'] ?? '', false), 2, page.number);
    const words = [...page.text.matchAll(CAPITALISED_WORD)];
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (!w || strong.some(([s, e]) => w.index >= s && w.index < e)) continue;
      const next = words[i + 1];
      const joined = next && page.text.slice(w.index + w[0].length, next.index) === ' ' ? `${w[0]} ${next[0]}` : '';
      const pairHit = joined ? lookupMunicipality(joined) : null;
      if (pairHit) i++;
      const muni = pairHit ?? lookupMunicipality(w[0]);
      if (!muni || (!pairHit && AMBIGUOUS_BARE_NAMES.includes(w[0].toLowerCase()))) continue;
      add(muni, 1, page.number);
    }
  }
  let best: { muni: Municipality; score: number } | null = null;
  for (const entry of scores.values()) if (!best || entry.score > best.score) best = entry;
  return best?.muni ?? null;
}

// ---------------------------------------------------------------------------
// Path

/** "archive/odder/2020-03-19.pdf", "aarhus_byraad_2025-08-27.pdf" → the municipality a path segment names. */
export function municipalityFromPath(path: string): Municipality | null {
  const words = path
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 3);
  // File names are often ASCII: "hoeje-taastrup", "ringkoebing", "aeroe".
  const danish = (w: string): string => w.replace(/oe/gu, 'ø').replace(/ae/gu, 'æ');
  const lookup = (w: string): Municipality | null => lookupMunicipality(w) ?? lookupMunicipality(danish(w));
  for (let i = 0; i < words.length; i++) {
    const pair = words[i + 1] ? `${words[i]} ${words[i + 1]}` : '';
    const hit = (pair && lookup(pair)) || lookup(words[i] ?? '');
    if (hit) return hit;
  }
  return null;
}
