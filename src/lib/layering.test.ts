/**
 * The library's layering, checked on its import statements: data flows catalog -> engine ->
 * calibration and the entry points, never back, and nothing in src/lib touches a UI framework.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$|test-fixtures\.ts$|\.d\.ts$/.test(e.name) ? [full] : [];
  });
}

/** Each import of each file: [importing file, imported specifier resolved to a path under src/lib or a package name]. */
const imports: [string, string][] = sourceFiles(root).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m): [string, string] => {
    const spec = m[1]!;
    return [relative(root, file), spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)) : spec];
  });
});

/** The part of src/lib a path belongs to: its first folder, or the file itself at the top. */
const partOf = (path: string) => path.split('/')[0]!;

describe('the library\'s layering', () => {
  it('keeps the catalog free of everything but the vocabulary', () => {
    const bad = imports.filter(([f, to]) => partOf(f) === 'catalog' && !to.startsWith('catalog/') && to !== 'vocabulary.ts');
    expect(bad).toEqual([]);
  });
  it('keeps the engine free of calibration values, client state, entry points and catalog data', () => {
    const allowedCatalog = new Set(['catalog/types.ts', 'catalog/ggml.ts']);
    const bad = imports.filter(([f, to]) => partOf(f) === 'sizing' && !to.startsWith('sizing/') && (
      ['calibration', 'state', 'estimate.ts', 'cli.ts', 'quote.ts'].includes(partOf(to)) || (to.startsWith('catalog/') && !allowedCatalog.has(to))));
    expect(bad).toEqual([]);
  });
  it('keeps the vocabulary, the request schema and the spec grammar at the bottom', () => {
    const bottom = ['vocabulary.ts', 'request.ts', 'hardware-spec.ts'];
    const bad = imports.filter(([f, to]) => bottom.includes(f) && to.includes('/') && !to.startsWith('node:'));
    expect(bad).toEqual([]);
  });
  it('keeps the file readers browser-safe: only the CLI\'s reader touches node or @huggingface/gguf', () => {
    const bad = imports.filter(([f, to]) => partOf(f) === 'import' && f !== 'import/node-sources.ts' && (to.startsWith('node:') || to.startsWith('@huggingface')));
    expect(bad).toEqual([]);
    expect(imports.filter(([f, to]) => partOf(f) === 'sizing' && to === 'import/node-sources.ts')).toEqual([]);
  });
  it('imports no UI framework, no Astro and no Vite anywhere', () => {
    const bad = imports.filter(([, to]) => /^(preact|astro|@astrojs|vite)(\/|$)/.test(to));
    expect(bad).toEqual([]);
  });
  it('reads at least the engine\'s own imports (the check sees the files)', () => {
    expect(imports.some(([f, to]) => f === 'sizing/engine/index.ts' && to === 'sizing/engine/defaults.ts')).toBe(true);
  });
});
