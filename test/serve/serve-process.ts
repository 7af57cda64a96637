// `minutes serve` as a user starts it: the built CLI in its own process, on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { mainJs } from '../cli/run-cli.js';
import { repoRoot } from '../pdf/corpus.js';

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export function startServe(args: string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, [mainJs, 'serve', '--port', '0', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', DOTENV_CONFIG_QUIET: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`minutes serve did not start: ${out}`)), 30_000);
    const read = (d: Buffer): void => {
      out += d.toString();
      const m = /minutes serve: (http:\/\/[^/\s]+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1] as string,
          child,
          output: () => out,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`minutes serve exited (${code}): ${out}`));
    });
  });
}
