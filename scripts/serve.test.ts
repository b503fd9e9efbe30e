import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { normaliseBase, serve } from './serve.ts';

let root: string;
const servers: Server[] = [];
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'rigbook-serve-'));
  mkdirSync(join(root, 'guides', 'speed'), { recursive: true });
  mkdirSync(join(root, '_astro'), { recursive: true });
  mkdirSync(join(root, 'pagefind'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(root, '404.html'), '<h1>not found</h1>');
  writeFileSync(join(root, 'guides', 'speed', 'index.html'), '<h1>speed</h1>');
  writeFileSync(join(root, '_astro', 'app.abc123.js'), 'console.log(1);'.repeat(100));
  writeFileSync(join(root, 'sw.js'), 'self;');
  writeFileSync(join(root, 'pagefind', 'en_1.pf_meta'), 'meta');
});
afterAll(() => {
  for (const server of servers) server.close();
  rmSync(root, { recursive: true, force: true });
});

async function start(base = '/'): Promise<string> {
  const { server, url } = await serve({ dir: root, port: 0, base, quiet: true });
  servers.push(server);
  return url;
}

/** A GET with the path sent as written (fetch would resolve `..` before sending it). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(new URL(url), { path }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject).end();
  });
}

describe('the static server', () => {
  it('normalises base paths to a leading and trailing slash', () => {
    expect(normaliseBase('')).toBe('/');
    expect(normaliseBase('kb')).toBe('/kb/');
    expect(normaliseBase('/kb')).toBe('/kb/');
  });

  it('serves a directory URL from its index.html', async () => {
    const response = await fetch(new URL('guides/speed/', await start()));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toBe('<h1>speed</h1>');
  });

  it('refuses paths that climb out of the served folder', async () => {
    const url = await start();
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/../../etc']) {
      const response = await rawGet(url, path);
      expect(response.status).toBe(404);
      expect(response.body).toContain('not found');
    }
  });

  it('serves nothing outside the base path, and sends the bare base to the site', async () => {
    const url = await start('/kb/');
    expect(url).toMatch(/\/kb\/$/);
    expect((await fetch(new URL('/guides/speed/', url))).status).toBe(404);
    expect(await (await fetch(new URL('/kb/guides/speed/', url))).text()).toBe('<h1>speed</h1>');
    const bare = await fetch(new URL('/kb', url), { redirect: 'manual' });
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/kb/');
  });

  it('answers unknown paths with the 404 page and status 404, and redirects a missing trailing slash', async () => {
    const url = await start();
    const missing = await fetch(new URL('nope/', url));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('not found');
    const redirect = await fetch(new URL('guides/speed?q=1', url), { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/guides/speed/?q=1');
  });

  it('serves a file written after it started', async () => {
    const url = await start();
    writeFileSync(join(root, 'late.html'), '<h1>late</h1>');
    expect(await (await fetch(new URL('late.html', url))).text()).toBe('<h1>late</h1>');
  });
});

describe('the static server, headers', () => {
  it('gzips pages for clients that accept it, however small', async () => {
    const page = await fetch(await start(), { headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(await page.text()).toContain('home');
  });

  it('keeps hashed assets cacheable for a year and makes pages and the service worker revalidate', async () => {
    const url = await start('/kb/');
    expect((await fetch(new URL('_astro/app.abc123.js', url))).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(new URL('guides/speed/', url))).headers.get('cache-control')).toBe('no-cache');
    const worker = await fetch(new URL('sw.js', url));
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    expect(worker.headers.get('service-worker-allowed')).toBe('/kb/');
  });

  it('sends the search index files as binary data', async () => {
    const response = await fetch(new URL('pagefind/en_1.pf_meta', await start()));
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
  });
});
