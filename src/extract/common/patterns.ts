// Named, documented patterns and vocabularies shared by the extraction rules.
// Each constant has a one-line doc and its own tests (test/extract/*.test.ts).
// Vocabularies are data lists, not branches: extend the list, not the code.

// ---------------------------------------------------------------------------
// Meeting header (issue 3)

/** Danish month names (and common abbreviations) → month number. */
export const DANISH_MONTHS: Readonly<Record<string, number>> = {
  januar: 1, jan: 1, februar: 2, feb: 2, marts: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, oktober: 10, okt: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

const MONTH_ALTERNATION = Object.keys(DANISH_MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * A date as meetings print it: "14-05-2024", "14.05.2024", "19. marts 2020", "19 marts 2020", "27. aug. 2025",
 * "2024-03-12", and the handwritten-style "20/7 2021" / "20/7-2021" (day/month, then the year after a space or dash).
 */
export const DANISH_DATE = new RegExp(
  String.raw`(?<![\d.])(?:(?<d1>\d{1,2})[-./](?<m1>\d{1,2})[-./](?<y1>\d{4})|(?<d2>\d{1,2})\.?\s*(?<m2>${MONTH_ALTERNATION})\.?\s+(?<y2>\d{4})|(?<y3>\d{4})-(?<m3>\d{2})-(?<d3>\d{2})|(?<d4>\d{1,2})\/(?<m4>\d{1,2})(?:\s+|\s?-\s?)(?<y4>\d{4}))(?!\d)`,
  'iu',
);

/** Words on a first page that make the document minutes (a record of decisions). */
export const MINUTES_WORDS: readonly string[] = ['referat', 'beslutningsprotokol', 'protokol', 'beslutninger', 'mødereferat'];

/** Words on a first page that make the document an agenda. */
export const AGENDA_WORDS: readonly string[] = ['dagsorden', 'åben dagsorden', 'lukket dagsorden', 'tillægsdagsorden', 'dagsordenen'];

/** Title words of a stand-alone report (notat, follow-up, budget report, bilag). */
export const REPORT_WORDS: readonly string[] = [
  'notat', 'rapport', 'opfølgning', 'budgetopfølgning', 'redegørelse', 'status', 'bilag', 'analyse', 'evaluering', 'rapportering',
  // STAR's yearly review of a jobcenter's results, and reviews in general ("Resultatrevision 2024").
  'revision', 'resultatrevision',
];

/** "Mødedato: …", "Dato: …", "Tidspunkt: …", "Møde den …", "Udvalgsmøde: …": a labelled meeting date (not "Mødested"). */
export const MEETING_DATE_LABEL = /^(?:\p{L}*møde(?:dato|tidspunkt)?|dato|tidspunkt|afholdt)(?!\p{L})\.?\s*:?/iu;

/** "Udvalg: …", "Mødeforum: …", "Forum: …", a notat's "Til: …": a labelled committee on the first page. */
export const COMMITTEE_LABEL = /^(?:udvalg|mødeforum|forum|organ|til)\s*:\s*(?<name>.+)$/iu;

/**
 * "Beslutning i Norddjurs Beskæftigelsesråd den 29-08-2024", "Behandlet i Økonomiudvalget
 * den 3. marts 2024": the body that decided and when.
 */
export const DECIDED_IN = /^(?:beslutning(?:er)?|behandlet|behandling)\s+i\s+(?<committee>.+?)\s+(?:den|d\.)\s+(?<date>.+)$/iu;

// ---------------------------------------------------------------------------
// Agenda items (issue 3)

/** "Punkt 46: Godkendelse …", "Pkt. 3 Title", "Dagsordenspunkt 2 -", "Punkt nr. 4", "Sag 12:", "Sag nr. 12." */
export const AGENDA_HEADING_LABELLED =
  /^\s*(?:(?:punkt|dagsordens?punkt|sag)(?:\s+nr\.?)?|pkt\.?)\s*(?<number>\d{1,3})(?![\d.,]\d)\s*(?:[:.)\-–]\s*|\s+|$)(?<title>.*)$/iu;

/**
 * "1. Godkendelse af dagsorden", "12) Eventuelt", "101⇥Godkendelse af dagsorden" (the number in a
 * cell of its own, as agenda systems print a heading table): a numbered heading, accepted only
 * with layout or case cues.
 */
export const AGENDA_HEADING_NUMBERED = /^\s*(?<number>\d{1,3})(?:\s*[.)]\s+|[ ]*\t\s*)(?<title>\p{Lu}.*)$/u;

/** A table-of-contents heading line. */
export const TOC_HEADING = /^\s*(?:indholdsfortegnelse|indhold|dagsordenoversigt|oversigt over punkter)\s*:?\s*$/iu;

/** A table-of-contents entry: dotted leaders or a trailing page number after a gap. */
export const TOC_ENTRY = /(?:\.{4,}|…{2,}|(?:\s\.){3,}|_{4,})\s*\d{0,4}\s*$|\t\s*\d{1,4}\s*$|\s{3,}\d{1,4}\s*$/u;

/** Labels of the sections inside an agenda item; a title never continues into one. */
export const CASE_SECTION_LABELS: readonly string[] = [
  'punktoplysninger', 'sagsnr', 'sagsnummer', 'sags nr', 'sagsbeh', 'sagsbehandler', 'j.nr', 'journalnr', 'resume', 'resumé',
  'sagsfremstilling', 'baggrund', 'baggrund for sagen', 'indstilling', 'forvaltningen indstiller', 'beslutning', 'beslutninger',
  'beslutningspunkter', 'sagens gang', 'sagsgang', 'lovgrundlag', 'økonomi', 'økonomiske konsekvenser', 'bilag', 'bilag:',
  'forventet konsekvens', 'procesplan', 'sagen afgøres i', 'organisering og kommunikation', 'forvaltningens bemærkninger',
  'kompetence', 'beslutningskompetence', 'sagsforløb', 'problemstilling', 'sagsbeskrivelse', 'indledning', 'fraværende',
  'afbud', 'høring', 'vurdering', 'administrationens bemærkninger', 'kommunikation', 'tidsplan', 'sagen', 'formål',
];

/** "Sagsnr.: 00.13.00-P22-2-23", "Sagsnummer 24/1234", "J.nr.: …", "Sags ID: 19/19246", "Sagsid.: 25/640": a labelled case number. */
export const CASE_NUMBER_LABEL =
  /^\s*(?:(?:åben|åbent|lukket)\s+(?:punkt|sag|dagsordenspunkt)\s*[·•|,–-]?\s*)?(?:[\p{L}]+[\s-])?(?:sags?\s*-?\s*n(?:umme)?r\.?|sags?\s*-?\s*id\b\.?|journal\s*-?\s*n(?:umme)?r\.?|j\.\s?nr\.?|sag(?=\s*:))\s*:?\s*(?<value>[^\s]*\d[^\s]*)/iu;

/** KLE journal numbers: "15.00.00-G01-6-24", "00.30.10-Ø00-2-24" (a broken "Å~" facet letter is tolerated). */
export const KLE_NUMBER = /(?<![\d.])\d{2}\.\d{2}(?:\.\d{2})?(?:-(?:[A-ZÆØÅ]|Å~|Ã˜|\?)\d{2}(?:-\d+-\d{2,4})?)?(?![\d.])/u;

/** ESDH ids: "EMN-2025-003383", "SAG-2024-01234", "DOK-2023/12". */
export const ESDH_NUMBER = /(?<![\p{L}\d])[A-ZÆØÅ]{2,5}-\d{4}[-/]\d{2,}(?![\d])/u;

/** Long numeric ids printed under a heading: "23000072018-30104945110589", "2024-012345", "24/12345". */
export const NUMERIC_CASE_ID = /(?<![\d.])(?:\d{5,}(?:-\d+)+|\d{4}-\d{5,}|\d{2}\/\d{4,}|\d{8,})(?![\d.])/u;

/**
 * A decision block label: "Beslutning", "Beslutninger", "Beslutning:", "Udvalgets beslutning",
 * "Beslutning i Byrådet den …", "Økonomiudvalgets beslutning den 12. marts 2024",
 * "Beslutning (Byrådet, 3. maj 2024)". The tail after the label word is checked by the rule
 * (a date or a committee), so "Beslutning i henhold til …" in prose is no label.
 */
export const DECISION_LABEL =
  /^\s*(?:\p{Lu}[\p{L}-]*s\s+)?beslutning(?:er)?(?<tail>\s+(?:i|den|d\.|fra|på)\s+[^:\t]{1,80}?|\s*\([^)]{1,80}\))?\s*(?:(?::|\t)\s*(?<inline>.*))?$/iu;

/** Labels of members recorded as absent: "Fraværende: …", "Afbud: …", "Ikke til stede: …". */
export const ABSENT_LABEL =
  /^\s*(?:(?:fraværende(?:\s+med\s+afbud)?|afbud(?:\s+fra)?|ikke\s+til\s+stede|forfald|fravær)\s*(?:(?::|\t)\s*(?<names>.*)|$)|afbud\s+fra\s+(?<namesAfter>\p{Lu}.*))$/iu;

/** Entries after an absence label that name nobody. */
export const NO_ONE: readonly string[] = ['ingen', 'ingen afbud', 'ingen fraværende', 'intet', 'intet fravær', '-', '–', 'alle til stede'];

/** Words that open a recorded decision when a referat prints it without a label ("Tilbagesendes …", "Godkendt."). */
export const DECISION_OPENERS: readonly string[] = [
  'godkendt', 'godkendes', 'vedtaget', 'vedtages', 'tiltrådt', 'tiltrådte', 'anbefalet', 'anbefales', 'taget til efterretning',
  'orienteringen taget til efterretning', 'drøftet', 'tilbagesendes', 'fremsendes', 'oversendes', 'udsat', 'afvist',
  'forkastet', 'bevilget', 'intet at bemærke',
];
