// Worker entry of the document pool: the compile cache first (compile-cache.ts), then the
// worker itself, whose modules (pdf.js, the rules) are what the cache saves compiling.
import { enableCompileCache } from '../compile-cache.js';

enableCompileCache();
await import('./document-work.js');
