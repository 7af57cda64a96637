// At most one request start per `intervalMs` to each host (p-throttle, one throttle
// per host); requests to other hosts do not wait for it. Bounded concurrency by p-limit.
import pLimit from 'p-limit';
import pThrottle from 'p-throttle';

export class HostRateLimit {
  private readonly gates = new Map<string, () => Promise<void>>();

  constructor(private readonly intervalMs: number) {}

  async wait(url: URL): Promise<void> {
    let gate = this.gates.get(url.host);
    if (!gate) {
      // strict: every pair of starts is spaced, not merely one start per fixed window.
      gate = pThrottle({ limit: 1, interval: this.intervalMs, strict: true })(async () => {});
      this.gates.set(url.host, gate);
    }
    await gate();
  }
}

/** Runs `task` over `items` with at most `limit` at once; results in input order. */
export function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const run = pLimit(limit);
  return Promise.all(items.map((item) => run(() => task(item))));
}
