// What `minutes status` shows: job counts per queue, throughput from BullMQ's
// per-minute metrics, and the latest failures with path, code and reason.
import { printable } from '../schema/printable.js';
import type { Queue } from 'bullmq';
import { QUEUE_KINDS, type QueueKind } from './names.js';
import type { Queues } from './queues.js';
import { splitFailure } from './unrecoverable.js';

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  /** Jobs completed per minute, averaged over the last 5 minutes (from worker metrics). */
  perMinute: number;
}

export interface FailureLine {
  queue: QueueKind;
  jobId: string;
  path: string;
  code: string;
  reason: string;
  attempts: number;
  failedAt: string | null;
}

export interface QueueStatus {
  queues: Record<QueueKind, QueueCounts>;
  failures: FailureLine[];
}

export async function readStatus(queues: Queues, lastFailures = 10): Promise<QueueStatus> {
  const entries = await Promise.all(QUEUE_KINDS.map(async (kind) => [kind, await countsOf(queues[kind])] as const));
  const failed = await Promise.all(
    QUEUE_KINDS.map(async (kind) => (await queues[kind].getFailed(0, lastFailures - 1)).filter((job) => job !== undefined).map((job) => ({ kind, job }))),
  );
  const failures = failed
    .flat()
    .sort((a, b) => (b.job.finishedOn ?? 0) - (a.job.finishedOn ?? 0))
    .slice(0, lastFailures)
    .map(({ kind, job }): FailureLine => {
      const { code, reason } = splitFailure(job.failedReason);
      const data = job.data as { path?: string; source?: string };
      return {
        queue: kind,
        jobId: job.id ?? '',
        path: data.path ?? (data.source ? `source ${data.source}` : ''),
        code,
        reason,
        attempts: job.attemptsMade,
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      };
    });
  return { queues: Object.fromEntries(entries) as Record<QueueKind, QueueCounts>, failures };
}

async function countsOf(queue: Queue): Promise<QueueCounts> {
  const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed', 'waiting-children');
  // Data points are per minute, newest first; the current minute is still filling up.
  const metrics = await queue.getMetrics('completed', 0, 5);
  const points = metrics.data.slice(1, 6);
  const perMinute = points.length > 0 ? points.reduce((a, b) => a + b, 0) / points.length : 0;
  return {
    waiting: (counts['waiting'] ?? 0) + (counts['prioritized'] ?? 0) + (counts['waiting-children'] ?? 0),
    active: counts['active'] ?? 0,
    delayed: counts['delayed'] ?? 0,
    completed: counts['completed'] ?? 0,
    failed: counts['failed'] ?? 0,
    perMinute,
  };
}

export function formatStatus(status: QueueStatus): string {
  const lines = ['queue     waiting  active  delayed  completed  failed  per-min'];
  for (const kind of QUEUE_KINDS) {
    const c = status.queues[kind];
    lines.push(
      `${kind.padEnd(8)} ${pad(c.waiting, 8)} ${pad(c.active, 7)} ${pad(c.delayed, 8)} ${pad(c.completed, 10)} ${pad(c.failed, 7)} ${c.perMinute.toFixed(1).padStart(8)}`,
    );
  }
  if (status.failures.length > 0) {
    lines.push('', 'last failures:');
    for (const f of status.failures) lines.push(`  ${f.failedAt ?? '-'} ${f.queue} ${printable(f.path)} [${f.code}] ${printable(f.reason)}`);
  }
  return lines.join('\n');
}

const pad = (n: number, width: number): string => String(n).padStart(width);
