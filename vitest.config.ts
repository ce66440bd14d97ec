import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'db/**/*.test.ts', 'renderer/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tools/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one fork fewer than the cores: a single fork on the two-core CI, where much of
    // each file is waiting on sockets, child processes and imports. Two forks took the unit run from
    // 456 s to 268 s there, every test passing.
    maxWorkers: 2,
  },
});
