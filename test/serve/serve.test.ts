// `minutes serve` in a real browser (Debian chromium via playwright-core) over a store built
// from the project's fixtures by the built CLI, plus a PDF whose text is hostile HTML.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../cli/run-cli.js';
import { linesPage, makePdf } from '../pdf/make-pdf.js';
import { flushRedis, redisUrlForDb, spawnWorker, stopWorker, waitFor } from '../queue/support/harness.js';
import { launchChromium, SCREENSHOTS } from './browser.js';
import { startServe, type ServeProcess } from './serve-process.js';

const HOSTILE_LINES = [
  'Beskæftigelsesudvalget – referat',
  'Bemærkning: <script>window.__xss = 1</script> skal vises som tekst.',
  'Citat: "><img src=x onerror="window.__xss = 2"> og 45,5 % af de ledige.',
];

let dir: string;
let db: string;
let hostilePdf: string;
/** A generated report with a goal and its figures, deleted by the test that draws pages from the store. */
let goalPdf: string;

const GOAL_LINES = [
  'Beskæftigelsesudvalget – referat',
  'Mål 1.1: Andelen af ledige med en plan efter fire måneder skal være mindst 75 %.',
  'Status: 71,4 % af de ledige havde en plan – målet er ikke nået.',
  'I hele landet var andelen 73,0 %.',
];
let browser: Browser;
let readOnly: ServeProcess;
let editing: ServeProcess;

const sqlite = <T>(run: (d: Database.Database) => T): T => {
  const d = new Database(db);
  try {
    return run(d);
  } finally {
    d.close();
  }
};

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

beforeAll(async () => {
  assertBuilt();
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'minutes-serve-'));
  db = join(dir, 'minutes.db');
  const ingest = runCli(['ingest', 'fixtures', '--db', db, '--out', join(dir, 'json'), '--concurrency', '2']);
  expect(ingest.status, ingest.stderr).toBe(0);
  hostilePdf = join(dir, 'hostile', 'hostile-referat.pdf');
  mkdirSync(join(dir, 'hostile'));
  writeFileSync(hostilePdf, await makePdf({ pages: [linesPage(HOSTILE_LINES)], info: { Title: '<script>window.__xss = 3</script>' } }));
  goalPdf = join(dir, 'hostile', 'maal-referat.pdf');
  writeFileSync(goalPdf, await makePdf({ pages: [linesPage(GOAL_LINES, { x: 72, top: 90 })] }));
  const second = runCli(['ingest', join(dir, 'hostile'), '--db', db, '--out', join(dir, 'json')]);
  expect(second.status, second.stderr).toBe(0);
  readOnly = await startServe(['--db', db]);
  editing = await startServe(['--db', db, '--allow-edits', '--user', 'testreviewer']);
}, 400_000);

afterAll(async () => {
  await readOnly?.stop();
  await editing?.stop();
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('minutes serve: documents', () => {
  it('lists the documents with counts, filters them and pages them', async () => {
    const page = await browser.newPage();
    await page.goto(`${readOnly.url}/documents`);
    const total = sqlite((d) => (d.prepare('select count(*) as n from documents').get() as { n: number }).n);
    await expect(page.locator('#document-count').textContent()).resolves.toContain(`${total} dokumenter`);
    await shot(page, 'documents');
    const most = sqlite((d) => d.prepare('select municipality, count(*) as n from documents where municipality is not null group by municipality order by n desc, municipality limit 1').get() as { municipality: string; n: number });
    expect(most.n).toBeGreaterThan(1);
    await page.selectOption('select[name=municipality]', most.municipality);
    await page.click('form.filters button[type=submit]');
    await expect(page.locator('#document-count').textContent()).resolves.toContain(`${most.n} dokumenter`);
    expect(await page.locator('#documents tbody tr').count()).toBe(most.n);
    // A warning code filter counts the documents carrying that code.
    const code = sqlite((d) => d.prepare('select code, count(distinct document_id) as n from warnings group by code order by n desc limit 1').get() as { code: string; n: number });
    await page.goto(`${readOnly.url}/documents?code=${encodeURIComponent(code.code)}`);
    await expect(page.locator('#document-count').textContent()).resolves.toContain(`${code.n} dokumenter`);
    const withWarnings = sqlite((d) => (d.prepare('select count(distinct document_id) as n from warnings').get() as { n: number }).n);
    await page.goto(`${readOnly.url}/documents?warnings=yes`);
    await expect(page.locator('#document-count').textContent()).resolves.toContain(`${withWarnings} dokumenter`);
    // Paging: 60 more (failed) documents of one extractor version make two pages of 50.
    sqlite((d) => {
      const insert = d.prepare("insert into documents (sha256, path, bytes, pages, extractor_name, extractor_version, status, error_code, error_message, created_at, updated_at) values (?, ?, 1, 0, 'minutes', '9.9.9', 'failed', 'not_pdf', 'x', '2026-01-01', '2026-01-01')");
      for (let i = 0; i < 60; i++) insert.run(`paging-${i}`, `archive/paging-${String(i).padStart(2, '0')}.pdf`);
    });
    await page.goto(`${readOnly.url}/documents?version=9.9.9`);
    await expect(page.locator('#document-count').textContent()).resolves.toContain('60 dokumenter · side 1 af 2');
    expect(await page.locator('#documents tbody tr').count()).toBe(50);
    await page.click('a[rel=next]');
    expect(await page.locator('#documents tbody tr').count()).toBe(10);
    sqlite((d) => d.prepare("delete from documents where extractor_version = '9.9.9'").run());
    await page.close();
  });

  it('opens a document, a click on a goal shows its record and its page with the value marked (PDF drawn by pdf.js)', async () => {
    const goal = sqlite((d) =>
      d.prepare("select g.document_id as doc, g.position, g.page, g.snippet, g.goal_ref, d.path from goals g join documents d on d.id = g.document_id where d.path like 'fixtures/%' order by g.document_id, g.position limit 1").get() as { doc: number; position: number; page: number; snippet: string; goal_ref: string; path: string },
    );
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${readOnly.url}/documents`);
    await page.click(`#documents a[href="/documents/${goal.doc}"]`);
    await page.click(`.fact-link[data-fact="goal-${goal.position}"]`);
    const record = page.locator(`#rec-goal-${goal.position}`);
    await expect(record.isVisible()).resolves.toBe(true);
    await expect(record.locator('h3').textContent()).resolves.toBe(`Mål ${goal.goal_ref}`);
    const marks = page.locator(`#page-${goal.page} mark.active`);
    expect(await marks.count()).toBeGreaterThan(0);
    const marked = (await marks.allTextContents()).join('');
    expect(marked).toBe(goal.snippet);
    await expect(marks.first().isVisible()).resolves.toBe(true);
    await page.locator(`.pdf-view[data-page="${goal.page}"][data-drawn="true"] canvas`).waitFor({ timeout: 20_000 });
    await shot(page, 'document-goal');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a budget table cell with its row and column', async () => {
    const t = sqlite((d) =>
      d.prepare("select t.document_id as doc, t.position, r.label, r.cell_values, t.columns from budget_tables t join budget_rows r on r.budget_table_id = t.id where r.is_total = 0 order by t.document_id, t.position, r.position limit 1").get() as { doc: number; position: number; label: string; cell_values: string; columns: string },
    );
    const column = (JSON.parse(t.columns) as string[])[0];
    const page = await browser.newPage();
    await page.goto(`${readOnly.url}/documents/${t.doc}`);
    await page.click(`.fact-link[data-fact="table-${t.position}"]`);
    const record = page.locator(`#rec-table-${t.position}`);
    await record.locator('td.cell').first().click();
    const info = await record.locator('.cell-info').textContent();
    expect(info).toContain(`Række: ${t.label}`);
    expect(info).toContain(`Kolonne: ${column}`);
    await shot(page, 'document-table');
    await page.close();
  });

  it('links each warning to its page', async () => {
    const w = sqlite((d) => d.prepare('select document_id as doc, page from warnings where page is not null limit 1').get() as { doc: number; page: number });
    const page = await browser.newPage();
    await page.goto(`${readOnly.url}/documents/${w.doc}`);
    await page.locator(`#warnings a[href="#page-${w.page}"]`).first().click();
    expect(new URL(page.url()).hash).toBe(`#page-${w.page}`);
    await page.close();
  });

  it('draws a page from the stored text and positions when the PDF is gone, every value marked where it stood and clickable', async () => {
    rmSync(goalPdf);
    const doc = sqlite((d) => (d.prepare("select id from documents where path like '%maal-referat.pdf'").get() as { id: number }).id);
    const facts = sqlite((d) => [
      ...(d.prepare("select 'goal-' || position as id, page, snippet from goals where document_id = ? order by position").all(doc) as { id: string; page: number; snippet: string }[]),
      ...(d.prepare("select 'pct-' || position as id, page, snippet from percentages where document_id = ? order by position").all(doc) as { id: string; page: number; snippet: string }[]),
    ]);
    expect(facts.length).toBeGreaterThan(0);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${readOnly.url}/documents/${doc}`);
    await expect(page.locator('#no-pdf').textContent()).resolves.toContain('placering');
    expect(await page.locator('.pdf-view').count()).toBe(0);
    const drawn = page.locator('#page-1 .drawn-page[data-drawn="true"]');
    await drawn.waitFor();
    // Each line of the PDF is a run of its own, placed from the stored positions: left edges
    // at the PDF's margin, one line below the other in the PDF's order.
    const runs = drawn.locator('.run');
    expect(await runs.count()).toBeGreaterThanOrEqual(GOAL_LINES.length);
    const pageBox = await drawn.boundingBox();
    const boxes = await Promise.all((await runs.all()).map((r) => r.boundingBox()));
    const lefts = boxes.map((b) => Math.round(((b?.x ?? 0) - (pageBox?.x ?? 0)) / (pageBox?.width ?? 1) * 595));
    expect(new Set(lefts).size).toBe(1);
    expect(Math.abs((lefts[0] ?? 0) - 72)).toBeLessThan(3);
    const tops = boxes.map((b) => b?.y ?? 0);
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    expect(new Set(tops).size).toBe(tops.length);
    const squash = (s: string) => s.replace(/\s+/g, '');
    expect(squash((await runs.allTextContents()).join(''))).toBe(squash(GOAL_LINES.join('')));
    for (const fact of facts) {
      await page.click(`.fact-link[data-fact="${fact.id}"]`);
      const marks = page.locator(`#page-${fact.page} .drawn-page mark.active`);
      expect(squash((await marks.allTextContents()).join('')), fact.id).toBe(squash(fact.snippet));
      await expect(page.locator(`#rec-${fact.id}`).isVisible()).resolves.toBe(true);
    }
    // A click on a value in the drawn page opens its record.
    const last = facts[facts.length - 1] as { id: string };
    await page.click(`.fact-link[data-fact="${(facts[0] as { id: string }).id}"]`);
    await page.locator(`.drawn-page mark.fact[data-facts~="${last.id}"]`).last().click();
    await page.locator(`body[data-active-fact="${last.id}"]`).waitFor();
    await expect(page.locator(`#rec-${last.id}`).isVisible()).resolves.toBe(true);
    await shot(page, 'document-drawn');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows hostile text as text: no script runs, no element is injected; pages come from the stored text when the PDF is gone', async () => {
    rmSync(hostilePdf);
    const doc = sqlite((d) => (d.prepare("select id from documents where path like '%hostile-referat.pdf'").get() as { id: number }).id);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dl) => {
      dialogs.push(dl.message());
      void dl.dismiss();
    });
    const response = await page.goto(`${readOnly.url}/documents/${doc}`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const text = await page.locator('#page-1 pre.page-text').textContent();
    expect(text).toContain('<script>window.__xss = 1</script>');
    expect(text).toContain('"><img src=x onerror="window.__xss = 2">');
    const drawnText = (await page.locator('#page-1 .drawn-page .run').allTextContents()).join(' ');
    expect(drawnText).toContain('<script>window.__xss');
    expect(drawnText).toContain('onerror="window.__xss = 2">');
    expect(await page.locator('#page-1 img, #page-1 script, .pages script').count()).toBe(0);
    expect(await page.locator('.pdf-view').count()).toBe(0);
    await page.goto(`${readOnly.url}/documents`);
    await page.waitForTimeout(300);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    await page.goto(`${readOnly.url}/documents/${doc}`);
    await page.waitForTimeout(300);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(dialogs).toEqual([]);
    await shot(page, 'document-hostile');
    await page.close();
  });
});

describe('minutes serve: goals and compare', () => {
  it('shows goal attainment per municipality and year; a count opens the goals behind it', async () => {
    const cli = runCli(['goals', '--db', db, '--format', 'json']);
    const rows = JSON.parse(cli.stdout) as { municipality: string; year: number; met: number }[];
    const row = rows.find((r) => r.met > 0);
    expect(row).toBeDefined();
    const page = await browser.newPage();
    await page.goto(`${readOnly.url}/goals`);
    await shot(page, 'goals');
    const tr = page.locator('#attainment tbody tr', { hasText: row?.municipality ?? '' }).filter({ hasText: String(row?.year) });
    await tr.locator('a[href*="status=met"]').first().click();
    expect(await page.locator('#goal-list tbody tr').count()).toBe(row?.met);
    expect(await page.locator('#goal-list tbody td:nth-child(3)').allTextContents()).toEqual(new Array(row?.met).fill('met'));
    await page.locator('#goal-list tbody a').first().click();
    await page.locator('body[data-active-fact^="goal-"]').waitFor(); // a selector: the CSP forbids the eval waitForFunction polls with
    await page.close();
  });

  it('draws one series per municipality with the national reference line; the table links each source; CSV is the CLI\'s', async () => {
    const indicator = 'langtidsledighed';
    const cli = runCli(['compare', '--indicator', indicator, '--db', db, '--format', 'json']);
    const rows = JSON.parse(cli.stdout) as { municipality: string | null }[];
    const municipalities = [...new Set(rows.map((r) => r.municipality ?? '(ukendt)'))].sort((a, b) => a.localeCompare(b, 'da'));
    expect(municipalities.length).toBeGreaterThan(2);
    const page = await browser.newPage();
    await page.goto(`${readOnly.url}/compare`);
    await page.selectOption('select[name=indicator]', indicator);
    await page.click('form.filters button[type=submit]');
    await page.locator('#chart[data-drawn="true"]').waitFor();
    const labels = await page.locator('#chart .u-legend .u-series .u-label').allTextContents();
    expect(labels.slice(1, municipalities.length + 1)).toEqual(municipalities);
    expect(labels).toContain('Landstal');
    const withTargets = [...new Set((rows as { municipality: string | null; target_value: number | null; unit: string | null }[]).filter((r) => r.target_value !== null).map((r) => r.municipality))];
    expect(withTargets.length).toBeGreaterThan(0);
    expect(labels.filter((l) => l.startsWith('Mål ')).length).toBeGreaterThan(0); // targets marked
    // Every municipality with a figure in the chart's unit is drawn: shown alone, its colour is on the canvas.
    // Browser code as text: the test compiles without the DOM library.
    const drawn = (await page.evaluate(`(async () => {
      const chart = window.minutesChart;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const out = [];
      for (let i = 1; i < chart.series.length; i++) {
        for (let j = 1; j < chart.series.length; j++) chart.setSeries(j, { show: j === i });
        await frame();
        const { width, height } = chart.ctx.canvas;
        const pixels = chart.ctx.getImageData(0, 0, width, height).data;
        const hex = String(typeof chart.series[i].stroke === 'function' ? chart.series[i].stroke() : chart.series[i].stroke);
        const [r, g, b] = [1, 3, 5].map((o) => parseInt(hex.slice(o, o + 2), 16));
        let found = false;
        for (let p = 0; p < pixels.length && !found; p += 4) found = pixels[p] === r && pixels[p + 1] === g && pixels[p + 2] === b;
        out.push({ label: chart.series[i].label, hasData: chart.data[i].some((v) => v != null), onCanvas: found });
      }
      for (let j = 1; j < chart.series.length; j++) chart.setSeries(j, { show: true });
      return out;
    })()`)) as { label: string; hasData: boolean; onCanvas: boolean }[];
    const lines = drawn.slice(0, municipalities.length);
    expect(lines.filter((l) => l.hasData).length).toBeGreaterThan(2);
    expect(lines.every((l) => l.onCanvas === l.hasData), JSON.stringify(lines)).toBe(true);
    expect(await page.locator('#compare-table tbody tr').count()).toBe(rows.length);
    await shot(page, 'compare');
    const csv = await (await fetch(`${readOnly.url}/compare.csv?indicator=${indicator}`)).text();
    expect(csv).toBe(runCli(['compare', '--indicator', indicator, '--db', db, '--format', 'csv']).stdout);
    await page.locator('#compare-table a.source').first().click();
    await page.locator('body[data-active-fact]').waitFor();
    expect(await page.locator('mark.active').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('minutes serve: review', () => {
  it('refuses edits without --allow-edits, from another origin, or without the token', async () => {
    expect(readOnly.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/); // this machine only, by default
    const doc = sqlite((d) => (d.prepare('select document_id as doc from goals limit 1').get() as { doc: number }).doc);
    const body = new URLSearchParams({ document: String(doc), kind: 'goal', position: '0', action: 'wrong' });
    const post = (url: string, headers: Record<string, string>) => fetch(`${url}/corrections`, { method: 'POST', body, headers, redirect: 'manual' });
    expect((await post(readOnly.url, { origin: readOnly.url })).status).toBe(403);
    expect((await post(editing.url, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(editing.url, { origin: editing.url })).status).toBe(403); // no token
    expect((await fetch(`${readOnly.url}/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${readOnly.url}/documents/..%2F..%2Fetc%2Fpasswd/pdf`)).status).toBe(404);
    expect(sqlite((d) => (d.prepare('select count(*) as n from corrections').get() as { n: number }).n)).toBe(0);
  });

  it('a correction made in the browser is shown as corrected, applied by export, survives reprocess, and is reported once it no longer matches', { timeout: 180_000 }, async () => {
    const redis = process.env['REDIS_URL'];
    if (!redis) throw new Error('REDIS_URL is not set: run under `node scripts/with-redis.mjs npx vitest run test/serve` (npm test does)');
    const goal = sqlite((d) =>
      d.prepare("select g.id, g.document_id as doc, g.position, g.status, g.page, g.start_offset as start, d.sha256 from goals g join documents d on d.id = g.document_id where g.has_target = 1 and g.target_value is not null and d.path like 'fixtures/%' order by g.document_id, g.position limit 1").get() as { id: number; doc: number; position: number; status: string; page: number; start: number; sha256: string },
    );
    const newStatus = goal.status === 'met' ? 'not_met' : 'met';
    const page = await browser.newPage();
    await page.goto(`${editing.url}/documents/${goal.doc}`);
    await page.click(`.fact-link[data-fact="goal-${goal.position}"]`);
    const form = page.locator(`#rec-goal-${goal.position} form.correct[data-kind="goal"]`);
    await form.locator('input[name=value]').fill('55,5');
    await form.locator('select[name=status]').selectOption(newStatus);
    await form.locator('input[name=author]').fill('Testperson');
    await Promise.all([page.waitForURL(/#at-/), form.locator('button[value=correct]').click()]);
    const record = page.locator(`#rec-goal-${goal.position}`);
    await expect(record.isVisible()).resolves.toBe(true);
    await expect(record.locator('.target ins').textContent()).resolves.toBe('55,5');
    await expect(record.locator('.status ins').textContent()).resolves.toBe(newStatus);
    await expect(record.locator('.history').textContent()).resolves.toContain('Testperson');
    await shot(page, 'document-corrected');

    const exported = (flag: string[] = []) => {
      const out = runCli(['export', '--what', 'goals', '--format', 'jsonl', '--db', db, ...flag]);
      expect(out.status, out.stderr).toBe(0);
      const records = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      return records.find((r) => r['sha256'] === goal.sha256 && r['page'] === goal.page && r['start'] === goal.start);
    };
    expect(exported()).toMatchObject({ target_value: 55.5, status: newStatus });
    expect(exported(['--corrected'])).toMatchObject({ target_value: 55.5, status: newStatus });
    expect(exported(['--as-extracted'])).toMatchObject({ status: goal.status });
    expect(exported(['--as-extracted'])?.['target_value']).not.toBe(55.5);

    // A percentage marked wrong is left out of the corrected export, kept in the extracted one.
    const pct = sqlite((d) => d.prepare('select position, page, start_offset as start from percentages where document_id = ? order by position limit 1').get(goal.doc) as { position: number; page: number; start: number });
    await page.click(`.fact-link[data-fact="pct-${pct.position}"]`);
    await Promise.all([page.waitForURL(`**/documents/${goal.doc}#at-${pct.page}-${pct.start}-*`), page.locator(`#rec-pct-${pct.position} form.correct button[value=wrong]`).click()]);
    await expect(page.locator(`#rec-pct-${pct.position} .corrected-note`).textContent()).resolves.toContain('Markeret forkert af testreviewer');
    const percentages = (flag: string[] = []) =>
      runCli(['export', '--what', 'percentages', '--format', 'jsonl', '--db', db, ...flag]).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((r) => r['sha256'] === goal.sha256 && r['page'] === pct.page && r['start'] === pct.start);
    expect(percentages()).toHaveLength(0);
    expect(percentages(['--as-extracted'])).toHaveLength(1);

    // Reprocess: every document re-extracted by a worker from cached pages (facts deleted and rewritten).
    const redisUrl = redisUrlForDb(13);
    await flushRedis(redisUrl);
    sqlite((d) => d.prepare("update documents set extractor_version = '0.0.1' where status = 'ok'").run());
    const env = { REDIS_URL: redisUrl, DATABASE_URL: '' };
    const reprocess = runCli(['reprocess', '--db', db], { env });
    expect(reprocess.status, reprocess.stderr).toBe(0);
    const worker = spawnWorker(['--queues', 'extract', '--db', db], env, join(dir, 'worker.log'));
    try {
      await waitFor(() => sqlite((d) => (d.prepare("select count(*) as n from documents where extractor_version = '0.0.1'").get() as { n: number }).n === 0), 120_000, 'documents re-extracted', 500, () => worker.log());
    } finally {
      await stopWorker(worker);
    }
    const newGoalId = sqlite((d) => (d.prepare('select id from goals where document_id = ? and position = ?').get(goal.doc, goal.position) as { id: number }).id);
    expect(newGoalId).not.toBe(goal.id); // the fact rows were rewritten
    expect(exported()).toMatchObject({ target_value: 55.5, status: newStatus });
    await page.goto(`${editing.url}/documents/${goal.doc}#at-0-0-0`);
    await page.click(`.fact-link[data-fact="goal-${goal.position}"]`);
    await expect(page.locator(`#rec-goal-${goal.position} .target ins`).textContent()).resolves.toBe('55,5');

    // A re-extraction that reads the goal differently: the correction no longer applies and is reported.
    sqlite((d) => d.prepare("update goals set snippet = snippet || ' ' where document_id = ? and position = ?").run(goal.doc, goal.position));
    expect(exported()).toMatchObject({ status: goal.status });
    await page.goto(`${editing.url}/corrections`);
    await expect(page.locator('#corrections tbody tr.stale').count()).resolves.toBe(1);
    await shot(page, 'corrections');
    await page.goto(`${editing.url}/documents/${goal.doc}`);
    await expect(page.locator('#stale li').count()).resolves.toBe(1);
    await page.close();
    const again = await startServe(['--db', db]);
    try {
      await waitFor(() => again.output().includes('1 corrections no longer match their values'), 20_000, 'the stale correction reported at start', 100, () => again.output());
    } finally {
      await again.stop();
    }
  });
});
