import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Tests share one gnome-keyring and start their own chronyd instances: keep files in one process pool of 2.
    maxWorkers: 2,
  },
})
