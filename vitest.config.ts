import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one file at a time on two cores (cores − 1), yet most of the slow files
    // wait on their child processes, Redis or PostgreSQL. Each file has its own temporary folders,
    // Redis database and PostgreSQL database, so two run side by side.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    env: { DOTENV_CONFIG_QUIET: 'true' },
  },
});
