#!/usr/bin/env node
// Runs a command with a private redis-server of its own: a free port, no persistence,
// stopped afterwards. Tests never depend on a Redis that happens to be running.
// Usage: node scripts/with-redis.mjs <command> [args...]   (REDIS_URL is set for the command)
import { spawn, spawnSync } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: with-redis.mjs <command> [args...]');
  process.exit(2);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function ping(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(500);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      socket.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

if (spawnSync('redis-server', ['--version']).status !== 0) {
  console.error('with-redis: redis-server is not on PATH (install it: apt-get install redis-server)');
  process.exit(2);
}

const port = await freePort();
const dir = mkdtempSync(join(tmpdir(), 'minutes-redis-'));
const redisArgs = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
const redis = spawn('redis-server', redisArgs, { stdio: ['ignore', 'ignore', 'inherit'] });
let up = false;
for (let i = 0; i < 100 && !up; i++) {
  up = await ping(port);
  if (!up) await new Promise((r) => setTimeout(r, 100));
}
if (!up) {
  console.error(`with-redis: redis-server did not answer on port ${port}`);
  redis.kill('SIGKILL');
  process.exit(2);
}
console.error(`with-redis: private redis-server on 127.0.0.1:${port}`);

const env = {
  ...process.env,
  REDIS_URL: `redis://127.0.0.1:${port}`,
  // Lets the Redis-restart test start the same server again on the same port.
  MINUTES_TEST_REDIS_PORT: String(port),
  MINUTES_TEST_REDIS_ARGS: JSON.stringify(redisArgs),
  MINUTES_TEST_REDIS_PID: String(redis.pid),
};
const child = spawn(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
const stop = () => {
  try {
    process.kill(redis.pid, 'SIGTERM');
  } catch {}
  spawnSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave'], { stdio: 'ignore', timeout: 2000 });
  rmSync(dir, { recursive: true, force: true });
};
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => {
  stop();
  process.exit(code ?? (signal ? 1 : 0));
});
