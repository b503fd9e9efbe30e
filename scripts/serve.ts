/**
 * A small static file server for the built site (dist/), used by `npm start` and by the
 * browser tests. Unlike `astro preview` it can run several times at once, and it can
 * serve the site under a sub-path (BASE_PATH=/kb/) the way a reverse proxy would.
 *
 * Usage: node scripts/serve.ts [--dir dist] [--port 4321] [--base /]
 * Environment: PORT, BASE_PATH. Port 0 picks a free port; the chosen URL is printed.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Types worth compressing; fonts, images and Pagefind's own files are already compressed. */
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml', '.webmanifest']);
const gzipCache = new Map<string, { mtimeMs: number; body: Buffer }>();

/** The gzipped bytes of a file, compressed once per version of the file. */
function gzippedFile(file: string): Buffer {
  const mtimeMs = statSync(file).mtimeMs;
  const cached = gzipCache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.body;
  const body = gzipSync(readFileSync(file), { level: 9 });
  gzipCache.set(file, { mtimeMs, body });
  return body;
}

/** Normalises a base path to the form `/`, or `/kb/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * Maps a request path to a file under `root`, or null when it falls outside the base
 * or outside the root (path traversal). Directories resolve to their index.html.
 */
export function resolveRequestPath(root: string, base: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (!path.startsWith(base) && `${path}/` !== base) return null;
  const relative = path.slice(Math.min(base.length, path.length));
  const absolute = normalize(join(root, relative));
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  if (absolute !== root && !absolute.startsWith(rootWithSep)) return null;
  try {
    const stat = statSync(absolute);
    if (stat.isDirectory()) {
      // Without the trailing slash, relative links on the page would resolve wrongly: the caller redirects.
      if (!path.endsWith('/')) return null;
      const index = join(absolute, 'index.html');
      return statSync(index).isFile() ? index : null;
    }
    return stat.isFile() ? absolute : null;
  } catch {
    const html = `${absolute}.html`;
    try {
      return statSync(html).isFile() ? html : null;
    } catch {
      return null;
    }
  }
}

/** Starts the server; resolves with the server and the URL it listens on. */
export function serve(options: { dir: string; port: number; base: string; quiet?: boolean }): Promise<{ server: Server; url: string }> {
  const root = resolve(options.dir);
  const base = normaliseBase(options.base);
  const notFoundPage = join(root, '404.html');
  const server = createServer((request, response) => {
    const urlPath = request.url ?? '/';
    if (base !== '/' && (urlPath === '/' || urlPath === base.slice(0, -1))) {
      response.writeHead(302, { location: base });
      response.end();
      return;
    }
    const file = resolveRequestPath(root, base, urlPath);
    if (file === null) {
      // A directory URL without its trailing slash: redirect like a static host would.
      const [pathname = '/', query] = urlPath.split('?', 2);
      if (!pathname.endsWith('/') && resolveRequestPath(root, base, `${pathname}/`) !== null) {
        response.writeHead(301, { location: `${pathname}/${query === undefined ? '' : `?${query}`}` });
        response.end();
        return;
      }
      response.writeHead(404, { 'content-type': contentTypes['.html']! });
      try {
        createReadStream(notFoundPage).on('error', () => response.end('Not found')).pipe(response);
      } catch {
        response.end('Not found');
      }
      return;
    }
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type };
    // The service worker must be allowed to control the whole base path.
    if (file.endsWith(`${sep}sw.js`)) headers['service-worker-allowed'] = base;
    // Astro's hashed assets never change under the same name; pages and the worker must revalidate.
    headers['cache-control'] = file.includes(`${sep}_astro${sep}`)
      ? 'public, max-age=31536000, immutable'
      : file.endsWith('.html') || file.endsWith('sw.js') ? 'no-cache' : 'public, max-age=3600';
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (acceptsGzip && compressible.has(extname(file))) {
      const body = gzippedFile(file);
      headers['content-encoding'] = 'gzip';
      headers['vary'] = 'accept-encoding';
      headers['content-length'] = String(body.length);
      response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    response.writeHead(200, headers);
    createReadStream(file).pipe(response);
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
