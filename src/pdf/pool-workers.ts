// The two kinds of worker a WorkerPool can run a document in. A worker thread is
// cheap but shares the process: its heap limit does not cover the buffers pdf.js keeps
// outside the heap. A child process is bounded as a whole: the pool samples its
// resident memory and kills it at the limit, and it dies with the pool's process
// (setpriv --pdeathsig), so a hostile document costs only its own process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export type Isolation = 'thread' | 'process';

export interface PoolWorker {
  send(message: unknown, transfer: ArrayBuffer[]): void;
  onMessage(listener: (message: unknown) => void): void;
  /** The worker failed (a thread's error event, a process that could not start). */
  onError(listener: (err: Error & { code?: string }) => void): void;
  onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  kill(): Promise<void>;
  ref(): void;
  unref(): void;
  /** Resident memory in bytes (processes, read from /proc), or null when unknown. */
  residentBytes(): number | null;
  /** The error a crashed process reported last (its stderr), never shown as a stack; null for threads. */
  lastError(): string | null;
}

/** Memory a document process needs before any document: Node, pdf.js and our modules. */
export const PROCESS_BASELINE_MB = 256;

export function startWorker(isolation: Isolation, script: URL, memoryLimitMb: number): PoolWorker {
  return isolation === 'thread' ? threadWorker(script, memoryLimitMb) : processWorker(script, memoryLimitMb);
}

function threadWorker(script: URL, memoryLimitMb: number): PoolWorker {
  const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb } });
  return {
    send: (message, transfer) => worker.postMessage(message, transfer),
    onMessage: (listener) => worker.on('message', listener),
    onError: (listener) => worker.on('error', listener),
    onExit: (listener) => worker.on('exit', (code) => listener(code, null)),
    kill: async () => {
      await worker.terminate();
    },
    ref: () => worker.ref(),
    unref: () => worker.unref(),
    residentBytes: () => null,
    lastError: () => null,
  };
}

let pdeathsig: boolean | undefined;
/** Whether util-linux's setpriv can bind a child's life to ours (Linux). */
function canBindToParent(): boolean {
  pdeathsig ??= spawnSync('setpriv', ['--version'], { stdio: 'ignore' }).status === 0;
  return pdeathsig;
}

const PAGE_SIZE = 4096;

/**
 * V8's young generation per semi-space in a document process, in MB (V8's own default is 16):
 * a 500-page document peaks ~50 MB lower resident, at no measurable cost in time (bench, issue 12).
 */
const SEMI_SPACE_MB = 4;

function processWorker(script: URL, memoryLimitMb: number): PoolWorker {
  const heapMb = Math.max(32, memoryLimitMb - PROCESS_BASELINE_MB);
  const node = [process.execPath, `--max-old-space-size=${heapMb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`, fileURLToPath(script)];
  const [command, ...args] = canBindToParent() ? ['setpriv', '--pdeathsig', 'KILL', '--', ...node] : node;
  const child: ChildProcess = spawn(command as string, args, {
    // stderr is kept, not shown: a crash is reported as one line by the pool, never as a stack trace.
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    serialization: 'advanced',
    env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
  });
  const statm = `/proc/${child.pid}/statm`;
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4096);
  });
  return {
    send: (message) => {
      if (child.connected) child.send(message as never);
    },
    onMessage: (listener) => child.on('message', listener),
    onError: (listener) => child.on('error', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // An idle worker is unref'd; waiting for its end must keep the caller's event loop alive.
      child.ref();
      child.kill('SIGKILL');
      await exited;
    },
    ref: () => {
      child.ref();
      child.channel?.ref();
    },
    unref: () => {
      child.unref();
      child.channel?.unref();
    },
    lastError: () => errorLine(stderrTail),
    residentBytes: () => {
      try {
        return Number(readFileSync(statm, 'utf8').split(' ')[1]) * PAGE_SIZE;
      } catch {
        return null;
      }
    },
  };
}

/** The `Error: …` line of a crash report (Node prints the source line, a caret, the error, then the stack). */
function errorLine(stderr: string): string | null {
  const lines = stderr.split('\n').map((line) => line.trim());
  const error = lines.find((line) => /^\w*Error\b.*?:/.test(line));
  return error?.replace(/^\w*Error:\s*/, '') ?? null;
}
