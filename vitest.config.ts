import { defineConfig } from 'vitest/config';
import { clientCatalogPlugin } from './src/lib/state/client-catalog-plugin.ts';

// Unit and component tests: beside the code they test.
export default defineConfig({
  // The islands import the client catalog as a virtual module made from src/lib/catalog.
  plugins: [clientCatalogPlugin()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/golden/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    setupFiles: ['src/test-setup.ts'],
  },
});
