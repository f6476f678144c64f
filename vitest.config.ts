import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '@payload-config': fileURLToPath(new URL('./cms/src/payload.config.ts', import.meta.url)),
    },
  },
  test: {
    // SCHOOL_TEMPLATE_DIR: the run that seeds the template every test file copies (global-setup).
    include: process.env.SCHOOL_TEMPLATE_DIR
      ? ['tests/int/support/seed-template.ts']
      : [
          'tests/int/**/*.int.test.ts',
          'shared/**/*.test.ts',
          'cms/src/**/*.test.ts',
          'site/src/**/*.test.ts',
        ],
    environment: 'node',
    globalSetup: process.env.SCHOOL_TEMPLATE_DIR ? [] : ['tests/int/support/global-setup.ts'],
    pool: 'forks',
    // Each file boots Payload on its own database file: two at a time fit two cores.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
