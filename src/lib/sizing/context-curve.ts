/**
 * The context-curve helper (Context planner): KV cache and total memory against context length.
 * A module of its own so only the pages that chart it ship it.
 */
import type { KvCacheTypeId } from '../vocabulary.ts';
import type { EngineCore, Resolved } from './engine/index.ts';
import type { EstimateRequest } from '../request.ts';
import { place } from './fit.ts';
import { r0 } from './core-util.ts';

/** One point of a context curve: bytes at a context length (tokens per sequence). */
export interface ContextPoint { context: number; kvCacheBytes: number; totalBytes: number; fits: boolean }

/** One KV-cache type's curve and the largest context (tokens) that fits (0 without hardware). */
export interface ContextCurve { kvCache: KvCacheTypeId; points: ContextPoint[]; maxContext: number }

/**
 * KV cache and total memory over a list of contexts for each KV-cache type, with whether each
 * point fits the base request's hardware (false without hardware) and the largest context that
 * fits. Types the engine does not support are left out. Never throws.
 */
export function contextCurve(core: EngineCore, base: EstimateRequest, contexts: number[], kvCaches: KvCacheTypeId[]): ContextCurve[] {
  const out: ContextCurve[] = [];
  for (const kvCache of kvCaches) {
    let r: Resolved;
    try { r = core.resolve({ ...base, kvCache, context: base.context ?? 8192, depth: 0, prompt: 1, output: 1 }); } catch { continue; }
    const points: ContextPoint[] = [];
    for (const c of contexts) {
      if (!Number.isFinite(c) || c < 1) continue;
      const ctx = Math.floor(c);
      const { pin, kvBytes, overhead } = core.placementInput(r, r.w, ctx);
      points.push({
        context: ctx, kvCacheBytes: r0(kvBytes), totalBytes: r0(r.w.totalBytes + kvBytes + overhead),
        fits: r.rig ? place(pin, false).verdict === 'fits' : false,
      });
    }
    out.push({ kvCache, points, maxContext: r.rig ? core.maxContextFor(r, r.w) : 0 });
  }
  return out;
}
