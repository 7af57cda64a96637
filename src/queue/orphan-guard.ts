// A process that another program forks (BullMQ's sandboxed processor) cannot ask the
// kernel to die with its parent. This guard does it from outside its event loop: a
// shell loop that watches the parent and SIGKILLs this process once the parent is
// gone, even when this process is stuck in a synchronous wait (a SQLite busy timeout)
// or spins in an error handler. The guard itself dies with this process (pdeathsig).
import { spawn, spawnSync } from 'node:child_process';

/** How often the guard looks at the parent, in seconds. */
const POLL_SECONDS = 0.2;

let started = false;

/** Starts the guard once per process; a no-op where setpriv (util-linux) is missing. */
export function dieWithParent(): void {
  if (started) return;
  started = true;
  if (spawnSync('setpriv', ['--version'], { stdio: 'ignore' }).status !== 0) return;
  const script = `while kill -0 ${process.ppid} 2>/dev/null; do sleep ${POLL_SECONDS}; done; kill -9 ${process.pid}`;
  const guard = spawn('setpriv', ['--pdeathsig', 'KILL', '--', 'sh', '-c', script], { stdio: 'ignore' });
  guard.on('error', () => undefined);
  guard.unref();
}
