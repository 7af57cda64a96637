// The year a fact belongs to. Follow-ups are decided the year after the plan they
// report on ("Opfølgning på mål i Beskæftigelsesplan 2023", decided in August 2024),
// so the year of the plan named nearest the fact wins over the meeting's year:
//   1. a plan year in the fact's own text (goal text; a percentage's context),
//   2. else one in the title of the agenda item the fact sits in,
//   3. else, in a document without agenda items (a single case or report), one in
//      its PDF title or the opening of its first page,
//   4. else the year of the meeting date.
// Only years written after a plan-like word count: a bare "i 2022" inside a goal is
// a deadline, not the plan's year.

/** Plan-like words followed by a year; the first group is the year. Data, not branches. */
export const PLAN_YEAR_PATTERNS: readonly RegExp[] = [
  // Beskæftigelsesplan 2023, Beskæftigelsesplanen for 2024, Handlingsplan 2022, Udviklingsplan 2023-2026
  /\b\p{L}*plan(?:en)?\s+(?:for\s+)?((?:19|20)\d{2})\b/iu,
  // Budget 2025, Budget 2025-2028, budgetåret 2024
  /\bbudget(?:året)?\s+((?:19|20)\d{2})\b/iu,
  // mål for 2023, målene for indsatsen i 2019, resultatmål for 2022
  /\bmål(?:ene)?\s+for\s+(?:\p{L}+\s+i\s+)?((?:19|20)\d{2})\b/iu,
  // investeringsindsatsen i 2019, beskæftigelsesindsatsen i 2021
  /\b\p{L}*indsats(?:en)?\s+i\s+((?:19|20)\d{2})\b/iu,
];

/** How far into the first page a document's own title is looked for (characters). */
export const TITLE_WINDOW = 400;

export type YearSource = 'fact' | 'agenda_item' | 'document' | 'meeting';

export interface FactYear {
  year: number | null;
  source: YearSource | null;
}

/** The first plan year named in a text, or null. */
export function planYearIn(text: string | null | undefined): number | null {
  if (!text) return null;
  let best: { index: number; year: number } | null = null;
  for (const pattern of PLAN_YEAR_PATTERNS) {
    const m = pattern.exec(text);
    if (m?.[1] && (!best || m.index < best.index)) best = { index: m.index, year: Number(m[1]) };
  }
  return best?.year ?? null;
}

export interface YearInputs {
  /** The fact's own text: goal text, or a percentage's context. */
  factText: string | null;
  /** Title of the agenda item holding the fact; null when the document has none or the fact lies before the first. */
  agendaItemTitle: string | null;
  /** True when the document has agenda items: then the document-level title is not used. */
  documentHasAgendaItems: boolean;
  /** PDF title and the first page's text. */
  documentTitle: string | null;
  firstPageText: string | null;
  /** YYYY-MM-DD */
  meetingDate: string | null;
}

export function factYear(inputs: YearInputs): FactYear {
  const fromFact = planYearIn(inputs.factText);
  if (fromFact !== null) return { year: fromFact, source: 'fact' };
  const fromItem = planYearIn(inputs.agendaItemTitle);
  if (fromItem !== null) return { year: fromItem, source: 'agenda_item' };
  if (!inputs.documentHasAgendaItems) {
    const fromDoc = planYearIn(inputs.documentTitle) ?? planYearIn(inputs.firstPageText?.slice(0, TITLE_WINDOW));
    if (fromDoc !== null) return { year: fromDoc, source: 'document' };
  }
  const meeting = inputs.meetingDate ? Number(inputs.meetingDate.slice(0, 4)) : NaN;
  return Number.isFinite(meeting) ? { year: meeting, source: 'meeting' } : { year: null, source: null };
}
