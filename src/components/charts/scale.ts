/**
 * Chart scales: "nice" axis ticks and linear/log mappings. Derived UI geometry only; the
 * numbers plotted come from the sizing engine.
 */

/** Up to ~`count` round tick values covering [0, max] (1, 2, 2.5, 5 x 10^n steps). */
export function niceTicks(max: number, count = 5): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 0.999 && ticks.length < 50; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Maps [d0, d1] linearly onto [r0, r1]; a zero-width domain maps to r0. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0;
  return (v) => (span === 0 || !Number.isFinite(v) ? r0 : r0 + ((v - d0) / span) * (r1 - r0));
}

/** Maps [d0, d1] (both > 0) on a log2 scale onto [r0, r1], for context lengths. */
export function log2Scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const a = Math.log2(Math.max(d0, 1e-9));
  const b = Math.log2(Math.max(d1, 1e-9));
  return (v) => (b === a || !(v > 0) ? r0 : r0 + ((Math.log2(v) - a) / (b - a)) * (r1 - r0));
}

/** Powers of two between lo and hi inclusive, for log-scale ticks: (1024, 131072) -> 1K..128K. */
export function pow2Ticks(lo: number, hi: number, maxTicks = 8): number[] {
  if (!(lo > 0) || !(hi >= lo)) return [1];
  const a = Math.ceil(Math.log2(lo));
  const b = Math.floor(Math.log2(hi));
  const stride = Math.max(1, Math.ceil((b - a + 1) / maxTicks));
  const out: number[] = [];
  for (let e = a; e <= b; e += stride) out.push(2 ** e);
  return out;
}
