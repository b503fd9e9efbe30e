import { rmSync } from 'node:fs';
import { expect, it } from 'vitest';
import { distDir } from '../support/dist.ts';
import { npmRun } from '../support/npm-run.ts';

it('the site builds, content collections validated, with its search index (npm run build)', () => {
  // The checks over dist/ that follow must never read an older build.
  rmSync(distDir, { recursive: true, force: true });
  const { status, output } = npmRun('build', ['--outDir', distDir]);
  expect(status, output).toBe(0);
});
