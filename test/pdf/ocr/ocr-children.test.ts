// The OCR helpers (pdftoppm, tesseract) are children of the thread that reads the
// document; when the process is killed mid-OCR they die with it, not run on as orphans.
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

function ocrChildrenOf(pid: number): number[] {
  const ps = spawnSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([child, comm]) => child && comm && OCR_TOOLS.has(comm))
    .map(([child]) => Number(child));
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
      children = ocrChildrenOf(pid);
    }
    expect(children.length, 'no OCR child was seen while the scan was read').toBeGreaterThan(0);
    ingest.kill('SIGKILL');
    await sleep(2000);
    expect(children.filter(alive)).toEqual([]);
  });
});
