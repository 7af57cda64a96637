// Loads minutes.config.json (zod-validated); relative paths in it are taken
// relative to the file's own folder, so the config means the same from any cwd.
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { MinutesConfig, type SourceConfig } from '../../schema/config.js';
import { MinutesError } from '../../schema/errors.js';

export const DEFAULT_CONFIG_FILE = 'minutes.config.json';

export async function loadConfig(file: string = DEFAULT_CONFIG_FILE): Promise<MinutesConfig> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new MinutesError('io_error', `cannot read the config file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new MinutesError('invalid_output', `${path} is not JSON: ${(err as Error).message}`);
  }
  const parsed = MinutesConfig.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new MinutesError('invalid_output', `${path} is not a valid minutes config: ${issues}`);
  }
  const base = dirname(path);
  const sources: Record<string, SourceConfig> = {};
  for (const [name, source] of Object.entries(parsed.data.sources)) sources[name] = withAbsolutePaths(source, base);
  return { sources };
}

function withAbsolutePaths(source: SourceConfig, base: string): SourceConfig {
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(base, p));
  return source.kind === 'directory' ? { ...source, path: abs(source.path) } : { ...source, downloadDir: abs(source.downloadDir) };
}

export function sourceConfig(config: MinutesConfig, name: string): SourceConfig {
  const source = config.sources[name];
  if (!source) {
    const known = Object.keys(config.sources);
    throw new MinutesError('internal', `no source named "${name}" in the config (known: ${known.length ? known.join(', ') : 'none'})`);
  }
  return source;
}
