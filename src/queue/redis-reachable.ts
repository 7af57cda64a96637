// Commands talk to Redis only after one quick ping: BullMQ's own clients retry a lost
// Redis forever, which for a command means a hang instead of an answer.
import { Redis } from 'ioredis';
import { MinutesError } from '../schema/errors.js';
import { maskPassword } from '../store/database-url.js';

/** How long a command waits for Redis before it gives up. */
export const REDIS_PING_TIMEOUT_MS = 3000;

export async function assertRedisReachable(url: string, timeoutMs = REDIS_PING_TIMEOUT_MS): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  // The socket's own error (ECONNREFUSED, ENOTFOUND) says more than the rejected connect() ("Connection is closed").
  let socketError: Error | undefined;
  client.on('error', (err: Error) => {
    socketError ??= err;
  });
  const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs).unref());
  try {
    await Promise.race([client.connect().then(() => client.ping()), timer]);
  } catch (err) {
    const e = (socketError ?? err) as { code?: unknown; message?: unknown };
    const detail = (typeof e.message === 'string' && e.message) || (typeof e.code === 'string' ? e.code : String(err));
    throw new MinutesError('redis_unreachable', `Redis at ${maskPassword(url)} is unreachable (REDIS_URL): ${detail}`, { cause: err });
  } finally {
    client.disconnect();
  }
}
