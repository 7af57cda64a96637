// The labels of a goal block as data: which labelled line holds the goal's wording, its
// target, a baseline (neither target nor result), the result or the verdict. A label
// ends with a colon, so prose that merely starts with "Mål for …" is no label.
import { danish } from '../common/danish-regex.js';

export type LabelRole = 'statement' | 'target' | 'baseline' | 'result' | 'national' | 'area' | 'verdict' | 'note';

export interface BlockLabel {
  readonly role: LabelRole;
  readonly pattern: RegExp;
  readonly example: string;
}

/** An optional year or period after a label: "Målsætning 2024", "Baseline (2023)", "Mål for 2025". */
const YEAR = String.raw`(?:\s+(?:for\s+|i\s+)?\(?(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?\)?)?`;
// A colon ends a label, or the gap to the next column when labels stand in a column of their own
// ("Måltal⇥75 %": one value after it; a row of several cells is a table's), or the line's end when the value is set below it ("Målsætning" / "Karakteren skal …").
const END = String.raw`(?:[ \t]*:[ \t]*|[ ]*\t[ \t]*(?=[^\t\n]*$)|[ \t]*$)`;
/** Words of a verdict label, in the label table and in VERDICT_LABEL (a colon optional). */
export const VERDICT_WORDS = String.raw`(?:Forventet\s+)?Målopfyldelse|Målopnåelse|Vurdering|Samlet\s+vurdering|Konklusion|Bedømmelse|Opfyldelse|Status\s+på\s+målopfyldelse|Prognose`;
/** Words of a label for the country's figure beside the municipality's: "Landstal:", "Hele landet:". */
const NATIONAL_WORDS = String.raw`Landstal(?:let)?|Landsgennemsnit(?:tet)?|Landsplan(?:en)?|Landsniveau(?:et)?|Hele\s+landet`;
const label = (words: string): RegExp => danish(new RegExp(String.raw`^[ \t]*(?:${words})${YEAR}${END}`, 'iu'));

/** Labels of a result cell, with or without the period reported: "Opnået 2024:", "Resultat 2024", "Resultat 1. halvår 2025". */
export const RESULT_LABEL =
  /^[ \t]*(?:Status(?:\s+(?:pr\.|per)\s+\d{1,2}[./]\s*(?:\d{1,2}[./]?|\p{L}+)\s*\d{0,4}|\s+(?:19|20)\d\d)?|(?:Resultat(?:er)?|Opnået(?:\s+resultat)?|Realiseret)(?:\s+(?:[1-4]\.?\s*(?:[-–]\s*[1-4]\.?\s*)?(?:kvt\.?|kvartal|halvår)\s+)?(?:19|20)\d\d(?:\/\d\d)?)?|Opfølgning|Måling(?:er)?|Aktuel\s+status|Status\s+på\s+målet)(?:[ \t]*\([^)\n]{1,30}\))?[ \t]*:?(?=\s|$)[ \t]*/iu;
/** Labels of a verdict cell. */
export const VERDICT_LABEL = new RegExp(
  String.raw`^[ \t]*(?:${VERDICT_WORDS}|Målet\s+opfyldt\??|Opfyldt\??)[ \t]*:?(?=\s|$)[ \t]*`,
  'iu',
);
/** Labels of the national figure beside the result ("Landstal:"); the label is kept in the cell, as it names the scope. */
export const NATIONAL_LABEL = label(NATIONAL_WORDS);

/** Tried in order; the first match names the line's role. */
export const BLOCK_LABELS: readonly BlockLabel[] = [
  { role: 'statement', pattern: danish(/^[ \t]*(?:Mål|Målbeskrivelse|Målformulering|Formål)[ \t]*:[ \t]*/iu), example: 'Mål:' },
  // "Målsætning:" without a year states the goal under a "Mål 1.1 Titel" heading; with a year
  // ("Målsætning 2024:"), or after a "Mål:" line, it is the year's target level (see orTarget).
  // In a label column ("Målsætning⇥Mindst 75 % …") the column gap ends it as a colon would.
  { role: 'statement', pattern: danish(/^[ \t]*(?:Målsætning(?:en)?)[ \t]*(?::[ \t]*|\.[ \t]+(?=\p{Lu})|[ ]*\t[ \t]*(?=[^\t\n]*$)|$)/u), example: 'Målsætning:' },
  { role: 'target', pattern: label(String.raw`Målsætning(?:en)?|Måltal(?:let)?|Ambition(?:en)?|Mål|Servicemål(?:et)?|Kvalitetsmål(?:et)?|Målniveau|Succeskriterie(?:r|t)?`), example: 'Målsætning 2024:' },
  { role: 'baseline', pattern: label(String.raw`Baseline|Udgangspunkt(?:et)?|Nulpunkt|Startniveau`), example: 'Baseline:' },
  { role: 'verdict', pattern: label(String.raw`${VERDICT_WORDS}`), example: 'Vurdering:' },
  // The country's figure beside the municipality's: "Landstal:", "Landsgennemsnit 2024:", "Hele landet:".
  { role: 'national', pattern: NATIONAL_LABEL, example: 'Landstal:' },
  // Neither the municipality's nor the country's: a cluster of comparable municipalities, a region.
  { role: 'area', pattern: label(String.raw`Klyngen?|Klyngegennemsnit(?:tet)?|Sammenligningskommuner(?:ne)?|Sammenlignelige\s+kommuner|Region(?:en)?(?:\s+\p{Lu}[\p{L}-]+)?`), example: 'Klyngen:' },
  { role: 'result', pattern: label(String.raw`Resultat(?:er)?|Opnået(?:\s+resultat)?|Realiseret|Aktuel\s+status|Status`), example: 'Resultat:' },
  // What the block says besides its goal, figures and verdict: how it is measured, the work behind it, remarks.
  { role: 'note', pattern: label(String.raw`Indikator(?:er)?|Målemetode|Måling\s+af\s+målet|Datakilde|Kilde|Bemærkning(?:er)?|Kommentar(?:er)?|Indsats(?:er)?|Handling(?:er)?|Baggrund`), example: 'Indikator' },
];

export interface LabelMatch {
  role: LabelRole;
  /** Length of the label (with its colon and spaces) at the start of the line. */
  length: number;
  /** "Status" names a result before any result is given, and the verdict after one. */
  ambiguousStatus: boolean;
  /** A "Målsætning:" statement label, which names the target instead when the block already has its wording. */
  orTarget: boolean;
}

export function blockLabelOf(line: string): LabelMatch | null {
  for (const l of BLOCK_LABELS) {
    const m = l.pattern.exec(line);
    if (m) {
      return {
        role: l.role,
        length: m[0].length,
        // ("Status på målet" is a label; "Status⇥På rette vej" is the label and its verdict across a column gap.)
        ambiguousStatus: l.role === 'result' && /^\s*status\b/iu.test(line) && !/^\s*status[ ]+på\b/iu.test(line),
        orTarget: l.role === 'statement' && /^\s*målsætning/iu.test(line),
      };
    }
  }
  return null;
}
