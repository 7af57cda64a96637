import { describe, expect, it } from 'vitest';
import { runStages, type Stage } from '../../src/pipeline/index.js';

interface Ctx {
  trail: string[];
}

const stage = (name: string, outcome?: 'stop' | Error): Stage<Ctx> => ({
  name,
  run: async (c) => {
    c.trail.push(name);
    if (outcome instanceof Error) throw outcome;
    return outcome ?? 'next';
  },
});

describe('runStages', () => {
  it('runs every stage in order', async () => {
    const ctx: Ctx = { trail: [] };
    expect(await runStages(ctx, [stage('a'), stage('b'), stage('c')])).toEqual({ ok: true, stoppedAt: null });
    expect(ctx.trail).toEqual(['a', 'b', 'c']);
  });

  it('ends early when a stage says stop', async () => {
    const ctx: Ctx = { trail: [] };
    expect(await runStages(ctx, [stage('a'), stage('skip', 'stop'), stage('c')])).toEqual({ ok: true, stoppedAt: 'skip' });
    expect(ctx.trail).toEqual(['a', 'skip']);
  });

  it('stops at the first error and hands it to onError with the stage name', async () => {
    const ctx: Ctx = { trail: [] };
    const boom = new Error('brudt fil');
    const seen: string[] = [];
    const result = await runStages(ctx, [stage('a'), stage('parse', boom), stage('c')], {
      onError: (err, at) => {
        seen.push(`${at.stage}: ${(err as Error).message} after ${at.context.trail.join(',')}`);
      },
    });
    expect(result).toEqual({ ok: false, stage: 'parse', error: boom });
    expect(seen).toEqual(['parse: brudt fil after a,parse']);
    expect(ctx.trail).toEqual(['a', 'parse']);
  });
});
