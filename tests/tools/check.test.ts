import { expect, it } from 'vitest';
import { npmRun } from '../support/npm-run.ts';

it('the type checker finds no error in any file (npm run check)', () => {
  const { status, output } = npmRun('check');
  expect(status, output).toBe(0);
});
