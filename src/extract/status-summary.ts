// STUB (issue 4): reads no stated status counts yet.
import type { StatusSummary } from '../schema/contract.js';
import type { ExtractionContext, WarningSink } from './types.js';

export function extractStatusSummary(_ctx: ExtractionContext, _warn: WarningSink): StatusSummary | null {
  return null;
}
