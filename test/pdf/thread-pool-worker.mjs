// A ThreadPool worker for tests (plain JS: worker threads cannot load .ts). Each task
// says what to do: answer, fail with a code, crash, or announce a phase and then spin
// or allocate until the pool stops the thread.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, payload }) => {
  if (payload.phase) parentPort.postMessage({ id, phase: payload.phase });
  if (payload.do === 'echo') parentPort.postMessage({ id, ok: true, result: { echoed: payload.value, bytes: payload.bytes?.length ?? null } });
  else if (payload.do === 'fail') parentPort.postMessage({ id, ok: false, error: { code: payload.code, message: 'asked to fail' } });
  else if (payload.do === 'spin') for (;;);
  else if (payload.do === 'allocate') {
    const hoard = [];
    for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  } else if (payload.do === 'crash') setImmediate(() => {
    throw new Error('an uncaught error while working');
  });
});
parentPort.postMessage({ ready: true });
