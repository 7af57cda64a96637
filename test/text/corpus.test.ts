// The normaliser on the shared corpus (../shared/corpus, when present): the mojibake
// of seed 003 is repaired to the spellings the gold README lists, clean documents are
// not changed, and a 28-page document normalises fast.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { parsePdf } from '../../src/pdf/index.js';
import type { ParsedPdf } from '../../src/schema/parsed.js';
import { normalisePages } from '../../src/text/normalise.js';
import { expectConsistent } from './helpers.js';

const shared = fileURLToPath(new URL('../../../shared', import.meta.url));
const corpus = `${shared}/corpus`;
const goldReadme = `${shared}/eval/gold/README.md`;
const hasShared = existsSync(`${corpus}/seeds/003_5bb165e9788c49bf.pdf`) && existsSync(goldReadme);
if (!hasShared) console.warn(`test/text/corpus.test.ts: skipped, ${corpus} or ${goldReadme} is not there`);

const FILES = {
  s001: 'seeds/001_f72e2d1bcdd6ace0.pdf',
  s003: 'seeds/003_5bb165e9788c49bf.pdf',
  s004: 'seeds/004_d87f12b627035099.pdf',
  aarhus: 'real/aarhus_byraad_2025-08-27.pdf',
  dagsbil: 'real/dagsbil.pdf',
} as const;

/** The repaired spellings from the gold README's mojibake table (right-hand column). */
function repairedSpellings(readme: string): string[] {
  const section = readme.split(/^## Mojibake/mu)[1]?.split(/^Other corrupted words/mu)[0] ?? '';
  const words: string[] = [];
  for (const row of section.split('\n')) {
    const cells = row.split('|').map((c) => c.trim());
    const repaired = cells[2];
    if (!repaired || !row.includes('Å~') || repaired.startsWith('-')) continue;
    for (const part of repaired.replace(/\(.*?\)/gu, '').split(',')) {
      const word = part.replace(/`/gu, '').trim();
      if (word) words.push(word);
    }
  }
  return words;
}

/** Letters and digits only, hyphens dropped: what de-hyphenation and spacing may not change. */
const squeeze = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '');

describe.skipIf(!hasShared)('shared corpus', () => {
  const parsed = new Map<string, ParsedPdf>();
  beforeAll(async () => {
    for (const [name, path] of Object.entries(FILES)) {
      if (existsSync(`${corpus}/${path}`)) parsed.set(name, await parsePdf(new Uint8Array(readFileSync(`${corpus}/${path}`))));
    }
  });

  test('seed 003: every broken word becomes the spelling in the gold README', () => {
    const doc = parsed.get('s003')!;
    const result = normalisePages(doc.pages);
    const all = result.pages.map((p) => p.text).join('\n');
    const expected = repairedSpellings(readFileSync(goldReadme, 'utf8'));
    expect(expected.length).toBeGreaterThan(15);
    for (const word of expected) expect(all, word).toContain(word);
    expect(all).not.toContain('Å~');
    const repaired = result.warnings.filter((w) => w.code === 'text_repaired');
    expect(repaired.map((w) => w.page)).toEqual([12]);
    expect(repaired[0]?.message).toMatch(/^repaired \d+ words$/u);
    for (const p of result.pages) expectConsistent(p);
    expect(all).not.toMatch(/Side \d+ af 28/u);
  });

  test.each(['s001', 's004', 'aarhus'])('%s: a clean document gets no repair and keeps every letter', (name) => {
    const doc = parsed.get(name)!;
    const result = normalisePages(doc.pages);
    expect(result.warnings.filter((w) => w.code === 'text_repaired')).toEqual([]);
    for (const [i, p] of result.pages.entries()) {
      expectConsistent(p);
      const source = squeeze(doc.pages[i]!.text);
      for (const token of p.text.split(/\s+/u)) expect(source, token).toContain(squeeze(token));
    }
  });

  test('dagsbil: the lost ring in the title is restored, "på" elsewhere untouched', () => {
    const doc = parsed.get('dagsbil');
    if (!doc) return void console.warn('dagsbil.pdf not in the shared corpus: check skipped');
    const result = normalisePages(doc.pages);
    const first = result.pages[0]!.text.split('\n')[0];
    expect(first).toBe('Sager på vej – Sundhed og Omsorg 2025');
    expect(result.pages.slice(1).every((p) => !p.text.includes('Sager på vej – Sundhed'))).toBe(true);
  });

  test('a 28-page document with no repair normalises in well under 100 ms', () => {
    const doc = parsed.get('aarhus')!;
    expect(doc.pages.length).toBe(28);
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      normalisePages(doc.pages);
      best = Math.min(best, performance.now() - t0);
    }
    console.log(`normalise aarhus (28 pages): best of 5 ${best.toFixed(1)} ms`);
    expect(best).toBeLessThan(100);
  });
});
