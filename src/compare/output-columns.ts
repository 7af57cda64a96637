// The columns `minutes compare` and `minutes goals` print as CSV or JSON (snake case,
// like the exports). Documented in the README; add columns at the end only.
import type { CompareRow } from './compare-rows.js';
import type { CsvValue } from './csv.js';
import type { GoalAttainmentRow } from './goal-attainment.js';
import type { IndicatorCountRow } from './queries.js';

export const COMPARE_COLUMNS = [
  'municipality', 'municipality_code', 'year', 'year_source', 'indicator_id', 'indicator_label', 'confidence', 'kind',
  'goal_id', 'text', 'value', 'unit', 'national_value', 'target_value', 'target_upper', 'target_unit', 'target_comparator',
  'status', 'status_text', 'actuals', 'committee', 'meeting_date', 'document_kind', 'file', 'sha256', 'page', 'start', 'end',
  'snippet', 'status_basis', 'repeated_in',
] as const;

export function compareRecord(r: CompareRow): Record<(typeof COMPARE_COLUMNS)[number], CsvValue> {
  return {
    municipality: r.municipality,
    municipality_code: r.municipalityCode,
    year: r.year,
    year_source: r.yearSource,
    indicator_id: r.indicatorId,
    indicator_label: r.indicatorLabel,
    confidence: r.confidence,
    kind: r.kind,
    goal_id: r.goalId,
    text: r.text,
    value: r.value,
    unit: r.unit,
    national_value: r.nationalValue,
    target_value: r.targetValue,
    target_upper: r.targetUpper,
    target_unit: r.targetUnit,
    target_comparator: r.comparator,
    status: r.status,
    status_text: r.statusText,
    actuals: r.actuals,
    committee: r.committee,
    meeting_date: r.meetingDate,
    document_kind: r.documentKind,
    file: r.file,
    sha256: r.sha256,
    page: r.page,
    start: r.start,
    end: r.end,
    snippet: r.snippet,
    status_basis: r.statusBasis,
    repeated_in: r.repeatedIn.length > 0 ? r.repeatedIn : null,
  };
}

export const GOALS_COLUMNS = [
  'municipality', 'municipality_code', 'year', 'goals', 'met', 'partly_met', 'not_met', 'in_progress', 'not_assessable',
  'withdrawn', 'unknown', 'share_met', 'share_met_of_assessed', 'documents', 'files', 'derived', 'repeated_in_files',
] as const;

export function goalsRecord(r: GoalAttainmentRow): Record<(typeof GOALS_COLUMNS)[number], CsvValue> {
  return {
    municipality: r.municipality,
    municipality_code: r.municipalityCode,
    year: r.year,
    goals: r.goals,
    met: r.met,
    partly_met: r.partly_met,
    not_met: r.not_met,
    in_progress: r.in_progress,
    not_assessable: r.not_assessable,
    withdrawn: r.withdrawn,
    unknown: r.unknown,
    share_met: r.shareMet,
    share_met_of_assessed: r.shareMetOfAssessed,
    documents: r.documents,
    files: r.files.join(';'),
    derived: r.derived,
    repeated_in_files: r.repeatedInFiles.length > 0 ? r.repeatedInFiles.join(';') : null,
  };
}

export const INDICATOR_COLUMNS = ['id', 'label', 'unit', 'goals', 'percentages', 'total', 'phrases'] as const;

export function indicatorRecord(r: IndicatorCountRow): Record<(typeof INDICATOR_COLUMNS)[number], CsvValue> {
  return { id: r.id, label: r.label, unit: r.unit, goals: r.goals, percentages: r.percentages, total: r.total, phrases: r.phrases.join('; ') };
}
