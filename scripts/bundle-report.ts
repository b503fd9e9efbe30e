/**
 * Where a calculator page's JavaScript comes from: builds the site with source maps into a
 * scratch folder, then prints every emitted chunk (gzip -9, as the budget test measures) and,
 * inside each, what every source module costs: how many gzipped bytes the chunk would lose
 * without that module's code (its marginal cost, so the numbers rank what is worth cutting).
 *
 *   npm run bundle-report                  # builds into .cache/dist-map, then reports
 *   npm run bundle-report -- --no-build    # reuses the last scratch build
 *   npm run bundle-report -- state         # only chunks whose name starts with "state"
 *
 * The budget itself is tests/dist/budget.test.ts; this script explains it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, '.cache', 'dist-map');
const args = process.argv.slice(2);
const prefix = args.find((a) => !a.startsWith('--')) ?? '';

if (!args.includes('--no-build') || !existsSync(outDir)) {
  execFileSync('npx', ['astro', 'build', '--outDir', outDir], {
    cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, RIGBOOK_SOURCEMAP: '1' },
  });
}

const astroDir = join(outDir, '_astro');
const gzip = (text: string): number => gzipSync(text, { level: 9 }).length;
const kb = (n: number): string => `${(n / 1024).toFixed(2).padStart(6)} KB`;

/** The chunk's text cut into [source module, code] pieces, in order, from its source map. */
function pieces(code: string, mapText: string): [string, string][] {
  const map = JSON.parse(mapText) as { sources: string[]; mappings: string };
  const lines = code.split('\n');
  const out: [string, string][] = [];
  decode(map.mappings).forEach((segments, lineNo) => {
    const line = lines[lineNo] ?? '';
    const first = segments[0];
    if (!first) { out.push(['(generated)', `${line}\n`]); return; }
    if (first[0] > 0) out.push(['(generated)', line.slice(0, first[0])]);
    segments.forEach((seg, i) => {
      const next = segments[i + 1];
      const end = next ? next[0] : line.length;
      const source = seg.length > 1 ? map.sources[seg[1]!] ?? '(generated)' : '(generated)';
      out.push([source, line.slice(seg[0], end) + (next ? '' : '\n')]);
    });
  });
  return out;
}

const chunks = readdirSync(astroDir).filter((f) => f.endsWith('.js') && f.startsWith(prefix));
const sized = chunks.map((name) => ({ name, code: readFileSync(join(astroDir, name), 'utf8') }))
  .map((c) => ({ ...c, gzip: gzip(c.code) }))
  .sort((a, b) => b.gzip - a.gzip);

for (const { name, code, gzip: total } of sized) {
  console.log(`${kb(total)}  ${name}`);
  const mapFile = join(astroDir, `${name}.map`);
  if (!existsSync(mapFile)) continue;
  const parts = pieces(code, readFileSync(mapFile, 'utf8'));
  const sources = [...new Set(parts.map(([s]) => s))];
  if (sources.length < 2) continue;
  const rows = sources.map((source) => ({
    source: source === '(generated)' ? source : relative(root, resolve(astroDir, source)).replace(/^.*node_modules\//, 'npm:'),
    bytes: total - gzip(parts.filter(([s]) => s !== source).map(([, t]) => t).join('')),
  })).sort((a, b) => b.bytes - a.bytes);
  for (const r of rows) console.log(`      ${kb(r.bytes)}  ${r.source}`);
}
