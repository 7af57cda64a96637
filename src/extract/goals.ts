// STUB (issue 4): finds no goals yet.
import type { Goal } from '../schema/contract.js';
import type { ExtractionContext, WarningSink } from './types.js';

export function extractGoals(_ctx: ExtractionContext, _warn: WarningSink): Goal[] {
  return [];
}
