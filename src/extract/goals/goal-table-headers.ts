// The header vocabulary of goal tables: which words head the goal, target, result,
// national and verdict columns, whatever their order. A header cell is matched whole,
// after the year it names the period by ("Ambition 2025", "Status 2024") is cut.
import { danish } from '../common/danish-regex.js';
import { lookupMunicipality } from '../meeting/municipalities.js';

export type Role = 'id' | 'goal' | 'target' | 'result' | 'period' | 'national' | 'area' | 'verdict' | 'other';

/** A month as headers print it: "Jan.", "august", "sept". */
const MONTH = String.raw`(?:jan(?:uar)?|feb(?:ruar)?|mar(?:ts)?|apr(?:il)?|maj|juni?|juli?|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

/** Header words per column role; a header cell is matched whole. */
export const GOAL_TABLE_HEADERS: readonly (readonly [Role, RegExp])[] = [
  ['id', /^(?:nr\.?|id|#|mål\s*nr\.?|pkt\.?|punkt|kode|ref\.?)$/iu],
  ['goal', danish(/^(?:mål|målet|delmål|effektmål|resultatmål|indsatsmål|politisk\s+mål|målbeskrivelse|målformulering|mål\s+og\s+indikator(?:er)?|indikator(?:er)?|nøgletal|målepunkt(?:er)?|måleparameter|måleparametre|parameter|kpi|succeskriterie(?:r)?|pejlemærke)$/iu)],
  ['target', danish(/^(?:målsætning|måltal|målværdi|målniveau|ambition(?:sniveau)?|forventet\s+niveau|krav|mål\s*(?:for\s+)?(?:19|20)\d\d|niveau|target)$/iu)],
  // "Forventet 2025" beside "Krav 2025": the expected outcome of the year, a result (a forecast).
  ['result', danish(/^(?:resultat(?:er)?(?:\s+(?:19|20)\d\d)?|forventet(?:\s+(?:resultat|udfald))?|opnået(?:\s+resultat)?|realiseret|faktisk(?:\s+niveau)?|aktuelt(?:\s+niveau)?|måling|nuværende\s+niveau|status\s+(?:19|20)\d\d|opfølgning|udvikling(?:en)?)$/iu)],
  // The whole country's figure beside the municipality's own: "Hele landet", "Landsgennemsnit".
  ['national', danish(/^(?:hele\s+landet|landet|på\s+landsplan|landsplan|landsgennemsnit(?:tet)?|lands(?:gnst|gns|gen)\.?|landstal(?:let)?|landsniveau(?:et)?|hele\s+danmark|danmark|national(?:t)?|alle\s+kommuner)$/iu)],
  // Neither the municipality nor the country: a region, a cluster of comparable municipalities.
  ['area', danish(/^(?:(?:gns\.?|gennemsnit(?:tet)?)\s+(?:for\s+|i\s+)?)?(?:region(?:en)?(?:\s+\p{Lu}[\p{L}-]+)?|klyngen?|klyngegennemsnit(?:tet)?|sammenligningsklyngen?|sammenlignelige\s+kommuner|sammenligningskommuner(?:ne)?|nabokommuner(?:ne)?)$/iu)],
  // A period of the results, printed in time order: "1. kvt.", "2. halvår", "Q3", a bare year.
  ['period', danish(new RegExp(String.raw`^(?:samme\s+periode(?:\s+(?:sidste|forrige)\s+år)?(?:\s+(?:19|20)\d\d)?|[1-4]\.?\s*(?:kvt\.?|kvartal)|q[1-4]|[12]\.?\s*halvår|(?:19|20)\d\d(?:\/\d\d)?|(?:skole|kalender|regnskabs)?år(?:et)?(?:\s+(?:19|20)\d\d(?:\/\d\d)?)?|${MONTH}\.?(?:\s*[-–]\s*${MONTH}\.?)?(?:\s+(?:19|20)\d\d)?)$`, 'iu'))],
  ['other', danish(/^(?:baseline|udgangspunkt|udgangsniveau|indsats(?:er)?|handling(?:er)?|ansvarlig|kilde|datakilde|bemærkning(?:er)?|kommentar(?:er)?|tidsplan|frist)$/iu)],
  ['verdict', danish(/^(?:status|(?:forventet\s+)?målopfyldelse|(?:forventet\s+)?målopnåelse|vurdering|vurd|opfyldt\??|nået\??|målet\s+(?:er\s+)?nået\??|indfriet\??|status\s+på\s+målopfyldelse|samlet\s+vurdering)$/iu)],
];

/** A period after a header's words: a year, a month or months ("jan.-aug. 2025"), "1.-3. kvt. 2024", "1. halvår 2024", "Q3 2024", "pr. 30.6.2024", "30.06.2025". */
const PERIOD_AFTER = danish(
  /(?:\s+(?:(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|sept|okt|nov|dec)\.?\s*[-–]\s*)?(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|sept|okt|nov|dec)\.?(?=\s+(?:19|20)\d\d$)|\s+(?:[1-4]\.?\s*[-–]\s*)?[1-4]\.?\s*(?:kvt\.?|kvartal)|\s+[12]\.?\s*halvår|\s+q[1-4]|\s+pr\.\s*\d{1,2}\.\s*\d{1,2}\.?(?:\s*(?:19|20)\d\d(?=$))?|\s+pr\.\s*\d{1,2}\.\s*(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?(?=\s+(?:19|20)\d\d$)|\s+\d{1,2}\.\s*\d{1,2}\.\s*(?:19|20)\d\d(?=$))?(?:\s+(?:for\s+|i\s+)?(?:19|20)\d\d(?:\/\d\d)?)?$/iu,
);

/** Header cells with a period after their words, as data: the role the words give. */
export const PERIOD_HEADER_EXAMPLES: readonly { header: string; role: Role }[] = [
  { header: 'Resultat 1.-3. kvt. 2024', role: 'result' },
  { header: 'Klyngen 1.-3. kvt. 2024', role: 'area' },
  { header: 'Landstal 2. halvår 2024', role: 'national' },
  { header: 'Målsætning 2024', role: 'target' },
  { header: 'Status 2024', role: 'result' },
  { header: 'Skoleåret 2022/23', role: 'period' },
  { header: 'Landsgennemsnit 2023/24', role: 'national' },
  { header: 'Okt. 2024', role: 'period' },
  { header: 'Juni 2025', role: 'period' },
  { header: 'Jan.-aug. 2025', role: 'period' },
  { header: 'januar–juni 2025', role: 'period' },
  { header: 'Udvikling', role: 'result' },
  { header: 'Udvikling, nabokommuner', role: 'area' },
  { header: 'Udvikling, hele landet', role: 'national' },
  { header: 'Landsgnst. 2. kvt. 2025', role: 'national' },
  { header: 'Status pr. 30.9.2026', role: 'verdict' },
  { header: 'Resultat 2026 (1.- 3. kvt.)', role: 'result' },
  { header: 'Status sep. 2026', role: 'verdict' },
  { header: 'Samme periode 2025', role: 'period' },
  { header: 'Status 30.06.2025', role: 'verdict' },
  { header: 'Hele landet jan.-aug. 2025', role: 'national' },
  { header: 'Resultat pr. 31. august 2026', role: 'result' },
  { header: 'Randers jan.- aug. 2025', role: 'result' },
  { header: 'Forventet målopfyldelse', role: 'verdict' },
];

/** A bracketed period closing a header, perhaps cut by a line end: " (1.-3. kvt.)", " (jan.-sep.", " (2023)". */
const BRACKETED_PERIOD = /\s*\((?=[^)]*\d)(?:[\d.,–/\s-]|\p{Ll}{1,6}\.?)*\)?\s*$/u;

/** "Mål 2025", "Mål for 2025", "Måltal 2025": the target level of a year. */
const TARGET_FOR_YEAR = danish(/^(?:mål|måltal|målværdi|målniveau)\s+(?:for\s+|i\s+)?(?:19|20)\d\d$/iu);

/** "Kommunen", "Egen kommune", "Horsens Kommune": the municipality's own figures. */
const OWN_MUNICIPALITY = danish(/^(?:kommunen|egen\s+kommune|[\p{L}-]+\s+kommune)$/iu);

export interface HeaderRole {
  role: Role;
  /** The column is headed by the municipality's name ("Horsens 2025"), not by a result word. */
  byPlace: boolean;
}

/** The role of one header cell, or null when its words head no goal-table column. */
export function headerRole(cellText: string): HeaderRole | null {
  // Asked again and again for the same words while header cells are split: answered once.
  const known = roleCache.get(cellText);
  if (known !== undefined) return known;
  if (roleCache.size >= ROLE_CACHE_SIZE) roleCache.clear();
  const role = readHeaderRole(cellText);
  roleCache.set(cellText, role);
  return role;
}

/** Bounds the cache over a long run; a header vocabulary is small, prose words are not. */
const ROLE_CACHE_SIZE = 20_000;
const roleCache = new Map<string, HeaderRole | null>();

function readHeaderRole(cellText: string): HeaderRole | null {
  const whole = cellText.replace(/\s+/gu, ' ').trim().replace(/[:.]$/u, '');
  if (TARGET_FOR_YEAR.test(whole)) return { role: 'target', byPlace: false };
  // "Målsætning 2025", "Status 2024", "Klyngen 1.-3. kvt. 2024": the period named after the
  // words is no part of the column's role.
  // "Resultat 2026 (1.-3. kvt.)": a period in brackets after the words names no role either.
  const text = whole.replace(BRACKETED_PERIOD, '').replace(PERIOD_AFTER, '') || whole;
  // "Status 2024" heads the year's results; a bare "Status" the verdict.
  const own = vocabularyRole(whole) ?? vocabularyRole(text);
  if (own) return { role: own, byPlace: false };
  // "Udvikling, nabokommuner", "Resultat, hele landet": whose figures the column holds names it.
  const commaParts = text.split(/\s*,\s*/u).filter((p) => p !== '');
  if (commaParts.length > 1) {
    const scoped = commaParts.map(vocabularyRole).find((r) => r === 'national' || r === 'area');
    if (scoped) return { role: scoped, byPlace: false };
  }
  // "Indsatsområde / mål", "Mål/indikator": the first part that heads a column names it.
  const parts = text.split(/\s*\/\s*/u).filter((p) => p !== '');
  if (parts.length > 1) {
    for (const part of parts) {
      const role = vocabularyRole(part);
      if (role) return { role, byPlace: false };
    }
  }
  // "Horsens 2025" beside "Hele landet": the municipality's own result.
  if (OWN_MUNICIPALITY.test(text) || lookupMunicipality(text) !== null) return { role: 'result', byPlace: true };
  return null;
}

function vocabularyRole(text: string): Role | null {
  return GOAL_TABLE_HEADERS.find(([, re]) => re.test(text))?.[0] ?? null;
}
