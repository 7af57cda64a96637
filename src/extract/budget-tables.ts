// STUB (issue 4): finds no budget tables yet.
import type { BudgetTable, MoneyAmount } from '../schema/contract.js';
import type { ExtractionContext, WarningSink } from './types.js';

export function extractBudgetTables(
  _ctx: ExtractionContext,
  _warn: WarningSink,
): { tables: BudgetTable[]; cellAmounts: MoneyAmount[] } {
  return { tables: [], cellAmounts: [] };
}
