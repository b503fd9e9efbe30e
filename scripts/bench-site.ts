/**
 * `npm run bench:site`: measures the site as a reader gets it. Not part of `npm test`, because
 * Lighthouse timings on a 2-core machine are too noisy to gate on; the numbers go in the README.
 *
 * Prints: build time, page count, per-template page weight (gzipped JS and CSS, HTML), and
 * Lighthouse scores (mobile and desktop, median of 3 runs) for one page of each template.
 * Lighthouse is fetched from the npm registry on first use (`npx lighthouse@13`), so it does not
 * weigh on `npm ci`. Options: --skip-build (measure the existing dist/), --runs N, --no-lighthouse.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './serve.ts';
import { hasIsland, htmlPages, onceUsedJsGzipBytes, pageCssGzipBytes, pageJsGzipBytes, templateOf, urlOf, gzipBytes, distDir } from '../tests/support/dist.ts';

const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 3;
const chromiumPath = process.env['CHROME_PATH'] ?? process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

if (!args.includes('--skip-build')) {
  const start = performance.now();
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('error: the build failed');
    process.exit(2);
  }
  console.log(`build time: ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

const pages = htmlPages();
console.log(`pages: ${pages.length}`);

const { targets, onDemandChunkCeilingBytes } = JSON.parse(readFileSync(new URL('../tests/dist/budget-record.json', import.meta.url), 'utf8')) as { targets: Record<string, number>; onDemandChunkCeilingBytes: Record<string, number> };
/** Chunks fetched only on a further request of the reader (the reader of their own model file): weighed apart. */
const onDemandNames = Object.keys(onDemandChunkCeilingBytes);
const byTemplate = new Map<string, string[]>();
for (const file of pages) {
  const template = templateOf(file);
  byTemplate.set(template, [...(byTemplate.get(template) ?? []), file]);
}

console.log('\nper-template page weight (gzipped; max over the template\'s pages)');
console.log('template            pages   JS KB   CSS KB  HTML KB  JS with engine KB');
for (const [template, files] of [...byTemplate].sort()) {
  const js = Math.max(...files.map((f) => pageJsGzipBytes(f)));
  // What a reader who uses a calculator downloads (the engine is fetched on demand), as the budget test counts it.
  const jsAll = Math.max(...files.map((f) => onceUsedJsGzipBytes(f, onDemandNames)));
  const css = Math.max(...files.map(pageCssGzipBytes));
  const html = Math.max(...files.map((f) => gzipBytes(readFileSync(join(distDir, f)))));
  console.log(`${template.padEnd(18)} ${String(files.length).padStart(6)} ${(js / 1024).toFixed(2).padStart(7)} ${(css / 1024).toFixed(2).padStart(8)} ${(html / 1024).toFixed(2).padStart(8)}${jsAll > js ? (jsAll / 1024).toFixed(2).padStart(19) : ''}`);
}

// The page-weight targets (tests/dist/budget-record.json), against the heaviest page measured.
const heaviest = (keep: (f: string) => boolean, lazy = false) => Math.max(0, ...pages.filter(keep).map((f) => (lazy ? onceUsedJsGzipBytes(f, onDemandNames) : pageJsGzipBytes(f))));
for (const [label, bytes, target] of [
  ['page without a calculator, at load', heaviest((f) => !hasIsland(f)), targets['pageWithoutCalculatorAtLoadBytes']!],
  ['page with a calculator, at load', heaviest(hasIsland), targets['calculatorPageAtLoadBytes']!],
  ['page with a calculator, once used', heaviest(hasIsland, true), targets['calculatorPageOnceUsedBytes']!],
] as const) console.log(`target: ${label} at most ${(target / 1024).toFixed(1)} KB; heaviest ${(bytes / 1024).toFixed(2)} KB ${bytes <= target ? 'met' : 'MISSED'}`);

if (args.includes('--no-lighthouse')) process.exit(0);
try {
  statSync(chromiumPath);
} catch {
  console.error(`Lighthouse skipped: no Chromium at ${chromiumPath} (sudo apt-get install -y chromium)`);
  process.exit(0);
}

const { server, url } = await serve({ dir: 'dist', port: 0, base: '/', quiet: true });
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
console.log(`\nLighthouse, median of ${runs} runs (Performance / Accessibility / Best Practices / SEO)`);
const outDir = mkdtempSync(join(tmpdir(), 'rigbook-lh-'));
try {
  for (const [template, files] of [...byTemplate].sort()) {
    const pageUrl = new URL(urlOf(files[0]!).slice(1), url).href;
    for (const formFactor of ['mobile', 'desktop'] as const) {
      const scores: Record<string, number[]> = { performance: [], accessibility: [], 'best-practices': [], seo: [] };
      for (let run = 0; run < runs; run++) {
        const report = join(outDir, `${template}-${formFactor}-${run}.json`);
        const lhArgs = ['--yes', 'lighthouse@13', pageUrl, '--quiet', '--output=json', `--output-path=${report}`,
          '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'];
        if (formFactor === 'desktop') lhArgs.push('--preset=desktop');
        try {
          // Asynchronous on purpose: the static server runs in this process and must keep answering.
          await promisify(execFile)('npx', lhArgs, { env: { ...process.env, CHROME_PATH: chromiumPath }, maxBuffer: 64 * 1024 * 1024 });
          const json = JSON.parse(readFileSync(report, 'utf8')) as { categories: Record<string, { score: number | null }> };
          for (const key of Object.keys(scores)) scores[key]!.push(Math.round((json.categories[key]?.score ?? 0) * 100));
        } catch (error) {
          console.error(`  lighthouse failed on ${pageUrl} (${formFactor}): ${(error as Error).message.split('\n')[0]}`);
        }
      }
      const line = Object.values(scores).map((v) => (v.length ? String(median(v)) : '-').padStart(4)).join(' ');
      console.log(`${template.padEnd(18)} ${formFactor.padEnd(8)} ${line}  ${urlOf(files[0]!)}`);
    }
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
  server.close();
}
