// The input every extractor reads: normalised pages plus what the PDF said of itself.
import type { NormalisedPage } from '../schema/normalised.js';
import type { PdfInfo } from '../schema/parsed.js';
import type { AgendaItem, Warning } from '../schema/contract.js';

export interface ExtractionInput {
  /** The path as given on the command line; a fallback for the municipality. */
  readonly path: string;
  readonly info: PdfInfo;
  readonly pages: readonly NormalisedPage[];
}

/** Later rules may read what earlier ones found (goals need the agenda items). */
export interface ExtractionContext extends ExtractionInput {
  readonly agendaItems: readonly AgendaItem[];
  /** YYYY-MM-DD of the meeting, when found: whether a goal's period had ended by then. */
  readonly meetingDate?: string | null;
}

export type WarningSink = (warning: Warning) => void;

/**
 * Runs one named step and returns its result; the bench passes one that measures each
 * extraction family, everyone else gets `untimed`. Never changes what a step returns.
 */
export type StepTimer = <T>(step: string, run: () => T) => T;

export const untimed: StepTimer = (_step, run) => run();
