// The output contract of ../shared/CONTRACT.md as zod schemas: the only definition
// of these records. Fields may be added, never renamed or dropped.
import { z } from 'zod';

export const SCHEMA_VERSION = 1 as const;

/** Where a value came from: 1-based page, UTF-16 offsets into the normalised page text. */
export const Provenance = z
  .object({
    page: z.number().int().min(1),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    snippet: z.string(),
    /** Set when the page was read by OCR: the value is only as sure as the words read (an addition to the contract). */
    ocr: z.object({ confidence: z.number() }).optional(),
  })
  .refine((p) => p.end >= p.start, { message: 'provenance end before start' });
export type Provenance = z.infer<typeof Provenance>;

export const Unit = z.enum([
  'percent',
  'percentage_points',
  'count',
  'persons',
  'dkk',
  'score',
  'lessons',
  'days',
  'weeks',
  'months',
]);
export type Unit = z.infer<typeof Unit>;

export const Comparator = z.enum(['>=', '<=', '=', 'reduce', 'increase', 'follow-national']);
export type Comparator = z.infer<typeof Comparator>;

export const GoalStatus = z.enum([
  'met',
  'partly_met',
  'not_met',
  'in_progress',
  'not_assessable',
  'withdrawn',
  'unknown',
]);
export type GoalStatus = z.infer<typeof GoalStatus>;

export const StatusBasis = z.enum(['stated', 'derived', 'none']);
export type StatusBasis = z.infer<typeof StatusBasis>;

export const Scope = z.enum(['municipality', 'national', 'other']);
export type Scope = z.infer<typeof Scope>;

export const DocumentKind = z.enum(['agenda', 'minutes', 'report', 'other']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** Stable warning codes; extraction problems are data, not exceptions. */
export const WarningCode = z.enum([
  'text_repaired',
  'summary_mismatch',
  'total_mismatch',
  'goal_without_status',
  'status_without_goal',
  'columns_detected',
  'no_text',
  'no_text_layer',
  'metadata_missing',
  'extraction_error',
  'meeting_date_uncertain',
]);
export type WarningCode = z.infer<typeof WarningCode>;

export const Warning = z.object({
  code: WarningCode,
  message: z.string(),
  page: z.number().int().min(1).nullable(),
});
export type Warning = z.infer<typeof Warning>;

export const AgendaItem = z.object({
  number: z.number().int(),
  title: z.string(),
  caseNumber: z.string().nullable(),
  decision: z.string().nullable(),
  provenance: Provenance,
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Target = z.object({
  value: z.number().nullable(),
  unit: Unit.nullable(),
  comparator: Comparator.nullable(),
  /** Upper bound of a target range ("mellem 30 og 40 %"); an addition to the contract. */
  upper: z.number().nullable().optional(),
});
export type Target = z.infer<typeof Target>;

export const Actual = z.object({
  value: z.number(),
  unit: Unit.nullable(),
  scope: Scope,
  /** Where the figure was read; an addition to the contract. */
  provenance: Provenance.optional(),
});
export type Actual = z.infer<typeof Actual>;

export const Goal = z.object({
  id: z.string().min(1),
  text: z.string(),
  target: Target.nullable(),
  actual: z.array(Actual),
  status: GoalStatus,
  /**
   * Where the status comes from (an addition to the contract): "stated" by the document,
   * "derived" from its final result against its target when it states no verdict, or "none".
   */
  statusBasis: StatusBasis.optional(),
  statusText: z.string().nullable(),
  agendaItem: z.number().int().nullable(),
  provenance: Provenance,
});
export type Goal = z.infer<typeof Goal>;

export const StatusSummary = z.object({
  met: z.number().int().min(0).optional(),
  partly_met: z.number().int().min(0).optional(),
  not_met: z.number().int().min(0).optional(),
  in_progress: z.number().int().min(0).optional(),
  not_assessable: z.number().int().min(0).optional(),
  withdrawn: z.number().int().min(0).optional(),
  total: z.number().int().min(0).optional(),
});
export type StatusSummary = z.infer<typeof StatusSummary>;

export const Percentage = z.object({
  value: z.number(),
  unit: z.enum(['percent', 'percentage_points']),
  context: z.string(),
  scope: Scope,
  raw: z.string(),
  provenance: Provenance,
});
export type Percentage = z.infer<typeof Percentage>;

export const MoneyAmount = z.object({
  value: z.number(),
  currency: z.literal('DKK'),
  context: z.string(),
  raw: z.string(),
  provenance: Provenance,
});
export type MoneyAmount = z.infer<typeof MoneyAmount>;

export const BudgetRow = z.object({
  label: z.string(),
  values: z.array(z.number().nullable()),
});
export type BudgetRow = z.infer<typeof BudgetRow>;

export const BudgetTable = z.object({
  title: z.string(),
  unit: z.literal('DKK'),
  columns: z.array(z.string()),
  rows: z.array(BudgetRow),
  total: BudgetRow.nullable(),
  provenance: Provenance,
});
export type BudgetTable = z.infer<typeof BudgetTable>;

export const SourceInfo = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
  pages: z.number().int().min(0),
  title: z.string().nullable(),
  producer: z.string().nullable(),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

/** How a page's text was read when OCR read it (an addition to the contract). */
export const PageTextOcr = z.object({ engine: z.string(), confidence: z.number(), rotation: z.number().int() });
export type PageTextOcr = z.infer<typeof PageTextOcr>;

export const PageText = z.object({ number: z.number().int().min(1), text: z.string(), ocr: PageTextOcr.optional() });
export type PageText = z.infer<typeof PageText>;

/**
 * How the issuing municipality was decided: the document's own header, the path it was filed
 * under, or the municipality its text mentions most (see extract/meeting/issuing-municipality.ts).
 */
export const MunicipalityBasis = z.enum(['header', 'path', 'mention']);
export type MunicipalityBasis = z.infer<typeof MunicipalityBasis>;

/** The facts extraction yields; the document adds source, extractor and pages around them. */
export const ExtractedFacts = z.object({
  municipality: z.string().nullable(),
  municipalityCode: z.number().int().nullable(),
  /** Added field: null when no municipality was found; absent in documents stored before it existed. */
  municipalityBasis: MunicipalityBasis.nullable().optional(),
  committee: z.string().nullable(),
  meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  documentKind: DocumentKind,
  agendaItems: z.array(AgendaItem),
  goals: z.array(Goal),
  statusSummary: StatusSummary.nullable(),
  percentages: z.array(Percentage),
  moneyAmounts: z.array(MoneyAmount),
  budgetTables: z.array(BudgetTable),
  absent: z.array(z.string()),
  warnings: z.array(Warning),
});
export type ExtractedFacts = z.infer<typeof ExtractedFacts>;

/** The facts of a document in which nothing was found: still a document, with empty lists. */
export function noFacts(): ExtractedFacts {
  return {
    municipality: null,
    municipalityCode: null,
    municipalityBasis: null,
    committee: null,
    meetingDate: null,
    documentKind: 'other',
    agendaItems: [],
    goals: [],
    statusSummary: null,
    percentages: [],
    moneyAmounts: [],
    budgetTables: [],
    absent: [],
    warnings: [],
  };
}

export const ExtractedDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: SourceInfo,
  extractor: z.object({ name: z.string(), version: z.string() }),
  ...ExtractedFacts.shape,
  pages: z.array(PageText).optional(),
});
export type ExtractedDocument = z.infer<typeof ExtractedDocument>;
