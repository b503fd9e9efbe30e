/**
 * The catalog and engine as the islands see them in the browser: the numbers-only client copy
 * of the catalog (see src/lib/state/client-catalog.ts) handed to the engine's core, plus the
 * option lists for the selects and the ids the URL decoder accepts.
 */
import { compareText } from '../../../lib/format/index.ts';
import { expandCore } from '../../../lib/state/client-catalog.ts';
import compactCore from 'virtual:rigbook/client-catalog';
import type { KnownIds } from '../../../lib/state/url.ts';
import type { HardwareEntry, ModelEntry } from '../../../lib/catalog/types.ts';
import type { EngineId } from '../../../lib/vocabulary.ts';
import type { Option } from './ui.tsx';

/** Model, hardware and format rows without provenance strings (numbers and names only). */
export const catalog = expandCore(compactCore);

/** Catalog ids the URL decoder and storage sanitizer accept. */
export const KNOWN_IDS: KnownIds = {
  models: new Set(catalog.models.map((m) => m.id)),
  quants: new Set(catalog.quants.map((q) => q.id)),
  hardware: new Set(catalog.hardware.map((h) => h.id)),
};

const modelById = new Map(catalog.models.map((m) => [m.id, m]));
const hardwareById = new Map(catalog.hardware.map((h) => [h.id, h]));

/** A model row by id, or undefined. */
export function modelOf(id: string): ModelEntry | undefined {
  return modelById.get(id);
}

/** A hardware row by id, or undefined. */
export function hardwareOf(id: string): HardwareEntry | undefined {
  return hardwareById.get(id);
}

const FAMILY_LABEL: Record<string, string> = {
  llama: 'Llama', qwen: 'Qwen', mistral: 'Mistral', gemma: 'Gemma', phi: 'Phi', deepseek: 'DeepSeek', 'gpt-oss': 'gpt-oss', glm: 'GLM', kimi: 'Kimi',
};

/** Display name of a model family ("qwen" -> "Qwen"). */
export function familyLabel(f: string): string {
  return FAMILY_LABEL[f] ?? f.charAt(0).toUpperCase() + f.slice(1);
}

/** Model options grouped by family, in catalog order within a family. */
export const MODEL_OPTIONS: Option[] = [...catalog.models]
  .sort((a, b) => compareText(familyLabel(a.family), familyLabel(b.family)) || a.paramsReported - b.paramsReported)
  .map((m) => ({ value: m.id, label: m.name, group: familyLabel(m.family) }));

const SEGMENT_LABEL: Record<HardwareEntry['segment'], string> = {
  consumer: 'Consumer GPUs', workstation: 'Workstation GPUs', datacenter: 'Data-centre GPUs', unified: 'Unified memory (Apple, AMD, NVIDIA)',
};

/** Hardware options grouped by segment, then by memory. */
export const HARDWARE_OPTIONS: Option[] = [...catalog.hardware]
  .sort((a, b) => Object.keys(SEGMENT_LABEL).indexOf(a.segment) - Object.keys(SEGMENT_LABEL).indexOf(b.segment) || a.memoryGiB - b.memoryGiB || compareText(a.name, b.name))
  .map((h) => ({ value: h.id, label: `${h.name} (${h.memoryGiB} GB)`, group: SEGMENT_LABEL[h.segment] }));

/** Weight-format options, best quality first. */
export const QUANT_OPTIONS: Option[] = [...catalog.quants]
  .sort((a, b) => b.qualityRank - a.qualityRank)
  .map((q) => ({ value: q.id, label: q.name === q.id ? q.id : `${q.id} — ${q.name}` }));

const quantOptionsCache = new Map<EngineId, Option[]>();

/** Weight-format options an engine loads (the format's `engines`), best quality first. */
export function quantOptionsFor(engine: EngineId): Option[] {
  let out = quantOptionsCache.get(engine);
  if (!out) {
    const loads = new Set(catalog.quants.filter((q) => q.engines.includes(engine)).map((q) => q.id));
    out = QUANT_OPTIONS.filter((o) => loads.has(o.value));
    quantOptionsCache.set(engine, out);
  }
  return out;
}

/**
 * The format to keep when the reader switches to `engine`: `quant` itself when the engine loads
 * it, else the format that engine loads whose quality rank is nearest (Q4_K_M becomes MLX-Q4 on MLX,
 * AWQ-INT4 on vLLM).
 */
export function quantForEngine(quant: string, engine: EngineId): string {
  const rows = catalog.quants.filter((q) => q.engines.includes(engine));
  if (rows.some((q) => q.id === quant)) return quant;
  const rank = catalog.quants.find((q) => q.id === quant)?.qualityRank;
  if (rank === undefined || rows.length === 0) return rows[0]?.id ?? quant;
  // Ties go to the smaller format (lower rank): a switch of engine should not make the model grow.
  const distance = (q: { qualityRank: number }) => Math.abs(q.qualityRank - rank);
  return rows.reduce((best, q) => (distance(q) < distance(best) || (distance(q) === distance(best) && q.qualityRank < best.qualityRank) ? q : best)).id;
}
