// Worker entry of the parse pool: the compile cache first (compile-cache.ts), then the
// worker itself, whose modules (pdf.js) are what the cache saves compiling.
import { enableCompileCache } from '../compile-cache.js';

enableCompileCache();
await import('./parse-work.js');
