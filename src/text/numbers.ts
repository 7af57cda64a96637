// The Danish number grammar: decimal comma, thousands dot, signs (incl. '÷' and
// U+2212), percentages, percentage points and kroner amounts with their scale
// words. One grammar for every extractor, so "2.442" and "2,4" mean the same
// thing everywhere. Numbers written as words ("halveret", "en fjerdedel") are
// deliberately not recognised: we never invent figures.
import { memoByText } from './memo-by-text.js';

export type QuantityUnit = 'percent' | 'percentage_points' | 'dkk' | null;

export interface Quantity {
  /** The number as printed; kroner amounts multiplied out by their scale ("12,3 mio. kr." → 12300000). */
  value: number;
  unit: QuantityUnit;
  /** text.slice(start, end): the number (with its sign) through its unit, or "kr. 500" when the unit leads. */
  raw: string;
  start: number;
  end: number;
  /** Preceded by "ca." / "cirka". */
  approximate: boolean;
  /** Upper bound of a range ("30-40 %": value 30, upper 40), in the same scale as value. */
  upper?: number;
}

export interface FoundNumber {
  value: number;
  raw: string;
  start: number;
  end: number;
}

/**
 * Minus signs as printed: hyphen-minus, en dash, U+2212 and the Danish '÷'; and the em
 * dash, which is what OCR makes of a '÷' or an en dash attached to a figure ("—1,8 %").
 */
const MINUS_SIGNS = '-\u2013\u2014\u2212\u00f7';

const NUMBER_BODY = /^\d+(?:[.,]\d+)*$/;
/** "2.442", "4.882.800", "819.071,5": dots group thousands, an optional comma starts the decimals. */
const THOUSANDS_DOT = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
/** "2,4", "74,62", "137,75". */
const DECIMAL_COMMA = /^\d+,\d+$/;
/** "1,234.5": English grouping, accepted only when both separators appear in that order. */
const ENGLISH_GROUPED = /^\d{1,3}(?:,\d{3})+\.\d+$/;
/** "1.5", "14.1": a lone dot followed by anything but exactly three digits is a decimal point. */
const DECIMAL_DOT = /^\d+\.(?:\d{1,2}|\d{4,})$/;

/**
 * Parses one Danish number: "2.442" → 2442, "2,4" → 2.4, "-3.961.011" → -3961011,
 * "÷ 5" → -5, "1.000" → 1000. A dot followed by exactly three digits groups thousands;
 * any other single dot is a decimal point. Returns null for anything that is not
 * exactly one number ("3.1.1", "12-05", "ti").
 */
export function parseDanishNumber(s: string): number | null {
  const m = /^\s*([-+\u2013\u2014\u2212\u00f7]?)\s*(\d[\d.,]*)\s*$/u.exec(s);
  if (!m) return null;
  const sign = m[1] !== '' && m[1] !== '+' ? -1 : 1;
  const magnitude = parseUnsigned(m[2] ?? '');
  if (magnitude === null) return null;
  return sign * magnitude;
}

function parseUnsigned(body: string): number | null {
  if (!NUMBER_BODY.test(body)) return null;
  if (/^\d+$/.test(body)) return Number(body);
  if (THOUSANDS_DOT.test(body)) return Number(body.replace(/\./g, '').replace(',', '.'));
  if (DECIMAL_COMMA.test(body)) return Number(body.replace(',', '.'));
  if (ENGLISH_GROUPED.test(body)) return Number(body.replace(/,/g, ''));
  if (DECIMAL_DOT.test(body)) return Number(body);
  return null;
}

/**
 * The kroner multiplier a table header announces: "Beløb i 1.000 kr." → 1000,
 * "mio. kr." → 1e6, "t.kr." → 1000, "kr." → 1; null when the header names no kroner unit.
 */
export function tableUnitMultiplier(header: string): number | null {
  for (const [pattern, multiplier] of TABLE_UNITS) if (pattern.test(header)) return multiplier;
  return null;
}

/** Checked in order: the first match wins, so scaled units come before plain "kr.". */
const TABLE_UNITS: readonly (readonly [RegExp, number])[] = [
  [/(?<![\p{L}])(?:mia\.?|mrd\.?|milliard(?:er)?)\s*(?:kr|kroner|dkk)(?![\p{L}])/iu, 1e9],
  [/(?<![\p{L}])(?:mio\.?|mill\.?|million(?:er)?)\s*(?:kr|kroner|dkk)(?![\p{L}])/iu, 1e6],
  [/(?:(?<![\p{N}.,])1\.?000\s*(?:kr|kroner|dkk)|(?<![\p{L}])(?:t\.\s?kr|tkr|tus(?:\.|inde?)?\s*kr))(?![\p{L}])/iu, 1e3],
  [/(?<![\p{L}])(?:kr|kroner|dkk)(?![\p{L}])/iu, 1],
];

// ---------------------------------------------------------------------------
// Spans that hold digits but no quantity: dates, times, case numbers, phones.

const MONTHS =
  'januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|' +
  'jan|feb|mar|apr|aug|sept|sep|okt|nov|dec';

/** Named patterns whose matches are never read as plain numbers. */
const NOT_QUANTITIES: readonly RegExp[] = [
  /** KLE journal numbers and case numbers: "00.13.06-P22-2-23", "15.00.00-G01-6-24", "00.30.10-Å~00-2-24". */
  /(?<![\d.])\d{2}\.\d{2}(?:\.\d{2})?(?:-[\p{L}\p{N}~]+)+/gu,
  /** Identifiers mixing capitals and digits: "EMN-2025-003383", "P22", "G01", "Covid-19", "3F". */
  /(?<![\p{L}\p{N}])[\p{L}~]*\p{Lu}[\p{L}~]*-?\d[\p{L}\p{N}~]*(?:-[\p{L}\p{N}~]+)*/gu,
  /(?<![\p{L}\p{N}.,])\d+\p{Lu}[\p{L}\p{N}]*/gu,
  /** Long digit runs (ids, account numbers): "23000072018-30104945110589". */
  /(?<![\d.,])\d{9,}(?:-\d+)*|(?<![\d.,])\d+-\d{9,}/gu,
  /** Numeric dates: "14-05-2024", "31.03.2024", "1/3-2024", "19.3.20". */
  /(?<![\d.,])\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})(?![\d])/gu,
  /** School and financial years: "2023/24", "2023/2024". */
  /(?<![\d.,/])(?:19|20)\d\d\/(?:(?:19|20)\d\d|\d\d)(?![\d/])/gu,
  /** "d. 14/5", "den 3/4 2024": a day/month pair after a date cue. */
  /(?<![\p{L}])(?:d\.|den)\s*\d{1,2}\/\d{1,2}(?:[\s-]+\d{4})?(?!\d)/giu,
  /** Written dates: "31. marts 2024", "1. maj", "19. marts". */
  new RegExp(`(?<![\\d.,])\\d{1,2}\\.?\\s*(?:${MONTHS})(?![\\p{L}])\\.?(?:\\s*\\d{4}(?!\\d))?`, 'giu'),
  /** Month and year: "marts 2024", "dec. 2023", "sept. 2020". */
  new RegExp(`(?<![\\p{L}])(?:${MONTHS})\\.?\\s+\\d{4}(?!\\d)`, 'giu'),
  /** Clock times: "kl. 12:00", "kl. 8.30-10.00", "kl. 16", "14:30". */
  /(?<![\p{L}])kl\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?/giu,
  /(?<![\d.,:])\d{1,2}:\d{2}(?![\d])/gu,
  /** Phone numbers with a label or country code: "tlf. 99 66 70 00", "+45 9966 7000". */
  /(?<![\p{L}])(?:tlf|telefon|tel|mobil|mob|fax|direkte)\.?\s*(?:nr\.?)?:?\s*(?:\+45\s*)?\d{2}\s?\d{2}\s?\d{2}\s?\d{2}(?!\d)/giu,
  /\+45\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}(?!\d)/gu,
  /** Register numbers: "CVR-nr. 29189420", "EAN-nummer 5798…", "P-nr.". */
  /(?<![\p{L}])(?:cvr|ean|se|p|cpr)[-\s]?(?:nr|nummer)\.?:?\s*[\d\s-]{6,}\d/giu,
  /** Paragraphs of law: "§ 55", "§§ 55-56", "§ 182, stk. 2". */
  /§+\s*\d+[\p{Ll}]?(?:\s*[-–,]\s*\d+[\p{Ll}]?)*(?:,?\s*stk\.\s*\d+)?/gu,
];

type Span = readonly [number, number];

function maskedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of NOT_QUANTITIES) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) spans.push([m.index, m.index + m[0].length]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  for (const [s, e] of spans) {
    if (s >= end) return false;
    if (e > start) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Numbers

interface Token extends FoundNumber {
  /** Characters of the unsigned body, for scaling without float noise. */
  decimals: number;
}

const DIGIT_RUN = /(?<![\p{L}\p{N}_])\d+(?:[.,]\d+)*/gu;
/** Letters that may follow a number directly: units written without a space ("30%", "5kr", "12mio."). */
const UNIT_START = /^(?:%|kr|mio|mia|mill|pct|procent|t\.?kr|tkr|dkk)/iu;

/** The numbers of a text, read once per text: findQuantities and findNumbers both start from them. */
const tokens = memoByText(readTokens);

function readTokens(text: string): Token[] {
  const masked = maskedSpans(text);
  const found: Token[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    const bodyStart = m.index;
    const bodyEnd = bodyStart + m[0].length;
    if (overlaps(masked, bodyStart, bodyEnd)) continue;
    const after = text.slice(bodyEnd, bodyEnd + 8);
    if (/^\p{L}/u.test(after) && !UNIT_START.test(after)) continue;
    const magnitude = parseUnsigned(m[0]);
    if (magnitude === null) continue;
    const start = signStart(text, bodyStart);
    const negative = start < bodyStart && text[start] !== '+';
    const value = negative ? -magnitude : magnitude;
    const decimals = /[.,](\d+)$/.exec(m[0])?.[1]?.length ?? 0;
    found.push({ value: value === 0 ? 0 : value, raw: text.slice(start, bodyEnd), start, end: bodyEnd, decimals });
  }
  return found;
}

/**
 * Where a number's sign starts, or bodyStart when it has none. A hyphen or en dash
 * counts only when attached and not preceded by a letter or digit ("2025-2028" is a
 * range, "P22-2" an id); '÷' and U+2212 may stand one space away ("÷ 5").
 */
function signStart(text: string, bodyStart: number): number {
  const prev = text[bodyStart - 1];
  const isBoundary = (i: number): boolean => i < 0 || !/[\p{L}\p{N}.,\-–—−÷]/u.test(text[i] ?? '');
  if (prev !== undefined && (MINUS_SIGNS.includes(prev) || prev === '+') && isBoundary(bodyStart - 2)) {
    return bodyStart - 1;
  }
  const prev2 = text[bodyStart - 2];
  if (prev === ' ' && (prev2 === '\u00f7' || prev2 === '\u2212') && isBoundary(bodyStart - 3)) return bodyStart - 2;
  return bodyStart;
}

/**
 * Every plain number in text, with UTF-16 offsets, except digits that belong to dates
 * ("14-05-2024", "31. marts 2024"), case/KLE numbers ("00.13.06-P22-2-23"), clock
 * times ("kl. 12:00"), labelled phone numbers, law paragraphs ("§ 55") and ids.
 * A range "2025-2028" yields both ends. Years in running text ("i 2024") are numbers.
 */
export function findNumbers(text: string): FoundNumber[] {
  return tokens(text).map(({ value, raw, start, end }) => ({ value, raw, start, end }));
}

// ---------------------------------------------------------------------------
// Quantities

const SP = String.raw`[ \t\u00a0\u202f]*(?:\n[ \t\u00a0\u202f]*)?`;

/** Percentage points: "procentpoint", "%-point", "% point", "pct.-point", "procent-point". */
const PERCENTAGE_POINTS = new RegExp(
  String.raw`${SP}(?:procent-?point(?:s|et|ene|er)?|(?:%|pct\.?)${SP}-?${SP}point(?:s|et|ene|er)?)(?![\p{L}])`,
  'iuy',
);
/** Percent: "%", "pct.", "pct", "procent" (not "procentdel", "procentvis"). */
const PERCENT = new RegExp(String.raw`${SP}(?:%|pct(?![\p{L}])\.?|procent(?![\p{L}]))`, 'iuy');
/** Kroner after a number, with an optional scale: "kr.", "kroner", "mio. kr.", "mia. kr.", "t.kr.", "tkr.", "DKK", "500,- kr.". */
const KRONER_AFTER = new RegExp(
  String.raw`(?:,-)?${SP}(?:(?<scale>mia|mrd|milliard(?:er)?|mio|mill|million(?:er)?|t|tkr|tus|tusinde?)\.?${SP})?(?<kr>kr(?![\p{L}])\.?|kroner(?![\p{L}])|dkk(?![\p{L}]))`,
  'iuy',
);
/** "tkr." is its own word: scale and currency in one. */
const TKR_AFTER = new RegExp(String.raw`${SP}tkr(?![\p{L}])\.?`, 'iuy');
/** Kroner before a number: "kr. 500", "DKK 1.200", optionally followed by a scale: "kr. 12,3 mio.". */
const KRONER_BEFORE = /(?<![\p{L}])(?:kr\.?|dkk)[ \t\u00a0]*(?:\n[ \t\u00a0]*)?$/iu;
/**
 * "… 500 kr. 30 personer", "16,4 mio. kr. 2025", "t.kr.\t2025": a "kr." that closes an
 * earlier amount or ends a scale word ("mio. kr.", "t.kr.") does not open a new one.
 */
const AMOUNT_BEFORE_PREFIX = /(?:\d|(?<![\p{L}])(?:mia|mrd|mio|mill|t|tus|tusind|tusinde|millioner|milliarder))[ \t\u00a0.]*$/iu;
/** A bare year after a leading "kr." ("… kr. 2025, fordelt …") names a time, not an amount. */
const YEAR_BODY = /^(?:19|20)\d\d$/u;
/** What follows such a year: a clause boundary or another year, not "pr. måned" or "til projektet". */
const AFTER_YEAR = /^[ \t\u00a0]*(?:$|[,.;:)\n]|og(?![\p{L}])|[-\u2013]\s*\d)/u;
const SCALE_AFTER_PREFIXED = new RegExp(String.raw`${SP}(?<scale>mia|mrd|mio|mill)(?![\p{L}])\.?`, 'iuy');
/** Range joiners: "30-40 %", "30 - 40 pct.", "30–40 %", "30 til 40 %". */
const RANGE_JOIN = /^[ \t\u00a0]*(?:-|–|til)[ \t\u00a0]*$/u;
/** "ca. 3,3 mio. kr.", "cirka 40 %". */
const APPROXIMATE_BEFORE = /(?<![\p{L}])(?:ca\.?|cirka)[ \t\u00a0]*$/iu;
/** A "1.000 kr." that announces a table unit ("Beløb i 1.000 kr.", "(1.000 kr.)") is not an amount. */
const UNIT_HEADER_BEFORE = /(?:(?<![\p{L}])(?:i|beløb|tal)|\()[ \t\u00a0]*$/iu;

const SCALES: Readonly<Record<string, number>> = {
  mia: 1e9, mrd: 1e9, milliard: 1e9, milliarder: 1e9,
  mio: 1e6, mill: 1e6, million: 1e6, millioner: 1e6,
  t: 1e3, tkr: 1e3, tus: 1e3, tusind: 1e3, tusinde: 1e3,
};

interface UnitMatch {
  unit: Exclude<QuantityUnit, null>;
  multiplier: number;
  end: number;
}

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function unitAfter(text: string, at: number): UnitMatch | null {
  let m = matchAt(PERCENTAGE_POINTS, text, at);
  if (m) return { unit: 'percentage_points', multiplier: 1, end: at + m[0].length };
  m = matchAt(PERCENT, text, at);
  if (m) return { unit: 'percent', multiplier: 1, end: at + m[0].length };
  m = matchAt(TKR_AFTER, text, at);
  if (m) return { unit: 'dkk', multiplier: 1e3, end: at + m[0].length };
  m = matchAt(KRONER_AFTER, text, at);
  if (m) {
    const scale = m.groups?.['scale']?.toLowerCase();
    return { unit: 'dkk', multiplier: scale ? (SCALES[scale] ?? 1) : 1, end: at + m[0].length };
  }
  return null;
}

/** value × multiplier without float noise (12,3 × 1e6 = 12300000, not 12300000.000000002). */
function scaled(value: number, decimals: number, multiplier: number): number {
  if (multiplier === 1) return value;
  const places = Math.max(0, decimals - Math.round(Math.log10(multiplier)));
  return Number((value * multiplier).toFixed(Math.min(places, 6)));
}

/**
 * Every percentage, percentage-point and kroner amount in text, in order, with UTF-16
 * offsets. Money is multiplied out into kroner; "ca." sets approximate; ranges
 * ("30-40 %", "2-3 mio. kr.") give value = low end, upper = high end.
 */
export const findQuantities = memoByText(readQuantities);

function readQuantities(text: string): Quantity[] {
  const nums = tokens(text);
  const out: Quantity[] = [];
  for (let i = 0; i < nums.length; i++) {
    const low = nums[i];
    if (!low) continue;
    const next = nums[i + 1];
    // A range: "low - high unit". The high end carries the unit for both.
    if (next && RANGE_JOIN.test(text.slice(low.end, next.start)) && next.value >= low.value) {
      const unit = unitAfter(text, next.end);
      if (unit) {
        out.push(quantity(text, low, unit, next));
        i++;
        continue;
      }
    }
    const unit = unitAfter(text, low.end);
    if (unit) {
      if (unit.unit === 'dkk' && unit.multiplier === 1 && low.value === 1000 && isUnitHeader(text, low.start, unit.end)) continue;
      out.push(quantity(text, low, unit));
      continue;
    }
    const before = text.slice(Math.max(0, low.start - 12), low.start);
    const prefix = KRONER_BEFORE.exec(before);
    if (prefix && !AMOUNT_BEFORE_PREFIX.test(text.slice(Math.max(0, low.start - 24), low.start - (before.length - prefix.index)))) {
      const scaleMatch = matchAt(SCALE_AFTER_PREFIXED, text, low.end);
      // A tab between "kr." and the number separates two table cells (a unit header and a year column).
      if (prefix[0].includes('\t')) continue;
      // A "kr." ending a sentence's line goes on in the number opening the next ("et beløb på kr." /
      // "6.250.000 …"); not a "kr." alone on its line (a chart's axis), a year, or a table cell.
      if (prefix[0].includes('\n')) {
        const kr = low.start - (before.length - prefix.index);
        const lineBefore = text.slice(text.lastIndexOf('\n', kr - 1) + 1, kr);
        if (!/\p{L}/u.test(lineBefore) || YEAR_BODY.test(text.slice(low.start, low.end)) || /^[ \u00a0]*\t/u.test(text.slice(low.end, low.end + 4))) continue;
      }
      if (!scaleMatch && YEAR_BODY.test(text.slice(low.start, low.end)) && AFTER_YEAR.test(text.slice(low.end, low.end + 8))) continue;
      const scaleWord = scaleMatch?.groups?.['scale']?.toLowerCase();
      const multiplier = scaleWord ? (SCALES[scaleWord] ?? 1) : 1;
      const start = low.start - (before.length - prefix.index);
      const end = scaleMatch ? low.end + scaleMatch[0].length : low.end;
      out.push({
        value: scaled(low.value, low.decimals, multiplier),
        unit: 'dkk',
        raw: text.slice(start, end),
        start,
        end,
        approximate: APPROXIMATE_BEFORE.test(text.slice(Math.max(0, start - 8), start)),
      });
    }
  }
  return out;
}

/** "Beløb i 1.000 kr.", "(1.000 kr.)", or "1.000 kr." standing alone in its line or table cell. */
function isUnitHeader(text: string, start: number, end: number): boolean {
  if (UNIT_HEADER_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return true;
  const aloneBefore = /(?:^|[\n\t])[ ]*$/u.test(text.slice(Math.max(0, start - 4), start));
  const aloneAfter = /^[ ]*(?:$|[\n\t])/u.test(text.slice(end, end + 4));
  return aloneBefore && aloneAfter;
}

function quantity(text: string, low: Token, unit: UnitMatch, high?: Token): Quantity {
  const q: Quantity = {
    value: scaled(low.value, low.decimals, unit.multiplier),
    unit: unit.unit,
    raw: text.slice(low.start, unit.end),
    start: low.start,
    end: unit.end,
    approximate: APPROXIMATE_BEFORE.test(text.slice(Math.max(0, low.start - 8), low.start)),
  };
  if (high) q.upper = scaled(high.value, high.decimals, unit.multiplier);
  return q;
}
