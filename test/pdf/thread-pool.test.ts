// The ThreadPool under ParsePool and the pipeline's DocumentPool, with a tiny worker
// whose behaviour each task chooses: results and coded errors cross the boundary, a
// thread that overruns its time or heap is replaced, and the failure names the phase
// the thread had announced (so a slow extraction is not reported as slow parsing).
import { afterEach, describe, expect, it } from 'vitest';
import { ThreadPool, ThreadTaskError, resolveWorkerScript } from '../../src/pdf/thread-pool.js';
import { MinutesError } from '../../src/schema/errors.js';

interface Payload {
  do: 'echo' | 'fail' | 'spin' | 'allocate' | 'crash';
  value?: string;
  code?: string;
  phase?: string;
  bytes?: Uint8Array;
}
type Result = { echoed: string; bytes: number | null };

const workerUrl = new URL('./thread-pool-worker.mjs', import.meta.url);
let pool: ThreadPool<Payload, Result> | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

function makePool(options: { size?: number; memoryLimitMb?: number; terminateGraceMs?: number; url?: URL } = {}): ThreadPool<Payload, Result> {
  pool = new ThreadPool<Payload, Result>({
    workerUrl: options.url ?? workerUrl,
    size: options.size ?? 2,
    memoryLimitMb: options.memoryLimitMb ?? 256,
    terminateGraceMs: options.terminateGraceMs ?? 0,
    activity: (phase) => (phase === 'build' ? 'extracting' : 'parsing'),
    threadName: 'test thread',
  });
  return pool;
}

async function failureOf(promise: Promise<unknown>): Promise<ThreadTaskError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ThreadTaskError);
  expect(err).toBeInstanceOf(MinutesError);
  return err as ThreadTaskError;
}

describe('ThreadPool', () => {
  it('answers tasks on several threads, moving transferred bytes', async () => {
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
    expect(bytes.byteLength).toBe(0); // transferred, not copied
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
    expect(inParse.message).toMatch(/^parsing took longer than the limit of 50 ms; the test thread was stopped/);
    // The replacement thread must start and announce its phase within the limit; on a loaded
    // 2-core machine a fresh thread can take longer than 50 ms to start, so this limit is wider.
    const inBuild = await failureOf(threads.run({ do: 'spin', phase: 'build' }, { timeoutMs: 1500 }));
    expect([inBuild.code, inBuild.phase]).toEqual(['timeout', 'build']);
    expect(inBuild.message).toMatch(/^extracting took longer than the limit of 1500 ms/);
    expect(await threads.run({ do: 'echo', value: 'igen' }, { timeoutMs: 10_000 })).toEqual({ echoed: 'igen', bytes: null });
  });

  it('fails a task that exhausts the thread heap as too_large, naming the phase, then goes on', async () => {
    const threads = makePool({ size: 1, memoryLimitMb: 32 });
    const err = await failureOf(threads.run({ do: 'allocate', phase: 'build' }, { timeoutMs: 60_000 }));
    expect([err.code, err.phase]).toEqual(['too_large', 'build']);
    expect(err.message).toMatch(/^extracting needed more than the memory limit of 32 MB per test thread/);
    expect(await threads.run({ do: 'echo', value: 'igen' }, { timeoutMs: 10_000 })).toEqual({ echoed: 'igen', bytes: null });
  });

  it('fails a task whose thread crashes as damaged, but a thread that cannot start as internal', async () => {
    const threads = makePool({ size: 1 });
    const crashed = await failureOf(threads.run({ do: 'crash', phase: 'build' }, { timeoutMs: 10_000 }));
    expect([crashed.code, crashed.phase]).toEqual(['damaged', 'build']);
    expect(crashed.message).toMatch(/^the test thread crashed while extracting: an uncaught error while working/);
    expect(await threads.run({ do: 'echo', value: 'igen' }, { timeoutMs: 10_000 })).toEqual({ echoed: 'igen', bytes: null });
    await threads.close();

    const broken = makePool({ size: 2, url: new URL('./thread-pool-broken-worker.mjs', import.meta.url) });
    const failures = await Promise.all([1, 2, 3].map((n) => failureOf(broken.run({ do: 'echo', value: String(n) }, { timeoutMs: 10_000 }))));
    for (const f of failures) {
      expect(f.code).toBe('internal');
      expect(f.message).toMatch(/^the test thread could not start: a module failed to load/);
    }
  });

  it('rejects queued and running tasks when closed, and refuses new ones', async () => {
    const threads = makePool({ size: 1 });
    const pending = [threads.run({ do: 'spin' }, { timeoutMs: 60_000 }), threads.run({ do: 'echo', value: 'x' }, { timeoutMs: 60_000 })].map(failureOf);
    await threads.close();
    expect((await Promise.all(pending)).map((e) => e.code)).toEqual(['internal', 'internal']);
    expect((await failureOf(threads.run({ do: 'echo', value: 'y' }, { timeoutMs: 1000 }))).code).toBe('internal');
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
