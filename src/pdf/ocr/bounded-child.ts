// Runs a helper program (pdftoppm, tesseract) on untrusted input with limits the
// kernel enforces: its address space (prlimit), its wall time (killed at the deadline)
// and its life (setpriv --pdeathsig: it dies with the thread that started it, even
// when that thread or the whole process is killed). Output is capped.
import { spawn } from 'node:child_process';
import { MinutesError } from '../../schema/errors.js';

export interface BoundedChildOptions {
  /** Wall-clock limit in ms; the child is killed with SIGKILL when it runs out. */
  timeoutMs: number;
  /** Address-space limit in bytes (RLIMIT_AS). */
  memoryBytes: number;
  /** Largest stdout kept, in bytes; more fails the run. */
  maxOutputBytes: number;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Bytes written to the child's stdin (then closed). */
  input?: Uint8Array;
}

export interface ChildResult {
  stdout: Buffer;
  stderr: string;
}

/** Launchers that bind the child's life and memory; both are util-linux, present wherever poppler and tesseract are. */
const LAUNCHER = ['setpriv', '--pdeathsig', 'KILL', '--', 'prlimit'];

export function runBounded(command: string, args: readonly string[], options: BoundedChildOptions): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const argv = [...LAUNCHER.slice(1), `--as=${options.memoryBytes}`, '--', command, ...args];
    const child = spawn(LAUNCHER[0] as string, argv, {
      stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    if (options.input && child.stdin) {
      // A child that exits early closes its stdin; that is reported by its exit status, not as EPIPE.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let failure: MinutesError | null = null;
    const kill = (why: MinutesError): void => {
      failure ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () => kill(new MinutesError('timeout', `${command} took longer than ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxOutputBytes) kill(new MinutesError('too_large', `${command} wrote more than ${options.maxOutputBytes} bytes`));
      else chunks.push(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new MinutesError('internal', `could not start ${command}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (failure) return reject(failure);
      if (code === 0) return resolve({ stdout: Buffer.concat(chunks), stderr });
      const reason = signal ? `was killed by ${signal} (memory limit ${options.memoryBytes} bytes?)` : `exited with status ${code}`;
      reject(new MinutesError('internal', `${command} ${reason}: ${firstLine(stderr)}`));
    });
  });
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 200) ?? '(no message)';
}
