/**
 * Per-model work, cached by the engine: the tensor inventory of a catalog model, each weight
 * format's breakdown and each KV-cache type's layout, computed once and reused by every estimate.
 */
import type { ModelEntry } from '../../catalog/types.ts';
import type { GgufModelSource } from '../../import/gguf.ts';
import { excerpt, InputError } from '../../request.ts';
import { RUNTIME_OF, type EngineId, type KvCacheTypeId } from '../../vocabulary.ts';
import { archFromModel, type Arch } from '../arch.ts';
import { kvLayout, type KvLayout } from '../kv-cache.ts';
import { inventoryFromGguf, tensorInventory, weightFormatFor, weightsFor, weightsFromGguf, type WeightBreakdown } from '../weights.ts';
import type { EngineContext, PreparedModel } from './types.ts';

/** The prepared model of a catalog id or row (cached per id). Throws InputError for an unknown id. */
export function prepareModel(ctx: EngineContext, model: string | ModelEntry): PreparedModel {
  const m = typeof model === 'string' ? ctx.modelById.get(model.toLowerCase()) : model;
  if (!m) throw new InputError('model', ctx.unknownId('model', String(model), ctx.catalog.models.map((x) => x.id)));
  const hit = ctx.caches.prepared.get(m.id);
  if (hit && hit.model === m) return hit;
  const p = preparedFromArch(archFromModel(m), m, 'catalog');
  ctx.caches.prepared.set(m.id, p);
  return p;
}

/** A prepared model of an architecture (raw models are prepared per request, not cached). */
export function preparedFromArch(arch: Arch, model: ModelEntry | null = null, origin: PreparedModel['origin'] = 'raw'): PreparedModel {
  return { arch, inv: tensorInventory(arch), model, weights: new Map(), kv: new Map(), origin, file: null };
}

/** The prepared model of a config.json object (cached per object). Throws InputError('config', ...). */
export function importedConfig(ctx: EngineContext, config: object): { p: PreparedModel; notes: string[] } {
  const hit = ctx.caches.imported.get(config);
  if (hit) return hit;
  if (!ctx.importers) throw new InputError('config', 'this engine reads no model files (it was built without the file readers)');
  const { model, notes } = ctx.importers.config(config, configName(config));
  const p = preparedFromArch(archFromModel(model), null, 'config');
  const out = { p, notes: ["model read from a config.json: the weights are counted from its shapes", ...notes] };
  ctx.caches.imported.set(config, out);
  return out;
}

/** A display name for a config.json: its `_name_or_path`, else its first architecture class. */
function configName(config: object): string {
  const c = config as Record<string, unknown>;
  const n = typeof c['_name_or_path'] === 'string' && c['_name_or_path'] !== '' ? c['_name_or_path']
    : Array.isArray(c['architectures']) && typeof c['architectures'][0] === 'string' ? c['architectures'][0] : 'model';
  return excerpt(String(n).split('/').pop() ?? 'model', 80);
}

/** The prepared model of a GGUF header (cached per object): its architecture and its own weights. */
export function importedGguf(ctx: EngineContext, header: object): { p: PreparedModel; notes: string[] } {
  const hit = ctx.caches.imported.get(header);
  if (hit) return hit;
  if (!ctx.importers) throw new InputError('gguf', 'this engine reads no model files (it was built without the file readers)');
  const g = ctx.importers.gguf(header as GgufModelSource);
  const arch = archFromModel(g.model);
  const p = preparedFromArch(arch, null, 'gguf');
  const w = weightsFromGguf(arch, g);
  p.inv = inventoryFromGguf(arch, g);
  p.file = { weights: w, label: g.fileTypeLabel, fileBytes: g.fileBytes };
  const out = { p, notes: ['model read from a GGUF header: the weights are the file\'s own tensors', ...g.notes] };
  ctx.caches.imported.set(header, out);
  return out;
}

/** The weights of a prepared model in a format (or at custom bits per weight) as an engine loads them. */
export function weightsOf(ctx: EngineContext, p: PreparedModel, quantId: string, bpw: number | null, engine: EngineId): WeightBreakdown {
  // The GGUF and checkpoint layouts differ only for llama.cpp.
  const key = bpw !== null ? `bpw:${bpw}` : RUNTIME_OF[engine] === 'llama.cpp' ? quantId : quantId + '|hf';
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
