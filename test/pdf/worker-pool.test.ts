// The WorkerPool under ParsePool and the pipeline's DocumentPool, with a tiny worker
// whose behaviour each task chooses, run as child processes (the default) and as
// threads: results and coded errors cross the boundary, a worker that overruns its
// time or memory is replaced, and the failure names the phase the worker had announced
// (so a slow extraction is not reported as slow parsing). Only a process is bounded
// as a whole: memory outside the JS heap (pdf.js's buffers) counts against it too.
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool, WorkerTaskError, resolveWorkerScript } from '../../src/pdf/worker-pool.js';
import type { Isolation } from '../../src/pdf/pool-workers.js';
import { MinutesError } from '../../src/schema/errors.js';

interface Payload {
  do: 'echo' | 'wait' | 'fail' | 'spin' | 'allocate' | 'allocate-outside-heap' | 'crash';
  value?: string;
  ms?: number;
  code?: string;
  phase?: string;
  bytes?: Uint8Array;
}
/** worker: which process or thread answered a 'wait'. */
type Result = { echoed: string; bytes: number | null; worker?: string };

const workerUrl = new URL('./worker-pool-worker.mjs', import.meta.url);
let pool: WorkerPool<Payload, Result> | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

type PoolOptions = { size?: number; memoryLimitMb?: number; terminateGraceMs?: number; url?: URL; eagerWorkers?: number; growAfterMs?: number };

function poolMaker(isolation: Isolation): (options?: PoolOptions) => WorkerPool<Payload, Result> {
  return (options = {}) => {
    pool = new WorkerPool<Payload, Result>({
      workerUrl: options.url ?? workerUrl,
      size: options.size ?? 2,
      // A process's limit covers Node itself (~50 MB resident); a thread's only its heap.
      memoryLimitMb: options.memoryLimitMb ?? (isolation === 'process' ? 400 : 256),
      terminateGraceMs: options.terminateGraceMs ?? 0,
      activity: (phase) => (phase === 'build' ? 'extracting' : 'parsing'),
      workerName: `test ${isolation}`,
      isolation,
      ...(options.eagerWorkers !== undefined ? { eagerWorkers: options.eagerWorkers } : {}),
      ...(options.growAfterMs !== undefined ? { growAfterMs: options.growAfterMs } : {}),
    });
    return pool;
  };
}

async function failureOf(promise: Promise<unknown>): Promise<WorkerTaskError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkerTaskError);
  expect(err).toBeInstanceOf(MinutesError);
  return err as WorkerTaskError;
}

describe.each(['process', 'thread'] as const)('WorkerPool of %s workers', (isolation) => {
  const makePool = poolMaker(isolation);

  it('answers tasks on several workers, moving transferred bytes to a thread', async () => {
    const threads = makePool({ size: 2 });
    const bytes = new Uint8Array(1000);
    const results = await Promise.all([
      threads.run({ do: 'echo', value: 'Økonomiudvalget' }, { timeoutMs: 10_000 }),
      threads.run({ do: 'echo', value: 'Børne- og Ungeudvalget', bytes }, { timeoutMs: 10_000, transfer: [bytes.buffer] }),
      threads.run({ do: 'echo', value: 'Teknik- og Miljøudvalget' }, { timeoutMs: 10_000 }),
    ]);
    expect(results).toEqual([
      { echoed: 'Økonomiudvalget', bytes: null },
      { echoed: 'Børne- og Ungeudvalget', bytes: 1000 },
      { echoed: 'Teknik- og Miljøudvalget', bytes: null },
    ]);
    // A thread takes the buffer over (not copied); a process gets a copy.
    expect(bytes.byteLength).toBe(isolation === 'thread' ? 0 : 1000);
  });

  it('carries a coded error across the boundary, with the phase announced before it', async () => {
    const threads = makePool();
    const err = await failureOf(threads.run({ do: 'fail', code: 'invalid_output', phase: 'build' }, { timeoutMs: 10_000 }));
    expect([err.code, err.phase, err.message]).toEqual(['invalid_output', 'build', 'asked to fail']);
  });

  it('stops a thread that overruns the time limit, naming the phase it was in, then goes on', async () => {
    const threads = makePool({ size: 1 });
    const inParse = await failureOf(threads.run({ do: 'spin' }, { timeoutMs: 50 }));
    expect([inParse.code, inParse.phase]).toEqual(['timeout', null]);
    expect(inParse.message).toMatch(new RegExp(`^parsing took longer than the limit of 50 ms; the test ${isolation} was stopped`));
    // The replacement thread must start and announce its phase within the limit; on a loaded
    // 2-core machine a fresh thread can take longer than 50 ms to start, so this limit is wider.
    const inBuild = await failureOf(threads.run({ do: 'spin', phase: 'build' }, { timeoutMs: 1500 }));
    expect([inBuild.code, inBuild.phase]).toEqual(['timeout', 'build']);
    expect(inBuild.message).toMatch(/^extracting took longer than the limit of 1500 ms/);
    expect(await threads.run({ do: 'echo', value: 'igen' }, { timeoutMs: 10_000 })).toEqual({ echoed: 'igen', bytes: null });
  });

  it('fails a task that exhausts the heap as too_large, naming the phase, then goes on', async () => {
    const limit = isolation === 'process' ? 300 : 32;
    const threads = makePool({ size: 1, memoryLimitMb: limit });
    const err = await failureOf(threads.run({ do: 'allocate', phase: 'build' }, { timeoutMs: 60_000 }));
    expect([err.code, err.phase]).toEqual(['too_large', 'build']);
    expect(err.message).toMatch(new RegExp(`^extracting needed more than the memory limit of ${limit} MB per test ${isolation}`));
    expect(await threads.run({ do: 'echo', value: 'igen' }, { timeoutMs: 10_000 })).toEqual({ echoed: 'igen', bytes: null });
  });


  it('fails a task whose thread crashes as damaged, but a thread that cannot start as internal', async () => {
    const threads = makePool({ size: 1 });
    const crashed = await failureOf(threads.run({ do: 'crash', phase: 'build' }, { timeoutMs: 10_000 }));
    expect([crashed.code, crashed.phase]).toEqual(['damaged', 'build']);
    expect(crashed.message).toMatch(new RegExp(`^the test ${isolation} crashed while extracting: an uncaught error while working$`));
    expect(await threads.run({ do: 'echo', value: 'igen' }, { timeoutMs: 10_000 })).toEqual({ echoed: 'igen', bytes: null });
    await threads.close();

    const broken = makePool({ size: 2, url: new URL('./worker-pool-broken-worker.mjs', import.meta.url) });
    const failures = await Promise.all([1, 2, 3].map((n) => failureOf(broken.run({ do: 'echo', value: String(n) }, { timeoutMs: 10_000 }))));
    for (const f of failures) {
      expect(f.code).toBe('internal');
      expect(f.message).toMatch(new RegExp(`^the test ${isolation} could not start: a module failed to load`));
    }
  });

  it('with one eager worker, starts a second only when a task waits behind a long one', async () => {
    const workers = makePool({ size: 2, eagerWorkers: 1, growAfterMs: 400 });
    const wait = (value: string, ms: number): Promise<Result> => workers.run({ do: 'wait', value, ms }, { timeoutMs: 30_000 });
    // Short tasks, queued together: each waits less than growAfterMs behind the others, so one worker does them all.
    const short = await Promise.all(['a', 'b', 'c', 'd'].map((v) => wait(v, 60)));
    expect(new Set(short.map((r) => r.worker)).size).toBe(1);
    // A long task holds the worker: the task behind it gets a second worker, and ends first.
    const ended: string[] = [];
    const long = wait('lang', 4000).then((r) => (ended.push(r.echoed), r));
    const behind = wait('bagved', 10).then((r) => (ended.push(r.echoed), r));
    const [l, b] = await Promise.all([long, behind]);
    expect(ended).toEqual(['bagved', 'lang']);
    expect(b.worker).not.toBe(l.worker);
    expect(l.worker).toBe(short[0]?.worker);
  });

  it('rejects queued and running tasks when closed, and refuses new ones', async () => {
    const threads = makePool({ size: 1 });
    const pending = [threads.run({ do: 'spin' }, { timeoutMs: 60_000 }), threads.run({ do: 'echo', value: 'x' }, { timeoutMs: 60_000 })].map(failureOf);
    await threads.close();
    expect((await Promise.all(pending)).map((e) => e.code)).toEqual(['internal', 'internal']);
    expect((await failureOf(threads.run({ do: 'echo', value: 'y' }, { timeoutMs: 1000 }))).code).toBe('internal');
  });
});

describe('WorkerPool of processes: the memory limit covers the whole process', () => {
  it('stops a process whose memory outside the heap passes the limit, then goes on', async () => {
    const threads = poolMaker('process')({ size: 1, memoryLimitMb: 300 });
    const err = await failureOf(threads.run({ do: 'allocate-outside-heap', phase: 'parse' }, { timeoutMs: 60_000 }));
    expect([err.code, err.phase]).toEqual(['too_large', 'parse']);
    expect(err.message).toMatch(/^parsing needed more than the memory limit of 300 MB per test process/);
    expect(await threads.run({ do: 'echo', value: 'igen' }, { timeoutMs: 10_000 })).toEqual({ echoed: 'igen', bytes: null });
  });
});

describe('resolveWorkerScript', () => {
  it('finds the compiled worker beside a dist module, and the build’s copy for a src module', () => {
    const fromSrc = resolveWorkerScript(new URL('../../src/pdf/parse-pool.ts', import.meta.url).href, 'pdf/parse-worker.js');
    expect(fromSrc.pathname).toMatch(/\/dist\/pdf\/parse-worker\.js$/);
    const fromDist = resolveWorkerScript(new URL('../../dist/pdf/parse-pool.js', import.meta.url).href, 'pdf/parse-worker.js');
    expect(fromDist.href).toBe(fromSrc.href);
  });

  it('says to build when the worker script is missing', () => {
    expect(() => resolveWorkerScript(new URL('../../src/pdf/parse-pool.ts', import.meta.url).href, 'pdf/no-such-worker.js')).toThrow(/npm run build/);
  });
});
