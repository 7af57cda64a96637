// Measuring one command as a child process tree for the benchmarks: wall seconds,
// peak resident memory of the whole tree (the sum of its processes' peaks, polled from
// /proc; GNU time's largest single process when that is more) and CPU seconds (GNU time).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const GNU_TIME = '/usr/bin/time';

export interface EngineResult {
  seconds: number;
  pagesPerSecond: number;
  peakRssMb: number | null;
  /** How peak RSS was measured. */
  rssMethod: 'gnu-time' | 'proc-poll' | null;
  /** User + system CPU seconds of the process tree (GNU time only): steadier than wall time on a busy machine. */
  cpuSeconds: number | null;
  exitCode: number | null;
}

export interface ChildMeasure {
  seconds: number;
  peakRssKb: number | null;
  rssMethod: EngineResult['rssMethod'];
  cpuSeconds: number | null;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

// ---- measuring a child process tree ---------------------------------------------

function readProcRssKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function descendants(pid: number): number[] {
  const all: number[] = [pid];
  for (let i = 0; i < all.length; i++) {
    try {
      const children = readFileSync(`/proc/${all[i]}/task/${all[i]}/children`, 'utf8').trim();
      if (children) all.push(...children.split(/\s+/).map(Number));
    } catch {
      // the process ended between two reads
    }
  }
  return all;
}

export function measure(command: string, args: string[], options: { cwd?: string } = {}): Promise<ChildMeasure> {
  const useTime = existsSync(GNU_TIME);
  const rssFile = join(tmpdir(), `minutes-bench-rss-${process.pid}-${Math.random().toString(16).slice(2)}`);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args]] : [command, args];
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd: options.cwd ?? repoRoot, env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Always polled: GNU time gives the largest single process, but a run is a tree of
    // processes (document workers, OCR tools) whose memory adds up.
    let polledPeak = 0;
    const poll = setInterval(() => {
      if (child.pid === undefined) return;
      const sum = descendants(child.pid).reduce((s, pid) => s + readProcRssKb(pid), 0);
      polledPeak = Math.max(polledPeak, sum);
    }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      clearInterval(poll);
      let peakRssKb: number | null = polledPeak || null;
      let rssMethod: EngineResult['rssMethod'] = peakRssKb === null ? null : 'proc-poll';
      let cpuSeconds: number | null = null;
      if (useTime) {
        const text = existsSync(rssFile) ? readFileSync(rssFile, 'utf8') : '';
        rmSync(rssFile, { force: true });
        const [kb, user, system] = (text.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
        if (kb !== undefined && Number.isFinite(kb) && kb > (peakRssKb ?? 0)) {
          peakRssKb = kb;
          rssMethod = 'gnu-time';
        }
        const cpu = (user ?? Number.NaN) + (system ?? Number.NaN);
        cpuSeconds = Number.isFinite(cpu) ? cpu : null;
      }
      resolvePromise({ seconds, peakRssKb, rssMethod, cpuSeconds, exitCode: code, stdout, stderr });
    });
  });
}

export const toResult = (m: ChildMeasure, pages: number): EngineResult => ({
  seconds: round(m.seconds, 3),
  pagesPerSecond: round(pages / m.seconds, 1),
  peakRssMb: m.peakRssKb === null ? null : round(m.peakRssKb / 1024, 1),
  rssMethod: m.rssMethod,
  cpuSeconds: m.cpuSeconds === null ? null : round(m.cpuSeconds, 2),
  exitCode: m.exitCode,
});

export const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;

