/**
 * The hardware-tiers helper (Hardware tiers): tiers of usable accelerator memory computed from the
 * catalog, with what each tier's example rig runs. A module of its own so only the pages that
 * show tiers ship it.
 */
import { deviceCount, parseSpec } from '../hardware-spec.ts';
import type { EngineId, KvCacheTypeId } from '../vocabulary.ts';
import type { EngineCore, Resolved } from './engine/index.ts';

/** A hardware tier computed from the catalog. */
export interface HardwareTier {
  id: 'lightweight' | 'mid-range' | 'frontier-open' | 'ultra-frontier';
  label: string;
  /** Usable accelerator memory range of the tier, GiB. */
  memoryGiB: [number, number];
  hardware: string[];
  /** Representative rig the runs are computed on. */
  example: string;
  runs: { model: string; quant: string; decodeTokensPerSec: number; decodeRange: [number, number] }[];
  priceUsd: [number, number] | null;
}

/** What the tiers' runs are computed at: context per sequence (tokens, default 8,192), KV-cache type, engine, lowest format. */
export interface TierOptions { context?: number; kvCache?: KvCacheTypeId; engine?: EngineId; minQuant?: string }

/**
 * Formats below this one are not shown as a tier's example: readers take an example as advice,
 * and below 4-bit legacy quality the loss is large (Q4_0: the usual floor people recommend).
 */
const TIER_MIN_QUANT = 'Q4_0';

/**
 * Hardware tiers computed from the catalog: each tier is a range of usable accelerator memory;
 * its hardware are the catalogued devices (or multi-GPU rigs) in that range; its runs are the
 * largest catalogued models that fit the tier's example rig at the given context (default 8K)
 * with the best format that fits, no worse than Q4_0 (or `minQuant`), with decode speed. Prices
 * are the range of catalogued prices in the tier. Never throws.
 */
export function hardwareTiers(core: EngineCore, opts: TierOptions = {}): HardwareTier[] {
  const { catalog, hwById } = core;
  const defs: { id: HardwareTier['id']; label: string; range: [number, number]; example: string; rigs: string[] }[] = [
    { id: 'lightweight', label: 'Lightweight (up to 16 GB)', range: [0, 16], example: 'rtx-4060-ti-16gb', rigs: [] },
    { id: 'mid-range', label: 'Mid-range (17-48 GB)', range: [16.01, 48], example: '2xrtx-3090', rigs: ['2xrtx-3090', '2xrtx-4090'] },
    { id: 'frontier-open', label: 'Frontier open models (49-256 GB)', range: [48.01, 256], example: 'm3-ultra-80c', rigs: ['4xrtx-3090', '2xa100-80gb-sxm', '2xh100-sxm'] },
    { id: 'ultra-frontier', label: 'Ultra-frontier (over 256 GB)', range: [256.01, Infinity], example: '8xh100-sxm', rigs: ['8xh100-sxm', '8xh200', '8xmi300x'] },
  ];
  const context = opts.context !== undefined && Number.isFinite(opts.context) && opts.context >= 1 ? Math.floor(opts.context) : 8192;
  const minRank = core.quantById.get((opts.minQuant ?? TIER_MIN_QUANT).toLowerCase())?.qualityRank ?? -Infinity;
  const tiers: HardwareTier[] = [];
  for (const t of defs) {
    const hw: string[] = [];
    const prices: number[] = [];
    for (const h of catalog.hardware) {
      const usable = h.memoryGiB * (h.unifiedMemory ? (h.gpuMemoryFraction ?? 0.75) : 1);
      if (usable >= t.range[0] && usable <= t.range[1]) { hw.push(h.id); if (h.priceUsd) prices.push(h.priceUsd); }
    }
    for (const spec of t.rigs) {
      const [part] = parseSpec(spec) ?? [];
      const h = part ? hwById.get(part.id) : undefined;
      if (!h || !part) continue;
      hw.push(spec);
      if (h.priceUsd) prices.push(h.priceUsd * part.count);
    }
    let example = t.example;
    if (!hwById.has(example) && deviceCount(parseSpec(example) ?? []) <= 1) example = hw[0] ?? example;
    const runs: HardwareTier['runs'] = [];
    const sorted = [...catalog.models].sort((x, y) => y.paramsReported - x.paramsReported);
    for (const m of sorted) {
      if (runs.length >= 5) break;
      let r: Resolved;
      try {
        r = core.resolve({
          model: m.id, hardware: example, context: Math.min(context, m.maxContextTokens),
          ...(opts.kvCache ? { kvCache: opts.kvCache } : {}), ...(opts.engine ? { engine: opts.engine } : {}),
        });
      } catch { continue; }
      const best = core.bestQuantFor(r, minRank);
      if (!best) continue;
      const rq = core.withQuant(r, best);
      if (!rq) continue;
      const row = core.evaluateRow(rq, m.id, example);
      if (row.verdict !== 'fits') continue;
      runs.push({ model: m.id, quant: best, decodeTokensPerSec: row.decodeTokensPerSec, decodeRange: row.decodeRange });
    }
    tiers.push({ id: t.id, label: t.label, memoryGiB: [t.range[0], Number.isFinite(t.range[1]) ? t.range[1] : 0], hardware: hw, example, runs, priceUsd: prices.length ? [Math.min(...prices), Math.max(...prices)] : null });
  }
  return tiers;
}
