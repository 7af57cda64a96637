// `minutes serve`: the workbench over a store, on 127.0.0.1 unless told otherwise.
import { serve, type ServerType } from '@hono/node-server';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { createServeApp, type ServeAppOptions } from './app.js';

export { createServeApp, type ServeAppOptions } from './app.js';

export interface ServeOptions extends ServeAppOptions {
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: only this machine. */
  host?: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function startServer(db: Kysely<Database>, options: ServeOptions = {}): Promise<RunningServer> {
  const app = createServeApp(db, options);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, (info) => {
        const shown = info.address.includes(':') ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${shown}:${info.port}`,
          close: () => new Promise((done) => server.close(() => done())),
        });
      });
      server.on('error', reject);
    } catch (err) {
      reject(err);
    }
  });
}
