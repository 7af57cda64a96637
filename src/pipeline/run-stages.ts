// The one small runner: stages are plain async functions over a shared context,
// run in order; a stage may end the run early; the first error stops it and is
// handed to onError with the stage's name.

export type StageOutcome = 'next' | 'stop';

export interface Stage<C> {
  readonly name: string;
  run(context: C): Promise<StageOutcome | void>;
}

export interface RunHooks<C> {
  onError?: (error: unknown, at: { stage: string; context: C }) => void | Promise<void>;
}

export type RunResult = { ok: true; stoppedAt: string | null } | { ok: false; stage: string; error: unknown };

export async function runStages<C>(context: C, stages: readonly Stage<C>[], hooks: RunHooks<C> = {}): Promise<RunResult> {
  for (const stage of stages) {
    try {
      if ((await stage.run(context)) === 'stop') return { ok: true, stoppedAt: stage.name };
    } catch (error) {
      await hooks.onError?.(error, { stage: stage.name, context });
      return { ok: false, stage: stage.name, error };
    }
  }
  return { ok: true, stoppedAt: null };
}
