// The meeting a document records: municipality (+ kommunekode), committee, date and
// kind, read from the first page's header and the document's own decision lines,
// with the file path as the last resort for the municipality.
import type { DocumentKind, ExtractedFacts } from '../../schema/contract.js';
import type { NormalisedPage } from '../../schema/normalised.js';
import type { ExtractionInput, WarningSink } from '../types.js';
import { cleanCommitteeName, DECISION_LABEL_PREFIX, isCommitteeName, wrappedCommitteeName } from './committees.js';
import { findIssuer, municipalityFromPath } from './issuing-municipality.js';
import type { Municipality } from './municipalities.js';
import { isReportTitleLine } from './report-titles.js';
import { joinLetterSpacing, trackedRunHasWord } from './letter-spacing.js';
import { documentLines, squash, type DocLine } from '../common/page-lines.js';
import { parseDanishDate } from './danish-dates.js';
import { readDecisionLabel } from '../agenda/decision-label.js';
import {
  AGENDA_WORDS,
  COMMITTEE_LABEL,
  DANISH_DATE,
  DECIDED_IN,
  MEETING_DATE_LABEL,
  MINUTES_WORDS,
  REPORT_WORDS,
} from '../common/patterns.js';

export { parseDanishDate, municipalityFromPath };

/** The issuing municipality without a header to read: the path, else the text's mentions. */
export function findMunicipality(pages: readonly NormalisedPage[], path: string): Municipality | null {
  return findIssuer(pages, path, [])?.muni ?? null;
}

export type MeetingFacts = Pick<ExtractedFacts, 'municipality' | 'municipalityCode' | 'municipalityBasis' | 'committee' | 'meetingDate' | 'documentKind'>;

/** Kinds that record a meeting: only they have agenda items (a notat's "1. Indledning" is a section). */
export const MEETING_KINDS: readonly DocumentKind[] = ['agenda', 'minutes'];

/** How many lines from the top of the first page count as its header. */
const HEADER_LINES = 12;

export function extractMeeting(input: ExtractionInput, warn: WarningSink): MeetingFacts {
  const lines = documentLines(input.pages);
  const header = headerLines(lines);
  // Kind first: what the document is decides how its committee and date are read.
  const kind = documentKind(lines, header);
  const { committee, date } = meetingOf(kind, { ...committeeAndDate(lines, header), header }, warn);
  const issuer = findIssuer(input.pages, input.path, header);
  const muni = issuer?.muni ?? null;
  const facts: MeetingFacts = {
    // The official name as the gold annotations write it ("Norddjurs Kommune", "Bornholms
    // Regionskommune"). CONTRACT.md's example drops "Kommune", but the scorer's key keeps a final
    // "s" only before "Kommune", so the short form of s-ending names ("Norddjurs") never matches.
    municipality: muni?.officialName ?? null,
    municipalityCode: muni?.code ?? null,
    municipalityBasis: issuer?.basis ?? null,
    committee,
    meetingDate: date,
    documentKind: kind,
  };
  const missing = (['municipality', 'committee', 'meetingDate'] as const).filter((k) => facts[k] === null);
  if (missing.length > 0) {
    warn({ code: 'metadata_missing', message: `No ${missing.join(', ')} found in the document`, page: 1 });
  }
  return facts;
}

/** The first non-empty lines of the first page with text. */
function headerLines(lines: readonly DocLine[]): DocLine[] {
  const firstPage = lines.find((l) => l.text.trim() !== '')?.page;
  return lines.filter((l) => l.page === firstPage && l.text.trim() !== '').slice(0, HEADER_LINES);
}

// ---------------------------------------------------------------------------
// Dates

// ---------------------------------------------------------------------------
// Committee and date

/**
 * Words between a committee and its meeting date: "d.", "den", "dato", a weekday,
 * separators. "REFERAT Aarhus Byråd d. 27-08-2025", "Byrådet - tirsdag den 12. marts 2024".
 */
const BEFORE_DATE_NOISE = /(?:[\s,:;–-]|\bd\.|\bden\b|\bdato\b|(?<!\S)\p{L}*møde(?:t|dato)?(?!\p{L})|\b(?:man|tirs|ons|tors|fre|lør|søn)dag\b)+$/iu;

/**
 * Words that make the date after them the meeting's: "Behandles på mødet 11.02.2025",
 * "udvalgsmøde 10-12-2024", "Beskæftigelsesudvalgets møde den 7. oktober 2024", "Mødedato:".
 * A notat's own "Dato:" and a next meeting's date ("Næste møde den …") are not.
 */
const MEETING_WORDS_BEFORE_DATE =
  /(?<!(?:næste|kommende|forrige|sidste|tidligere)\s+)(?<![\p{L}])(?:\p{L}*møde(?:t|dato|dag)?|mødes)(?:\s+(?:på|i|den|d\.|dato|afholdes|holdes))*\s*[:,]?\s*(?:\p{L}+dag\s+(?:den\s+|d\.\s*)?)?$/iu;

/** Header dates worded as a meeting's, as data: the date the rule gives (null: none is the meeting's). */
export const MEETING_DATE_EXAMPLES: readonly { header: string; date: string | null }[] = [
  { header: 'Udvalg: Beskæftigelsesudvalget\tBehandles på mødet 11.02.2025', date: '2025-02-11' },
  { header: 'Til:\tBeskæftigelsesudvalget, udvalgsmøde 10-12-2024', date: '2024-12-10' },
  { header: 'Notat til Beskæftigelsesudvalgets møde den 7. oktober 2024', date: '2024-10-07' },
  { header: 'Mødedato: 15.01.2025 · Mødetidspunkt: 15:30', date: '2025-01-15' },
  { header: 'Mødet afholdes tirsdag den 4. marts 2025', date: '2025-03-04' },
  { header: 'Dato: 2. december 2024', date: null },
  { header: 'Næste møde den 12. marts 2025', date: null },
];

/** The first header date worded as the meeting's, or null. */
export function meetingWordedDate(lines: readonly string[]): string | null {
  for (const line of lines) {
    const text = line.replace(/\s+/gu, ' ');
    for (const m of text.matchAll(new RegExp(DANISH_DATE.source, 'giu'))) {
      if (!MEETING_WORDS_BEFORE_DATE.test(text.slice(Math.max(0, m.index - 80), m.index))) continue;
      const date = parseDanishDate(m[0]);
      if (date) return date;
    }
  }
  return null;
}

/** Separators between the fields of a running header: "Lolland Kommune · Job- og Arbejdsmarkedsudvalget · Referat". */
const FIELD_SEPARATOR = /\s+[·|•–-]\s+|\t/u;

/**
 * A field that is a name and nothing else: capitalised words joined by og/for/samt ("Social- og
 * Sundhedsudvalget"); "Pt. i høring hos Ældreråd og Handicapråd" in a table cell is a sentence.
 */
const NAME_WORDS_ONLY = /^\p{Lu}[\p{L}-]*(?:,?\s+(?:\p{Lu}[\p{L}-]*|og|for|samt|&))*$/u;

/** A leading field label: "Til:", "Udvalg:". */
const FIELD_LABEL = /^(?:til|udvalg|forum|mødeforum)\s*:\s*/iu;

/** The committee and date of a header line that names both, or null. */
function committeeDateLine(raw: string): { committee: string; date: string } | null {
  // Cells of the header keep their tabs: each is a field ("Udvalg: X\tBehandles på mødet 11.02.2025").
  const fieldText = raw.replace(/[^\S\t]+/gu, ' ').trim();
  const text = squash(fieldText);
  const m = DANISH_DATE.exec(text);
  if (!m || m.index === 0) return null;
  const date = parseDanishDate(m[0]);
  if (!date) return null;
  const before = text.slice(0, m.index).replace(FIELD_LABEL, '').replace(BEFORE_DATE_NOISE, '');
  const rawBefore = fieldText.slice(0, (DANISH_DATE.exec(fieldText)?.index ?? fieldText.length));
  // "Jobcenter Næstved, februar 2025. Forelægges Beskæftigelsesudvalget den …": the sentence before the date names the body.
  const lastSentence = (text: string): string => text.split(/(?<=\p{Ll}{2}[.!?]|\d[.!?])\s+(?=\p{Lu})/u).at(-1) ?? text;
  const nameOf = (text: string): string => cleanCommitteeName(genitiveToName(text.trim().replace(FIELD_LABEL, '').replace(BEFORE_DATE_NOISE, '')));
  // A line of fields ("Jobcenter Skive · Til Beskæftigelsesudvalgets møde den …", sender · addressee)
  // is read field by field, nearest the date first: the sender's field is no part of the body's name.
  // The whole text before the date comes last, for a name that itself holds a separator.
  const fields = rawBefore.split(FIELD_SEPARATOR).reverse();
  const names = [...fields.flatMap((f) => [nameOf(lastSentence(f)), nameOf(f)]), cleanCommitteeName(genitiveToName(before))];
  const committee = names.find((name) => isCommitteeName(name));
  return committee ? { committee, date: meetingDateOfLine(text, m.index) ?? date } : null;
}

/**
 * A line with several dates: "Økonomiudvalget · Status pr. 30. juni 2025 · Behandles på mødet
 * 19. august 2025". The date worded as the meeting's wins over one that ends the
 * reported period; null when no later date is worded so.
 */
function meetingDateOfLine(text: string, firstDateAt: number): string | null {
  if (MEETING_WORDS_BEFORE_DATE.test(text.slice(Math.max(0, firstDateAt - 80), firstDateAt))) return null;
  return meetingWordedDate([text]);
}

/** Header lines with a period's end and a meeting date, or with a sender before the addressee, as data. */
export const LINE_DATE_EXAMPLES: readonly { line: string; committee: string; date: string }[] = [
  { line: 'Økonomiudvalget · Status pr. 30. juni 2025 · Behandles på mødet 19. august 2025', committee: 'Økonomiudvalget', date: '2025-08-19' },
  { line: 'Kultur- og Fritidsudvalget | forbrug til og med 31.03.2024 | udvalgsmøde 07.05.2024', committee: 'Kultur- og Fritidsudvalget', date: '2024-05-07' },
  { line: 'Social- og Sundhedsudvalget · møde den 2. september 2025 · data pr. 31. juli 2025', committee: 'Social- og Sundhedsudvalget', date: '2025-09-02' },
  { line: 'Jobcenter Skive · Til Beskæftigelsesudvalgets møde den 3. juni 2025', committee: 'Beskæftigelsesudvalget', date: '2025-06-03' },
  { line: 'Ældre og Sundhed | Forelægges Sundhedsudvalget 14.05.2025', committee: 'Sundhedsudvalget', date: '2025-05-14' },
  { line: 'Børne- og Skoleudvalget 12. marts 2025', committee: 'Børne- og Skoleudvalget', date: '2025-03-12' },
];

/** A header line's committee and date, for the rule's own test. */
export function committeeAndDateOfLine(line: string): { committee: string; date: string } | null {
  return committeeDateLine(line);
}

/** "Beskæftigelsesudvalgets møde": the body's name without its genitive s ("Beskæftigelsesudvalget"). */
function genitiveToName(text: string): string {
  return text.replace(/(?<=\p{L}(?:udvalget|rådet|byrådet|kommunalbestyrelsen|magistraten|nævnet|bestyrelsen))s$/u, '');
}

/** "Referat fra mødet i Job- og | Arbejdsmarkedsudvalget onsdag den | 27. august 2025": a header wrapped over lines. */
function committeeDateWrapped(header: readonly DocLine[]): { committee: string; date: string } | null {
  const joined = squash(header.map((l) => l.text).join(' '));
  for (const m of joined.matchAll(/\bmøde(?:t)?\s+(?:i|for)\s+/giu)) {
    const found = committeeDateLine(joined.slice(m.index + m[0].length, m.index + m[0].length + 160));
    if (found) return found;
  }
  return null;
}

function committeeAndDate(lines: readonly DocLine[], header: readonly DocLine[]): { committee: string | null; date: string | null } {
  let committee: string | null = null;
  let date: string | null = null;

  // 1. A header line naming the committee and the date together, or such a header wrapped over lines.
  //    A decision label in the header ("Beslutning i … den …") may quote another body: it comes last (step 4).
  let labelled: { committee: string; date: string } | null = null;
  for (const line of header) {
    if (DECISION_LABEL_PREFIX.test(squash(line.text))) {
      labelled ??= committeeDateLine(line.text);
      continue;
    }
    const found = committeeDateLine(line.text);
    if (found) {
      ({ committee, date } = found);
      break;
    }
  }
  if (!committee) {
    const found = committeeDateWrapped(header);
    if (found) ({ committee, date } = found);
  }
  // 1b. A date the header words as the meeting's beats a date it only labels ("Dato:" of a notat).
  date ??= meetingWordedDate(header.map((l) => l.text));
  // 2. Labelled header fields.
  for (const line of header) {
    const text = squash(line.text);
    if (!committee) {
      const c = COMMITTEE_LABEL.exec(text);
      if (c?.groups && isCommitteeName(c.groups['name'] ?? '')) committee = cleanCommitteeName(c.groups['name'] ?? '');
    }
    if (!date && MEETING_DATE_LABEL.test(text)) date = parseDanishDate(text);
  }
  // 3. A header line that is just a committee name ("Beskæftigelsesudvalget", "Referat fra mødet i Økonomiudvalget").
  if (!committee) {
    for (const [k, line] of header.entries()) {
      // A line of fields ("Roskilde Kommune⇥Forelægges Beskæftigelsesudvalget") is read field by field.
      const name = line.text.includes('\t') ? '' : cleanCommitteeName(line.text);
      if (isCommitteeName(name)) {
        // A narrow header column may wrap the name after its "X- og" ("Arbejdsmarkeds- og" / "Erhvervsudvalget").
        const previous = header[k - 1];
        committee = (previous && wrappedCommitteeName(squash(previous.text), name)) || name;
        break;
      }
      // One field of a running header ("Arbejdsmarkedsudvalget · Hjørring Kommune").
      const field = line.text.split(FIELD_SEPARATOR).map((f) => cleanCommitteeName(f.replace(FIELD_LABEL, ''))).find((f) => isCommitteeName(f) && NAME_WORDS_ONLY.test(f));
      if (field) {
        committee = field;
        break;
      }
    }
  }
  // 4. "Beslutning i Norddjurs Beskæftigelsesråd den 29-08-2024": the body that decided the case.
  //    Older systems (Acadre, eDoc) keep every earlier decision under the item, each dated: the
  //    latest date of the deciding body is this meeting's, and a date in a header that already
  //    named the body comes before all of them.
  if (committee && !date) date = headerDate(header);
  if (!committee || !date) {
    let body: string | null = null;
    let latest: string | null = null;
    for (const line of lines) {
      const m = DECIDED_IN.exec(squash(line.text));
      if (!m?.groups) continue;
      const name = cleanCommitteeName(m.groups['committee'] ?? '');
      const d = parseDanishDate(m.groups['date'] ?? '');
      if (!d || !isCommitteeName(name)) continue;
      body ??= name;
      if (name === body && (latest === null || d > latest)) latest = d;
    }
    committee ??= body;
    date ??= latest;
  }
  // 4b. A routing label in the header ("Sagen afgøres i Teknik- og Miljøudvalget den 14. oktober 2025").
  if (!committee && labelled) {
    committee = labelled.committee;
    date ??= labelled.date;
  }
  // 5. A date in the header itself, as a last resort, when the header names a meeting body
  //    (a list "Ajourført: 29. august 2025" is dated, but it records no meeting).
  if (!date && committee) date = headerDate(header);
  return { committee, date };
}

/** "Til Aarhus Byråd", "Til: kommunalbestyrelsen", "To: …": a letter's or e-mail's addressee. */
const ADDRESSEE_LINE = /^(?:til|to|att\.?)\b/iu;

/**
 * The meeting a report or other document records, given its kind. An agenda or minutes names its
 * own meeting. A letter or e-mail (kind other) is addressed to a body: the addressee is no meeting's
 * committee. A report or other document that names no committee records no meeting: a date found in
 * it is its own ("Dato: 19. november 2012", a send or print date), kept as a guess with a
 * meeting_date_uncertain warning.
 */
function meetingOf(
  kind: DocumentKind,
  found: { committee: string | null; date: string | null; header: readonly DocLine[] },
  warn: WarningSink,
): { committee: string | null; date: string | null } {
  if (MEETING_KINDS.includes(kind)) return { committee: found.committee, date: found.date };
  let committee = found.committee;
  if (kind === 'other' && committee !== null) {
    const name = committee;
    const named = found.header.map((l) => squash(l.text)).filter((t) => t.includes(name));
    if (named.length > 0 && named.every((t) => ADDRESSEE_LINE.test(t))) committee = null;
  }
  if (committee === null && found.date !== null) {
    warn({
      code: 'meeting_date_uncertain',
      message: `The ${kind === 'report' ? 'report' : 'document'} names no meeting: ${found.date} is its own date, the meeting's is a guess`,
      page: found.header[0]?.page ?? 1,
    });
  }
  return { committee, date: found.date };
}

/** The first date printed in the header. */
function headerDate(header: readonly DocLine[]): string | null {
  for (const line of header) {
    const date = parseDanishDate(line.text);
    if (date) return date;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Kind

function hasWord(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((w) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'u').test(lower));
}

/**
 * A title word, alone or as the last part of a Danish compound ("Målopfølgning", "Statusnotat",
 * "Ledighedsanalyse"), optionally in its definite/plural form ("Notatet", "Opfølgningen").
 */
function hasTitleWord(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((w) => new RegExp(`${w}(?:en|et|er|erne)?(?![\\p{L}])`, 'u').test(lower));
}

function documentKind(lines: readonly DocLine[], header: readonly DocLine[]): DocumentKind {
  const top = header.slice(0, 6).map((l) => l.text).join('\n');
  // A letter-spaced masthead ("D A G S O R D E N") names the kind as plainly as an unspaced one.
  const titled = (words: readonly string[]): boolean => hasWord(joinLetterSpacing(top), words) || trackedRunHasWord(top, words);
  if (titled(MINUTES_WORDS)) return 'minutes';
  // An agenda may quote an earlier body's decision ("Beslutning i Økonomiudvalget …"); its own title wins.
  if (titled(AGENDA_WORDS)) return 'agenda';
  if (hasRecordedDecision(lines)) return 'minutes';
  if (hasTitleWord(joinLetterSpacing(header.slice(0, 3).map((l) => l.text).join('\n')), REPORT_WORDS)) return 'report';
  if (header.some((l) => isReportTitleLine(l.text))) return 'report';
  return 'other';
}

/** A decision label followed by text that is not another label: the case was decided. */
function hasRecordedDecision(lines: readonly DocLine[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    const text = squash(lines[i]?.text ?? '');
    const label = readDecisionLabel(lines[i]?.text ?? '');
    if (!label) continue;
    if (DECIDED_IN.test(text) || label.inline !== '') return true;
    const next = lines.slice(i + 1, i + 4).find((l) => l.text.trim() !== '');
    if (next && /^\p{Lu}[\p{Ll}]/u.test(next.text.trim()) && next.text.trim().length > 3 && !/^(?:bilag|sagsnr)/iu.test(next.text.trim())) {
      return true;
    }
  }
  return false;
}
