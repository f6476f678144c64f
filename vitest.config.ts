import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '@payload-config': fileURLToPath(new URL('./cms/src/payload.config.ts', import.meta.url)),
    },
  },
  test: {
    include: ['tests/int/**/*.int.test.ts', 'shared/**/*.test.ts', 'site/src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Each file boots Payload on its own database file: two at a time fit two cores.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
