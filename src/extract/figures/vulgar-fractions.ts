// Vulgar fractions in amounts: "2 ¼ mia. kr.", "1½ mia. kr." reach the normalised text as
// "2 1⁄4" and "11⁄2" (Unicode compatibility folding), and the number grammar then reads only the
// denominator ("4 mia. kr."). A digit and a fraction slash just before an amount make the amount
// whole + numerator/denominator; vulgar fractions have a one-digit numerator, so "11⁄2" is 1½.
import type { Provenance } from '../../schema/contract.js';

/** "2 1⁄" or "11⁄" just before the amount's own digits: whole part (optional) and numerator. */
const FRACTION_BEFORE = /(?<![\d.,])(?:(?<whole>\d{1,3}) ?)?(?<num>\d)\u2044$/u;

/** The denominator opening the amount's raw text. */
const DENOMINATOR = /^(?<den>\d{1,2})(?![\d.,])/u;

/** Text before and after, with the value a reader takes, as data (the rule's own test reads them). */
export const VULGAR_FRACTION_EXAMPLES: readonly { text: string; raw: string; value: number }[] = [
  { text: 'Samlet løft på ca. 2 1\u20444 mia. kr.', raw: '4 mia. kr.', value: 2_250_000_000 },
  { text: 'Samlet løft på ca. 11\u20442 mia. kr.', raw: '2 mia. kr.', value: 1_500_000_000 },
  { text: 'Samlet løft på ca. 1 3\u20444 mia. kr.', raw: '4 mia. kr.', value: 1_750_000_000 },
  { text: 'Samlet løft på ca. 2 mia. kr.', raw: '2 mia. kr.', value: 2_000_000_000 },
  { text: 'I 2012: 14 mia. kr.', raw: '14 mia. kr.', value: 14_000_000_000 },
];

/**
 * The amount with a fraction printed before it taken in: its value, raw and provenance widened
 * to the whole number; unchanged when no fraction precedes it.
 */
export function withVulgarFraction(
  pageText: string,
  amount: { value: number; raw: string; provenance: Provenance },
): { value: number; raw: string; provenance: Provenance } {
  const { start, end } = amount.provenance;
  const m = FRACTION_BEFORE.exec(pageText.slice(Math.max(0, start - 8), start));
  const den = DENOMINATOR.exec(amount.raw)?.groups?.['den'];
  if (!m?.groups || den === undefined || Number(den) === 0) return amount;
  const scale = amount.value / Number(den);
  const whole = Number(m.groups['whole'] ?? 0);
  const fraction = Number(m.groups['num']) / Number(den);
  if (fraction >= 1) return amount;
  const from = start - m[0].length;
  const snippet = pageText.slice(from, end);
  return {
    value: Math.round((whole + fraction) * scale),
    raw: snippet.replace(/\s+/gu, ' '),
    provenance: { ...amount.provenance, start: from, snippet },
  };
}
