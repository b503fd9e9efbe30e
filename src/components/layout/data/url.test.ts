import { describe, expect, it } from 'vitest';
import { href, sitePath } from './url.ts';

// Vitest runs with Vite's default base '/'; the sub-path case is covered by rehype-base-links.test.ts
// and by the BASE_PATH=/kb/ build.
describe('href at the root base', () => {
  it('returns root-absolute paths unchanged', () => {
    expect(href('/guides/speed/')).toBe('/guides/speed/');
  });
  it('passes external links and fragments through', () => {
    expect(href('https://example.org/')).toBe('https://example.org/');
    expect(href('#sources')).toBe('#sources');
  });
});

describe('sitePath', () => {
  it('adds the trailing slash and strips index.html so nav links can be compared', () => {
    expect(sitePath('/guides/speed')).toBe('/guides/speed/');
    expect(sitePath('/guides/index.html')).toBe('/guides/');
  });
});
