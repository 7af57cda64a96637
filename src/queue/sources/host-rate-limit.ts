// At most one request start per `intervalMs` to each host; requests to other hosts
// do not wait for it.
export class HostRateLimit {
  private readonly nextSlot = new Map<string, number>();

  constructor(private readonly intervalMs: number) {}

  async wait(url: URL): Promise<void> {
    const host = url.host;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(host) ?? 0);
    this.nextSlot.set(host, slot + this.intervalMs);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}

/** Runs `task` over `items` with at most `limit` at once; results in input order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
