import { defineConfig } from 'vitest/config'

/**
 * The operations suite (tests/ops): the built product in its own processes, stopped, killed and
 * started again (backups, restore, faults, the production start). One file at a time: each
 * starts whole servers.
 */
export default defineConfig({
  test: {
    include: ['tests/ops/**/*.ops.test.ts'],
    environment: 'node',
    globalSetup: ['tests/ops/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
})
