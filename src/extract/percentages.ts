// STUB (issue 3): finds no percentages yet.
import type { Percentage } from '../schema/contract.js';
import type { ExtractionContext, WarningSink } from './types.js';

export function extractPercentages(_ctx: ExtractionContext, _warn: WarningSink): Percentage[] {
  return [];
}
