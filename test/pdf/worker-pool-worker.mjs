// A WorkerPool worker for tests (plain JS: workers cannot load .ts), as a thread or a
// child process. Each task says what to do: answer (at once, or after `ms`, naming this
// worker), fail with a code, crash, or announce a phase and then spin or allocate (heap,
// or memory outside the heap) until stopped.
import { parentPort, threadId } from 'node:worker_threads';

const post = parentPort ? (m) => parentPort.postMessage(m) : (m) => process.send(m);
const onMessage = parentPort ? (f) => parentPort.on('message', f) : (f) => process.on('message', f);
if (!parentPort) process.on('disconnect', () => process.exit(0));

onMessage(({ id, payload }) => {
  if (payload.phase) post({ id, phase: payload.phase });
  if (payload.do === 'echo') post({ id, ok: true, result: { echoed: payload.value, bytes: payload.bytes?.length ?? null } });
  else if (payload.do === 'wait') setTimeout(() => post({ id, ok: true, result: { echoed: payload.value, bytes: null, worker: `${process.pid}/${threadId}` } }), payload.ms);
  else if (payload.do === 'fail') post({ id, ok: false, error: { code: payload.code, message: 'asked to fail' } });
  else if (payload.do === 'spin') for (;;);
  else if (payload.do === 'allocate') {
    const hoard = [];
    for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  } else if (payload.do === 'allocate-outside-heap') {
    // As pdf.js inflating a stream: buffers outside the JS heap, which no heap limit sees.
    const hoard = [];
    const grow = () => {
      for (let i = 0; i < 4; i++) hoard.push(Buffer.alloc(16 * 1024 * 1024, 1));
      setTimeout(grow, 10);
    };
    grow();
  } else if (payload.do === 'crash') setImmediate(() => {
    throw new Error('an uncaught error while working');
  });
});
post({ ready: true });
