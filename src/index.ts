// The public API of minutes: named exports only.
export * from './schema/contract.js';
export { EXTRACTOR } from './version.js';
export { extractFacts } from './extract/index.js';
export { normalisePages } from './text/normalise.js';
export type { Store } from './store/types.js';
export { parsePdf, ParsePool, DEFAULT_PARSE_OPTIONS, DEFAULT_PARSE_POOL_OPTIONS, type ParseOptions, type ParsePoolOptions } from './pdf/index.js';
export { hashFile, buildDocument, ingestPaths, findProvenanceMismatches, type IngestOptions, type IngestReport, type FileResult } from './pipeline/index.js';
export {
  INDICATORS,
  createIndicatorMatcher,
  compareIndicators,
  goalAttainmentReport,
  indicatorCounts,
  exportFacts,
  EXPORT_COLUMNS,
  type CompareOptions,
  type ExportOptions,
  type Indicator,
  type IndicatorLink,
} from './compare/index.js';
