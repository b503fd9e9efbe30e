import { expect, it } from 'vitest';
import { npmRun } from '../support/npm-run.ts';

it('the code passes the linter with no error and no warning (npm run lint)', () => {
  const { status, output } = npmRun('lint');
  expect(status, output).toBe(0);
});
