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
// Every page the build wrote and its other files, written in at build time: the worker keeps these
// and nothing else (its scope may hold another application's files), so it never outgrows one build.
const PAGES = [/*__RIGBOOK_PAGES__*/];
const OTHER_FILES = [/*__RIGBOOK_FILES__*/];
const OWN = new Set([...PRECACHE, ...PAGES.map(at), ...OTHER_FILES.map(at)]);

/**
 * The cache key for a URL: the URL without its query and fragment when it names one of Rigbook's
 * pages or files, else null (not Rigbook's: left to the network, never kept). Pagefind adds
 * cache-busting queries (?ts=...) and calculator links carry settings (?model=...); one entry each.
 */
function ownKey(href) {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  return OWN.has(url.href) ? url.href : null;
}

/**
 * Keeps a response under `key` when Cache Storage can hold it. 206 and `Vary: *` are refused by
 * `put`, and a full quota rejects it: a write that fails only loses the offline copy, never the response.
 */
async function store(cache, key, response) {
  // A redirected response cannot answer a navigation later; the redirect's target is kept on its own.
  if (response.status !== 200 || response.type !== 'basic' || response.redirected || /(^|,)\s*\*\s*(,|$)/.test(response.headers.get('vary') ?? '')) return;
  try {
    await cache.put(key, response);
  } catch {
    // Quota full or a response the cache refuses: the reader already has the response.
  }
}

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

/** Rigbook's own URLs (as cache keys) of the files a page or a script loads (styles, scripts, icons, island chunks). */
function referencedFiles(text, base) {
  const out = [];
  const refs = /(?:href|src|component-url|renderer-url|before-hydration-url)="([^"]+)"|(?:from|import\(?)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;
  for (const [, attr, specifier] of text.matchAll(refs)) {
    const url = new URL((attr ?? specifier).replaceAll('&amp;', '&'), base);
    const key = /\.(?:js|css|svg|woff2?|png|webp)$/.test(url.pathname) ? ownKey(url.href) : null;
    if (key) out.push(key);
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
  const keep = async (key, follow) => {
    if (seen.has(key)) return;
    seen.add(key);
    try {
      if (!follow && (await cache.match(key))) return;
      const response = await fetch(key);
      if (!response.ok) return;
      const text = follow ? await response.clone().text() : '';
      await store(cache, key, response);
      if (follow) await Promise.all(referencedFiles(text, key).map((file) => keep(file, file.endsWith('.js'))));
    } catch {
      // Offline already, or the file is gone: keep what could be kept.
    }
  };
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
    const key = ownKey(client.url);
    if (key) await keep(key, true);
  }
}

/** Network first (fresh content online), falling back to the cache offline. */
async function networkFirst(event, key) {
  const cache = await caches.open(CACHE);
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    if (event.request.mode === 'navigate') {
      const fallback = await cache.match(at('404.html'));
      if (fallback) return fallback;
    }
    throw error;
  }
  // Written while the reader already reads the response: caching never delays nor withholds it.
  event.waitUntil(store(cache, key, response.clone()));
  return response;
}

/** Cache first for fingerprinted assets (/_astro/, Pagefind index chunks): they never change. */
async function cacheFirst(event, key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  if (cached) return cached;
  const response = await fetch(event.request);
  event.waitUntil(store(cache, key, response.clone()));
  return response;
}

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const key = ownKey(event.request.url);
  if (!key) return;
  const path = key.slice(scope.href.length);
  const immutable = path.startsWith('_astro/') || /^pagefind\/(index|fragment|filter)\//.test(path);
  event.respondWith(immutable ? cacheFirst(event, key) : networkFirst(event, key));
});
