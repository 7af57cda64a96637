// A worker starts before Redis may be up (a reboot, a container order): it waits for it,
// trying again with a growing pause and saying so in one line per attempt, and gives up
// waiting the moment it is told to stop.
import { maskPassword } from '../store/database-url.js';
import { assertRedisReachable } from './redis-reachable.js';

/** The pause after the first failed attempt; it doubles up to MAX_PAUSE_MS. */
const FIRST_PAUSE_MS = 1000;
const MAX_PAUSE_MS = 30_000;
/** How long one attempt waits for an answer. */
const ATTEMPT_TIMEOUT_MS = 2000;

/** Resolves true once Redis answers, false when `stopped` settles first. */
export async function waitForRedis(url: string, log: (line: string) => void, stopped: Promise<unknown>): Promise<boolean> {
  let stop = false;
  void stopped.then(() => (stop = true));
  for (let attempt = 1; !stop; attempt++) {
    try {
      await Promise.race([assertRedisReachable(url, ATTEMPT_TIMEOUT_MS), stopped]);
      return !stop;
    } catch (err) {
      const pause = Math.min(FIRST_PAUSE_MS * 2 ** (attempt - 1), MAX_PAUSE_MS);
      const detail = (err as Error).message.replace(/^Redis at \S+ is unreachable \(REDIS_URL\): /, '');
      log(`Redis at ${maskPassword(url)} is unreachable (attempt ${attempt}: ${detail}); trying again in ${pause / 1000} s`);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, pause))), stopped]);
      clearTimeout(timer);
    }
  }
  return false;
}
