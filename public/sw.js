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
    // One missing file must not abort the install.
    await Promise.all(PRECACHE.map((url) => cache.add(new Request(url, { cache: 'reload' })).catch(() => undefined)));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('rigbook-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

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
