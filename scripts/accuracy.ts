/**
 * `npm run accuracy` — how far the engine's estimates are from the measurements on the TEST part
 * of data/measurements. Prints, per kind: cases, median and p90 absolute % error,
 * bias (signed median), share of measurements inside the engine's range, the worst case.
 *   --json           one JSON object on stdout with per-case rows
 *   --split fit|all  score another part (default: test)
 *   --record         rewrite src/lib/calibration/accuracy-record.json (the ratchet) from this run
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeAccuracy, headline, meetsTarget, MIN_GROUP_ROWS, RANGE_COVERAGE_TARGET, speedBreakdown, TARGETS } from '../src/lib/calibration/accuracy.ts';
import { allRows } from '../src/lib/calibration/dataset.ts';
import { estimate } from '../src/lib/estimate.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const splitArg = args[args.indexOf('--split') + 1];
const split = args.includes('--split') && (splitArg === 'fit' || splitArg === 'all' || splitArg === 'test') ? splitArg : 'test';
const report = computeAccuracy(allRows, estimate, split);

if (json) {
  process.stdout.write(JSON.stringify(report, null, 1) + '\n');
} else {
  const f = (x: number | null, unit = '%') => (x === null ? '-' : `${x.toFixed(1)}${unit}`);
  console.log(`Rigbook engine accuracy on the ${split} part (${report.dataDates.oldest} .. ${report.dataDates.newest} measurements)\n`);
  console.log('kind                       n   median    p90   bias  in-range  right   target   worst case');
  for (const k of report.kinds) {
    const t = TARGETS[k.kind];
    const target = t.correctPct !== undefined ? `>=${t.correctPct}% right` : `<=${t.medianAbsErrorPct}/${t.p90AbsErrorPct}%`;
    const ok = meetsTarget(headline(report).find((h) => h.kind === k.kind)!);
    const worst = k.worst ? `${k.worst.id} (${k.worst.errorPct === null ? 'wrong verdict' : `${k.worst.errorPct > 0 ? '+' : ''}${k.worst.errorPct.toFixed(1)}%`})` : '-';
    console.log(
      `${k.label.padEnd(24)} ${String(k.n).padStart(4)} ${f(k.medianAbsErrorPct).padStart(8)} ${f(k.p90AbsErrorPct).padStart(6)} ${f(k.biasPct).padStart(6)} ${f(k.withinRangePct).padStart(9)} ${f(k.correctPct).padStart(6)}  ${(ok === null ? 'n/a' : ok ? 'MET ' : 'MISS').padEnd(4)} ${target.padEnd(12)} ${worst}`,
    );
    if (k.skipped.length) console.log(`${''.padEnd(29)}(${k.skipped.length} rows not scored, e.g. ${k.skipped[0]!.id}: ${k.skipped[0]!.reason})`);
  }
  console.log(`\nSpeed by backend family, engine, depth and era (judged with at least ${MIN_GROUP_ROWS} rows; ranges must cover ${RANGE_COVERAGE_TARGET}%)\n`);
  console.log('group                 kind        n   median    p90  in-range   target');
  for (const g of speedBreakdown(report)) {
    console.log(`${g.group.padEnd(21)} ${g.kind.padEnd(8)} ${String(g.n).padStart(4)} ${f(g.medianAbsErrorPct).padStart(8)} ${f(g.p90AbsErrorPct).padStart(6)} ${f(g.withinRangePct).padStart(9)}   ${(g.met === null ? 'n/a ' : g.met ? 'MET ' : 'MISS')} <=${g.target[0]}/${g.target[1]}%`);
  }
}

if (args.includes('--record')) {
  const here = dirname(fileURLToPath(import.meta.url));
  const file = join(here, '../src/lib/calibration/accuracy-record.json');
  writeFileSync(file, JSON.stringify({
    note: 'Figures last achieved on the test part; accuracy.test.ts fails if a change makes any of them worse. Re-record with `npm run accuracy -- --record` only when the engine got better or the test data changed (say why in the commit).',
    recordedAt: new Date().toISOString().slice(0, 10),
    split,
    kinds: headline(report),
  }, null, 2) + '\n');
  if (!json) console.log(`\nrecorded ${file}`);
}
