// A process and everything under it, read from /proc: which processes it started and
// how much resident memory they held together at the worst moment.
import { readdirSync, readFileSync } from 'node:fs';

/** pid → parent pid of every process now running. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      map.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // ended while we looked
    }
  }
  return map;
}

/** `root` and every process below it. */
export function processTree(root: number): number[] {
  const parentOf = parents();
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parentOf) if (ppid === tree[i]) tree.push(pid);
  }
  return tree.filter((pid) => parentOf.has(pid));
}

/** Resident memory of one process in MB (0 once it is gone). */
export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Whether a process still runs. A zombie (state Z: exited, waiting for whoever adopted it to
 * collect its status) holds no memory and runs nothing: it counts as gone. In this machine's
 * sandbox, PID 1 collects orphans' statuses only now and then.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

export interface TreeWatch {
  /** Highest sum of resident memory over the tree seen so far, in MB. */
  peakMb(): number;
  /** Every pid that was ever part of the tree. */
  pids(): Set<number>;
  stop(): void;
}

/** Samples the tree under `root` every `everyMs` until stopped. */
export function watchTree(root: number, everyMs = 50): TreeWatch {
  let peak = 0;
  const seen = new Set<number>();
  const sample = (): void => {
    const tree = processTree(root);
    for (const pid of tree) seen.add(pid);
    peak = Math.max(peak, tree.reduce((sum, pid) => sum + rssMb(pid), 0));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return { peakMb: () => peak, pids: () => seen, stop: () => clearInterval(timer) };
}
