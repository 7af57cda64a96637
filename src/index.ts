// The public API of minutes: named exports only.
export * from './schema/contract.js';
export { EXTRACTOR } from './version.js';
export { extractFacts } from './extract/index.js';
export { normalisePages } from './text/normalise.js';
export type { Store } from './store/types.js';
