#!/usr/bin/env node
// The `minutes` command line: each command lives in its own file under commands/.
// Only the module of the command being run is loaded (queue mode pulls in BullMQ,
// compare pulls in natural): `minutes ingest` starts without either.
import { Command } from 'commander';
import { EXTRACTOR } from '../version.js';

type Register = (program: Command) => void;

const ingest = async (): Promise<Register> => (await import('./commands/ingest.js')).registerIngest;
const db = async (): Promise<Register> => (await import('./commands/db.js')).registerDb;
const queue = async (): Promise<Register> => (await import('./commands/queue.js')).registerQueueCommands;
const compare = async (): Promise<Register> => (await import('./commands/compare.js')).registerCompareCommands;
const serve = async (): Promise<Register> => (await import('./commands/serve.js')).registerServe;

/** Which module registers each top-level command. */
const MODULE_OF_COMMAND: Readonly<Record<string, () => Promise<Register>>> = {
  ingest,
  db,
  enqueue: queue,
  worker: queue,
  status: queue,
  'retry-failed': queue,
  reprocess: queue,
  schedule: queue,
  compare,
  goals: compare,
  export: compare,
  indicators: compare,
  serve,
};

const program = new Command('minutes')
  .description('Danish municipal committee minutes (PDF) → validated, comparable, traceable data')
  .version(EXTRACTOR.version);

const requested = process.argv[2];
const only = requested === undefined ? undefined : MODULE_OF_COMMAND[requested];
// Help, --version and unknown commands see every command.
const loaders = only ? [only] : [ingest, db, queue, compare, serve];
for (const load of loaders) (await load())(program);

await program.parseAsync(process.argv);
