import { readFile } from 'node:fs/promises';
import { it } from 'vitest';
import { parsePdf } from '../../src/pdf/index.js';
import { normalisePages } from '../../src/text/normalise.js';
import { tableLines } from '../../src/extract/table-layout.js';
it('dump', async () => {
  const name = process.env.FX ?? 'holdout-esbjerg-maal';
  const parsed = await parsePdf(await readFile(`/work/main/fixtures/${name}.pdf`));
  const { pages } = normalisePages(parsed.pages);
  for (const p of pages) for (const l of tableLines(p)) console.log(p.number, l.y.toFixed(1), l.cells.map(c => `[${c.left?.toFixed(0)}-${c.right?.toFixed(0)}]${c.text}`).join(' | '));
}, 60000);
