import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenFile, pageTexts } from '../golden/page-text.ts';

describe('the built pages', () => {
  it('say word for word what the recorded pages said', () => {
    const expected = JSON.parse(readFileSync(goldenFile, 'utf8')) as Record<string, string>;
    const actual = pageTexts();
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
    const differing = Object.keys(expected).filter((k) => actual[k] !== expected[k]);
    expect(differing.map((k) => ({ page: k, expected: expected[k]!.slice(0, 200), actual: actual[k]!.slice(0, 200) }))).toEqual([]);
  });
});
