// A redis-server of its own (free port), so restarting it disturbs no other
// test file or run. Without persistence by default, as scripts/with-redis.mjs; with
// `appendonly` it keeps its data across a restart, as the README's production setup.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export interface PrivateRedis {
  url: string;
  port: number;
  /** SHUTDOWN NOSAVE: every key is gone, as after a crash of a Redis without persistence. */
  shutdownNoSave(): Promise<void>;
  /** SHUTDOWN: with appendonly the data survives into the next start. */
  shutdown(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivateRedis(options: { appendonly?: boolean } = {}): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'minutes-test-redis-'));
  const appendonly = options.appendonly ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...appendonly, '--dir', dir];
  let server: ChildProcess | undefined;
  const url = `redis://127.0.0.1:${port}`;
  const start = async (): Promise<void> => {
    server = spawn('redis-server', args, { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await ping(url)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`redis-server did not start on port ${port}`);
  };
  const shutdownWith = async (mode: 'nosave' | 'save'): Promise<void> => {
    const exited = server ? new Promise((r) => server?.once('exit', r)) : Promise.resolve();
    spawnSync('redis-cli', ['-p', String(port), 'shutdown', mode], { stdio: 'ignore', timeout: 5000 });
    await exited;
    server = undefined;
  };
  const shutdownNoSave = (): Promise<void> => shutdownWith('nosave');
  await start();
  return {
    url,
    port,
    shutdownNoSave,
    shutdown: () => shutdownWith('save'),
    start,
    async stop() {
      if (server) await shutdownNoSave();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function ping(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
