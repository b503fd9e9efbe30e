/**
 * How the calculators name the shared vocabulary (src/lib/vocabulary.ts): one label per engine,
 * backend and KV-cache type. Typed by the vocabulary's ids, so a new engine or backend there
 * does not type-check until it has its label here; option lists are the vocabulary's lists mapped
 * through these tables, never ids typed again.
 */
import {
  BACKENDS, ENGINES, KV_CACHE_TYPES_BY_ENGINE, type BackendId, type EngineId, type KvCacheTypeId,
} from '../../../lib/vocabulary.ts';
import type { Option } from './ui.tsx';

/** Engine names as their projects write them. */
export const ENGINE_LABEL: Readonly<Record<EngineId, string>> = {
  'llama.cpp': 'llama.cpp', vllm: 'vLLM', sglang: 'SGLang', ollama: 'Ollama', mlx: 'MLX', transformers: 'Transformers',
};

/** KV-cache types with their size against a 16-bit cache. */
export const KV_LABEL: Readonly<Record<KvCacheTypeId, string>> = {
  f16: 'f16', bf16: 'bf16', q8_0: 'q8_0 (half size)', q4_0: 'q4_0 (quarter size)', fp8: 'fp8 (half size)',
};

/** The engine choices, in the vocabulary's order. */
export const ENGINE_OPTIONS: readonly Option[] = ENGINES.map((e) => ({ value: e, label: ENGINE_LABEL[e] }));

/** The KV-cache choices of each engine: the types it allocates (KV_CACHE_TYPES_BY_ENGINE). */
export const KV_OPTIONS_BY_ENGINE: Readonly<Record<EngineId, readonly Option[]>> = Object.fromEntries(
  ENGINES.map((e): [EngineId, Option[]] => [e, KV_CACHE_TYPES_BY_ENGINE[e].map((k) => ({ value: k, label: KV_LABEL[k] }))]),
) as Record<string, readonly Option[]> as Record<EngineId, readonly Option[]>;

/**
 * The backend choices for a device that runs `backends` (the usual one first): '' stands for the
 * usual one, so a link says `backend=` only when the reader chose another. Raw hardware runs any
 * backend the request knows, CUDA by default.
 */
export function backendOptions(backends: readonly BackendId[] | undefined): readonly Option[] {
  const list = backends && backends.length ? backends : BACKENDS;
  let out = backendCache.get(list);
  if (!out) {
    out = [{ value: '', label: `usual (${list[0]})` }, ...list.slice(1).map((b) => ({ value: b, label: b }))];
    backendCache.set(list, out);
  }
  return out;
}

/** Option lists by the device's backends list (the same array for every render of a device). */
const backendCache = new WeakMap<readonly BackendId[], readonly Option[]>();
