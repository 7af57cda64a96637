// minutes.config.json: the sources unattended runs read from. Validated with zod
// when loaded; relative paths are resolved against the config file's folder.
import { z } from 'zod';

/** Source names become job data and Redis key parts: keep them plain. */
export const SourceName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, _ . - (max 64)');

export const DirectorySourceConfig = z.object({
  kind: z.literal('directory'),
  /** Folder scanned recursively for *.pdf (case-insensitive). */
  path: z.string().min(1),
});
export type DirectorySourceConfig = z.infer<typeof DirectorySourceConfig>;

/** Patterns are compiled when the config is read, so a bad one fails validation, not a run at night. */
function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

export const HttpIndexSourceConfig = z.object({
  kind: z.literal('http-index'),
  /** A page listing PDF links (http or https only). */
  url: z.url({ protocol: /^https?$/ }),
  /** Downloads are written only inside this folder, under names derived from the sha256. */
  downloadDir: z.string().min(1),
  /** Links whose URL path does not match are ignored. Default: paths ending in .pdf. */
  linkPattern: z.string().refine(isRegExp, 'not a valid regular expression').default('\\.pdf$'),
  /** Largest download accepted, in bytes. Default 100 MiB. */
  maxBytes: z.number().int().positive().default(100 * 1024 * 1024),
  /** Downloads running at once. Default 4. */
  concurrency: z.number().int().min(1).max(64).default(4),
  /** Least time between two requests to the same host, in ms. Default 250. */
  perHostIntervalMs: z.number().int().min(0).default(250),
  /** Limit for one request, in ms. Default 60 000. */
  timeoutMs: z.number().int().positive().default(60_000),
  /** Fetch links already downloaded again (conditional GET); default false: archives do not change. */
  refetchKnown: z.boolean().default(false),
  /** Sent as User-Agent. */
  userAgent: z.string().default('minutes (+https://github.com/) queue source'),
});
export type HttpIndexSourceConfig = z.infer<typeof HttpIndexSourceConfig>;

export const SourceConfig = z.discriminatedUnion('kind', [DirectorySourceConfig, HttpIndexSourceConfig]);
export type SourceConfig = z.infer<typeof SourceConfig>;

export const MinutesConfig = z.object({
  sources: z.record(SourceName, SourceConfig).default({}),
});
export type MinutesConfig = z.infer<typeof MinutesConfig>;
