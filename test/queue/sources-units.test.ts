// The pieces of the sources and job naming, on real inputs (a local HTTP server,
// real files), without Redis.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/queue/sources/html-links.js';
import { HostRateLimit, mapLimited } from '../../src/queue/sources/host-rate-limit.js';
import { DownloadError, fetchToFile } from '../../src/queue/sources/http-download.js';
import { loadConfig } from '../../src/queue/sources/config-file.js';
import { extractJobId, parseJobId, reprocessJobId } from '../../src/queue/job-ids.js';
import { compareVersions } from '../../src/queue/maintenance.js';
import { splitFailure, unrecoverable } from '../../src/queue/unrecoverable.js';

describe('extractLinks', () => {
  it('resolves hrefs against the page, keeps http(s) only, drops fragments and repeats', () => {
    const html = `
      <p>Referater fra <a class="doc" href="2025/referat-marts.pdf">marts</a>,
      <A HREF='/arkiv/referat&amp;bilag.pdf'>bilag</A>, <a href=dagsorden.pdf#side3>dagsorden</a>
      <a href="dagsorden.pdf">igen</a> <a href="mailto:udvalg@kommune.dk">skriv</a>
      <a href="javascript:void(0)">x</a> <a href="file:///etc/passwd">fil</a> <a href="ftp://k.dk/a.pdf">ftp</a>
      <a href="https://andet.dk/%C3%B8konomi.pdf">økonomi</a> <a name="anker">uden href</a></p>`;
    const links = extractLinks(html, 'http://kommune.dk/politik/index.html').map((u) => u.href);
    expect(links).toEqual([
      'http://kommune.dk/politik/2025/referat-marts.pdf',
      'http://kommune.dk/arkiv/referat&bilag.pdf',
      'http://kommune.dk/politik/dagsorden.pdf',
      'https://andet.dk/%C3%B8konomi.pdf',
    ]);
  });

  it('resolves every link against <base href> (itself relative to the page), wherever the base element stands', () => {
    const html = `<html><head><title>Referater</title>
      <BASE target="_blank"><base href="../arkiv/2025/"><base href="/ignored/">
      </head><body><a href="referat.pdf">r</a> <a href="/rod.pdf">rod</a> <a href="//cdn.kommune.dk/x.pdf">cdn</a></body></html>`;
    expect(extractLinks(html, 'https://kommune.dk/politik/udvalg/index.html').map((u) => u.href)).toEqual([
      'https://kommune.dk/politik/arkiv/2025/referat.pdf',
      'https://kommune.dk/rod.pdf',
      'https://cdn.kommune.dk/x.pdf',
    ]);
  });

  it('decodes every entity in an href and takes no link from comments, scripts or attribute text', () => {
    const html = `
      <!-- <a href="gammel.pdf">fjernet</a> -->
      <script>document.write('<a href="script.pdf">')</script>
      <img alt='<a href="alt.pdf">'>
      <a href="dagsorden&#47;punkt&#x2D;3.pdf?a=1&amp;b=2&#38;c=3">punkt 3</a>
      <a href="&#x62;ilag&nbsp;1.pdf">bilag</a>
      <map><area shape="rect" coords="0,0,1,1" href="kort.pdf"></map>
      <a href=" ">tom</a>`;
    expect(extractLinks(html, 'http://kommune.dk/').map((u) => u.href)).toEqual([
      'http://kommune.dk/dagsorden/punkt-3.pdf?a=1&b=2&c=3',
      'http://kommune.dk/bilag%C2%A01.pdf',
      'http://kommune.dk/kort.pdf',
    ]);
  });
});

describe('HostRateLimit and mapLimited', () => {
  it('spaces requests to one host but not across hosts', async () => {
    const limit = new HostRateLimit(80);
    const started: Record<string, number[]> = { a: [], b: [] };
    const t0 = Date.now();
    await Promise.all(
      ['a', 'a', 'a', 'b'].map(async (host) => {
        await limit.wait(new URL(`http://${host}.example/x.pdf`));
        started[host]?.push(Date.now() - t0);
      }),
    );
    // Start times count from before the first call, so a busy machine can only make them later.
    const a = started['a'] as number[];
    expect(a[1]).toBeGreaterThanOrEqual(78);
    expect(a[2]).toBeGreaterThanOrEqual(158);
    // The other host did not queue behind the first one.
    expect(started['b']![0]).toBeLessThan(a[1]!);
  });

  it('never runs more than the limit at once and keeps the input order', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimited([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n * 5));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});

describe('fetchToFile', () => {
  let server: Server;
  let base: string;
  let dir: string;
  const body = Buffer.from('%PDF-1.4 lille fil\n%%EOF\n');
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-download-'));
    server = createServer((req, res) => {
      if (req.url === '/ok.pdf') {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        return void res.writeHead(200, { etag: '"v1"', 'content-length': String(body.length) }).end(body);
      }
      if (req.url === '/declared-big.pdf') return void res.writeHead(200, { 'content-length': String(10_000) }).end(Buffer.alloc(10_000));
      if (req.url === '/chunked-big.pdf') {
        res.writeHead(200); // no content-length: the limit must hold while streaming
        for (let i = 0; i < 20; i++) res.write(Buffer.alloc(1000));
        return void res.end();
      }
      if (req.url === '/to-ftp') return void res.writeHead(302, { location: 'ftp://127.0.0.1/x.pdf' }).end();
      if (req.url === '/to-passwd') return void res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      if (req.url === '/loop-a') return void res.writeHead(301, { location: '/loop-b' }).end();
      if (req.url === '/loop-b') return void res.writeHead(307, { location: '/loop-a' }).end();
      if (req.url === '/hop') return void res.writeHead(302, { location: '/ok.pdf' }).end();
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });
  const limits = { timeoutMs: 5000, maxBytes: 5000, userAgent: 'minutes-test' };

  it('streams into the folder with its sha256, then answers 304 to its own ETag', async () => {
    const got = await fetchToFile(new URL(`${base}/ok.pdf`), {}, limits, dir);
    expect(got.status).toBe('ok');
    if (got.status !== 'ok') return;
    expect(got.bytes).toBe(body.length);
    expect(got.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(got.validators.etag).toBe('"v1"');
    expect(got.tmpFile.startsWith(dir)).toBe(true);
    expect((await fetchToFile(new URL(`${base}/ok.pdf`), got.validators, limits, dir)).status).toBe('not_modified');
  });

  it('refuses bodies over the limit, declared or streamed, and leaves no partial file', async () => {
    const before = readdirSync(dir).length;
    await expect(fetchToFile(new URL(`${base}/declared-big.pdf`), {}, limits, dir)).rejects.toThrow(/declared, more than the limit/);
    await expect(fetchToFile(new URL(`${base}/chunked-big.pdf`), {}, limits, dir)).rejects.toThrow(/more than 5000 bytes/);
    expect(readdirSync(dir).length).toBe(before);
  });

  it('fetches only http(s)', async () => {
    await expect(fetchToFile(new URL('file:///etc/hostname'), {}, limits, dir)).rejects.toBeInstanceOf(DownloadError);
    await expect(fetchToFile(new URL(`${base}/to-ftp`), {}, limits, dir)).rejects.toThrow();
  });

  it('names why a fetch failed: a redirect to file:, a redirect loop, a refused connection', async () => {
    await expect(fetchToFile(new URL(`${base}/to-passwd`), {}, limits, dir)).rejects.toThrow(/: redirect refused: file: scheme$/);
    await expect(fetchToFile(new URL(`${base}/loop-a`), {}, limits, dir)).rejects.toThrow(/: redirect loop \(back to .*\/loop-a\)$/);
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    await expect(fetchToFile(new URL(`http://127.0.0.1:${closed}/x.pdf`), {}, limits, dir)).rejects.toThrow(/: connection refused$/);
    const followed = await fetchToFile(new URL(`${base}/hop`), {}, limits, dir);
    expect(followed).toMatchObject({ status: 'ok', finalUrl: `${base}/ok.pdf` });
  });
});

describe('loadConfig', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('validates, fills defaults and resolves paths against the config file', async () => {
    const file = join(dir, 'minutes.config.json');
    writeFileSync(file, JSON.stringify({ sources: { arkiv: { kind: 'directory', path: 'pdf' }, web: { kind: 'http-index', url: 'https://kommune.dk/referater', downloadDir: 'hentet' } } }));
    const config = await loadConfig(file);
    expect(config.sources['arkiv']).toEqual({ kind: 'directory', path: join(dir, 'pdf') });
    expect(config.sources['web']).toMatchObject({ downloadDir: join(dir, 'hentet'), concurrency: 4, maxBytes: 100 * 1024 * 1024, linkPattern: '\\.pdf$' });
  });

  it('rejects non-http index URLs, bad names and unknown kinds with the path of the problem', async () => {
    const file = join(dir, 'bad.config.json');
    writeFileSync(file, JSON.stringify({ sources: { web: { kind: 'http-index', url: 'file:///etc', downloadDir: 'x' } } }));
    await expect(loadConfig(file)).rejects.toThrow(/sources\.web\.url/);
    writeFileSync(file, JSON.stringify({ sources: { 'a:b': { kind: 'directory', path: 'x' } } }));
    await expect(loadConfig(file)).rejects.toThrow(/not a valid minutes config/);
    writeFileSync(file, JSON.stringify({ sources: { ftp: { kind: 'ftp', path: 'x' } } }));
    await expect(loadConfig(file)).rejects.toThrow(/sources\.ftp/);
  });

  it('compiles a linkPattern when the config is read: "(" fails validation', async () => {
    const file = join(dir, 'pattern.config.json');
    writeFileSync(file, JSON.stringify({ sources: { web: { kind: 'http-index', url: 'https://kommune.dk/', downloadDir: 'x', linkPattern: '(' } } }));
    await expect(loadConfig(file)).rejects.toThrow(/sources\.web\.linkPattern: not a valid regular expression/);
  });
});

describe('job ids and failure codes', () => {
  const sha = 'ab'.repeat(32);
  it('derives ids BullMQ accepts: no ":" and never an integer', () => {
    for (const id of [parseJobId(sha), extractJobId(sha, '1.2.3'), extractJobId(sha, 'v:1'), reprocessJobId(sha, '0.9.0', '1.0.0')]) {
      expect(id).not.toContain(':');
      expect(Number.isInteger(Number(id))).toBe(false);
    }
    expect(parseJobId(sha)).toBe(parseJobId(sha));
    expect(extractJobId(sha, '1.0.0')).not.toBe(extractJobId(sha, '1.0.1'));
    expect(() => parseJobId('1234')).toThrow(RangeError);
  });

  it('orders versions numerically, pre-releases first', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1);
    expect(compareVersions('2.0', '2.0.0')).toBe(0);
  });

  it('keeps the code of an unrecoverable failure readable on the other side', () => {
    const err = unrecoverable('encrypted', 'the PDF is password-protected');
    expect(err.name).toBe('UnrecoverableError');
    expect(splitFailure(err.message)).toEqual({ code: 'encrypted', reason: 'the PDF is password-protected' });
    expect(splitFailure('Connection is closed.')).toEqual({ code: 'internal', reason: 'Connection is closed.' });
  });
});
