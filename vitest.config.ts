import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Compiles dist/ first: tests that spawn bin/sigmine.js run the compiled program.
    globalSetup: ['test/helpers/build-dist.ts'],
    // Dovecot, PostgreSQL and the local provider servers are real processes: give them room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Suites that share PostgreSQL use their own schema, so files may run in parallel.
    pool: 'forks',
  },
});
