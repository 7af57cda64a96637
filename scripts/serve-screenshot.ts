// The README's picture of `minutes serve` (docs/serve-document.png): the fixtures ingested
// into a temporary store, the workbench started on a free port, and Debian's chromium
// (playwright-core) opening the document with the most goals among the text-layer fixtures,
// a goal clicked, its PDF page drawn by pdf.js. Small on purpose: a 1400×1000 view at 0.72 scale, under 200 KB.
// Usage: npm run build && node dist/tools/scripts/serve-screenshot.js [--out docs/serve-document.png]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from 'minutes/serve/index';
import { openStore } from 'minutes/store/index';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const outArg = process.argv.indexOf('--out');
const out = resolve(repoRoot, outArg > 0 ? (process.argv[outArg + 1] as string) : 'docs/serve-document.png');
const dir = mkdtempSync(join(tmpdir(), 'minutes-screenshot-'));
try {
  const file = join(dir, 'minutes.db');
  const ingest = spawnSync(process.execPath, [join(repoRoot, 'dist/cli/main.js'), 'ingest', 'fixtures', '--db', file, '--out', join(dir, 'json')], { cwd: repoRoot, encoding: 'utf8' });
  if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
  const store = await openStore({ sqliteFile: file });
  const server = await startServer(store.db, { port: 0 });
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const doc = await store.db
      .selectFrom('goals as g')
      .innerJoin('documents as d', 'd.id', 'g.document_id')
      .select(['d.id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('d.path', 'like', 'fixtures/%')
      .where('d.path', 'not like', '%scanned%')
      .groupBy('d.id')
      .orderBy('n', 'desc')
      .orderBy('d.id')
      .executeTakeFirstOrThrow();
    const goal = await store.db.selectFrom('goals').select(['position', 'page']).where('document_id', '=', doc.id).orderBy('position').executeTakeFirstOrThrow();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 0.72 });
    await page.goto(`${server.url}/documents/${doc.id}`);
    await page.click(`.fact-link[data-fact="goal-${goal.position}"]`);
    await page.locator(`.pdf-view[data-page="${goal.page}"][data-drawn="true"] canvas`).waitFor({ timeout: 30_000 });
    // The click scrolled the value into view; the picture shows the page from its top (title, PDF, record).
    await page.mouse.move(0, 0);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: out });
    process.stdout.write(`${JSON.stringify({ out, bytes: statSync(out).size, document: doc.id })}\n`);
  } finally {
    await browser.close();
    await server.close();
    await store.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
