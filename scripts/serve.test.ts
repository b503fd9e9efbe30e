import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { normaliseBase, resolveRequestPath, serve } from './serve.ts';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'rigbook-serve-'));
  mkdirSync(join(root, 'guides', 'speed'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(root, '404.html'), '<h1>not found</h1>');
  writeFileSync(join(root, 'guides', 'speed', 'index.html'), '<h1>speed</h1>');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the static server', () => {
  it('normalises base paths to a leading and trailing slash', () => {
    expect(normaliseBase('')).toBe('/');
    expect(normaliseBase('kb')).toBe('/kb/');
    expect(normaliseBase('/kb')).toBe('/kb/');
  });

  it('serves a directory URL from its index.html', () => {
    expect(resolveRequestPath(root, '/', '/guides/speed/')).toBe(join(root, 'guides', 'speed', 'index.html'));
  });

  it('refuses paths that climb out of the served folder', () => {
    expect(resolveRequestPath(root, '/', '/../../etc/passwd')).toBeNull();
    expect(resolveRequestPath(root, '/', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
  });

  it('serves nothing outside the base path', () => {
    expect(resolveRequestPath(root, '/kb/', '/guides/speed/')).toBeNull();
    expect(resolveRequestPath(root, '/kb/', '/kb/guides/speed/')).toBe(join(root, 'guides', 'speed', 'index.html'));
  });

  it('answers unknown paths with the 404 page and status 404, and redirects a missing trailing slash', async () => {
    const { server, url } = await serve({ dir: root, port: 0, base: '/', quiet: true });
    try {
      const missing = await fetch(new URL('nope/', url));
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('not found');
      const redirect = await fetch(new URL('guides/speed', url), { redirect: 'manual' });
      expect(redirect.status).toBe(301);
      expect(redirect.headers.get('location')).toBe('/guides/speed/');
    } finally {
      (server as Server).close();
    }
  });
});

describe('the static server, compression', () => {
  it('gzips pages for clients that accept it and keeps hashed assets cacheable for a year', async () => {
    mkdirSync(join(root, '_astro'), { recursive: true });
    writeFileSync(join(root, '_astro', 'app.abc123.js'), 'console.log(1);'.repeat(100));
    const { server, url } = await serve({ dir: root, port: 0, base: '/', quiet: true });
    try {
      const page = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
      expect(page.headers.get('content-encoding')).toBe('gzip');
      expect(await page.text()).toContain('home');
      const asset = await fetch(new URL('_astro/app.abc123.js', url));
      expect(asset.headers.get('cache-control')).toContain('immutable');
    } finally {
      (server as Server).close();
    }
  });
});
