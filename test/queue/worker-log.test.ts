// The queue worker's log (pino): JSON lines with level, time and the fields a log
// collector filters on; LOG_LEVEL chooses how much, and a bad one is a usage error.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createWorkerLog, logLevel } from '../../src/queue/worker-log.js';

function collector(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, lines: () => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('worker log', () => {
  it('writes one JSON object per line with level, ISO time, pid and the job fields', () => {
    const out = collector();
    const log = createWorkerLog('info', out.stream);
    log.info('worker closed');
    log.error({ queue: 'minutes-parse', jobId: 'p-1', file: 'referat "marts".pdf' }, 'minutes-parse failed p-1');
    const [closed, failed] = out.lines();
    expect(closed).toMatchObject({ level: 30, msg: 'worker closed', name: 'minutes', pid: process.pid });
    expect(new Date(String(closed?.['time'])).toISOString()).toBe(closed?.['time']);
    expect(failed).toMatchObject({ level: 50, queue: 'minutes-parse', jobId: 'p-1', file: 'referat "marts".pdf' });
  });

  it('leaves out what is below LOG_LEVEL', () => {
    const out = collector();
    const log = createWorkerLog(logLevel({ LOG_LEVEL: 'WARN' }), out.stream);
    log.info('started');
    log.warn('will retry');
    expect(out.lines().map((l) => [l['level'], l['msg']])).toEqual([[40, 'will retry']]);
  });

  it('defaults to info and refuses an unknown level as a usage error', () => {
    expect(logLevel({})).toBe('info');
    expect(() => logLevel({ LOG_LEVEL: 'loud' })).toThrow(expect.objectContaining({ code: 'usage', message: expect.stringMatching(/^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, got "loud"$/) }));
  });
});
