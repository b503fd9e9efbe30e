import { defineConfig } from 'vitest/config';

// Unit and component tests: beside the code they test.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/golden/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    setupFiles: ['src/test-setup.ts'],
  },
});
