// Runs every extraction rule over one normalised document and merges the facts.
// Pure: pages in, facts and warnings out; no I/O.
import type { ExtractedFacts, MoneyAmount, Warning } from '../schema/contract.js';
import { untimed, type ExtractionInput, type StepTimer } from './types.js';
import { extractMeeting, MEETING_KINDS } from './meeting/meeting.js';
import { extractAgendaItems } from './agenda/agenda-items.js';
import { hasCaseStructure } from './agenda/case-structure.js';
import { extractPercentages } from './figures/percentages.js';
import { extractMoneyAmounts } from './figures/money.js';
import { extractGoals } from './goals/goals.js';
import { extractStatusSummary } from './goals/status-summary.js';
import { extractBudgetTables } from './tables/budget-tables.js';
import { checkDocument } from './checks.js';

export type { ExtractionInput, ExtractionContext, StepTimer } from './types.js';
export { untimed } from './types.js';

export function extractFacts(input: ExtractionInput, time: StepTimer = untimed): ExtractedFacts {
  const warnings: Warning[] = [];
  const warn = (w: Warning): void => {
    warnings.push(w);
  };
  const meeting = time('extract.meeting', () => extractMeeting(input, warn));
  // Kind first: only an agenda or minutes has agenda items; a report's "1. Indledning" and a
  // publication's numbered contents are sections. An excerpt of a referat that no header calls one
  // still shows its cases by their labels ("Sagsfremstilling", "Beslutning").
  const found = time('extract.agenda', () => extractAgendaItems(input, warn));
  const recordsCases = MEETING_KINDS.includes(meeting.documentKind) || hasCaseStructure(input.pages);
  const agendaItems = recordsCases ? found.agendaItems : [];
  const { absent } = found;
  const context = { ...input, agendaItems, meetingDate: meeting.meetingDate };
  const goals = time('extract.goals', () => extractGoals(context, warn));
  const statusSummary = time('extract.statusSummary', () => extractStatusSummary(context, warn));
  const { tables: budgetTables, cellAmounts } = time('extract.tables', () => extractBudgetTables(context, warn));
  const percentages = time('extract.percentages', () => extractPercentages(context, warn));
  const moneyAmounts = time('extract.money', () => mergeByPosition(extractMoneyAmounts(context, warn), cellAmounts));
  const facts: ExtractedFacts = {
    ...meeting,
    agendaItems,
    goals,
    statusSummary,
    percentages,
    moneyAmounts,
    budgetTables,
    absent,
    warnings,
  };
  warnings.push(...time('extract.checks', () => checkDocument(facts, context)));
  return facts;
}

/** Text amounts and table cells in document order; a cell already found in the text counts once. */
function mergeByPosition(textAmounts: MoneyAmount[], cellAmounts: MoneyAmount[]): MoneyAmount[] {
  const overlaps = (a: MoneyAmount, b: MoneyAmount): boolean =>
    a.provenance.page === b.provenance.page &&
    a.provenance.start < b.provenance.end &&
    b.provenance.start < a.provenance.end;
  // Grouped by page: comparing every cell with every text amount was quadratic in the document's length.
  const textByPage = new Map<number, MoneyAmount[]>();
  for (const t of textAmounts) {
    const onPage = textByPage.get(t.provenance.page);
    if (onPage) onPage.push(t);
    else textByPage.set(t.provenance.page, [t]);
  }
  const extraCells = cellAmounts.filter((c) => !(textByPage.get(c.provenance.page) ?? []).some((t) => overlaps(t, c)));
  return [...textAmounts, ...extraCells].sort(
    (a, b) => a.provenance.page - b.provenance.page || a.provenance.start - b.provenance.start,
  );
}
