// Worker-thread entry of the parse pool: parses one document per message and
// answers with the pages or a coded error. Must run as compiled JS (dist/pdf/).
import { parentPort } from 'node:worker_threads';
// pdf.js loads this module on the first document (its "fake worker" in Node); loading
// it as the thread starts takes that time off the first document. Same file, one copy.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { errorInfo } from '../schema/errors.js';
import type { ParsedPdf } from '../schema/parsed.js';
import { parsePdf } from './parse-pdf.js';
import type { ParseTask } from './parse-pool.js';
import { THREAD_READY, type ThreadReply, type ThreadRequest } from './thread-protocol.js';

if (!parentPort) throw new Error('parse-worker.js must run in a worker thread');
const port = parentPort;

port.on('message', ({ id, payload }: ThreadRequest<ParseTask>) => {
  void parsePdf(payload.bytes, payload.options).then(
    (result) => port.postMessage({ id, ok: true, result } satisfies ThreadReply<ParsedPdf>),
    (err: unknown) => port.postMessage({ id, ok: false, error: errorInfo(err) } satisfies ThreadReply<ParsedPdf>),
  );
});
port.postMessage(THREAD_READY);
