// The parse pool's worker (started by parse-worker.ts, a child process or a thread): parses
// one document per message and answers with the pages or a coded error. Must run as compiled JS (dist/pdf/).
// pdf.js loads this module on the first document (its "fake worker" in Node); loading
// it as the thread starts takes that time off the first document. Same file, one copy.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { errorInfo } from '../schema/errors.js';
import type { ParsedPdf } from '../schema/parsed.js';
import { parsePdf } from './parse-pdf.js';
import type { ParseTask } from './parse-pool.js';
import { WORKER_READY, type WorkerReply, type WorkerRequest } from './worker-protocol.js';
import { workerPort } from './worker-port.js';

const port = workerPort();

port.onMessage((message) => {
  const { id, payload } = message as WorkerRequest<ParseTask>;
  void parsePdf(payload.bytes, payload.options).then(
    (result) => port.post({ id, ok: true, result } satisfies WorkerReply<ParsedPdf>),
    (err: unknown) => port.post({ id, ok: false, error: errorInfo(err) } satisfies WorkerReply<ParsedPdf>),
  );
});
port.post(WORKER_READY);
