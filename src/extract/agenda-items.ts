// STUB (issue 3): finds no agenda items yet.
import type { AgendaItem } from '../schema/contract.js';
import type { ExtractionInput, WarningSink } from './types.js';

export function extractAgendaItems(_input: ExtractionInput, _warn: WarningSink): { agendaItems: AgendaItem[]; absent: string[] } {
  return { agendaItems: [], absent: [] };
}
