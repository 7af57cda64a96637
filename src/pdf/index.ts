// The PDF stage: the only place that knows pdf-parse / pdf.js.
export { parsePdf } from './parse-pdf.js';
export { DEFAULT_PARSE_OPTIONS, resolveParseOptions, type ParseOptions } from './parse-options.js';
export { ParsePool, DEFAULT_PARSE_POOL_OPTIONS, type ParsePoolOptions } from './parse-pool.js';
