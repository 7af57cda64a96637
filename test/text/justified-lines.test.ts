// Justified prose in narrow columns is one sentence per line, not cells; tables keep their cells.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JUSTIFIED_EXAMPLES, joinJustified } from '../../src/text/justified-lines.js';
import type { DraftFragment } from '../../src/text/draft.js';
import { parsePdf } from '../../src/pdf/index.js';
import { normalisePages } from '../../src/text/normalise.js';
import { chromiumPrint } from '../../fixtures/variants/producers.js';

describe('joinJustified', () => {
  for (const example of JUSTIFIED_EXAMPLES) {
    it(`${example.justified ? 'joins' : 'keeps'}: ${example.words.map((w) => w[0]).join(' | ')}`, () => {
      const fragments: DraftFragment[] = example.words.map(([text, x, width], i) => ({ text, x, width, size: 10, bold: false, sep: i === 0 ? '' : '\t' }));
      const out = joinJustified(fragments);
      expect(out.length === 1).toBe(example.justified);
      if (example.justified) expect(out[0]?.text).toBe(example.words.map((w) => w[0]).join(' '));
    });
  }
});

describe('a justified narrow column printed by Chromium', () => {
  let dir = '';
  let text = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'justified-'));
    const sentence = 'Andelen af borgere i ordinær beskæftigelse steg i perioden til 41,5 % mod 39,8 % året før, og udvalget tog udviklingen til efterretning uden bemærkninger.';
    const html = `<!doctype html><meta charset="utf-8"><style>body{font:10pt sans-serif}div{width:150pt;text-align:justify}td{padding:2pt 14pt}</style>
<div><p>${sentence} ${sentence}</p><p>${sentence}</p></div><table><tr><td>Område</td><td>Budget</td><td>Forbrug</td></tr><tr><td>Drift</td><td>1.200</td><td>1.150</td></tr></table>`;
    await writeFile(join(dir, 'page.html'), html);
    await chromiumPrint(join(dir, 'page.html'), join(dir, 'page.pdf'));
    const parsed = await parsePdf(await readFile(join(dir, 'page.pdf')), { ocr: 'never' });
    text = normalisePages(parsed.pages).pages.map((p) => p.text).join('\n');
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads the sentence with spaces, never tabs, between its words', () => {
    const prose = text.split('\n').filter((l) => /\p{Ll}{2,}[ \t]\p{Ll}{2,}/u.test(l));
    expect(prose.length).toBeGreaterThan(5);
    for (const line of prose) expect(line).not.toContain('\t');
  });

  it('keeps the table cells apart', () => {
    expect(text).toMatch(/Drift\t1\.200\t1\.150/u);
  });
});
