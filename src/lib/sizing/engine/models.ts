/**
 * Per-model work, cached by the engine: the tensor inventory of a catalog model, each weight
 * format's breakdown and each KV-cache type's layout, computed once and reused by every estimate.
 */
import type { ModelEntry } from '../../catalog/types.ts';
import { InputError } from '../../request.ts';
import type { EngineId, KvCacheTypeId } from '../../vocabulary.ts';
import { archFromModel, type Arch } from '../arch.ts';
import { kvLayout, type KvLayout } from '../kv-cache.ts';
import { tensorInventory, weightFormatFor, weightsFor, type WeightBreakdown } from '../weights.ts';
import type { EngineContext, PreparedModel } from './types.ts';

/** The prepared model of a catalog id or row (cached per id). Throws InputError for an unknown id. */
export function prepareModel(ctx: EngineContext, model: string | ModelEntry): PreparedModel {
  const m = typeof model === 'string' ? ctx.modelById.get(model.toLowerCase()) : model;
  if (!m) throw new InputError('model', ctx.unknownId('model', String(model), ctx.catalog.models.map((x) => x.id)));
  const hit = ctx.caches.prepared.get(m.id);
  if (hit && hit.model === m) return hit;
  const p = preparedFromArch(archFromModel(m), m);
  ctx.caches.prepared.set(m.id, p);
  return p;
}

/** A prepared model of an architecture (raw models are prepared per request, not cached). */
export function preparedFromArch(arch: Arch, model: ModelEntry | null = null): PreparedModel {
  return { arch, inv: tensorInventory(arch), model, weights: new Map(), kv: new Map() };
}

/** The weights of a prepared model in a format (or at custom bits per weight) as an engine loads them. */
export function weightsOf(ctx: EngineContext, p: PreparedModel, quantId: string, bpw: number | null, engine: EngineId): WeightBreakdown {
  // The GGUF and checkpoint layouts differ only for llama.cpp.
  const key = bpw !== null ? `bpw:${bpw}` : engine === 'llama.cpp' ? quantId : quantId + '|hf';
  let w = p.weights.get(key);
  if (!w) {
    const f = bpw !== null ? { kind: 'bpw' as const, bitsPerWeight: bpw } : weightFormatFor(quantId, engine);
    if (!f) throw new InputError('quant', ctx.unknownId('quant', quantId, ctx.catalog.quants.map((q) => q.id)));
    w = weightsFor(p.inv, f, engine);
    p.weights.set(key, w);
  }
  return w;
}

/** The KV-cache layout of a prepared model for an engine and cache type. */
export function kvOf(p: PreparedModel, engine: EngineId, t: KvCacheTypeId): KvLayout {
  const key = `${engine}|${t}`;
  let k = p.kv.get(key);
  if (!k) { k = kvLayout(p.arch, engine, t); p.kv.set(key, k); }
  return k;
}
