// A report's title line: a notat, redegørelse, målopfølgning or bilag names its genre in a line
// of its own, often below a contact block ("Dato: …", "Sagsnr: …", "Kontakt: …"), so the genre is
// looked for in every header line, not only the first three.
import { REPORT_WORDS } from '../common/patterns.js';
import { squash } from '../common/page-lines.js';

/** A title is short; a longer line is running text that merely starts with such a word. */
const TITLE_MAX_WORDS = 12;

/**
 * The first word of the line is a report word, alone or as the last part of a compound
 * ("Statusnotat", "Målopfølgning"), optionally inflected ("Notatet", "Opfølgningen").
 */
const REPORT_TITLE_START = new RegExp(
  String.raw`^\p{L}*?(?:${[...REPORT_WORDS].sort((a, b) => b.length - a.length).join('|')})(?:en|et|er|erne)?(?![\p{L}])`,
  'iu',
);

/** Title lines of reports and lines that are not, as data (the rule's own test reads them). */
export const REPORT_TITLE_EXAMPLES: readonly { line: string; report: boolean }[] = [
  { line: 'Notat', report: true },
  { line: 'NOTAT', report: true },
  { line: 'Redegørelse fra Træning og Aktivitet vedr. Seniorrådets høringssvar', report: true },
  { line: 'Statusnotat om ledigheden', report: true },
  { line: 'Målopfølgning 2024 – Beskæftigelsesplan 2024', report: true },
  { line: 'Bilag 3: Økonomioversigt', report: true },
  { line: 'Notatet beskriver', report: true },
  { line: 'N O T A T', report: true },
  { line: 'Resultatrevision 2024', report: true },
  { line: 'Bilagsnummer 12', report: false },
  { line: 'FileUpdateStatus: 0', report: false },
  { line: 'Status: Godkendt', report: false },
  { line: 'Kære borgmester og udvalgsformand', report: false },
  { line: 'Sendt: 26. august 2025 14:52', report: false },
  { line: 'Analysen viser, at flere ledige end ventet er kommet i job i løbet af året, og at ledigheden er faldet', report: false },
];

/** "N O T A T": a title set in spaced capitals, one letter a token. */
const LETTER_SPACED = /^(?:\p{L} ){2,}\p{L}$/u;

/** "FileUpdateStatus: 0", "Status: Godkendt": a field label, not a title. */
const FIELD_LABEL_FIRST = /^\S+\s*:/u;

/** True when the header line is a report's title (its genre word first). */
export function isReportTitleLine(text: string): boolean {
  let line = squash(text);
  if (LETTER_SPACED.test(line)) line = line.replace(/ /gu, '');
  if (line === '' || line.split(' ').length > TITLE_MAX_WORDS || FIELD_LABEL_FIRST.test(line)) return false;
  return REPORT_TITLE_START.test(line);
}
