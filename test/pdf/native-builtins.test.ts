// pdf.js's legacy build replaces Array.prototype.push (and JSON.parse) on Node 20 with
// slower JavaScript versions; loading the PDF stage, and starting a worker, puts the
// engine's back. Checked in fresh processes and threads on the compiled code: the test
// runner may have loaded pdf.js before this file.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const dist = (path: string): string => fileURLToPath(new URL(`../../dist/${path}`, import.meta.url));

/** Runs `body` as an ES module in a fresh Node that first keeps the engine's push and JSON.parse; prints what it logs. */
function inFreshNode(body: string): string {
  const script = `const push = Array.prototype.push; const parse = JSON.parse;\n${body}`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url)) });
  expect(run.stderr).toBe('');
  return run.stdout.trim();
}

describe('the engine’s builtins next to pdf.js', () => {
  it('pdf.js alone replaces them on this Node (or this check has nothing to guard)', () => {
    const replaced = inFreshNode(`await import('pdfjs-dist/legacy/build/pdf.mjs'); console.log(Array.prototype.push !== push);`);
    const major = Number(process.versions.node.split('.')[0]);
    if (major < 22) expect(replaced).toBe('true');
  });

  it('loading the PDF stage leaves the engine’s push and JSON.parse in place', () => {
    const out = inFreshNode(`await import(${JSON.stringify(dist('pdf/parse-pdf.js'))}); console.log(Array.prototype.push === push, JSON.parse === parse);`);
    expect(out).toBe('true true');
  });

  it.each(['pipeline/document-worker.js', 'pdf/parse-worker.js'])('so does starting a worker (%s), in its own thread', async (entry) => {
    const code = `const { parentPort } = await import('node:worker_threads');
      const push = Array.prototype.push; const parse = JSON.parse;
      await import(${JSON.stringify(pathToFileURL(dist(entry)).href)});
      parentPort.postMessage({ same: [Array.prototype.push === push, JSON.parse === parse] });`;
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
    try {
      const answer = await new Promise<unknown>((resolve, reject) => {
        worker.on('message', (m: { same?: unknown }) => m.same && resolve(m.same));
        worker.on('error', reject);
      });
      expect(answer).toEqual([true, true]);
    } finally {
      await worker.terminate();
    }
  });
});
