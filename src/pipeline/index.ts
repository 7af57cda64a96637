// The pipeline: stage functions shared by `minutes ingest` and the queue workers.
export { hashFile, type HashedFile, type HashFileOptions } from './hash-file.js';
export { buildDocument, buildDocumentWithLayout, withoutPages, type BuildDocumentInput } from './build-document.js';
export { findProvenanceMismatches, type ProvenanceMismatch } from './provenance-check.js';
export { findPdfs, type FoundPdfs } from './find-pdfs.js';
export { absoluteRawPaths, openable, type RawPaths } from './byte-paths.js';
export { OutputNames, safeBaseName, writeJsonAtomic } from './output-json.js';
export { runStages, type Stage, type StageOutcome, type RunHooks, type RunResult } from './run-stages.js';
export { DocumentPool, DEFAULT_DOCUMENT_POOL_OPTIONS, type DocumentPoolOptions, type DocumentInput, type DocumentOutcome } from './document-pool.js';
export { ingestPaths, ingestFile, type IngestOptions, type IngestReport, type IngestDeps, type FileResult, type Reread } from './ingest.js';
export { parsePdf, ParsePool, DEFAULT_PARSE_OPTIONS, DEFAULT_PARSE_POOL_OPTIONS, type ParseOptions, type ParsePoolOptions } from '../pdf/index.js';
