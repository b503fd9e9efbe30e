/**
 * Serves the built site (dist/) for `npm start` and the browser tests: sirv maps URLs to files,
 * compression gzips text. Unlike `astro preview` it can run several times at once, and it can
 * serve the site under a sub-path (BASE_PATH=/kb/) the way a reverse proxy would.
 *
 * Usage: node scripts/serve.ts [--dir dist] [--port 4321] [--base /]
 * Environment: PORT, BASE_PATH. Port 0 picks a free port; the chosen URL is printed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import compression from 'compression';
import sirv from 'sirv';

/** Normalises a base path to the form `/`, or `/kb/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** True when a URL path (inside the base) names a folder under `root`. */
function isFolder(root: string, urlPath: string): boolean {
  try {
    const path = join(root, decodeURIComponent(urlPath));
    return path.startsWith(root + sep) && statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Starts the server; resolves with the server and the URL it listens on. */
export function serve(options: { dir: string; port: number; base: string; quiet?: boolean }): Promise<{ server: Server; url: string }> {
  const root = resolve(options.dir);
  const base = normaliseBase(options.base);
  const notFound = (_request: IncomingMessage, response: ServerResponse): void => {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    createReadStream(join(root, '404.html')).on('error', () => response.end('Not found')).pipe(response);
  };
  // dev mode reads the folder on every request (not a listing taken at start), so a rebuild is served at once.
  const files = sirv(root, {
    dev: true,
    etag: true,
    onNoMatch: notFound,
    setHeaders(response, pathname) {
      // Astro's hashed assets never change under the same name; pages and the worker must revalidate.
      const html = pathname.endsWith('/') || pathname.endsWith('.html') || !/\.\w+$/.test(pathname);
      response.setHeader('cache-control', pathname.startsWith('/_astro/')
        ? 'public, max-age=31536000, immutable'
        : html || pathname === '/sw.js' ? 'no-cache' : 'public, max-age=3600');
      // The service worker must be allowed to control the whole base path.
      if (pathname === '/sw.js') response.setHeader('service-worker-allowed', base);
      // Pagefind's index files have no registered type.
      if (/\.(pf_\w+|pagefind)$/.test(pathname)) response.setHeader('content-type', 'application/octet-stream');
    },
  });
  // Every size, as a static host that precompresses would; fonts, images and Pagefind's files are not compressible types.
  // The middleware is plain node:http underneath; its type definitions name Express's request types.
  const gzip = compression({ threshold: 0, level: 9 }) as unknown as (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

  const server = createServer((request, response) => {
    const [pathname = '/', query] = (request.url ?? '/').split('?', 2);
    if (base !== '/' && (pathname === '/' || pathname === base.slice(0, -1))) {
      response.writeHead(302, { location: base });
      response.end();
      return;
    }
    if (!pathname.startsWith(base)) return notFound(request, response);
    const inside = `/${pathname.slice(base.length)}`;
    // A directory URL without its trailing slash: redirect like a static host would, or the page's relative links break.
    if (!inside.endsWith('/') && isFolder(root, inside)) {
      response.writeHead(301, { location: `${pathname}/${query === undefined ? '' : `?${query}`}` });
      response.end();
      return;
    }
    request.url = query === undefined ? inside : `${inside}?${query}`;
    gzip(request, response, () => files(request, response));
  });
  return new Promise((resolvePromise, reject) => {
    server.on('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : options.port;
      const url = `http://localhost:${port}${base}`;
      if (!options.quiet) console.log(`Serving ${options.dir} at ${url} (Ctrl-C to stop)`);
      resolvePromise({ server, url });
    });
  });
}

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (import.meta.main) {
  const portText = argValue('--port') ?? process.env['PORT'] ?? '4321';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`error: PORT must be a whole number from 0 to 65535, not "${portText}"`);
    process.exit(2);
  }
  const dir = argValue('--dir') ?? 'dist';
  try {
    statSync(join(dir, 'index.html'));
  } catch {
    console.error(`error: ${dir}/index.html not found; build the site first with npm run build`);
    process.exit(2);
  }
  serve({ dir, port, base: argValue('--base') ?? process.env['BASE_PATH'] ?? '/' }).catch((error: Error) => {
    console.error(`error: ${error.message}`);
    process.exit(2);
  });
}
