#!/usr/bin/env node
// The `minutes` command line: each command lives in its own file under commands/.
// Only the module of the command being run is loaded (queue mode pulls in BullMQ,
// compare pulls in natural): `minutes ingest` starts without either.
import { Command, CommanderError } from 'commander';
import { EXTRACTOR } from '../version.js';
import { EXIT } from '../schema/exit-codes.js';
import { ENVIRONMENT_HELP, EXIT_STATUS_HELP } from './help-text.js';
import { isClosedPipe, printable, reportError } from './report-error.js';
import { enableCompileCache } from '../compile-cache.js';

// Before the command's modules are imported (below): they are what the cache saves compiling.
enableCompileCache();

type Register = (program: Command) => void;

const ingest = async (): Promise<Register> => (await import('./commands/ingest.js')).registerIngest;
const db = async (): Promise<Register> => (await import('./commands/db.js')).registerDb;
const queue = async (): Promise<Register> => (await import('./commands/queue.js')).registerQueueCommands;
const compare = async (): Promise<Register> => (await import('./commands/compare.js')).registerCompareCommands;
const schema = async (): Promise<Register> => (await import('./commands/schema.js')).registerSchema;
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
  schema,
  serve,
};

// A reader that goes away (`minutes export | head`) ends the output, not the process with a stack.
process.stdout.on('error', (err) => {
  if (isClosedPipe(err)) process.exit(process.exitCode ?? EXIT.ok);
  process.exit(reportError(err));
});
process.on('uncaughtException', (err) => process.exit(reportError(err)));
process.on('unhandledRejection', (err) => process.exit(reportError(err)));

/** Commander's own messages (unknown option, bad value, missing argument) in the same one-line form. */
const usageLine = (message: string): string =>
  `minutes: ${printable(message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim())} (usage)\n`;

const program = new Command('minutes')
  .description('Danish municipal committee minutes (PDF) → validated, comparable, traceable data')
  .version(EXTRACTOR.version)
  .configureOutput({ outputError: (message, write) => write(usageLine(message)) })
  .exitOverride()
  .showSuggestionAfterError(true)
  .addHelpText('after', `\n${ENVIRONMENT_HELP}\n\n${EXIT_STATUS_HELP}`);

const requested = process.argv[2];
const only = requested === undefined ? undefined : MODULE_OF_COMMAND[requested];
// Help, --version and unknown commands see every command.
const loaders = only ? [only] : [ingest, db, queue, compare, schema, serve];
for (const load of loaders) (await load())(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and --version asked for are a success; help shown because something was missing is a usage error.
    const asked = err.code === 'commander.helpDisplayed' || err.code === 'commander.version';
    process.exitCode = asked ? EXIT.ok : EXIT.usage;
  } else if (isClosedPipe(err)) {
    process.exitCode ??= EXIT.ok;
  } else {
    process.exitCode = reportError(err);
  }
}
