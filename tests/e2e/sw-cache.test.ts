import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import sirv from 'sirv';
import { chromiumArgs, chromiumPath, hydrated } from '../support/browser.ts';

// A host shared with another application, serving the built site with a few awkward answers: a
// page and a file sent with `Vary: *` (which Cache Storage refuses), byte ranges (206, refused too)
// and another application's JSON under /private/. Every page carries the number of its answer, so
// the test can tell a fresh page from a cached one.
const root = resolve(process.env['DIST_DIR'] ?? 'dist');
const varyStar = new Set(['/glossary/', '/favicon.svg']);
let answers = 0;
let server: Server;
let origin: string;
let browser: Browser;

/** Every page the build wrote (as its URL path) and every other file, as the worker may keep them. */
function ownPaths(folder = root): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) return ownPaths(full);
    const path = `/${relative(root, full).split(sep).join('/')}`;
    return [path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path];
  });
}

beforeAll(async () => {
  const files = sirv(root, { dev: true });
  server = createServer((request, response) => {
    const n = ++answers;
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (varyStar.has(path)) response.setHeader('vary', '*');
    if (path.startsWith('/private/')) {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify({ app: 'another application', answer: n }));
      return;
    }
    const page = join(root, path, 'index.html');
    if (path.endsWith('/') && page.startsWith(root) && existsSync(page)) {
      const html = readFileSync(page, 'utf8').replace('<head>', `<head><meta name="answer" content="${n}">`);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      response.end(html);
      return;
    }
    files(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(readFileSync(join(root, '404.html')));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
});

/** A KaTeX font: one of Rigbook's files that no page loads and the worker does not precache. */
const fontPath = (): string => `/_astro/${readdirSync(join(root, '_astro')).find((f) => f.endsWith('.ttf'))}`;

/** The answer number a page was served with, or null when it came from elsewhere (the cache, the 404 page). */
const answerOf = (page: Page): Promise<string | null> => page.locator('meta[name="answer"]').getAttribute('content', { timeout: 1000 }).catch(() => null);

/** Every URL kept in any of the origin's caches. */
const cachedUrls = (page: Page): Promise<string[]> =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    return urls.sort();
  });

/** A new context whose page `first` is controlled by an activated worker. */
async function controlled(first: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto(at(first), { waitUntil: 'load' });
  await page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    if (!worker || worker.state === 'activated') return;
    await new Promise<void>((done) => worker.addEventListener('statechange', () => worker.state === 'activated' && done()));
  });
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  return { context, page };
}

const at = (path: string): string => new URL(path, origin).href;

describe('the service worker on a host it shares with another application', () => {
  it('shows each page and file fresh from the network when the cache cannot keep it (Vary: *, a byte range, a full quota)', async () => {
    const { context, page } = await controlled('/');
    let before = answers;
    await page.goto(at('/glossary/'), { waitUntil: 'load' });
    expect(await page.locator('h1').textContent()).toMatch(/glossary/i);
    expect(Number(await answerOf(page))).toBeGreaterThan(before);

    expect(await page.evaluate(() => fetch('/favicon.svg').then((r) => r.text()).catch((e: unknown) => `failed: ${String(e)}`))).toMatch(/^<svg/);
    const range = await page.evaluate(async (url) => {
      const response = await fetch(url, { headers: { range: 'bytes=0-99' } }).catch(() => null);
      return response ? { status: response.status, length: (await response.arrayBuffer()).byteLength } : null;
    }, fontPath());
    expect(range).toEqual({ status: 206, length: 100 });

    // Every cache write fails once the origin's quota is one byte.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    before = answers;
    await page.goto(at('/methodology/'), { waitUntil: 'load' });
    expect(await page.locator('h1').textContent()).toMatch(/methodology/i);
    expect(Number(await answerOf(page))).toBeGreaterThan(before);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });

    const kept = await cachedUrls(page);
    expect(kept.filter((url) => [at('/glossary/'), at('/favicon.svg'), at(fontPath()), at('/methodology/')].includes(url))).toEqual([]);
    await context.close();
  }, 30_000);

  it('keeps only Rigbook\'s own pages and files, each once without its query, and serves them offline', async () => {
    // The first page read carries a calculator link's query: it is kept as the page itself.
    const { context, page } = await controlled('/calculators/will-it-fit/?model=deepseek-v3');
    const before = answers;
    expect((await page.evaluate(() => fetch('/private/data.json').then((r) => r.json() as Promise<{ answer: number }>))).answer).toBeGreaterThan(before);
    await page.goto(at('/private/data.json'), { waitUntil: 'load' });
    expect(await page.locator('body').textContent()).toContain('another application');

    await page.goto(at('/guides/quantization/'), { waitUntil: 'load' });
    const statuses = await page.evaluate(async () => {
      const out: number[] = [];
      for (let n = 0; n < 200; n += 10) {
        const batch = Array.from({ length: 10 }, (_, i) => [fetch(`/private/data.json?junk=${n + i}`), fetch(`/pagefind/pagefind-entry.json?junk=${n + i}`)]).flat();
        out.push(...(await Promise.all(batch)).map((r) => r.status));
      }
      out.push((await fetch('/calculators/how-fast/?model=deepseek-v3')).status);
      return out;
    });
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    const own = new Set(ownPaths().map(at));
    await expect.poll(async () => (await cachedUrls(page)).includes(at('/calculators/how-fast/')), { timeout: 5000 }).toBe(true);
    const kept = await cachedUrls(page);
    expect(kept.filter((url) => !own.has(url))).toEqual([]);
    expect(new Set(kept).size).toBe(kept.length);
    expect(kept).toContain(at('/calculators/will-it-fit/'));
    expect(kept).toContain(at('/guides/quantization/'));

    await context.setOffline(true);
    for (const path of ['/guides/quantization/', '/calculators/will-it-fit/', '/calculators/will-it-fit/?model=deepseek-r1']) {
      await page.goto(at(path), { waitUntil: 'load' });
      expect(await page.locator('h1').textContent()).not.toMatch(/not found/i);
    }
    await hydrated(page);
    await context.close();
  }, 30_000);
});
