// Runs the built `minutes` command as a separate process, as a user would.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { repoRoot } from '../pdf/corpus.js';

export const mainJs = join(repoRoot, 'dist', 'cli', 'main.js');

export function assertBuilt(): void {
  if (!existsSync(mainJs)) throw new Error(`${mainJs} is missing: the CLI tests run the build; run \`npm run build\` first (npm test does)`);
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  script?: string;
}

const CLI_TIMEOUT_MS = 240_000;

function cliEnv(options: CliOptions): Record<string, string> {
  // DATABASE_URL is dropped unless the test sets it: the SQLite default is what most tests are about.
  const merged: Record<string, string | undefined> = { ...process.env, DOTENV_CONFIG_QUIET: 'true', DATABASE_URL: undefined, ...options.env };
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Runs `minutes <args>`, or another built script (`script`, e.g. the worker entry point). */
export function runCli(args: string[], options: CliOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [options.script ?? mainJs, ...args], { cwd: options.cwd ?? repoRoot, env: cliEnv(options), encoding: 'utf8', timeout: CLI_TIMEOUT_MS });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** runCli without blocking this process: for tests run side by side (describe.concurrent). */
export function runCliAsync(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.script ?? mainJs, ...args], { cwd: options.cwd ?? repoRoot, env: cliEnv(options), timeout: CLI_TIMEOUT_MS });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.stdin.end();
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** Every row of every table of a SQLite file, for before/after comparisons. */
export function snapshotDb(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name")
      .all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`select * from "${name}" order by rowid`).all()]));
  } finally {
    db.close();
  }
}

export const SUMMARY = /^ok (\d+) · failed (\d+) · skipped (\d+) · pages (\d+) · (\d+\.\d) s · (\d+\.\d) pages\/s$/;

export function summaryOf(stdout: string): { ok: number; failed: number; skipped: number; pages: number } {
  const first = stdout.split('\n')[0] ?? '';
  const m = SUMMARY.exec(first);
  if (!m) throw new Error(`no summary line in: ${stdout}`);
  return { ok: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3]), pages: Number(m[4]) };
}

/** The summary line and the file lines of an ingest run: what comes before the blank line that parts them from where the output went. */
export const reportLines = (stdout: string): string[] => (stdout.split('\n\n')[0] ?? '').trimEnd().split('\n');
