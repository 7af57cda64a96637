// pdf.js's legacy build (the one for Node) bundles core-js, which on Node 20 (V8 < 12.2)
// replaces Array.prototype.push with a JavaScript version for edge cases nobody here
// meets (array-likes of 2^32 items, the error for a frozen length), and JSON.parse with
// one that parses in JavaScript when given a reviver. Every push in the process, ours and
// pdf.js's, then costs several times as much: ~10% of parsing and extracting a 500-page
// document. This module, imported before pdf.js, keeps the engine's own; the importer
// puts them back once pdf.js is loaded.
const kept = { push: Array.prototype.push, parse: JSON.parse };

/** Puts back the engine's Array.prototype.push and JSON.parse if something replaced them since this module was loaded. */
export function restoreNativeBuiltins(): void {
  if (Array.prototype.push !== kept.push) {
    Object.defineProperty(Array.prototype, 'push', { value: kept.push, writable: true, enumerable: false, configurable: true });
  }
  if (JSON.parse !== kept.parse) {
    Object.defineProperty(JSON, 'parse', { value: kept.parse, writable: true, enumerable: false, configurable: true });
  }
}
