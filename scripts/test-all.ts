/**
 * `npm test`: every Vitest project in order (vitest.config.ts: unit, type check, build, checks over
 * dist/, browser tests), then the closing line CI reads, `N passed, N failed`, counted from Vitest's
 * JSON report. Arguments go to Vitest (`npm test -- --project unit`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserTestsLeftOut, chromiumPath } from '../tests/support/chromium.ts';
import { PINNED_REFERENCE_DATE } from '../tests/support/reference-date.ts';

interface Report {
  numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
}

const dir = mkdtempSync(join(tmpdir(), 'rigbook-test-'));
const report = join(dir, 'report.json');
// The site's reference date is pinned so that no page (and no golden copy of one) depends on the
// day the suite runs; set RIGBOOK_TODAY to test another date.
const env = { ...process.env, RIGBOOK_TODAY: process.env['RIGBOOK_TODAY'] ?? PINNED_REFERENCE_DATE };
const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], { stdio: 'inherit', env });

/** Counts from the report; a file that fails before its tests run, or a run that fails with no failed test, is one failure. */
function counts(): { passed: number; failed: number; skipped: number } {
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as Report;
    const broken = json.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed')).length;
    const failed = json.numFailedTests + broken;
    return { passed: json.numPassedTests, failed: failed === 0 && vitest.status !== 0 ? 1 : failed, skipped: json.numPendingTests + json.numTodoTests };
  } catch {
    console.log('Vitest wrote no report.');
    return { passed: 0, failed: 1, skipped: 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { passed, failed, skipped } = counts();
const left = browserTestsLeftOut ? 1 : 0;
if (left) console.log(`Browser tests were SKIPPED: no Chromium at ${chromiumPath}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
console.log(skipped + left > 0 ? `${passed} passed, ${failed} failed, ${skipped + left} skipped` : `${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
