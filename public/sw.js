/* Rigbook service worker: keeps the pages a reader has opened, and the search index, for
   reading and searching offline. Hand-written; no libraries.
   VERSION is replaced at build time (astro.config.mjs), so every build gets a new cache and
   the old one is deleted on activation. Scope-relative: works under any base path. */
const VERSION = '__RIGBOOK_BUILD__';
const CACHE = `rigbook-${VERSION}`;
const scope = new URL(self.registration.scope);
const at = (path) => new URL(path, scope).href;
// Fetched on install so that search and the calculators work offline after one online visit: the
// home page, the fallback page, the calculators' engine (pages fetch it only when the reader reaches
// for a calculator) and the whole search bundle (the file list is written in at build time).
const BUILD_FILES = [/*__RIGBOOK_PRECACHE__*/];
const PRECACHE = ['', '404.html', ...BUILD_FILES].map(at);

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Four at a time: the install runs while the reader uses the page, and some 170 requests at once
    // compete with it for the network and the processor. One missing file must not abort the install.
    let next = 0;
    const fetchInTurn = async () => {
      while (next < PRECACHE.length) await cache.add(new Request(PRECACHE[next++], { cache: 'reload' })).catch(() => undefined);
    };
    await Promise.all([fetchInTurn(), fetchInTurn(), fetchInTurn(), fetchInTurn()]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('rigbook-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
    await keepOpenPages();
  })());
});

/** Same-origin URLs of the files a page or a script loads (styles, scripts, icons, island chunks). */
function referencedFiles(text, base) {
  const out = [];
  const refs = /(?:href|src|component-url|renderer-url|before-hydration-url)="([^"]+)"|(?:from|import\(?)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;
  for (const [, attr, specifier] of text.matchAll(refs)) {
    const url = new URL((attr ?? specifier).replaceAll('&amp;', '&'), base);
    url.hash = '';
    if (url.origin === scope.origin && url.href.startsWith(scope.href) && /\.(?:js|css|svg|woff2?|png|webp)$/.test(url.pathname)) out.push(url.href);
  }
  return out;
}

/**
 * The pages open when the worker takes over were loaded before it existed, so the fetch handler
 * never saw them. Fetch each one into the cache with the files it loads, following the scripts'
 * own imports, so that the first page a reader opens is kept for offline reading too.
 */
async function keepOpenPages() {
  const cache = await caches.open(CACHE);
  const seen = new Set();
  const keep = async (url, follow) => {
    if (seen.has(url)) return;
    seen.add(url);
    try {
      if (!follow && (await cache.match(url))) return;
      const response = await fetch(url);
      if (!response.ok) return;
      const text = follow ? await response.clone().text() : '';
      await cache.put(url, response);
      if (follow) await Promise.all(referencedFiles(text, url).map((file) => keep(file, file.endsWith('.js'))));
    } catch {
      // Offline already, or the file is gone: keep what could be kept.
    }
  };
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
    const url = new URL(client.url);
    url.hash = '';
    if (url.origin === scope.origin && url.href.startsWith(scope.href)) await keep(url.href, true);
  }
}

/** Network first (fresh content online), falling back to the cache offline. */
async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    // Pagefind adds cache-busting query strings (?ts=...); pages may carry ?q=. Match without them.
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    if (request.mode === 'navigate') {
      const fallback = await cache.match(at('404.html'));
      if (fallback) return fallback;
    }
    throw error;
  }
}

/** Cache first for fingerprinted assets (/_astro/, Pagefind index chunks): they never change. */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.href.startsWith(scope.href)) return;
  const path = url.pathname.slice(scope.pathname.length);
  const immutable = path.startsWith('_astro/') || /^pagefind\/(index|fragment|filter)\//.test(path);
  event.respondWith(immutable ? cacheFirst(request) : networkFirst(request));
});
