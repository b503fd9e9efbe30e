/**
 * Benchmark of the rig builder's full recompute: every catalogued model x every weight format on
 * three rigs (the engine's sweep over the numbers-only client catalog, then the table's filter and
 * sort), as the island runs it after an input change. Target: under 16 ms on the 2-core machines.
 * Prints the median and p90 over repeated runs, warm (per-model work cached, as in the browser after
 * the first render) and the cold first run.
 *
 * Run: npx node scripts/bench-calculators.ts
 */
import { sweepRigs } from '../src/components/islands/shared/sweep.ts';
import { filterRows, sortRows, bestAt } from '../src/components/islands/shared/rig-table.ts';
import { catalog } from '../src/components/islands/shared/catalog.ts';
import { DEFAULT_SELECTION, selectionToRequest } from '../src/lib/state/selection.ts';

const rigs = ['rtx-4090', '2xrtx-3090', 'm4-max-40c'];
const contexts = [8192, 16384, 32768, 4096];

function recompute(context: number): number {
  const base = selectionToRequest({ ...DEFAULT_SELECTION, hardware: rigs[0] ?? 'rtx-4090', context });
  const rows = sweepRigs(base, rigs);
  const shown = sortRows(filterRows(rows, { family: '', size: '', moe: '', quant: 'all', fitsOnly: false }), 'speed0', true);
  for (let i = 0; i < rigs.length; i++) bestAt(rows, i, 20, 0);
  return shown.length;
}

const t = performance.now();
const cells = recompute(8192);
const cold = performance.now() - t;

/** Median and p90 of wall time and of this process's CPU time (the machine is shared: CPU time is steadier). */
function measure(label: string, ctx: (i: number) => number): void {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 40; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    recompute(ctx(i));
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
  console.log(`  ${label}: wall median ${q(wall, 0.5).toFixed(1)} ms, p90 ${q(wall, 0.9).toFixed(1)} ms; CPU median ${q(cpu, 0.5).toFixed(1)} ms (target < 16 ms)`);
}

console.log(`rig builder full recompute: ${catalog.models.length} models x ${catalog.quants.length} formats x ${rigs.length} rigs (${cells} rows after the engine's and the released-format filters)`);
console.log(`  cold first run: ${cold.toFixed(1)} ms`);
for (let i = 0; i < 10; i++) recompute(contexts[i % contexts.length] ?? 8192); // let the JIT settle
measure('warm, same inputs', () => 8192);
measure('warm, context changing each run', (i) => contexts[i % contexts.length] ?? 8192);
