// Rigbook site configuration.
// BASE_PATH (default '/') deploys the whole site under a sub-path, e.g. BASE_PATH=/kb/ npm run build.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import * as pagefind from 'pagefind';
import { rehypeBaseLinks } from './src/components/layout/data/rehype-base-links.ts';
import { rehypeDeferOffscreen } from './src/components/layout/data/rehype-defer-offscreen.ts';
import { clientCatalogPlugin } from './src/build/client-catalog-plugin.ts';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Normalises BASE_PATH to '/', or '/segment/…/' with one leading and one trailing slash. */
function normaliseBase(raw) {
  const trimmed = String(raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

const base = normaliseBase(process.env.BASE_PATH);

/**
 * Indexes the built site for search, once: Pagefind writes its bundle to dist/pagefind/ and lists
 * what it wrote, which the service worker precaches. Returns paths relative to dist/ (e.g.
 * `pagefind/index/en_….pf_index`), without the legacy UIs (the site uses the component UI).
 */
async function writeSearchIndex(root) {
  try {
    const created = await pagefind.createIndex({});
    const added = await created.index?.addDirectory({ path: root });
    const written = await created.index?.writeFiles({ outputPath: join(root, 'pagefind') });
    const listed = await created.index?.getFiles();
    const errors = [created, added, written, listed].flatMap((step) => step?.errors ?? []);
    if (!listed || errors.length > 0) throw new Error(`Pagefind could not index ${root}: ${errors.join('; ')}`);
    return listed.files
      .map((f) => `pagefind/${f.path}`.replace(/\\/g, '/'))
      .filter((p) => !/pagefind-(ui|modular-ui|highlight)\.|wasm\.unknown/.test(p))
      .sort();
  } finally {
    await pagefind.close();
  }
}

/**
 * Writes the search index (writeSearchIndex), then finishes dist/sw.js: a build id (so each build's
 * service worker has its own cache and a new build replaces the old cache on activation) and the
 * list of files to precache: the search bundle, so that search works offline after one online
 * visit, and the calculators' engine chunk, which pages fetch only when the reader reaches for a
 * calculator (so a calculator on a page read online still computes offline). public/sw.js holds
 * placeholders.
 */
function stampServiceWorker() {
  return {
    name: 'rigbook:stamp-sw',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const root = fileURLToPath(dir);
        const search = await writeSearchIndex(root);
        const file = join(root, 'sw.js');
        const text = await readFile(file, 'utf8').catch(() => null);
        if (text === null) return;
        // Every script: calculators fetch theirs (and the engine) only when the reader reaches for one.
        const engine = (await readdir(join(root, '_astro'))).filter((f) => /\.js$/.test(f)).map((f) => `_astro/${f}`);
        const files = [...engine, ...search];
        // Everything else the build wrote, pages by their URL: the worker keeps these and nothing else.
        const written = (await readdir(root, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
          .sort();
        const pages = written.filter((f) => f === 'index.html' || f.endsWith('/index.html')).map((f) => f.slice(0, -'index.html'.length));
        const others = written.filter((f) => !f.endsWith('index.html') && f !== 'sw.js' && !files.includes(f));
        const id = `${Date.now().toString(36)}-${createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 8)}`;
        await writeFile(file, text.replace('__RIGBOOK_BUILD__', id).replace('[/*__RIGBOOK_PRECACHE__*/]', JSON.stringify(files))
          .replace('[/*__RIGBOOK_PAGES__*/]', JSON.stringify(pages)).replace('[/*__RIGBOOK_FILES__*/]', JSON.stringify(others)));
      },
    },
  };
}

/** Every .html file under a folder, recursively. */
async function htmlFiles(folder) {
  const out = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(full)));
    else if (entry.name.endsWith('.html')) out.push(full);
  }
  return out;
}

/**
 * `client:reach` (src/components/islands/hydrate/reach.ts): calculators hydrate when the reader
 * first reaches for one, so a page that is only read loads none of their JavaScript.
 */
function reachDirective() {
  return {
    name: 'rigbook:client-reach',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({ name: 'reach', entrypoint: fileURLToPath(new URL('./src/components/islands/hydrate/reach.ts', import.meta.url)) });
      },
    },
  };
}

const islandStyle = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

/**
 * Astro writes its island style rule just before the first island, which in a guide is inside
 * <article>, where <style> is not permitted (html-validate). The rule is global, so it moves to <head>.
 */
function moveIslandStyleToHead(html) {
  const head = html.indexOf('</head>');
  if (head < 0 || html.indexOf(islandStyle, head) < 0) return html;
  const body = html.slice(head).split(islandStyle).join('');
  return `${html.slice(0, head)}${islandStyle}${body}`;
}

/** Moves Astro's island style rule into <head> in every built page (see moveIslandStyleToHead). */
function islandStyleInHead() {
  return {
    name: 'rigbook:island-style-in-head',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        for (const file of await htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const out = moveIslandStyleToHead(html);
          if (out !== html) await writeFile(file, out);
        }
      },
    },
  };
}

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Order matters: the pages are final before the service-worker step indexes them for search.
  integrations: [mdx(), preact(), reachDirective(), islandStyleInHead(), stampServiceWorker()],
  // Prefetching would fetch pages the reader never asked for; keep requests to what is clicked.
  prefetch: false,
  devToolbar: { enabled: false },
  // Source maps only for scripts/bundle-report.ts, which attributes each shipped byte to its module.
  vite: {
    build: { sourcemap: process.env.RIGBOOK_SOURCEMAP === '1' },
    plugins: [clientCatalogPlugin()],
  },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [
        [rehypeKatex, { output: 'htmlAndMathml', strict: 'ignore' }],
        [rehypeBaseLinks, { base }],
        // The methodology is long enough for its offscreen sections to be worth skipping at load.
        [rehypeDeferOffscreen, { files: /\/src\/content\/pages\/methodology\.md$/ }],
      ],
    }),
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: 'light',
      wrap: false,
    },
  },
});
