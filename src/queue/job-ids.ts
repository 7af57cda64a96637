// Job ids derived from content, so the same PDF enqueued twice is one job.
// BullMQ refuses custom ids that contain ':' or look like integers; a prefix
// word keeps both out.

const SHA256 = /^[0-9a-f]{64}$/;

export function parseJobId(sha256: string): string {
  return `parse-${checkSha(sha256)}`;
}

/** One extract job per document and extractor version: a new rule version re-extracts. */
export function extractJobId(sha256: string, extractorVersion: string): string {
  return `extract-${checkSha(sha256)}-${safeVersion(extractorVersion)}`;
}

/**
 * Re-extraction of a stored document, keyed by the version it moves from and to, so
 * running `reprocess` twice adds one job while a later rule version adds another.
 */
export function reprocessJobId(sha256: string, fromVersion: string, toVersion: string): string {
  return `reprocess-${checkSha(sha256)}-${safeVersion(fromVersion)}-to-${safeVersion(toVersion)}`;
}

const safeVersion = (version: string): string => version.replace(/[^0-9A-Za-z._-]/g, '_');

function checkSha(sha256: string): string {
  if (!SHA256.test(sha256)) throw new RangeError(`not a sha256: ${sha256}`);
  return sha256;
}
