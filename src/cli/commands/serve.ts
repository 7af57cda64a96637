// `minutes serve`: the browser workbench over the store (SQLite file of --db, or PostgreSQL
// when DATABASE_URL is set). Read-only unless --allow-edits; binds 127.0.0.1 by default.
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { startServer } from '../../serve/index.js';
import { staleCorrections } from '../../store/corrections.js';
import { DEFAULT_SQLITE_FILE, openStore } from '../../store/index.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number, 0–65535');
  return n;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('a local web workbench: documents with every value on its page, goals, charts, corrections')
    .addOption(new Option('--db <file>', 'SQLite database file, used when DATABASE_URL is not set').default(DEFAULT_SQLITE_FILE))
    .addOption(new Option('--port <n>', 'port (0: any free port)').default(8080).argParser(port))
    .option('--host <address>', 'address to listen on (127.0.0.1: this machine only)', '127.0.0.1')
    .option('--allow-edits', 'allow corrections of extracted values (stored apart, applied by export and compare)', false)
    .option('--user <name>', 'author recorded with corrections when the form names none', userInfo().username)
    .action(async (options: { db: string; port: number; host: string; allowEdits: boolean; user: string }) => {
      const databaseUrl = process.env['DATABASE_URL']?.trim();
      if (!databaseUrl && !existsSync(options.db)) {
        process.stderr.write(`minutes: no database at ${options.db} (run \`minutes ingest\` first, pass --db FILE, or set DATABASE_URL)\n`);
        process.exitCode = 2;
        return;
      }
      const store = await openStore(databaseUrl ? { databaseUrl } : { sqliteFile: options.db });
      const server = await startServer(store.db, { port: options.port, host: options.host, allowEdits: options.allowEdits, user: options.user });
      process.stdout.write(`minutes serve: ${server.url}/ (${options.allowEdits ? 'edits allowed' : 'read-only'}; Ctrl-C stops)\n`);
      const stale = await staleCorrections(store.db);
      if (stale.length) process.stdout.write(`minutes serve: ${stale.length} corrections no longer match their values after re-extraction (listed at ${server.url}/corrections)\n`);
      const stop = async (): Promise<void> => {
        await server.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
