// The queues of queue mode and the Redis key prefix they share.

/** BullMQ queue names: one per heavy stage, plus the queue that runs configured sources. */
export const QUEUE_NAMES = Object.freeze({
  parse: 'parse',
  extract: 'extract',
  sources: 'sources',
});
export type QueueKind = keyof typeof QUEUE_NAMES;
export const QUEUE_KINDS = Object.freeze(Object.keys(QUEUE_NAMES) as QueueKind[]);

/** Every key minutes writes to Redis starts with this, so one Redis can serve other apps too. */
export const KEY_PREFIX = 'minutes';

export function isQueueKind(value: string): value is QueueKind {
  return (QUEUE_KINDS as readonly string[]).includes(value);
}
