// A job scheduler with a short repeat runs two configured sources — a watched
// folder and an HTTP index page on a local server — and each run picks up what
// is new there (a file added, a link added) and nothing else.
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMinutesPdf } from './support/make-pdfs.js';
import { INDEX_PATH, startIndexServer, type IndexServer } from './support/index-server.js';
import { flushRedis, hasRedis, isBuilt, jobCounts, readStoreRows, redisUrlForDb, runCli, spawnWorker, stopWorker, totalJobs, waitFor, type Spawned } from './support/harness.js';

describe.skipIf(!hasRedis || !isBuilt)('queue mode: scheduled source runs', () => {
  const redisUrl = redisUrlForDb(3);
  const env = { REDIS_URL: redisUrl, DATABASE_URL: '' };
  let dir: string;
  let server: IndexServer;
  let worker: Spawned | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-queue-sched-'));
    await flushRedis(redisUrl);
    server = await startIndexServer();
  });
  afterAll(async () => {
    if (worker) await stopWorker(worker, 'SIGKILL');
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('picks up a new file and a new link, and nothing else', { timeout: 120_000 }, async () => {
    const inbox = join(dir, 'inbox');
    const downloads = join(dir, 'downloads');
    const scratch = join(dir, 'scratch');
    mkdirSync(inbox);
    mkdirSync(scratch);
    await renderMinutesPdf(join(inbox, 'referat-jan.pdf'), 7001);
    await renderMinutesPdf(join(inbox, 'referat-feb.pdf'), 7002);
    const servePdf = async (path: string, serial: number): Promise<void> => {
      const file = join(scratch, `served-${serial}.pdf`);
      await renderMinutesPdf(file, serial);
      server.files.set(path, readFileSync(file));
    };
    await servePdf('/docs/dagsorden-1.pdf', 7101);
    await servePdf('/docs/dagsorden-2.pdf', 7102);
    // Its decoded path climbs out of any folder; the download must still land in `downloads`.
    await servePdf('/docs/..%2F..%2Fescape.pdf', 7103);
    await servePdf('/docs/unlisted.pdf', 7104);
    const links = [
      '<a href="dagsorden-1.pdf">Dagsorden 1</a>',
      `<a href='${server.baseUrl}/docs/dagsorden-2.pdf#side=2'>Dagsorden 2</a>`,
      '<a href="/docs/..%2F..%2Fescape.pdf">Mærkelig</a>',
      '<a href="ftp://127.0.0.1/docs/ftp.pdf">FTP</a>',
      '<a href="javascript:alert(1)">script</a>',
      '<a href="/docs/om-udvalget.html">Om udvalget</a>',
    ];
    const page = (extra: string[]): string => `<!doctype html><html><body><h1>Referater</h1>${[...links, ...extra].join('\n')}</body></html>`;
    server.setIndex(page([]));

    const config = join(dir, 'minutes.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        sources: {
          inbox: { kind: 'directory', path: 'inbox' },
          web: { kind: 'http-index', url: `${server.baseUrl}${INDEX_PATH}`, downloadDir: 'downloads', perHostIntervalMs: 20, concurrency: 2 },
        },
      }),
    );
    const db = join(dir, 'minutes.db');
    const diagnose = (): string => `worker log:\n${worker?.log() ?? ''}\nrequests: ${JSON.stringify(server.requests)}`;
    // Through the CLI this time (`minutes worker`), the other tests use workers/worker.js.
    worker = spawnWorker(['--db', db, '--config', config, '--queues', 'parse,extract,sources'], env, join(dir, 'worker.log'), 'cli');

    for (const [name, source] of [['inbox-hourly', 'inbox'], ['web-hourly', 'web']] as const) {
      const add = await runCli(['schedule', 'add', name, '--every', '1000', '--source', source, '--config', config], env);
      expect(add.code, add.stderr).toBe(0);
    }
    // Upserting again changes nothing: still two schedules.
    expect((await runCli(['schedule', 'add', 'web-hourly', '--every', '1000', '--source', 'web', '--config', config], env)).code).toBe(0);
    const unknown = await runCli(['schedule', 'add', 'x', '--every', '1000', '--source', 'nope', '--config', config], env);
    expect(unknown.code).not.toBe(0);
    const listed = await runCli(['schedule', 'list'], env);
    expect(listed.stdout.trim().split('\n').sort()).toEqual([expect.stringMatching(/^inbox-hourly\tsource inbox\tevery 1000 ms/), expect.stringMatching(/^web-hourly\tsource web\tevery 1000 ms/)]);

    await waitFor(() => readStoreRows(db).ok.length === 5, 60_000, 'the first 5 documents', 500, diagnose);

    // Something new in each source: a file dropped into the folder (atomically), a link on the page.
    await renderMinutesPdf(join(scratch, 'referat-mar.pdf'), 7003);
    renameSync(join(scratch, 'referat-mar.pdf'), join(inbox, 'referat-mar.pdf'));
    await servePdf('/docs/dagsorden-3.pdf', 7105);
    server.setIndex(page(['<a href="dagsorden-3.pdf">Dagsorden 3</a>']));
    await waitFor(() => readStoreRows(db).ok.length === 7, 30_000, 'the 2 new documents', 500, diagnose);
    const indexRequestsBefore = server.requests.filter((r) => r.path === INDEX_PATH).length;
    await waitFor(() => server.requests.filter((r) => r.path === INDEX_PATH).length >= indexRequestsBefore + 3, 15_000, 'three more runs');

    const rows = readStoreRows(db);
    expect(rows.ok).toHaveLength(7);
    expect(rows.failed).toEqual([]);
    expect(totalJobs(await jobCounts(redisUrl, 'parse'))).toBe(7);
    expect(rows.ok.map((r) => r.path).filter((p) => p.startsWith(inbox)).sort()).toEqual(['referat-feb.pdf', 'referat-jan.pdf', 'referat-mar.pdf'].map((f) => join(inbox, f)));

    // Each listed PDF was downloaded once; unlisted, non-PDF and non-http links never.
    const pdfGets = server.requests.filter((r) => r.path.endsWith('.pdf')).map((r) => r.path).sort();
    expect(pdfGets).toEqual(['/docs/..%2F..%2Fescape.pdf', '/docs/dagsorden-1.pdf', '/docs/dagsorden-2.pdf', '/docs/dagsorden-3.pdf']);
    expect(server.requests.some((r) => r.path.includes('om-udvalget') || r.path.includes('unlisted'))).toBe(false);
    // Unchanged index pages were answered 304 (conditional GET).
    expect(server.requests.filter((r) => r.path === INDEX_PATH && r.status === 304).length).toBeGreaterThanOrEqual(3);

    // Downloads only inside the download folder, named <sha256 prefix>-<sanitised name>.pdf.
    const saved = readdirSync(downloads).sort();
    expect(saved).toHaveLength(4);
    for (const name of saved) expect(name).toMatch(/^[0-9a-f]{16}-[^/\\]+\.pdf$/);
    expect(saved.some((n) => n.endsWith('-escape.pdf'))).toBe(true);
    expect(readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.pdf'))).toEqual([]);
    expect(readdirSync(downloads).some((n) => n.startsWith('.partial-'))).toBe(false);

    expect((await runCli(['schedule', 'remove', 'inbox-hourly'], env)).code).toBe(0);
    expect((await runCli(['schedule', 'list'], env)).stdout).not.toContain('inbox-hourly');
    expect((await runCli(['schedule', 'remove', 'inbox-hourly'], env)).code).toBe(1);
    await stopWorker(worker, 'SIGTERM');
    expect(worker.child.exitCode).toBe(0);
  });
});
