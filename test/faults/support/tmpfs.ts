// A tiny tmpfs is a disk that fills up, or a read-only one, for real (ENOSPC, EROFS),
// without touching the machine's disks. It needs mount(2): root, as in CI here. Where
// mount is not allowed the tests that need it fail with this reason; they never skip.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export interface Tmpfs {
  path: string;
  /** Makes it read-only (mount -o remount,ro). */
  readOnly(): void;
  unmount(): void;
}

export function mountTmpfs(path: string, sizeKb: number): Tmpfs {
  mkdirSync(path, { recursive: true });
  run(['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', path], path);
  return {
    path,
    readOnly: () => run(['-o', 'remount,ro', path], path),
    unmount: () => void spawnSync('umount', ['-l', path], { stdio: 'ignore' }),
  };
}

function run(args: string[], path: string): void {
  const result = spawnSync('mount', args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`mount ${args.join(' ')} failed (${result.stderr.trim() || result.error?.message}): the fault suite needs root to mount a tmpfs at ${path}`);
  }
}
