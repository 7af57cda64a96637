// The README's commands run exactly as written (the blocks marked `sh readme-test`), in
// order, in one fresh copy of the project: the quick start installs, builds and ingests the
// fixtures on the embedded default (SQLite, no Redis, no DATABASE_URL), then the documented
// examples run over its store. Each must end with its documented exit status and print no
// stack trace. Nothing in a command is substituted; only the working folder is new.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../pdf/corpus.js';
import { readmeCommands, STACK_FRAME } from './readme-blocks.js';

const commands = readmeCommands(readFileSync(join(repoRoot, 'README.md'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'minutes-readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The project's files as a fresh clone has them (tracked and new, not ignored: no dist/, no output). */
function copyProject(to: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f !== '');
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    try {
      copyFileSync(join(repoRoot, file), join(to, file));
    } catch (err) {
      // A file deleted in the work tree but still tracked: a fresh clone of this state lacks it too.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

/**
 * The installed packages, hard-linked (a copy where links cannot be made), so the quick
 * start's `npm install` finds them up to date instead of downloading 300 MB in every run.
 * Its own record (.package-lock.json) is a copy: npm rewrites it.
 */
function seedNodeModules(to: string): void {
  const from = join(repoRoot, 'node_modules');
  mkdirSync(to);
  for (const entry of readdirSync(from)) {
    const source = realpathSync(join(from, entry));
    if (entry === '.package-lock.json') copyFileSync(source, join(to, entry));
    else if (spawnSync('cp', ['-al', source, join(to, entry)]).status !== 0) cpSync(source, join(to, entry), { recursive: true, verbatimSymlinks: true });
  }
}

describe('the README\'s commands, as written (sh readme-test blocks)', () => {
  beforeAll(() => {
    copyProject(work);
    seedNodeModules(join(work, 'node_modules'));
  });

  it('marks the quick start and the examples for testing', () => {
    expect(commands.find((c) => c.line.startsWith('npm install && npm run build && node dist/cli/main.js ingest fixtures'))).toBeDefined();
    expect(commands.filter((c) => c.expectedStatus !== 0).length).toBeGreaterThanOrEqual(3);
    expect(commands.length).toBeGreaterThanOrEqual(15);
  });

  for (const command of commands) {
    it(`README line ${command.readmeLine}: ${command.line}`, { timeout: 900_000 }, () => {
      // A user's machine: no DATABASE_URL (the embedded default), npm without its network extras.
      const { DATABASE_URL: _url, ...env } = process.env;
      const run = spawnSync('bash', ['-o', 'pipefail', '-c', command.line], {
        cwd: work,
        env: { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
        encoding: 'utf8',
        timeout: 840_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      const shown = `${run.stdout.slice(-2000)}\n--- stderr ---\n${run.stderr.slice(-2000)}`;
      expect(run.status, shown).toBe(command.expectedStatus);
      expect(run.stdout, 'stack trace on stdout').not.toMatch(STACK_FRAME);
      expect(run.stderr, 'stack trace on stderr').not.toMatch(STACK_FRAME);
      // An error (status 2 and up) is one line naming what and its code.
      if (command.expectedStatus >= 2) expect(run.stderr).toMatch(/^minutes: [^\n]+ \([a-z_]+\)\n$/);
    });
  }
});
