// The extractor's identity, read once from package.json: the idempotency key is
// (sha256, EXTRACTOR.version), so bump the package version when rules change.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageJsonUrl = new URL('../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(fileURLToPath(packageJsonUrl), 'utf8')) as { name: string; version: string };

export const EXTRACTOR = Object.freeze({ name: pkg.name, version: pkg.version });
