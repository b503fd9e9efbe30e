/**
 * `npm run bench`: the cost of estimates in a sweep (target under 5 microseconds each, reusing
 * per-model work) and of the full models x quants x hardware sweep (target under 1 s), plus the
 * calculator case: every model x quant for three rigs (target under 16 ms, warm), and the peak memory
 * of `estimate --jsonl` over a million lines. Prints one line per target, starting PASS or MISS.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { catalog } from '../src/lib/catalog/index.ts';
import { fitted } from '../src/lib/calibration/fitted.ts';
import { createFullEngine } from '../src/lib/sizing/full-engine.ts';

const engine = createFullEngine({ catalog, calibration: fitted });
const models = catalog.models.map((m) => m.id);
const quants = catalog.quants.map((q) => q.id);
const hardware = catalog.hardware.map((h) => h.id);
const base = { context: 8192 };

const rigs = ['rtx-3090', '2xrtx-3090', 'm4-max-40c'];

// Warm up: prepare every model (the per-model work a page does once) and let the JIT settle. V8
// compiles hot code on background threads, and that CPU time counts in process.cpuUsage(), so the
// first ~20 sweeps measure the compiler more than the engine; a calculator recomputes on every input.
const cold = time(() => engine.sweep(base, { models, quants, hardware: rigs }), 1);
for (let i = 0; i < 30; i++) engine.sweep(base, { models, quants, hardware: rigs });

/**
 * Time a function by CPU time of this process (user + system): the machine is shared, and wall
 * time measures the neighbours as much as the code. Returns the median and the best of `runs`
 * (wall time median too).
 */
function time<T>(fn: () => T, runs = 15): { ms: number; bestMs: number; wallMs: number; value: T } {
  const cpu: number[] = [];
  const wall: number[] = [];
  let value!: T;
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    value = fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
  return { ms: med(cpu), bestMs: Math.min(...cpu), wallMs: med(wall), value };
}

const calc = time(() => engine.sweep(base, { models, quants, hardware: rigs }), 25);
const full = time(() => engine.sweep(base, { models, quants, hardware }), 5);
const perRowUs = (full.ms * 1000) / Math.max(1, full.value.length);
const calcPerRowUs = (calc.ms * 1000) / Math.max(1, calc.value.length);
const single = time(() => { for (let i = 0; i < 100; i++) engine.estimate({ model: 'llama-3.1-70b', quant: 'Q4_K_M', hardware: '2xrtx-3090' }); }, 5);

const verdict = (v: number, target: number) => (v < target ? 'PASS' : 'MISS');
console.log('CPU time of this process (includes V8 compiler/GC threads), median of runs after 30 warm-up sweeps; best and wall median in brackets');
console.log(`models ${models.length}, quants ${quants.length}, hardware ${hardware.length}`);
console.log(`${verdict(perRowUs, 5)} one estimate in a sweep: ${perRowUs.toFixed(2)} µs per row of the full sweep (calculator sweep: ${calcPerRowUs.toFixed(2)} µs per row)  [target < 5 µs]`);
console.log(`${verdict(calc.ms, 16)} calculator sweep, every model x quant x 3 rigs (${rigs.join(', ')}): ${calc.value.length} rows in ${calc.ms.toFixed(1)} ms [best ${calc.bestMs.toFixed(1)} ms, wall ${calc.wallMs.toFixed(1)} ms; cold first run ${cold.ms.toFixed(0)} ms]  [target < 16 ms warm]`);
console.log(`${verdict(full.ms, 1000)} full sweep, every model x quant x hardware: ${full.value.length} rows in ${full.ms.toFixed(0)} ms [best ${full.bestMs.toFixed(0)} ms, wall ${full.wallMs.toFixed(0)} ms]  [target < 1000 ms]`);
console.log(`info full estimate with max-context and best-format searches: ${((single.ms * 1000) / 100).toFixed(1)} µs`);

// estimate --jsonl over a million lines: the peak resident memory of the CLI, which must stay flat
// whatever the batch (read from /proc while it runs: VmHWM is the high-water mark so far).
const JSONL_LINES = 1_000_000;
const jsonl = await jsonlPeak(JSONL_LINES);
console.log(`${jsonl.answered === JSONL_LINES && jsonl.peakMiB < 256 ? 'PASS' : 'MISS'} estimate --jsonl over ${JSONL_LINES.toLocaleString('en-US')} lines: ${jsonl.answered.toLocaleString('en-US')} answered in ${jsonl.seconds.toFixed(0)} s, peak RSS ${jsonl.peakMiB.toFixed(0)} MiB  [target: every line, < 256 MiB]`);

/** Runs the CLI on `n` generated lines, writing as fast as it reads; counts answers and samples its peak RSS. */
async function jsonlPeak(n: number): Promise<{ answered: number; peakMiB: number; seconds: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['src/lib/cli.ts', '--jsonl'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let peakKiB = 0;
  const sample = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKiB = Math.max(peakKiB, Number(m[1]));
    } catch { /* the process has ended */ }
  }, 100);
  let answered = 0;
  child.stdout.on('data', (chunk: Buffer) => { for (const byte of chunk) if (byte === 10) answered++; });
  const done = once(child, 'close');
  for (let i = 0; i < n; i++) {
    if (!child.stdin.write(`{"model":"qwen2.5-0.5b","sequences":${1 + (i % 1000)}}\n`)) await once(child.stdin, 'drain');
  }
  child.stdin.end();
  await done;
  clearInterval(sample);
  return { answered, peakMiB: peakKiB / 1024, seconds: (performance.now() - t0) / 1000 };
}
