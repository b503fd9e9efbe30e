/** Small statistics helpers for the accuracy report. Inputs with non-finite values are filtered out. */

/**
 * The q-quantile (0..1) of a list by linear interpolation between order statistics (the
 * "type 7" rule of R and NumPy). Returns null for an empty list.
 */
export function quantile(values: readonly number[], q: number): number | null {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const qq = Math.min(1, Math.max(0, Number.isFinite(q) ? q : 0.5));
  const pos = (v.length - 1) * qq;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  const a = v[lo]!, b = v[hi]!;
  return a + (b - a) * (pos - lo);
}

/** The median of a list (null when empty). */
export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** Signed percentage error of a prediction against a measurement: (predicted - measured) / measured x 100. */
export function pctError(predicted: number, measured: number): number | null {
  if (!Number.isFinite(predicted) || !Number.isFinite(measured) || measured === 0) return null;
  return ((predicted - measured) / measured) * 100;
}

/** Rounds to `digits` decimals; non-finite numbers become null (never NaN/Infinity in output). */
export function round(x: number | null, digits = 2): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
