// Recognising the body that holds a meeting ("Beskæftigelsesudvalget", "Aarhus Byråd",
// "Norddjurs Beskæftigelsesråd", "Kommunalbestyrelsen") and cleaning its name as
// headers print it ("Arbejdsmarkedsudvalget 2018 - 2021" → "Arbejdsmarkedsudvalget").

/** Endings of the names of political bodies: udvalg, råd, kommunalbestyrelse, magistrat … */
export const COMMITTEE_ENDINGS: readonly string[] = [
  'udvalg', 'udvalget', 'råd', 'rådet', 'byråd', 'byrådet', 'kommunalbestyrelse', 'kommunalbestyrelsen',
  'magistrat', 'magistraten', 'borgerrepræsentation', 'borgerrepræsentationen', 'regionsråd', 'regionsrådet',
  'bestyrelse', 'bestyrelsen', 'nævn', 'nævnet', 'forsamling', 'forsamlingen', 'kommission', 'kommissionen',
];

const ENDING = new RegExp(`(?:${[...COMMITTEE_ENDINGS].sort((a, b) => b.length - a.length).join('|')})$`, 'iu');

/** Words before a committee name that are not part of it ("mødet i", "Referat fra"). */
const LEADING_NOISE =
  /^(?:(?:referat|dagsorden|beslutningsprotokol|protokol|beslutninger|notat|orientering|indstilling|sagsfremstilling)\s*(?:fra|for|af|til)?\s*[-–:]?\s*)?(?:(?:det\s+)?(?:ordinære|ekstraordinære|ordinært|ekstraordinært)\s+)?(?:møde(?:t)?\s+(?:i|for)\s+)?/iu;

/**
 * A decision or case-routing label before the name: "Beslutning i", "Behandlet i", "Sagen afgøres i",
 * "Indstilling til", "Oversendt fra". The label names the body; its words are not part of the name.
 */
export const DECISION_LABEL_PREFIX =
  /^(?:(?:beslutning(?:er)?|behandlet|behandling|godkendt|vedtaget|besluttet|drøftet|tiltrådt)\s+(?:i|af)|(?:sagen\s+)?(?:afgøres|behandles|forelægges|besluttes|sendes)\s+(?:videre\s+)?(?:i|af|for|til)|forelægges|(?:indstilling|oversendt|oversendelse)\s+(?:til|fra))\s+/iu;

/**
 * Routing words before the name: "Behandles i:", "Til behandling i", "Sagen afgøres i:", an
 * addressee's "Til". They route the case to the body; they are not part of its name.
 */
const ROUTING_PREFIX = /^(?:(?:til\s+)?behandling\s+i|(?:sagen\s+)?(?:afgøres|behandles|forelægges|besluttes)\s+(?:i|af)\s*:|(?:behandlet|drøftet|forelagt)\s+(?:på|i)|bilag(?:\s+\d{1,3})?\s+til(?:\s+mødet\s+i)?|til)\s*:?\s+/iu;

/** Routing words before a committee, as data: the name after them is the committee, the words are not. */
export const ROUTING_EXAMPLES: readonly { text: string; committee: string }[] = [
  { text: 'Behandles i: Økonomiudvalget', committee: 'Økonomiudvalget' },
  { text: 'Til behandling i Beskæftigelsesudvalget', committee: 'Beskæftigelsesudvalget' },
  { text: 'Sagen afgøres i: Teknik- og Miljøudvalget', committee: 'Teknik- og Miljøudvalget' },
  { text: 'Til Aarhus Byråd', committee: 'Aarhus Byråd' },
  { text: 'Forelægges Beskæftigelsesudvalget', committee: 'Beskæftigelsesudvalget' },
  { text: 'Bilag til Social- og Sundhedsudvalget', committee: 'Social- og Sundhedsudvalget' },
  { text: 'Behandlet på Børne- og Familieudvalget', committee: 'Børne- og Familieudvalget' },
  { text: 'Udvalget for Plan, Udvikling og Kultur (PUK)', committee: 'Udvalget for Plan, Udvikling og Kultur' },
  // a name that only starts like a routing word keeps it
  { text: 'Tilsynsrådet', committee: 'Tilsynsrådet' },
];

/** A document-kind word after the name: "Økonomiudvalget - Referat", "Byrådet, dagsorden". */
const TRAILING_KIND = /\s*[-–:,]\s*(?:referat|dagsorden|beslutningsprotokol|protokol)\s*$/iu;

/** An abbreviation in brackets after the name: "Økonomiudvalget (ØK)", "Børne- og Ungeudvalget (BUU)". */
const ABBREVIATION_AFTER = /\s*\([\p{Lu}\p{N}&\s-]{1,12}\)\s*$/u;

/** An election term or year range after the name: "2018 - 2021", "(2022-2025)", "2022-25". */
const ELECTION_TERM = /\s*[(]?\s*\d{4}\s*[-–/]\s*(?:\d{4}|\d{2})\s*[)]?\s*$/u;

/**
 * "Udvalget for plan, udvikling og kultur", "Udvalget for Børn og Unge": older agenda systems
 * (Acadre/Adlib, eDoc) name the body first and its fields after "for", one word each, as a list.
 */
const UDVALG_FOR = /^Udvalg(?:et)?\s+for\s+[\p{L}-]+(?:,\s+[\p{L}-]+)*(?:\s+(?:og|&)\s+[\p{L}-]+)?$/u;

/** Names of bodies and text that is no body's name, as data (the rule's own test reads them). */
export const COMMITTEE_NAME_EXAMPLES: readonly { text: string; committee: boolean }[] = [
  { text: 'Udvalget for plan, udvikling og kultur (PUK)', committee: true },
  { text: 'Udvalget for Børn og Unge', committee: true },
  { text: 'Beskæftigelses- og Integrationsudvalget', committee: true },
  { text: 'Udvalget for Plan, Udvikling og Kultur arbejder nu videre', committee: false },
  { text: 'Udvalget bad på mødet i juni om en status', committee: false },
  { text: 'kommunalbestyrelsen', committee: false },
  // the label cell of a key-value meeting table names the kind of body, not which one
  { text: 'Udvalg', committee: false },
  { text: 'Udvalget', committee: false },
  { text: 'Råd', committee: false },
  { text: 'Byrådet', committee: true },
  { text: 'Kommunalbestyrelsen', committee: true },
];

/**
 * The kind of body with nothing to name which one: the label cell of a key-value meeting table
 * ("Udvalg⇥Teknik- og Miljøudvalget", "Råd⇥Ældrerådet") or a sentence's "Udvalget". A body's own name
 * either qualifies the word ("Økonomiudvalget", "Udvalget for …") or is unique in the
 * municipality ("Byrådet", "Kommunalbestyrelsen", "Magistraten"), so those stay names.
 */
const BARE_KIND_WORD = /^(?:udvalg(?:et)?|råd(?:et)?|nævn(?:et)?|forsamling(?:en)?|kommission(?:en)?|bestyrelse)$/iu;

/** True when the (cleaned) text names a political body. */
export function isCommitteeName(text: string): boolean {
  const name = cleanCommitteeName(text);
  if (!name || name.length > 90 || name.split(/\s+/u).length > 8 || BARE_KIND_WORD.test(name)) return false;
  const last = name.split(/\s+/u).at(-1) ?? '';
  return (ENDING.test(last) || UDVALG_FOR.test(name)) && /^\p{Lu}/u.test(name);
}

/** The committee name without document-kind words, meeting words, election term or stray punctuation. */
export function cleanCommitteeName(text: string): string {
  let s = text.replace(/\s+/gu, ' ').trim();
  s = s.replace(ROUTING_PREFIX, '').replace(DECISION_LABEL_PREFIX, '').replace(LEADING_NOISE, '').replace(TRAILING_KIND, '');
  s = s.replace(/[\s,:;–-]+$/u, '');
  for (let i = 0; i < 2; i++) s = s.replace(ELECTION_TERM, '').replace(ABBREVIATION_AFTER, '').trim();
  return s.replace(/[\s,:;–-]+$/u, '').trim();
}

/**
 * The first part of a compound name wrapped onto its own line: "Arbejdsmarkeds- og",
 * "Børne-, Unge- og", "Klima-, Miljø- og" (each word a prefix with a hyphen, then og/samt/&).
 */
const WRAPPED_NAME_START = /^\p{Lu}\p{L}*-,?(?:\s+\p{L}+-,?)*\s+(?:og|samt|&)$/u;

/** A committee name printed over two lines: the name when `first` + `second` form one, else null. */
export function wrappedCommitteeName(first: string, second: string): string | null {
  // "Beslutningsprotokol – Erhvervs- og": the title before the name is no part of it.
  const start = first.replace(/\s+/gu, ' ').trim().replace(LEADING_NOISE, '');
  const rest = cleanCommitteeName(second);
  if (!WRAPPED_NAME_START.test(start) || !/^\p{Lu}/u.test(rest)) return null;
  const name = `${start} ${rest}`;
  return isCommitteeName(name) ? name : null;
}
