// Creates the missing folders above a file one level at a time. Node's recursive mkdir
// retries forever where a folder cannot be made but its parent exists (/proc/x), so the
// levels are counted here and the first refusal is thrown as it is (ENOENT, ENOTDIR, EACCES).
import { mkdirSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';

export function makeFolders(folder: string): void {
  const missing: string[] = [];
  let at = folder;
  let found = statOrUndefined(at);
  while (!found) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
    found = statOrUndefined(at);
  }
  if (found && !found.isDirectory()) {
    throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${folder}'`), { code: 'ENOTDIR', syscall: 'mkdir', path: at });
  }
  for (const level of missing) mkdirSync(level);
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
