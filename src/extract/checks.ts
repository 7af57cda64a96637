// STUB (issue 4): document self-checks (summary_mismatch, total_mismatch, ...) not yet run.
import type { ExtractedFacts, Warning } from '../schema/contract.js';
import type { ExtractionContext } from './types.js';

export function checkDocument(_facts: ExtractedFacts, _ctx: ExtractionContext): Warning[] {
  return [];
}
