// A local HTTP server (127.0.0.1 only) with an index page of PDF links. It honours
// If-None-Match with a content ETag and logs every request.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/** Where the index page is served; its relative links resolve under /docs/. */
export const INDEX_PATH = '/docs/index.html';

export interface IndexServer {
  baseUrl: string;
  /** Raw request path → file bytes served as application/pdf. */
  files: Map<string, Uint8Array>;
  setIndex(html: string): void;
  requests: { path: string; status: number }[];
  close(): Promise<void>;
}

export async function startIndexServer(): Promise<IndexServer> {
  let index = '';
  const files = new Map<string, Uint8Array>();
  const requests: IndexServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const send = (status: number, headers: Record<string, string>, body?: Uint8Array | string): void => {
      requests.push({ path, status });
      res.writeHead(status, headers);
      res.end(body);
    };
    if (path === INDEX_PATH) {
      const etag = `"${createHash('sha1').update(index).digest('hex')}"`;
      if (req.headers['if-none-match'] === etag) return send(304, { etag });
      return send(200, { 'content-type': 'text/html; charset=utf-8', etag }, index);
    }
    const file = files.get(path);
    if (file) return send(200, { 'content-type': 'application/pdf', 'content-length': String(file.length) }, file);
    return send(404, { 'content-type': 'text/plain' }, 'ikke fundet');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    files,
    setIndex: (html) => {
      index = html;
    },
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
