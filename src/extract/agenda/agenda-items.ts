// Agenda items from their headings in the body ("Punkt 46: …", "Pkt. 3", "Sag 12",
// "1. …" with layout or case cues), never from the table of contents; each with its
// case number, the first sentence of its decision, and the members recorded absent.
import type { AgendaItem } from '../../schema/contract.js';
import type { ExtractionInput, WarningSink } from '../types.js';
import { documentLines, labelKey, provenanceOf, squash, type DocLine } from '../common/page-lines.js';
import { key, tableOfContentsLines } from './table-of-contents.js';
import { readDecisionLabel } from './decision-label.js';
import { splitHeadingCells } from './heading-cells.js';
import { isCaseNumberLine } from './case-number-line.js';
import { isTopicTitle } from './topic-title.js';
import {
  ABSENT_LABEL,
  AGENDA_HEADING_LABELLED,
  AGENDA_HEADING_NUMBERED,
  CASE_NUMBER_LABEL,
  CASE_SECTION_LABELS,
  DECISION_OPENERS,
  ESDH_NUMBER,
  KLE_NUMBER,
  NO_ONE,
  NUMERIC_CASE_ID,
  TOC_ENTRY,
  TOC_HEADING,
} from '../common/patterns.js';

interface Heading {
  number: number;
  /** Index of the heading's first line in the document lines. */
  first: number;
  /** Index of the title's last line. */
  last: number;
  title: string;
  /** A case number printed in a cell of the heading line ("14.⇥Budgetopfølgning⇥25/1120⇥Åben"). */
  cellCaseNumber: string | null;
}

/** How many lines after a heading may hold its case number. */
const CASE_NUMBER_WINDOW = 40;
/** How many lines a title may wrap over. */
const MAX_TITLE_LINES = 4;
/** How many lines a decision's first sentence may span. */
const MAX_DECISION_LINES = 4;
/** A line at least this long was probably wrapped, so the title goes on. */
const WRAPPED_LINE_LENGTH = 60;

export function extractAgendaItems(input: ExtractionInput, _warn: WarningSink): { agendaItems: AgendaItem[]; absent: string[] } {
  const lines = documentLines(input.pages);
  const toc = tableOfContentsLines(lines);
  const headings = findHeadings(lines, toc);
  const bodies = headings.map((h, i) => lines.slice(h.last + 1, headings[i + 1]?.first ?? lines.length));
  const labelled = bodies.map((body) => labelledDecision(body));
  const isMinutes = labelled.some((d) => d !== null);
  const agendaItems = headings.map((h, i): AgendaItem => {
    const body = bodies[i] ?? [];
    const firstLine = lines[h.first] as DocLine;
    const lastLine = lines[h.last] as DocLine;
    const { title, id } = splitTitleId(h.title);
    return {
      number: h.number,
      title,
      caseNumber: caseNumber(body) ?? id ?? (h.cellCaseNumber ? repairCaseNumber(h.cellCaseNumber) : null),
      decision: labelled[i] ?? (isMinutes ? unlabelledDecision(body) : null),
      provenance: provenanceOf(input.pages, firstLine.page, firstLine.start, lastLine.page === firstLine.page ? lastLine.end : firstLine.end),
    };
  });
  return { agendaItems, absent: absentMembers(lines) };
}

// ---------------------------------------------------------------------------
// Headings

const SECTION_LABELS = new Set(CASE_SECTION_LABELS);

/** "Resume", "Sagsnr.: …", "Beslutning", "Bilag:" — a line that opens a section of a case. */
export function isSectionLabel(text: string): boolean {
  const k = labelKey(text);
  if (SECTION_LABELS.has(k)) return true;
  const beforeColon = /^([^:]{2,40}):/u.exec(k)?.[1]?.trim();
  return beforeColon !== undefined && SECTION_LABELS.has(beforeColon.replace(/\.$/u, ''));
}

export { isCaseNumberLine };

/** The font size most text is set in (0 when the normaliser recorded none). */
function bodySize(lines: readonly DocLine[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) if (l.size > 0 && l.text.trim() !== '') counts.set(Math.round(l.size * 2) / 2, (counts.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  let best = 0;
  let most = 0;
  for (const [size, n] of counts) if (n > most) [best, most] = [size, n];
  return best;
}

/** A heading set larger than the body text (by at least a point) or in bold. */
function standsOut(line: DocLine, body: number): boolean {
  return line.bold || (body > 0 && line.size >= body + 1);
}

function findHeadings(lines: readonly DocLine[], toc: ReadonlySet<string>): Heading[] {
  const body = bodySize(lines);
  const labelled = increasing(withBodies(lines, candidates(lines, toc, AGENDA_HEADING_LABELLED, false, body)));
  const numbered = increasing(withBodies(lines, notInSmallPrint(lines, candidates(lines, toc, AGENDA_HEADING_NUMBERED, true, body), body)));
  // "Punkt N" headings win, unless they are a stray reference among more numbered headings.
  if (labelled.length > 0 && labelled.length >= numbered.length) return labelled;
  return numbered.length >= 2 ? numbered : labelled;
}

/**
 * A numbered line set smaller than the body text is a row of a table or a note ("4⇥Tilfredsheden
 * med erhvervsservicen …⇥Opgøres i december⇥Afventer" in 8.5 pt under 10 pt text), not an item, when the document's other
 * numbered headings are set at the body size or larger: an agenda system prints every item's
 * heading alike. Without font sizes (0) every candidate stays.
 */
function notInSmallPrint(lines: readonly DocLine[], found: readonly Heading[], body: number): Heading[] {
  if (body <= 0) return [...found];
  const small = (h: Heading): boolean => {
    const size = (lines[h.first] as DocLine).size;
    return size > 0 && size < body - SMALL_PRINT_MARGIN;
  };
  const prominent = found.filter((h) => !small(h));
  return prominent.length >= 2 ? prominent : [...found];
}

/** How far below the body size (points) a line is small print; 9.5 pt items under 10 pt text are not. */
const SMALL_PRINT_MARGIN = 0.75;

/**
 * When a number is headed twice (a contents list without page numbers, a heading repeated
 * on a continued page), the first occurrence with a body of its own is the item.
 */
function withBodies(lines: readonly DocLine[], found: readonly Heading[]): Heading[] {
  const bodyLines = (k: number): number => {
    const h = found[k] as Heading;
    const next = found[k + 1]?.first ?? lines.length;
    return lines.slice(h.last + 1, next).filter((l) => l.text.trim() !== '').length;
  };
  const chosen = new Map<number, number>();
  found.forEach((h, k) => {
    const current = chosen.get(h.number);
    if (current === undefined || (bodyLines(current) < 2 && bodyLines(k) >= 2)) chosen.set(h.number, k);
  });
  return [...chosen.values()].sort((a, b) => a - b).map((k) => found[k] as Heading);
}

function candidates(lines: readonly DocLine[], toc: ReadonlySet<string>, pattern: RegExp, needsCue: boolean, body: number): Heading[] {
  const found: Heading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as DocLine;
    if (isTocEntry(line, toc) || isFigureRow(line.text)) continue;
    const m = pattern.exec(line.text);
    if (!m?.groups) continue;
    const cells = splitHeadingCells(m.groups['title'] ?? '');
    let title = cleanTitle(cells.title);
    // "Punkt 2 om budgettet behandles …" is prose that mentions an item, not its heading.
    if (/^\p{Ll}/u.test(title)) continue;
    let last = i;
    if (title === '') {
      // "Punkt 5" on its own line: the title is on the next line.
      const next = lines[i + 1];
      if (!next || !(isTitleText(next.text) || isTopicTitle(next.text))) continue;
      title = cleanTitle(next.text);
      last = i + 1;
    }
    const joined = continueTitle(lines, toc, last, title, line, body);
    // A plain "1. …" line is a heading only with case sections after it, or set apart by its font.
    if (needsCue && !hasCaseCue(lines, joined.last + 1) && !standsOutAlone(lines, joined.last + 1, line, body, Number(m.groups['number']))) continue;
    found.push({ number: Number(m.groups['number']), first: i, last: joined.last, title: joined.title, cellCaseNumber: cells.caseNumber });
  }
  return found;
}

/**
 * A heading set apart by its font, not followed by another numbered line (a bold numbered list
 * is no run of items), unless that line is the next item's heading with its case sections:
 * "210. Godkendelse af dagsorden" printed without a body before "211. …" + "Sagsnr.: …".
 */
function standsOutAlone(lines: readonly DocLine[], next: number, heading: DocLine, body: number, number: number): boolean {
  if (!standsOut(heading, body)) return false;
  const following = lines.slice(next).find((l) => l.text.trim() !== '');
  const m = following ? AGENDA_HEADING_NUMBERED.exec(following.text) : null;
  if (!m?.groups || !following) return true;
  return Number(m.groups['number']) === number + 1 && standsOut(following, body) && hasCaseCue(lines, lines.indexOf(following) + 1);
}

/**
 * A line of the table of contents that lists an item. A heading inside the contents' span that
 * prints no leader or page number is the item itself, right after the contents ("Punkt 13: …"
 * below the list, with a goal table's "\t2024" columns further down counted into the span);
 * when it is a contents line after all, the later heading with a body wins (withBodies).
 */
function isTocEntry(line: DocLine, toc: ReadonlySet<string>): boolean {
  return toc.has(key(line)) && (TOC_ENTRY.test(line.text) || TOC_HEADING.test(line.text));
}

/**
 * A numbered row of a table of figures ("5⇥Flere aktivitetsparate⇥Mindst 35 %⇥31,0 %⇥33,5 %⇥Gul"):
 * figures in two or more cells after its number and title. An item's heading line holds at
 * most a case number, a case worker or its access beside the title.
 */
function isFigureRow(text: string): boolean {
  return text.split('\t').slice(2).filter((cell) => /\d/u.test(cell) && !isCaseNumberLine(cell)).length >= 2;
}

/** Numbered lines, as data: is it a table row of figures rather than an item's heading? */
export const FIGURE_ROW_EXAMPLES: readonly { line: string; figureRow: boolean }[] = [
  { line: '5\tFlere aktivitetsparate\tMindst 35 %\t31,0 %\t33,5 %\tGul', figureRow: true },
  { line: '2\tFærre unge på uddannelseshjælp\tHøjst 640\t702\t655\t–\tGul', figureRow: true },
  { line: '1.\tGodkendelse af dagsorden\tÅben', figureRow: false },
  { line: '00.01.00-A00-3-25\tMette Bundgaard\tÅben', figureRow: false },
  { line: '14.\tBudgetopfølgning pr. 31. maj\t25/1120\tÅben', figureRow: false },
];

/** Keeps headings whose numbers rise; a repeated or lower number is a reference or a continued page. */
function increasing(headings: readonly Heading[]): Heading[] {
  const out: Heading[] = [];
  for (const h of headings) if (out.length === 0 || h.number > (out.at(-1) as Heading).number) out.push(h);
  return out;
}

/** A numbered line is an agenda heading only if case sections follow it (a case number, "Resume", "Beslutning" …). */
function hasCaseCue(lines: readonly DocLine[], from: number): boolean {
  let seen = 0;
  for (let j = from; j < lines.length && seen < 6; j++) {
    const text = (lines[j] as DocLine).text;
    if (text.trim() === '') continue;
    seen++;
    if (AGENDA_HEADING_NUMBERED.test(text)) return false;
    if (isCaseNumberLine(text) || CASE_NUMBER_LABEL.test(text) || isSectionLabel(text)) return true;
  }
  return false;
}

function isTitleText(text: string): boolean {
  const t = text.trim();
  return t !== '' && !isSectionLabel(t) && !isCaseNumberLine(t) && readDecisionLabel(t) === null && !ABSENT_LABEL.test(t);
}

/** Function words a wrapped title line ends on. */
const OPEN_ENDINGS = /(?:[,&:–-]|\b(?:og|eller|samt|for|fra|til|i|på|af|med|om|ved|mellem|under|efter|over|vedr\.?|jf\.?))$/iu;

function continueTitle(
  lines: readonly DocLine[],
  toc: ReadonlySet<string>,
  last: number,
  title: string,
  heading: DocLine,
  body: number,
): { last: number; title: string } {
  let current = title;
  let end = last;
  for (let n = 1; n < MAX_TITLE_LINES; n++) {
    const prev = lines[end] as DocLine;
    const next = lines[end + 1];
    if (!next || toc.has(key(next)) || next.page !== prev.page || !isTitleText(next.text)) break;
    const nextText = next.text.trim();
    // The next item's heading ("211. Målopfølgning …") after an item printed without a body.
    if (AGENDA_HEADING_LABELLED.test(nextText) || AGENDA_HEADING_NUMBERED.test(nextText)) break;
    const hasLayout = heading.size > 0 && next.size > 0;
    if (hasLayout && (Math.abs(heading.size - next.size) > 0.6 || heading.bold !== next.bold)) break;
    const prevText = prev.text.trim();
    const wraps =
      OPEN_ENDINGS.test(prevText) ||
      /^[-–]\s/u.test(nextText) ||
      prevText.length >= WRAPPED_LINE_LENGTH ||
      (hasLayout && standsOut(heading, body)) ||
      /^\p{Ll}/u.test(nextText);
    if (!wraps) break;
    current = joinTitleLines(current, cleanTitle(nextText));
    end++;
  }
  return { last: end, title: current };
}

/** Joins a wrapped title: "ny 2030-" + "fremskrivning" keeps the hyphen; "Ravn-" + "bakkeskolen" drops it. */
export function joinTitleLines(a: string, b: string): string {
  if (/[\p{L}\d]-$/u.test(a) && /^\p{Ll}/u.test(b) && !/^(?:og|eller)\b/u.test(b)) {
    const before = a.at(-2) ?? '';
    return /[\d\p{Lu}]/u.test(before) ? `${a}${b}` : `${a.slice(0, -1)}${b}`;
  }
  return `${a} ${b}`;
}

/** "Meddelelser (2024-0012345)": a case id in brackets at the end of a title. */
function splitTitleId(title: string): { title: string; id: string | null } {
  const m = /^(?<title>.+?)\s*[([](?<id>[^()[\]]+)[)\]]$/u.exec(title);
  const id = m?.groups?.['id']?.trim();
  if (!m?.groups || !id || !isCaseNumberLine(id)) return { title, id: null };
  return { title: m.groups['title'] ?? title, id: repairCaseNumber(id) };
}

/** Strips markup left by markdown-like sources ("**", "#") and squashes whitespace. */
function cleanTitle(s: string): string {
  return squash(s.replace(/\*\*|__|^#+\s*/gu, ''));
}

// ---------------------------------------------------------------------------
// Case numbers

/** The labelled case number ("Sagsnr.: …"), else an identifier printed under the heading. */
function caseNumber(body: readonly DocLine[]): string | null {
  const window = body.slice(0, CASE_NUMBER_WINDOW);
  for (const line of window) {
    const m = CASE_NUMBER_LABEL.exec(line.text);
    if (m?.groups?.['value']) return repairCaseNumber(m.groups['value'].replace(/[.,;]+$/u, ''));
  }
  const firstLines = window.filter((l) => l.text.trim() !== '').slice(0, 3);
  for (const line of firstLines) if (isCaseNumberLine(line.text)) return repairCaseNumber(line.text.trim());
  // A heading table's first cell: "00.01.00-A00-3-25⇥Mette Bundgaard⇥Åben" (number, case worker, access).
  for (const line of firstLines) {
    const cell = line.text.split('\t')[0] ?? '';
    if (line.text.includes('\t') && isCaseNumberLine(cell)) return repairCaseNumber(cell.trim());
  }
  return null;
}

/**
 * KLE facet letters are A–Z or Ø; a broken glyph in the facet slot ("00.30.10-Å~00-2-24",
 * a mis-mapped font) can only have been the Ø.
 */
export function repairCaseNumber(value: string): string {
  return value.replace(/^(\d{2}\.\d{2}(?:\.\d{2})?-)(?:Å~|Ã˜|\?|�)(\d{2})/u, '$1Ø$2');
}

// ---------------------------------------------------------------------------
// Decisions

/** Abbreviations whose period does not end a sentence ("kr." may: a capital after it starts a new one). */
const ABBREVIATIONS = new Set(['pr', 'jf', 'bl.a', 'd', 'kl', 'nr', 'ca', 'stk', 'evt', 'inkl', 'ekskl', 'm.fl', 'mv', 'f.eks', 'vedr', 'hhv', 'pkt', 'ang']);

/** The first sentence of the last decision block that has one. */
function labelledDecision(body: readonly DocLine[]): string | null {
  let decision: string | null = null;
  for (let i = 0; i < body.length; i++) {
    const m = readDecisionLabel((body[i] as DocLine).text);
    if (!m) continue;
    const inline = m.inline;
    const found = inline && !ABSENT_LABEL.test(inline) ? firstSentence([inline, ...followingLines(body, i + 1)]) : decisionAfter(body, i + 1);
    if (found) decision = found;
  }
  return decision;
}

/** A referat that prints a decision without a label: the first line after the heading opens with a decision word. */
function unlabelledDecision(body: readonly DocLine[]): string | null {
  const start = body.findIndex((l) => l.text.trim() !== '' && !isCaseNumberLine(l.text) && !CASE_NUMBER_LABEL.test(l.text));
  if (start < 0) return null;
  const first = squash((body[start] as DocLine).text).toLowerCase();
  if (!DECISION_OPENERS.some((w) => first.startsWith(w))) return null;
  return decisionAfter(body, start);
}

function decisionAfter(body: readonly DocLine[], from: number): string | null {
  let i = from;
  while (i < body.length) {
    const text = (body[i] as DocLine).text.trim();
    if (text === '' || ABSENT_LABEL.test(text)) i++;
    else break;
  }
  const first = body[i];
  if (!first || !isDecisionText(first.text)) return null;
  return firstSentence([first.text, ...followingLines(body, i + 1)]);
}

function isDecisionText(text: string): boolean {
  const t = text.trim();
  return t !== '' && !isSectionLabel(t) && readDecisionLabel(t) === null && !AGENDA_HEADING_LABELLED.test(t) && !isUpperCaseHeading(t);
}

function isUpperCaseHeading(t: string): boolean {
  return /\p{L}{3}/u.test(t) && t === t.toUpperCase();
}

/** The lines that may continue a decision sentence. */
function followingLines(body: readonly DocLine[], from: number): string[] {
  const out: string[] = [];
  for (let j = from; j < body.length && out.length < MAX_DECISION_LINES - 1; j++) {
    const line = body[j] as DocLine;
    const text = line.text;
    if (!isDecisionText(text) || ABSENT_LABEL.test(text)) break;
    // Across a page break a sentence goes on only in lower case (a running header never does).
    if (j > 0 && (body[j - 1] as DocLine).page !== line.page && !/^\s*\p{Ll}/u.test(text)) break;
    out.push(text);
  }
  return out;
}

/** The first sentence of lines of running text; a line ending in a full stop closes it. */
export function firstSentence(lines: readonly string[]): string | null {
  let text = '';
  for (const line of lines) {
    text = text ? joinTitleLines(text, squash(line)) : squash(line);
    if (/[.!?]$/u.test(text) && !endsWithAbbreviation(text)) break;
  }
  const boundary = /[.!?](?=\s+[\p{Lu}"“])/gu;
  for (const m of text.matchAll(boundary)) {
    const upTo = text.slice(0, m.index + 1);
    if (!endsWithAbbreviation(upTo)) return upTo.trim();
  }
  return text.trim() || null;
}

function endsWithAbbreviation(text: string): boolean {
  const word = /([\p{L}.]+)\.$/u.exec(text)?.[1]?.toLowerCase();
  return word !== undefined && ABBREVIATIONS.has(word);
}

// ---------------------------------------------------------------------------
// Absent members

/** Names after "Fraværende:" / "Afbud:" labels anywhere in the document, deduplicated. */
function absentMembers(lines: readonly DocLine[]): string[] {
  const names = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const m = ABSENT_LABEL.exec((lines[i] as DocLine).text);
    if (!m) continue;
    let list = (m.groups?.['names'] ?? m.groups?.['namesAfter'] ?? '').trim();
    if (list === '') {
      const next = lines[i + 1]?.text.trim() ?? '';
      if (next && !isSectionLabel(next) && readDecisionLabel(next) === null && looksLikeNames(next)) list = next;
    }
    for (const name of splitNames(list)) {
      const k = name.toLowerCase();
      if (!names.has(k)) names.set(k, name);
    }
  }
  return [...names.values()];
}

/** "A, B og C (V)" → ["A", "B", "C"]; entries naming nobody are dropped. */
export function splitNames(list: string): string[] {
  return list
    .replace(/\([^)]*\)/gu, ' ')
    .split(/\s*(?:,|;|\bog\b|&)\s*/u)
    .map((n) => squash(n).replace(/[.:]+$/u, ''))
    .filter((n) => n !== '' && !NO_ONE.includes(n.toLowerCase()) && /^\p{Lu}/u.test(n));
}

function looksLikeNames(text: string): boolean {
  return splitNames(text).every((n) => n.split(/\s+/u).length <= 5 && /^\p{Lu}/u.test(n)) && splitNames(text).length > 0;
}
