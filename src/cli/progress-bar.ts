// A progress bar over files, drawn on stderr only when it is a terminal; on a
// pipe or in CI nothing is drawn and the summary alone is printed.
import cliProgress from 'cli-progress';
import type { FileResult } from '../pipeline/index.js';

export interface FileProgress {
  start(total: number): void;
  update(result: FileResult): void;
  stop(): void;
}

export function fileProgress(stream: NodeJS.WriteStream = process.stderr): FileProgress {
  if (!stream.isTTY) return { start: () => undefined, update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'ingest [{bar}] {value}/{total} files · ok {ok} · failed {failed} · skipped {skipped} · {pages} pages · {eta_formatted} left',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  const counts = { ok: 0, failed: 0, skipped: 0, pages: 0 };
  let started = false;
  return {
    start(total) {
      bar.start(total, 0, counts);
      started = true;
    },
    update(result) {
      counts[result.status] += 1;
      if (result.status === 'ok') counts.pages += result.pages;
      bar.increment(1, counts);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
