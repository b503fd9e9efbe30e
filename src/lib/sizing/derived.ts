/**
 * Small quantities derived from engine results that the engine does not return itself: the time
 * of one agent step and the knee of the quality curve. The calculators call these instead of
 * doing arithmetic in components.
 */
import type { EstimateResult } from './types.ts';

/** Seconds as a finite, non-negative number or null. */
function ok(x: number): number | null {
  return Number.isFinite(x) && x >= 0 ? x : null;
}

/**
 * Time of one agent step: the prompt's prefill (the engine's time to first token) plus generating
 * `settings.output` tokens at the decode rate. Range: the same sum at the fast ends (p90 rates) and
 * the slow ends (p10 rates) of the engine's prefill and decode ranges. Null when the run does not
 * fit (no speed) or a rate is zero.
 * Example: TTFT 1.3 s and 400 tokens at 50 tok/s -> 9.3 s.
 */
export function agentStepSeconds(r: EstimateResult): { seconds: number; range: [number, number] } | null {
  const s = r.speed;
  if (!s || !(s.decodeTokensPerSec > 0) || !(s.prefillTokensPerSec > 0)) return null;
  const out = r.settings.output;
  const ttft = s.timeToFirstTokenSec;
  const [pLo, pHi] = s.prefillRange;
  const [dLo, dHi] = s.decodeRange;
  const seconds = ok(ttft + out / s.decodeTokensPerSec);
  const fast = ok(pHi > 0 && dHi > 0 ? ttft * (s.prefillTokensPerSec / pHi) + out / dHi : Number.NaN);
  const slow = ok(pLo > 0 && dLo > 0 ? ttft * (s.prefillTokensPerSec / pLo) + out / dLo : Number.NaN);
  if (seconds === null) return null;
  return { seconds, range: [Math.min(fast ?? seconds, seconds), Math.max(slow ?? seconds, seconds)] };
}

/** One weight format's size and measured quality loss, as the engine's quant table gives them. */
export interface KneePoint { quant: string; bitsPerWeight: number; meanKld: number | null }

/**
 * The knee of the quality curve: the smallest format before quality starts falling faster than
 * size. With formats ordered from most to fewest bits per weight, the quality loss per bit saved
 * is the slope of ln(mean KL divergence) against bits; the knee is the format just before the
 * step where that slope rises the most. Uses only formats with a measured KLD and distinct sizes, on
 * the frontier (no smaller format loses less);
 * null with fewer than four such formats. Indicative: the measurements may come from another model.
 */
export function qualityKnee(points: readonly KneePoint[]): string | null {
  const pts = points
    .filter((p): p is KneePoint & { meanKld: number } => p.meanKld !== null && p.meanKld > 0 && Number.isFinite(p.meanKld) && Number.isFinite(p.bitsPerWeight))
    .sort((a, b) => a.bitsPerWeight - b.bitsPerWeight)
    // Keep the frontier: drop a format when a smaller one loses less (Q4_0 next to IQ4_XS, Q2_K next to IQ2_M).
    .filter(function frontier(this: { min: number }, p) {
      if (p.meanKld >= this.min) return false;
      this.min = p.meanKld;
      return true;
    }, { min: Infinity })
    .reverse()
    .filter((p, i, a) => i === 0 || (a[i - 1] as KneePoint).bitsPerWeight - p.bitsPerWeight > 0.05);
  if (pts.length < 4) return null;
  const slopes: number[] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i] as KneePoint & { meanKld: number };
    const b = pts[i + 1] as KneePoint & { meanKld: number };
    slopes.push((Math.log(b.meanKld) - Math.log(a.meanKld)) / (a.bitsPerWeight - b.bitsPerWeight));
  }
  let best = -Infinity;
  let knee: string | null = null;
  for (let i = 1; i < slopes.length; i++) {
    const rise = (slopes[i] as number) - (slopes[i - 1] as number);
    // Step i runs from pts[i] to pts[i+1]: the knee is pts[i], the last format before the steeper step.
    if (rise > best) {
      best = rise;
      knee = (pts[i] as KneePoint).quant;
    }
  }
  return best > 1e-6 ? knee : null;
}
