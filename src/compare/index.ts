// Comparisons across municipalities and years, rebuilt from the store.
export { INDICATORS, findIndicator, IndicatorDefinition, type Indicator } from './indicators.js';
export { createIndicatorMatcher, DEFAULT_MATCH_OPTIONS, type IndicatorLink, type IndicatorMatcher, type MatchOptions } from './match.js';
export { factYear, planYearIn, PLAN_YEAR_PATTERNS, type FactYear, type YearSource } from '../extract/goals/plan-year.js';
export { CompareRow, buildCompareRows } from './compare-rows.js';
export { GoalAttainmentRow, attainmentGroup, goalAttainment } from './goal-attainment.js';
export { applyCorrections } from './apply-corrections.js';
export { attainmentGoals, compareIndicators, goalAttainmentReport, indicatorCounts, IndicatorCountRow, UNLINKED_ID, type CompareOptions } from './queries.js';
export { FILTER_APPLIES_TO, recordFilter, type ExportFilter } from './export-filter.js';
export {
  EXPORT_COLUMNS,
  EXPORT_FORMATS,
  EXPORT_KINDS,
  exportFacts,
  exportText,
  exportRecords,
  type ExportFormat,
  type ExportKind,
  type ExportOptions,
  type ExportSink,
} from './export.js';
export { COMPARE_COLUMNS, GOALS_COLUMNS, INDICATOR_COLUMNS, compareRecord, goalsRecord, indicatorRecord } from './output-columns.js';
export { csvField, csvRecord } from './csv.js';
export { municipalityFilter } from './load-facts.js';
