// Each unit of concurrency is a process with up to the memory limit: 1000 of them would
// take the machine down before the first document is read. More than a few per core
// gains nothing (the work is CPU-bound), so a larger request is lowered, and said so.
import { availableParallelism } from 'node:os';

/** Processes per core a run may start. */
export const MAX_CONCURRENCY_PER_CORE = 4;

/** `requested`, or the cap when it is above it; `warn` gets one line saying so. */
export function capConcurrency(requested: number, flag: string, warn: (line: string) => void, cores = availableParallelism()): number {
  const cap = MAX_CONCURRENCY_PER_CORE * cores;
  if (requested <= cap) return requested;
  warn(`${flag} ${requested} is more than ${MAX_CONCURRENCY_PER_CORE} per core (${cores} cores): using ${cap}`);
  return cap;
}
