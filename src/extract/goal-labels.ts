// The labels of a goal block as data: which labelled line holds the goal's wording, its
// target, a baseline (neither target nor result), the result or the verdict. A label
// ends with a colon, so prose that merely starts with "Mål for …" is no label.
import { danish } from './danish-regex.js';

export type LabelRole = 'statement' | 'target' | 'baseline' | 'result' | 'verdict';

export interface BlockLabel {
  readonly role: LabelRole;
  readonly pattern: RegExp;
  readonly example: string;
}

/** An optional year or period after a label: "Målsætning 2024", "Baseline (2023)", "Mål for 2025". */
const YEAR = String.raw`(?:\s+(?:for\s+|i\s+)?\(?(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?\)?)?`;
const END = String.raw`[ \t]*:[ \t]*`;
const label = (words: string): RegExp => danish(new RegExp(String.raw`^[ \t]*(?:${words})${YEAR}${END}`, 'iu'));

/** Tried in order; the first match names the line's role. */
export const BLOCK_LABELS: readonly BlockLabel[] = [
  { role: 'statement', pattern: danish(/^[ \t]*(?:Mål|Målbeskrivelse|Målformulering|Formål)[ \t]*:[ \t]*/iu), example: 'Mål:' },
  { role: 'target', pattern: label(String.raw`Målsætning(?:en)?|Måltal(?:let)?|Ambition(?:en)?|Mål|Målniveau|Succeskriterie(?:r|t)?`), example: 'Målsætning 2024:' },
  { role: 'baseline', pattern: label(String.raw`Baseline|Udgangspunkt(?:et)?|Nulpunkt|Startniveau`), example: 'Baseline:' },
  { role: 'verdict', pattern: label(String.raw`Målopfyldelse|Målopnåelse|Vurdering|Opfyldelse|Status\s+på\s+målopfyldelse`), example: 'Vurdering:' },
  { role: 'result', pattern: label(String.raw`Resultat(?:er)?|Opnået(?:\s+resultat)?|Realiseret|Aktuel\s+status|Status`), example: 'Resultat:' },
];

export interface LabelMatch {
  role: LabelRole;
  /** Length of the label (with its colon and spaces) at the start of the line. */
  length: number;
  /** "Status" names a result before any result is given, and the verdict after one. */
  ambiguousStatus: boolean;
}

export function blockLabelOf(line: string): LabelMatch | null {
  for (const l of BLOCK_LABELS) {
    const m = l.pattern.exec(line);
    if (m) return { role: l.role, length: m[0].length, ambiguousStatus: l.role === 'result' && /^\s*status\b/iu.test(line) && !/^\s*status\s+på/iu.test(line) };
  }
  return null;
}
