// Where the compiled CLI and worker are (the fault suite runs the real processes).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const cliJs = join(repoRoot, 'dist/cli/main.js');
export const workerJs = join(repoRoot, 'dist/tools/workers/worker.js');
if (!existsSync(cliJs) || !existsSync(workerJs)) throw new Error('test/faults needs the build: run `npm run build` first');
