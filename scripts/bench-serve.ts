// Server time of `minutes serve`'s pages with many documents in the store: the fixtures are
// ingested once, then copied (new sha256, same pages and facts) up to --documents N (default
// 10 000) in a temporary SQLite file. Requests go through the app in process (no network), so
// the times are the server's. The compare page reads the comparison rows the store keeps per
// document: they are rebuilt once after the copies, as `minutes ingest` does at its end
// (refreshMs), then the first request is timed (compareFirstMs), and the first request after one
// document was stored again and corrected (compareAfterChangeMs). Prints JSON, with the load average.
// Usage: node dist/tools/scripts/bench-serve.js [--documents N] [--template FILE]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { refreshCompareRows } from 'minutes/compare/stored-rows';
import { createServeApp } from 'minutes/serve/index';
import { addCorrection } from 'minutes/store/corrections';
import { openStore } from 'minutes/store/index';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const arg = process.argv.indexOf('--documents');
const target = arg > 0 ? Number(process.argv[arg + 1]) : 10_000;
// --template FILE: start from a copy of a store already ingested from the fixtures (skips the ingest).
const templateArg = process.argv.indexOf('--template');
const template = templateArg > 0 ? process.argv[templateArg + 1] : undefined;

/** Child tables copied with each document: [table, columns other than id and document_id]. */
const FACT_TABLES: [string, string][] = [
  ['pages', 'number, text, ocr_confidence, ocr_rotation, layout'],
  ['agenda_items', 'position, page, start_offset, end_offset, snippet, number, title, case_number, decision'],
  ['percentages', 'position, page, start_offset, end_offset, snippet, value, unit, context, scope, raw'],
  ['money_amounts', 'position, page, start_offset, end_offset, snippet, value, currency, context, raw'],
  ['warnings', 'position, code, message, page'],
  ['absent_members', 'position, name'],
];
const GOAL_COLUMNS = 'position, page, start_offset, end_offset, snippet, goal_ref, text, has_target, target_value, target_upper, target_unit, target_comparator, status, status_text, agenda_item, status_basis';

function copyDocuments(file: string, total: number): number {
  const db = new Database(file);
  try {
    const templates = db.prepare("select id from documents where status = 'ok' order by id").all() as { id: number }[];
    const docColumns = 'path, bytes, pages, title, producer, info, extractor_name, extractor_version, status, error_code, error_message, municipality, municipality_code, committee, meeting_date, document_kind, schema_version, status_summary, document, created_at, updated_at';
    const insertDoc = db.prepare(`insert into documents (sha256, ${docColumns}) select ?, ${docColumns.replace('path', "'copy/' || ? || '/' || path")} from documents where id = ?`);
    const goals = db.prepare('select id from goals where document_id = ? order by position');
    const insertGoal = db.prepare(`insert into goals (document_id, ${GOAL_COLUMNS}) select ?, ${GOAL_COLUMNS} from goals where id = ?`);
    const insertActuals = db.prepare('insert into goal_actuals (goal_id, document_id, position, value, unit, scope, page, start_offset, end_offset, snippet) select ?, ?, position, value, unit, scope, page, start_offset, end_offset, snippet from goal_actuals where goal_id = ?');
    const children = FACT_TABLES.map(([t, cols]) => db.prepare(`insert into ${t} (document_id, ${cols}) select ?, ${cols} from ${t} where document_id = ?`));
    let n = templates.length;
    db.transaction(() => {
      for (let i = 0; n < total; i++) {
        const from = (templates[i % templates.length] as { id: number }).id;
        const id = Number(insertDoc.run(createHash('sha256').update(`copy-${i}`).digest('hex'), String(i), from).lastInsertRowid);
        for (const c of children) c.run(id, from);
        for (const g of goals.all(from) as { id: number }[]) {
          const gid = Number(insertGoal.run(id, g.id).lastInsertRowid);
          insertActuals.run(gid, id, g.id);
        }
        n++;
      }
    })();
    return n;
  } finally {
    db.close();
  }
}

async function time(app: ReturnType<typeof createServeApp>, path: string, runs: number): Promise<{ path: string; medianMs: number; maxMs: number; status: number }> {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await app.request(path);
    await res.text();
    times.push(performance.now() - t0);
    status = res.status;
  }
  times.sort((a, b) => a - b);
  const round = (x: number): number => Math.round(x * 10) / 10;
  return { path, medianMs: round(times[Math.floor(times.length / 2)] as number), maxMs: round(times[times.length - 1] as number), status };
}

const dir = mkdtempSync(join(tmpdir(), 'minutes-bench-serve-'));
try {
  const file = join(dir, 'minutes.db');
  if (template) copyFileSync(template, file);
  else {
    const ingest = spawnSync(process.execPath, [join(repoRoot, 'dist/cli/main.js'), 'ingest', 'fixtures', '--db', file, '--out', join(dir, 'json')], { cwd: repoRoot, encoding: 'utf8' });
    if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
  }
  const documents = copyDocuments(file, target);
  const store = await openStore({ sqliteFile: file });
  try {
    const app = createServeApp(store.db);
    const doc = (await store.db.selectFrom('goals').select('document_id').orderBy('document_id', 'desc').executeTakeFirstOrThrow()).document_id;
    const since = (t0: number): number => Math.round(performance.now() - t0);
    let t0 = performance.now();
    const rebuilt = await refreshCompareRows(store.db);
    const refreshMs = since(t0);
    t0 = performance.now();
    await (await app.request('/compare?indicator=langtidsledighed')).text();
    const compareFirstMs = since(t0);
    // One document stored again (a new updated_at) and one of its goals corrected: the next request rebuilds that document only.
    const goal = await store.db.selectFrom('goals as g').innerJoin('documents as d', 'd.id', 'g.document_id').select(['d.sha256', 'g.page', 'g.start_offset', 'g.end_offset', 'g.snippet']).where('g.document_id', '=', doc).executeTakeFirstOrThrow();
    await store.db.updateTable('documents').set({ updated_at: new Date().toISOString() }).where('id', '=', doc).execute();
    await addCorrection(store.db, { sha256: goal.sha256, kind: 'goal', item: 0, page: goal.page, start: goal.start_offset, end: goal.end_offset, snippet: goal.snippet, action: 'wrong', oldValue: {}, newValue: null, author: 'bench' });
    t0 = performance.now();
    await (await app.request('/compare?indicator=langtidsledighed')).text();
    const compareAfterChangeMs = since(t0);
    const results = [
      await time(app, `/documents/${doc}`, 20),
      await time(app, '/compare?indicator=langtidsledighed', 20),
      await time(app, '/documents', 10),
      await time(app, '/documents?page=150&warnings=yes', 10),
    ];
    const budgetMs = 200;
    process.stdout.write(
      `${JSON.stringify({ documents, loadAverage: loadavg().map((x) => Math.round(x * 100) / 100), refreshMs, rebuilt, compareFirstMs, compareAfterChangeMs, budgetMs, pages: results, withinBudget: results.slice(0, 2).every((r) => r.medianMs < budgetMs) }, null, 2)}\n`,
    );
  } finally {
    await store.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
