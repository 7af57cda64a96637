// What a source remembers between runs (files seen, HTTP validators), kept in
// Redis next to the queues so every worker on every machine shares it.
import type { Redis } from 'ioredis';
import { KEY_PREFIX } from '../names.js';

export class SourceState {
  private readonly key: string;
  private readonly lockKey: string;

  constructor(
    private readonly redis: Redis,
    sourceName: string,
  ) {
    this.key = `${KEY_PREFIX}:source:${sourceName}:state`;
    this.lockKey = `${KEY_PREFIX}:source:${sourceName}:lock`;
  }

  async get<T>(field: string): Promise<T | undefined> {
    const raw = await this.redis.hget(this.key, field);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async getMany<T>(fields: readonly string[]): Promise<(T | undefined)[]> {
    if (fields.length === 0) return [];
    const raw = await this.redis.hmget(this.key, ...fields);
    return raw.map((r) => (r === null ? undefined : (JSON.parse(r) as T)));
  }

  async set(field: string, value: unknown): Promise<void> {
    await this.redis.hset(this.key, field, JSON.stringify(value));
  }

  /** One run of a source at a time across all workers; undefined when another run holds it. */
  async lock(ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const token = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const ok = await this.redis.set(this.lockKey, token, 'PX', ttlMs, 'NX');
    if (ok !== 'OK') return undefined;
    return async () => {
      // Delete only our own lock, never one a later run took after ours expired.
      await this.redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, this.lockKey, token);
    };
  }
}
