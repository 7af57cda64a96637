// The tests' own redis-server lives with the scripts (the soak restarts one too).
export * from '../../../scripts/lib/private-redis.js';
