// Node 22.1+ can keep the compiled code of every module it loads on disk
// (module.enableCompileCache), so each later process (the CLI, every document process)
// skips compiling pdf.js, our rules and the store again: a good part of a process's
// start-up. Only modules loaded after the call benefit, so entry points call it before
// importing their heavy modules. Node 20 lacks it: then nothing happens.
import * as nodeModule from 'node:module';

export function enableCompileCache(): void {
  const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  try {
    enable?.();
  } catch {
    // A cache that cannot be written costs only the time it would have saved.
  }
}
