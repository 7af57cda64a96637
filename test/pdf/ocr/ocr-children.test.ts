// The OCR helpers (pdftoppm, tesseract) are children of the document process that
// reads the document, itself a child of `minutes ingest`; when ingest is killed mid-OCR
// the whole chain dies with it, none runs on as an orphan.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../corpus.js';
import { assertBuilt, mainJs } from '../../cli/run-cli.js';
import { requireOcrTools } from './ocr-support.js';

const dir = mkdtempSync(join(tmpdir(), 'minutes-ocr-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OCR_TOOLS = new Set(['pdftoppm', 'tesseract', 'setpriv', 'prlimit']);

/** Every descendant of `pid` (document processes, OCR tools) once an OCR tool runs among them; else none. */
function descendantsWhileOcr(pid: number): number[] {
  const ps = spawnSync('ps', ['-e', '-o', 'pid=,ppid=,comm='], { encoding: 'utf8' });
  const rows = ps.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length === 3)
    .map(([child, parent, comm]) => ({ pid: Number(child), ppid: Number(parent), comm: comm as string }));
  const family = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) if (family.has(row.ppid) && !family.has(row.pid)) (family.add(row.pid), (grew = true));
  }
  family.delete(pid);
  const descendants = rows.filter((row) => family.has(row.pid));
  return descendants.some((row) => OCR_TOOLS.has(row.comm)) ? descendants.map((row) => row.pid) : [];
}

const alive = (pid: number): boolean => spawnSync('kill', ['-0', String(pid)]).status === 0;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => {
  assertBuilt();
  requireOcrTools();
});

describe('OCR children when the ingest process is killed', () => {
  it('die within 2 s of a SIGKILL of their parent', async () => {
    const scans = ['scanned-randers-table.pdf', 'scanned-syddjurs.pdf'].map((f) => join(repoRoot, 'fixtures', 'scanned', f));
    const ingest = spawn(process.execPath, [mainJs, 'ingest', ...scans, '--out', join(dir, 'json'), '--db', join(dir, 'm.db'), '--concurrency', '1'], {
      stdio: 'ignore',
      env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
    });
    const pid = ingest.pid as number;
    let children: number[] = [];
    for (let i = 0; i < 300 && children.length === 0; i++) {
      await sleep(100);
      children = descendantsWhileOcr(pid);
    }
    expect(children.length, 'no OCR child was seen while the scan was read').toBeGreaterThan(0);
    ingest.kill('SIGKILL');
    await sleep(2000);
    expect(children.filter(alive)).toEqual([]);
  });
});
