import { describe, expect, it } from 'vitest';
import { citeNumber } from './cite.ts';

const ctx = {
  page: 'src/content/guides/speed.mdx',
  sources: [
    { id: 'a', title: 'A', url: 'https://a.example' },
    { id: 'b', title: 'B', url: 'https://b.example' },
  ],
};

describe('citeNumber', () => {
  it('numbers a citation by its position in the front-matter sources, from 1', () => {
    expect(citeNumber(ctx, 'b').n).toBe(2);
    expect(citeNumber(ctx, 'a').source.url).toBe('https://a.example');
  });
  it('fails the build naming the page and the id when the id is unknown', () => {
    expect(() => citeNumber(ctx, 'nope')).toThrow(/speed\.mdx.*"nope"/);
  });
  it('fails when used on a page that has no sources list', () => {
    expect(() => citeNumber(undefined, 'a')).toThrow(/without a sources list/);
  });
});
