// Messages between a WorkerPool and its worker threads (structured-cloned). A thread
// says once that it has loaded its modules (a crash before that is our fault, not the
// document's); per task it may announce the phase it enters (so a timeout or crash can
// say where it happened) before it answers once with the result or a coded error.
import type { ErrorCode } from '../schema/errors.js';

export interface WorkerRequest<P> {
  id: number;
  payload: P;
}

/** Sent once by a worker when its modules are loaded. */
export const WORKER_READY = { ready: true } as const;

export type WorkerReply<R> =
  | { id: number; phase: string }
  | { id: number; ok: true; result: R }
  | { id: number; ok: false; error: { code: ErrorCode; message: string } };
