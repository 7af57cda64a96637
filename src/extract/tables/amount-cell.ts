// One amount as a table cell prints it: "819.071", "-8.938", "÷3,4", "÷ 1.500" and the
// accountant's negative in parentheses, "(13.830)" or "(0,7)". The digits are read by the
// Danish number grammar; only the cell's sign forms are added here.
import { parseDanishNumber } from '../../text/numbers.js';

/** A signed amount: thousands dots and/or a decimal comma, or a plain run of digits. */
const SIGNED = /^[-+\u2013\u2212\u00f7]?\s*(?:\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d+(?:,\d+)?)$/u;
/** A negative amount in parentheses, the accountant's form: "(13.830)", "(0,7)". */
const PARENTHESISED = /^\(\s*(?:\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d+(?:,\d+)?)\s*\)$/u;

/** A negative with its minus after the digits, the older accounting systems' form: "1.320-", "570 -". */
const TRAILING_MINUS = /^(?:\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d+(?:,\d+)?)\s*[-\u2013\u2212]$/u;

/** Amount cells and what they hold, as data. */
export const AMOUNT_CELL_EXAMPLES: readonly { cell: string; value: number | null }[] = [
  { cell: '819.071', value: 819071 },
  { cell: '-8.938', value: -8938 },
  { cell: '÷3,4', value: -3.4 },
  { cell: '(13.830)', value: -13830 },
  { cell: '1.320-', value: -1320 },
  { cell: '570 -', value: -570 },
  { cell: '2025-', value: -2025 },
  { cell: '12-15', value: null },
];

/**
 * A percentage cell ("73,1 %", "-3,2 %", "+5,5 pct.", "1,4 %-point"): a column of shares or
 * changes beside the kroner ("Forbrugsprocent", "Udvikling"), never an amount in kroner.
 */
const PERCENT_CELL = /^[-+\u2013\u2212\u00f7]?\s*\d+(?:,\d+)?\s*(?:%|pct\.?|procent)(?:\s*-?\s*point)?$/iu;

/** Percentage cells and non-cells, as data. */
export const PERCENT_CELL_EXAMPLES: readonly { cell: string; percent: boolean }[] = [
  { cell: '81,4 %', percent: true },
  { cell: '-6,3 %', percent: true },
  { cell: '+2,75 pct.', percent: true },
  { cell: '12 procent', percent: true },
  { cell: '0,8 %-point', percent: true },
  { cell: '4.150', percent: false },
  { cell: 'Mindst 40 %', percent: false },
];

/** Whether a cell's text is exactly one percentage (a share or change column, not kroner). */
export function isPercentCell(text: string): boolean {
  return PERCENT_CELL.test(text.trim());
}

/** Whether a cell's text is exactly one amount. */
export function isAmountCell(text: string): boolean {
  return SIGNED.test(text) || PARENTHESISED.test(text) || TRAILING_MINUS.test(text);
}

/** The amount a cell holds, sign included; null when the cell is not one amount. */
export function parseAmountCell(text: string): number | null {
  const compact = text.replace(/\s+/gu, '');
  if (PARENTHESISED.test(compact)) {
    const inner = parseDanishNumber(compact.slice(1, -1));
    return inner === null ? null : -inner;
  }
  if (TRAILING_MINUS.test(compact)) {
    const digits = parseDanishNumber(compact.slice(0, -1));
    return digits === null ? null : -digits;
  }
  return SIGNED.test(compact) ? parseDanishNumber(compact) : null;
}

/** The digits after the decimal comma, for the table's resolution: "(84,25)" → 2. */
export function amountDecimals(text: string): number {
  return /,(\d+)\)?$/u.exec(text.trim())?.[1]?.length ?? 0;
}
