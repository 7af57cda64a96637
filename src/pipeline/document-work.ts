// The document pool's worker (started by document-worker.ts, a child process or a thread):
// bytes in, { parsedCache, document } out, in one round trip. Must run as compiled JS (dist/pipeline/).
// The phase note sent after parsing lets the pool say where a timeout or a memory
// overrun happened.
// pdf.js loads this module on the first document (its "fake worker" in Node); loading
// it as the thread starts takes that time off the first document. Same file, one copy.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { errorInfo, MinutesError } from '../schema/errors.js';
import type { ParsedPdf } from '../schema/parsed.js';
import { parsePdf } from '../pdf/parse-pdf.js';
import { encodeParsed } from '../store/parsed-cache-codec.js';
import { WORKER_READY, type WorkerReply, type WorkerRequest } from '../pdf/worker-protocol.js';
import { workerPort } from '../pdf/worker-port.js';
import { buildDocumentWithLayout } from './build-document.js';
import { BUILD_PHASE, type DocumentTask, type DocumentWork } from './document-pool.js';

const port = workerPort();
const reply = (message: WorkerReply<DocumentWork>): void => port.post(message);

port.onMessage((message) => {
  const { id, payload } = message as WorkerRequest<DocumentTask>;
  void work(id, payload);
});
port.post(WORKER_READY);

async function work(id: number, task: DocumentTask): Promise<void> {
  const startedAt = Date.now();
  let parsed: ParsedPdf;
  try {
    parsed = await parsePdf(task.bytes, task.options);
  } catch (err) {
    reply({ id, ok: false, error: errorInfo(err) });
    return;
  }
  reply({ id, phase: BUILD_PHASE });
  try {
    const { document, layouts } = await buildDocumentWithLayout({ path: task.path, sha256: task.sha256, bytes: task.byteCount, parsed, withText: true });
    // The limit covers the whole work, not parsing alone; extraction cannot be interrupted, so it is checked at the end.
    const elapsed = Date.now() - startedAt;
    if (elapsed > task.options.timeoutMs) {
      throw new MinutesError('timeout', `parsing and extracting took ${elapsed} ms, longer than the limit of ${task.options.timeoutMs} ms`);
    }
    reply({ id, ok: true, result: { parsedCache: encodeParsed(parsed), document, layouts } });
  } catch (err) {
    reply({ id, ok: true, result: { parsedCache: encodeParsed(parsed), buildError: errorInfo(err) } });
  }
}
