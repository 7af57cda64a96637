// STUB (issue 3): finds no kroner amounts in running text yet.
import type { MoneyAmount } from '../schema/contract.js';
import type { ExtractionContext, WarningSink } from './types.js';

export function extractMoneyAmounts(_ctx: ExtractionContext, _warn: WarningSink): MoneyAmount[] {
  return [];
}
