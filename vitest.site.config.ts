import { defineConfig } from 'vitest/config';

// Checks over the built site (dist/) and browser tests against it. Run by scripts/test-all.ts
// after `npm run build`; SUITE=dist or SUITE=e2e picks one folder.
const suite = process.env['SUITE'] === 'e2e' ? 'tests/e2e' : 'tests/dist';

export default defineConfig({
  test: {
    include: [`${suite}/**/*.test.ts`],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser at a time on a 2-core machine.
    fileParallelism: suite !== 'tests/e2e',
  },
});
