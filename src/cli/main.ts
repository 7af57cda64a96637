#!/usr/bin/env node
// The `minutes` command line: each command lives in its own file under commands/.
import { Command } from 'commander';
import { EXTRACTOR } from '../version.js';
import { registerIngest } from './commands/ingest.js';
import { registerDb } from './commands/db.js';
import { registerQueueCommands } from './commands/queue.js';
import { registerCompareCommands } from './commands/compare.js';

const program = new Command('minutes')
  .description('Danish municipal committee minutes (PDF) → validated, comparable, traceable data')
  .version(EXTRACTOR.version);

registerIngest(program);
registerDb(program);
registerQueueCommands(program);
registerCompareCommands(program);

await program.parseAsync(process.argv);
