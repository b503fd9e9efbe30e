/**
 * `npm test`: every check Rigbook has, in order, with one closing line `N passed, N failed`.
 *
 *  1. unit and component tests (vitest, beside the code)
 *  2. type check (`astro check`)
 *  3. the build (`astro build` + Pagefind), which also validates the content collections
 *  4. checks over dist/ (links, HTML validity, page-weight budgets, offline, sub-path build)
 *  5. browser tests (playwright-core driving Debian's Chromium) against the built site
 *
 * Browser tests need Chromium at /usr/bin/chromium (or CHROMIUM_PATH). Without it they are
 * skipped with a plain message, except under CI=true, where a missing browser is a failure.
 * Each suite's counts come from vitest's JSON reporter; a suite that crashes counts as one failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface SuiteResult { name: string; passed: number; failed: number; skipped: number; seconds: number; note?: string }

const results: SuiteResult[] = [];
const isCi = process.env['CI'] === 'true' || process.env['CI'] === '1';
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const only = process.argv.slice(2);

function wanted(name: string): boolean {
  return only.length === 0 || only.includes(name);
}

function run(command: string, args: string[], env: Record<string, string> = {}): { status: number; seconds: number } {
  const start = performance.now();
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { status: child.status ?? 1, seconds: (performance.now() - start) / 1000 };
}

/** Runs vitest with a JSON report and returns the counts it recorded. */
function vitestSuite(name: string, config: string, env: Record<string, string> = {}): SuiteResult {
  const dir = mkdtempSync(join(tmpdir(), 'rigbook-vitest-'));
  const report = join(dir, 'report.json');
  console.log(`\n=== ${name} ===`);
  const { status, seconds } = run('npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number;
      numFailedTestSuites: number; numTotalTests: number;
    };
    // A file that fails to load has no tests but counts as a failed suite.
    const failed = json.numFailedTests + (json.numFailedTests === 0 && status !== 0 ? Math.max(1, json.numFailedTestSuites) : 0);
    return { name, passed: json.numPassedTests, failed, skipped: json.numPendingTests + json.numTodoTests, seconds };
  } catch {
    return { name, passed: 0, failed: 1, skipped: 0, seconds, note: 'vitest wrote no report' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A step that is one check: passes when the command exits 0. */
function stepSuite(name: string, command: string, args: string[], env: Record<string, string> = {}): SuiteResult {
  console.log(`\n=== ${name} ===`);
  const { status, seconds } = run(command, args, env);
  return { name, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, skipped: 0, seconds };
}

if (wanted('unit')) results.push(vitestSuite('unit and component tests', 'vitest.config.ts'));
if (wanted('check')) results.push(stepSuite('type check (astro check)', 'npx', ['astro', 'check']));

let built = existsSync('dist/index.html') && only.length > 0 && !only.includes('build');
if (wanted('build')) {
  const build = stepSuite('build (astro build + pagefind)', 'npm', ['run', '--silent', 'build']);
  results.push(build);
  built = build.failed === 0;
}

if (wanted('dist')) {
  if (built) results.push(vitestSuite('checks over dist/', 'vitest.site.config.ts', { SUITE: 'dist' }));
  else results.push({ name: 'checks over dist/', passed: 0, failed: 1, skipped: 0, seconds: 0, note: 'not run: the build failed' });
}

if (wanted('e2e')) {
  const haveChromium = existsSync(chromiumPath);
  if (!haveChromium && !isCi) {
    console.log(`\n=== browser tests ===\nSKIPPED: no Chromium at ${chromiumPath}. To run them: sudo apt-get install -y chromium (or set CHROMIUM_PATH), then npm test.`);
    results.push({ name: 'browser tests', passed: 0, failed: 0, skipped: 1, seconds: 0, note: 'skipped: Chromium not installed' });
  } else if (!haveChromium) {
    console.log(`\n=== browser tests ===\nFAILED: CI=true but no Chromium at ${chromiumPath}; .ci/run must install it.`);
    results.push({ name: 'browser tests', passed: 0, failed: 1, skipped: 0, seconds: 0, note: 'Chromium missing in CI' });
  } else if (!built) {
    results.push({ name: 'browser tests', passed: 0, failed: 1, skipped: 0, seconds: 0, note: 'not run: the build failed' });
  } else {
    results.push(vitestSuite('browser tests', 'vitest.site.config.ts', { SUITE: 'e2e', CHROMIUM_PATH: chromiumPath }));
  }
}

console.log('\n=== summary ===');
for (const r of results) {
  const skipped = r.skipped > 0 ? `, ${r.skipped} skipped` : '';
  const note = r.note ? ` (${r.note})` : '';
  console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed${skipped} in ${r.seconds.toFixed(1)} s${note}`);
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
const skipped = results.reduce((sum, r) => sum + r.skipped, 0);
if (results.some((r) => r.name === 'browser tests' && r.note?.startsWith('skipped'))) {
  console.log('Browser tests were SKIPPED (no Chromium). Install it with: sudo apt-get install -y chromium');
}
console.log(skipped > 0 ? `${passed} passed, ${failed} failed, ${skipped} skipped` : `${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
