import { defineConfig } from 'vitest/config';
import { clientCatalogPlugin } from './src/build/client-catalog-plugin.ts';
import { browserTestsLeftOut } from './tests/support/chromium.ts';

/** A project that runs after every project of a lower `order` has finished. */
function project(name: string, order: number, include: string[], test: Record<string, unknown> = {}) {
  return { extends: true, test: { name, include, sequence: { groupOrder: order }, ...test } };
}

// Every check `npm test` runs, as Vitest projects in the order they run; `npx vitest run --project
// unit` runs one. The last three read dist/, which the build project writes.
export default defineConfig({
  // The islands import the client catalog as a virtual module made from src/lib/catalog.
  plugins: [clientCatalogPlugin()],
  test: {
    environment: 'node',
    projects: [
      // Unit and component tests: beside the code they test.
      project('unit', 1, ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/golden/**/*.test.ts'], {
        testTimeout: 30_000,
        setupFiles: ['src/test-setup.ts'],
      }),
      project('lint', 2, ['tests/tools/lint.test.ts'], { testTimeout: 300_000 }),
      project('check', 3, ['tests/tools/check.test.ts'], { testTimeout: 300_000 }),
      project('build', 4, ['tests/tools/build.test.ts'], { testTimeout: 600_000 }),
      // Checks over the built site (dist/).
      project('dist', 5, ['tests/dist/**/*.test.ts'], { testTimeout: 120_000, hookTimeout: 120_000 }),
      // Browser tests against dist/; one browser at a time on a 2-core machine.
      ...(browserTestsLeftOut ? [] : [project('e2e', 6, ['tests/e2e/**/*.test.ts'], { testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false })]),
    ],
  },
});
