// Nightly (or any) runs of configured sources on BullMQ job schedulers: upsert is
// idempotent, so `schedule add` twice with the same name updates one scheduler.
import type { JobSchedulerJson } from 'bullmq';
import type { SourceRunJobData } from '../schema/jobs.js';
import { DEFAULT_JOB_OPTIONS, type Queues } from './queues.js';

export type ScheduleRepeat = { cron: string; tz?: string } | { everyMs: number };

export interface ScheduleLine {
  name: string;
  source: string | null;
  repeat: string;
  next: string | null;
}

export async function addSchedule(queues: Queues, name: string, source: string, repeat: ScheduleRepeat): Promise<void> {
  const repeatOpts = 'cron' in repeat ? { pattern: repeat.cron, ...(repeat.tz ? { tz: repeat.tz } : {}) } : { every: repeat.everyMs };
  const data: SourceRunJobData = { source };
  // The template carries the queue's job options, so frequent runs do not pile up in Redis.
  await queues.sources.upsertJobScheduler(name, repeatOpts, { name: 'source-run', data, opts: { ...DEFAULT_JOB_OPTIONS.sources } });
}

export async function listSchedules(queues: Queues): Promise<ScheduleLine[]> {
  const schedulers = (await queues.sources.getJobSchedulers(0, -1, true)) as JobSchedulerJson<SourceRunJobData>[];
  return schedulers.map((s) => ({
    name: s.key,
    source: s.template?.data?.source ?? null,
    repeat: s.pattern ? `cron "${s.pattern}"${s.tz ? ` ${s.tz}` : ''}` : s.every ? `every ${s.every} ms` : '?',
    next: s.next ? new Date(s.next).toISOString() : null,
  }));
}

export async function removeSchedule(queues: Queues, name: string): Promise<boolean> {
  return queues.sources.removeJobScheduler(name);
}
