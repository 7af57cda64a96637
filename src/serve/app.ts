// The workbench's routes over one store. Read-only unless `allowEdits`; every response carries
// the Content-Security-Policy; the only files served are the listed assets and a document's own
// PDF (found by its recorded paths and sha256).
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { readAsset } from './assets.js';
import { CompareRows, chartData } from './compare-data.js';
import { compareCsv, comparePage } from './compare-page.js';
import { correctionsPage, postCorrection } from './corrections-routes.js';
import { loadDocumentData } from './document-data.js';
import { readFilter } from './document-filters.js';
import { documentPage } from './document-page.js';
import { documentsPage } from './documents-page.js';
import { goalListPage, goalsPage } from './goals-page.js';
import { findPdfFile } from './pdf-file.js';
import { newCsrfToken, sameOrigin, sameToken, securityHeaders } from './security.js';

export interface ServeAppOptions {
  /** Allow corrections (POST /corrections). Default false: read-only. */
  allowEdits?: boolean;
  /** Recorded as a correction's author when the form names none. */
  user?: string;
}

const ID = /^[1-9]\d{0,9}$/;

export function createServeApp(db: Kysely<Database>, options: ServeAppOptions = {}): Hono {
  const allowEdits = options.allowEdits ?? false;
  const csrf = newCsrfToken();
  const compare = new CompareRows(db);
  const app = new Hono();
  app.use('*', securityHeaders());

  app.get('/', (c) => c.redirect('/documents'));

  app.get('/assets/:name', async (c) => {
    const asset = await readAsset(c.req.param('name'));
    if (!asset) return c.notFound();
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, { 'content-type': asset.type, 'cache-control': 'no-cache' });
  });

  app.get('/documents', async (c) => {
    const page = Number(c.req.query('page') ?? '1');
    return c.html(await documentsPage(db, readFilter(c.req.query()), Number.isInteger(page) ? page : 1, allowEdits));
  });

  app.get('/documents/:id', async (c) => {
    const id = c.req.param('id');
    if (!ID.test(id)) return c.notFound();
    const data = await loadDocumentData(db, Number(id));
    if (!data) return c.notFound();
    const pdf = await findPdfFile(db, data.document);
    return c.html(
      documentPage(data, { pdfUrl: pdf ? `/documents/${id}/pdf` : null, edit: allowEdits ? { csrf, documentId: Number(id) } : null, allowEdits }),
    );
  });

  app.get('/documents/:id/pdf', async (c) => {
    const id = c.req.param('id');
    if (!ID.test(id)) return c.notFound();
    const doc = await db.selectFrom('documents').select(['sha256', 'path', 'bytes']).where('id', '=', Number(id)).where('status', '=', 'ok').executeTakeFirst();
    const file = doc && (await findPdfFile(db, doc));
    if (!file) return c.notFound();
    const stream = Readable.toWeb(createReadStream(file)) as ReadableStream;
    return c.body(stream, 200, { 'content-type': 'application/pdf', 'content-disposition': 'inline' });
  });

  app.get('/goals', async (c) => c.html(await goalsPage(db, allowEdits)));
  app.get('/goals/list', async (c) => c.html(await goalListPage(db, c.req.query(), allowEdits)));

  app.get('/compare', async (c) => {
    const indicator = c.req.query('indicator') || undefined;
    const rows = indicator ? await compare.rows(indicator) : [];
    const page = Number(c.req.query('page') ?? '1');
    return c.html(await comparePage(db, indicator, rows, await compare.counts(), Number.isInteger(page) ? page : 1, allowEdits));
  });
  app.get('/compare/data.json', async (c) => c.json(chartData(await compare.rows(c.req.query('indicator') ?? ''))));
  app.get('/compare.csv', async (c) => {
    const indicator = c.req.query('indicator') ?? '';
    const body = compareCsv(await compare.rows(indicator));
    return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="compare-${indicator.replace(/[^a-z0-9_]/gi, '_')}.csv"` });
  });

  app.get('/corrections', async (c) => c.html(await correctionsPage(db, allowEdits)));
  app.post('/corrections', async (c) => {
    if (!allowEdits) return c.text('edits are off: start the server with --allow-edits', 403);
    if (!sameOrigin(c.req.url, c.req.header('origin'), c.req.header('sec-fetch-site'))) return c.text('cross-origin request refused', 403);
    const body = await c.req.parseBody();
    if (!sameToken(csrf, body['_csrf'])) return c.text('missing or wrong CSRF token', 403);
    const result = await postCorrection(db, body, options.user ?? 'reviewer');
    return result.ok ? c.redirect(result.redirect, 303) : c.text(result.message, result.status);
  });

  app.onError((err, c) => {
    process.stderr.write(`minutes serve: ${c.req.method} ${c.req.path}: ${err.stack ?? String(err)}\n`);
    return c.text('internal error', 500);
  });
  return app;
}
