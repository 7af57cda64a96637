// STUB (issue 5): the BullMQ worker entry point is not built yet.
import { EXTRACTOR } from 'minutes/version';

console.error(`minutes worker ${EXTRACTOR.version}: queue mode is not built yet`);
process.exitCode = 2;
