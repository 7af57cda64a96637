// What the OCR tests need on the machine; .ci/run installs it. Missing tools fail the
// tests that need them with the packages to install, never a silent skip.
import { spawnSync } from 'node:child_process';

export function requireOcrTools(): void {
  const missing: string[] = [];
  const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (langs.error) missing.push('tesseract-ocr');
  else if (!/^dan$/m.test(langs.stdout)) missing.push('tesseract-ocr-dan');
  if (spawnSync('pdftoppm', ['-v']).error) missing.push('poppler-utils');
  if (missing.length > 0) throw new Error(`OCR tests need ${missing.join(', ')} (Debian: apt-get install ${missing.join(' ')})`);
}

/** Words as the scanned fixtures' expected JSON lists them: letters and digits, edge punctuation dropped. */
export function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '');
}

/** Share of the expected words found in the text, each found word used once. */
export function wordRecall(expected: readonly string[], text: string): { share: number; missing: string[] } {
  const pool = new Map<string, number>();
  for (const word of wordsOf(text)) pool.set(word, (pool.get(word) ?? 0) + 1);
  const missing: string[] = [];
  for (const word of expected) {
    const left = pool.get(word) ?? 0;
    if (left > 0) pool.set(word, left - 1);
    else missing.push(word);
  }
  return { share: expected.length === 0 ? 1 : (expected.length - missing.length) / expected.length, missing };
}
