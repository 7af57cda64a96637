// Worker entry of the document pool: the compile cache first (compile-cache.ts), then the
// worker itself, whose modules (pdf.js, the rules) are what the cache saves compiling;
// then the builtins pdf.js replaced are put back (native-builtins.ts).
import { enableCompileCache } from '../compile-cache.js';
// Before pdf.js: see native-builtins.ts.
import { restoreNativeBuiltins } from '../pdf/native-builtins.js';

enableCompileCache();
await import('./document-work.js');
restoreNativeBuiltins();
