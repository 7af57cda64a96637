// The 98 Danish municipalities with their official kommunekode (Danmarks Statistik /
// DAGI), the name the contract stores (official name without "Kommune") and the
// spellings documents use for them. Matching runs on a folded key so that genitive
// forms ("Norddjurs Kommunes"), old spellings ("Århus") and spacing variants
// ("Høje Taastrup") all resolve to one record.
import { createRequire } from 'node:module';
import { memoValueByText } from '../../text/memo-by-text.js';

export interface Municipality {
  /** Official 3-digit kommunekode. */
  readonly code: number;
  /** Official name without "Kommune" ("Vesthimmerlands", "Høje-Taastrup", "Bornholms"). */
  readonly name: string;
  /** Other spellings seen in documents, without "Kommune". */
  readonly variants: readonly string[];
  /** The full official name: "Norddjurs Kommune", "Bornholms Regionskommune". */
  readonly officialName: string;
}

const m = (code: number, name: string, ...variants: string[]): Municipality => ({
  code,
  name,
  variants,
  officialName: code === 400 ? 'Bornholms Regionskommune' : `${name} Kommune`,
});

/** Municipality names that are everyday words too ("vejen", "greve", "odder"): alone they name no municipality. */
export const AMBIGUOUS_MUNICIPALITY_NAMES: readonly string[] = ['vejen', 'greve', 'mors', 'odder', 'faxe', 'lejre', 'struer', 'skive', 'ærø'];

/** All 98 municipalities, by kommunekode. */
export const MUNICIPALITIES: readonly Municipality[] = [
  // Region Hovedstaden
  m(101, 'København', 'Københavns', 'Kobenhavn', 'Copenhagen'),
  m(147, 'Frederiksberg'),
  m(151, 'Ballerup'),
  m(153, 'Brøndby'),
  m(155, 'Dragør'),
  m(157, 'Gentofte'),
  m(159, 'Gladsaxe'),
  m(161, 'Glostrup'),
  m(163, 'Herlev'),
  m(165, 'Albertslund'),
  m(167, 'Hvidovre'),
  m(169, 'Høje-Taastrup', 'Høje Taastrup', 'Høje-Tåstrup', 'Høje Tåstrup', 'Hoeje-Taastrup'),
  m(173, 'Lyngby-Taarbæk', 'Lyngby Taarbæk', 'Lyngby-Tårbæk', 'Kongens Lyngby'),
  m(175, 'Rødovre'),
  m(183, 'Ishøj'),
  m(185, 'Tårnby', 'Taarnby'),
  m(187, 'Vallensbæk'),
  m(190, 'Furesø'),
  m(201, 'Allerød'),
  m(210, 'Fredensborg'),
  m(217, 'Helsingør'),
  m(219, 'Hillerød'),
  m(223, 'Hørsholm'),
  m(230, 'Rudersdal'),
  m(240, 'Egedal'),
  m(250, 'Frederikssund'),
  m(260, 'Halsnæs'),
  m(270, 'Gribskov'),
  m(400, 'Bornholms', 'Bornholm', 'Bornholms Regionskommune'),
  // Region Sjælland
  m(253, 'Greve'),
  m(259, 'Køge'),
  m(265, 'Roskilde'),
  m(269, 'Solrød'),
  m(306, 'Odsherred'),
  m(316, 'Holbæk'),
  m(320, 'Faxe', 'Fakse'),
  m(326, 'Kalundborg'),
  m(329, 'Ringsted'),
  m(330, 'Slagelse'),
  m(336, 'Stevns'),
  m(340, 'Sorø'),
  m(350, 'Lejre'),
  m(360, 'Lolland'),
  m(370, 'Næstved'),
  m(376, 'Guldborgsund'),
  m(390, 'Vordingborg'),
  // Region Syddanmark
  m(410, 'Middelfart'),
  m(420, 'Assens'),
  m(430, 'Faaborg-Midtfyn', 'Faaborg Midtfyn', 'Fåborg-Midtfyn'),
  m(440, 'Kerteminde'),
  m(450, 'Nyborg'),
  m(461, 'Odense'),
  m(479, 'Svendborg'),
  m(480, 'Nordfyns', 'Nordfyn'),
  m(482, 'Langeland'),
  m(492, 'Ærø', 'Aeroe', 'Æro'),
  m(510, 'Haderslev'),
  m(530, 'Billund'),
  m(540, 'Sønderborg'),
  m(550, 'Tønder'),
  m(561, 'Esbjerg'),
  m(563, 'Fanø', 'Fanoe'),
  m(573, 'Varde'),
  m(575, 'Vejen'),
  m(580, 'Aabenraa', 'Åbenrå', 'Aabenrå'),
  m(607, 'Fredericia'),
  m(621, 'Kolding'),
  m(630, 'Vejle'),
  // Region Midtjylland
  m(615, 'Horsens'),
  m(657, 'Herning'),
  m(661, 'Holstebro'),
  m(665, 'Lemvig'),
  m(671, 'Struer'),
  m(706, 'Syddjurs'),
  m(707, 'Norddjurs'),
  m(710, 'Favrskov'),
  m(727, 'Odder'),
  m(730, 'Randers'),
  m(740, 'Silkeborg'),
  m(741, 'Samsø', 'Samsoe'),
  m(746, 'Skanderborg'),
  m(751, 'Aarhus', 'Århus'),
  m(756, 'Ikast-Brande', 'Ikast Brande'),
  m(760, 'Ringkøbing-Skjern', 'Ringkøbing Skjern', 'Ringkobing-Skjern'),
  m(766, 'Hedensted'),
  m(779, 'Skive'),
  m(791, 'Viborg'),
  // Region Nordjylland
  m(773, 'Morsø', 'Mors'),
  m(787, 'Thisted'),
  m(810, 'Brønderslev'),
  m(813, 'Frederikshavn'),
  m(820, 'Vesthimmerlands', 'Vesthimmerland'),
  m(825, 'Læsø', 'Laesoe'),
  m(840, 'Rebild'),
  m(846, 'Mariagerfjord'),
  m(849, 'Jammerbugt'),
  m(851, 'Aalborg', 'Ålborg'),
  m(860, 'Hjørring'),
];

/** Asked for every capitalised word of a document by the scope and issuer rules: answered once per name. */
export const municipalityKey = memoValueByText(readMunicipalityKey, 20_000);

/**
 * Folds a spelling to its matching key: lower case, "aa" for "å", spaces and
 * hyphens alike, "Kommune(s)"/"Regionskommune" and a genitive -s dropped.
 * "Vesthimmerlands Kommune", "Vesthimmerland" and "vesthimmerlands" share one key.
 */
function readMunicipalityKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/\b(?:regionskommunes?|kommunes?|byråd(?:et|s)?)\b/gu, ' ')
    .replace(/å/gu, 'aa')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim()
    .replace(/s$/u, '')
    .replace(/\s+/gu, '-');
}

let keyIndex: Map<string, Municipality> | undefined;

function index(): Map<string, Municipality> {
  if (keyIndex) return keyIndex;
  keyIndex = new Map();
  for (const muni of MUNICIPALITIES) {
    for (const spelling of [muni.name, ...muni.variants]) keyIndex.set(municipalityKey(spelling), muni);
  }
  return keyIndex;
}

/** The municipality a spelling names exactly (after folding), or null. */
export function lookupMunicipality(name: string): Municipality | null {
  return index().get(municipalityKey(name)) ?? null;
}

/** Jaro–Winkler similarity a misspelling must reach to count as a municipality's name. */
export const FUZZY_MUNICIPALITY_THRESHOLD = 0.94;

type JaroWinkler = (a: string, b: string) => number;
let jaroWinkler: JaroWinkler | undefined;

/**
 * natural costs ~0.8 s and ~150 MB to load in full, so only its Jaro–Winkler module
 * is required, synchronously, on the first fuzzy lookup (extractors are synchronous).
 */
function loadJaroWinkler(): JaroWinkler {
  jaroWinkler ??= createRequire(import.meta.url)('natural/lib/natural/distance/jaro-winkler_distance.js') as JaroWinkler;
  return jaroWinkler;
}

/**
 * Resolves a spelling to a municipality: exactly (after folding), else the most
 * similar name by Jaro–Winkler when it clears FUZZY_MUNICIPALITY_THRESHOLD
 * ("Vesthimerlands" → Vesthimmerlands). Null when nothing is close enough.
 */
export function matchMunicipality(name: string): Municipality | null {
  const exact = lookupMunicipality(name);
  if (exact) return exact;
  const key = municipalityKey(name);
  if (key.length < 5) return null;
  const similarity = loadJaroWinkler();
  let best: { muni: Municipality; score: number } | null = null;
  for (const [candidate, muni] of index()) {
    const score = similarity(key, candidate);
    if (score >= FUZZY_MUNICIPALITY_THRESHOLD && (!best || score > best.score)) best = { muni, score };
  }
  return best?.muni ?? null;
}
