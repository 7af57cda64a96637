// Worker entry of the parse pool: the compile cache first (compile-cache.ts), then the
// worker itself, whose modules (pdf.js) are what the cache saves compiling; then the
// builtins pdf.js replaced are put back (native-builtins.ts).
import { enableCompileCache } from '../compile-cache.js';
// Before pdf.js: see native-builtins.ts.
import { restoreNativeBuiltins } from './native-builtins.js';

enableCompileCache();
await import('./parse-work.js');
restoreNativeBuiltins();
