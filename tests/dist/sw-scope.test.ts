import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { distDir } from '../support/dist.ts';

/** A list the build wrote into dist/sw.js, by the name of its constant. */
function stamped(sw: string, name: string): string[] {
  const list = new RegExp(`const ${name} = (\\[[^\\]]*\\])`).exec(sw)?.[1];
  if (list === undefined) throw new Error(`dist/sw.js has no ${name} list`);
  return JSON.parse(list) as string[];
}

describe('the service worker\'s own files', () => {
  it('lists every page the build wrote and every other file it wrote, and nothing else', () => {
    const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
    const listed = new Set(['', '404.html', ...['BUILD_FILES', 'PAGES', 'OTHER_FILES'].flatMap((name) => stamped(sw, name))]);
    const written = readdirSync(distDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(distDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .filter((path) => path !== 'sw.js')
      .map((path) => (path.endsWith('index.html') ? path.slice(0, -'index.html'.length) : path));
    expect(written.length).toBeGreaterThan(100);
    expect(written.filter((path) => !listed.has(path))).toEqual([]);
    expect([...listed].filter((path) => !written.includes(path))).toEqual([]);
    expect(stamped(sw, 'PAGES')).toContain('calculators/will-it-fit/');
  });
});
