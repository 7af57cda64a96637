// Whether a document that is not headed as an agenda or minutes still holds agenda items:
// an excerpt of a referat ("7. Opfølgning på mål …" / "Sagsfremstilling" / "Beslutning") is
// made of cases, while a report's "1. Indledning" or a publication's numbered contents are not.
import type { NormalisedPage } from '../../schema/normalised.js';
import { squash } from '../common/page-lines.js';

/**
 * Labels found only inside a case on an agenda (not in notater, service standards or
 * publications, which share "Formål", "Lovgrundlag", "Indledning", "Økonomi" with cases).
 */
export const CASE_ONLY_LABELS: readonly string[] = [
  'sagsfremstilling', 'indstilling', 'forvaltningen indstiller', 'administrationen indstiller', 'beslutning', 'beslutninger',
  'beslutningspunkter', 'sagen afgøres i', 'beslutningskompetence', 'punktoplysninger',
];

/** A line that is one of the labels, alone or before ':' or a tab ("Beslutning:\tGodkendt."). */
const CASE_LABEL_LINE = new RegExp(
  String.raw`^(?:${[...CASE_ONLY_LABELS].sort((a, b) => b.length - a.length).join('|')})\s*(?::|\t|$)`,
  'iu',
);

/** Lines with and without a case label, as data (the rule's own test reads them). */
export const CASE_LABEL_EXAMPLES: readonly { line: string; caseLabel: boolean }[] = [
  { line: 'Sagsfremstilling', caseLabel: true },
  { line: 'Beslutning:\tGodkendt.', caseLabel: true },
  { line: 'Indstilling', caseLabel: true },
  { line: 'Sagen afgøres i: Økonomiudvalget', caseLabel: true },
  { line: 'Formål', caseLabel: false },
  { line: 'Lovgrundlag', caseLabel: false },
  { line: '1. Indledning', caseLabel: false },
  { line: 'Beslutningen om deltagelse i kulturhovedstadsprojektet blev fulgt op af Byrådet', caseLabel: false },
];

export function isCaseLabelLine(text: string): boolean {
  return CASE_LABEL_LINE.test(squash(text));
}

/** True when some line of the document is a label only cases carry. */
export function hasCaseStructure(pages: readonly NormalisedPage[]): boolean {
  return pages.some((p) => p.text.split('\n').some(isCaseLabelLine));
}
