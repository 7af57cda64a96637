// Runs the compiled CLI as a real process while watching its process tree: the exit
// status, its output, the peak resident memory of the whole tree, and its pids.
import { spawn } from 'node:child_process';
import { cliJs, repoRoot } from '../../queue/support/harness.js';
import { watchTree } from './process-tree.js';

export interface WatchedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  peakRssMb: number;
  pids: number[];
}

/** `limitMs` only guards against a hang (the run is killed and the test fails on its status). */
export function runWatched(args: string[], env: NodeJS.ProcessEnv = {}, limitMs = 120_000): Promise<WatchedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliJs, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const watch = watchTree(child.pid as number);
    const guard = setTimeout(() => child.kill('SIGKILL'), limitMs);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      watch.stop();
      resolve({ code, stdout, stderr, peakRssMb: watch.peakMb(), pids: [...watch.pids()] });
    });
  });
}
