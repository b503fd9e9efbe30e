/**
 * Data for the model and hardware reference pages, computed at build time by the sizing engine.
 * Templates only render what these functions return; every number here comes from
 * `estimate()` or from a catalog row (which carries its source).
 */
import type { HardwareEntry, ModelEntry } from '../../../lib/catalog/types.ts';
import type { EstimateResult } from '../../../lib/sizing/types.ts';
import type { EstimateRequest } from '../../../lib/request.ts';
import { shortDeviceName } from '../../../lib/hardware-spec.ts';
import { formatBytes, formatCount, formatSpeedRange, formatTokens, formatTokensPerSec, formatUsd, MISSING } from '../../../lib/format/index.ts';
import { catalogHardware, catalogModels, catalogQuants, tryEstimate } from './catalog.ts';

/** Context lengths shown on model pages, tokens. */
export const pageContexts = [8192, 32768] as const;
/** Weight formats shown in a model's memory table, best quality first (those in the catalog). */
const tableQuants = ['BF16', 'F16', 'FP8', 'Q8_0', 'Q6_K', 'Q5_K_M', 'Q4_K_M', 'IQ4_XS', 'Q3_K_M', 'Q2_K'];
/** The format used to decide "which hardware runs it": the common default for local use. */
export const referenceQuant = 'Q4_K_M';
/** Device counts tried for one GPU model before giving up (a server rarely holds more than 8). */
const deviceCounts = [1, 2, 4, 8];

const memo = new Map<string, EstimateResult | null>();
/** `tryEstimate` memoised on the request, because model and hardware pages ask the same questions. */
function est(req: EstimateRequest): EstimateResult | null {
  const key = JSON.stringify(req);
  if (!memo.has(key)) memo.set(key, tryEstimate(req));
  return memo.get(key) ?? null;
}

/**
 * The engine's best-fitting format, except that nobody serves F32 weights: where F32 would fit,
 * the released 16-bit (or native) format is what people run, and it fits too.
 */
function sensibleQuant(best: string | null, m: ModelEntry): string | null {
  return best === 'F32' ? m.releasedFormat : best;
}

/**
 * True for formats ranked below Q4_0 in quality (the lowest 4-bit GGUF format, the same line the
 * rig builder's "4-bit or better" draws): 3-bit and lower, where measured quality loss grows
 * quickly. Pages list such fits apart so that "fits" does not read as "runs well".
 * Unknown formats count as not low-bit.
 */
export function isLowBit(quant: string): boolean {
  const rank = new Map(catalogQuants().map((q) => [q.id, q.qualityRank]));
  const floor = rank.get('Q4_0');
  const r = rank.get(quant);
  return floor !== undefined && r !== undefined && r < floor;
}

/** A hardware spec string for `count` devices of one id: `rtx-3090` or `2xrtx-3090`. */
export function rigSpec(id: string, count: number): string {
  return count > 1 ? `${count}x${id}` : id;
}

export interface Fact { label: string; value: string }
export interface MemoryRow { quant: string; bitsPerWeight: string; weights: string; totals: string[] }
export interface RigRow {
  hardwareId: string; hardwareName: string; count: number; spec: string;
  bestQuant: string; total: string; decode: string; decodeRange: string; verdict: string;
}
export interface CalcLink { label: string; path: string }

export interface ModelPage {
  model: ModelEntry;
  /** One-paragraph answer to "can I run it on my GPU?", from the engine. */
  quickAnswer: string;
  facts: Fact[];
  contexts: number[];
  contextLabels: string[];
  memory: MemoryRow[];
  rigs: RigRow[];
  rigsOmitted: number;
  kvPerToken: string;
  paramsLabel: string;
}

/** Architecture facts of a model, with units. */
function modelFacts(m: ModelEntry, r: EstimateResult | null): Fact[] {
  const f: Fact[] = [
    { label: 'Parameters (reported)', value: formatCount(m.paramsReported) },
  ];
  if (r) f.push({ label: 'Parameters (counted by the engine)', value: formatCount(r.model.totalParams) });
  if (m.activeParamsReported) f.push({ label: 'Active parameters per token', value: formatCount(m.activeParamsReported) });
  f.push(
    { label: 'Layers', value: String(m.layers) },
    { label: 'Hidden size', value: m.hiddenSize.toLocaleString('en-US') },
    { label: 'Attention heads / KV heads', value: `${m.attentionHeads} / ${m.kvHeads}${m.kvHeads < m.attentionHeads && !m.mla ? ` (grouped-query, ${m.attentionHeads / m.kvHeads} query heads per KV head)` : ''}` },
    { label: 'Head dimension', value: String(m.headDim) },
  );
  if (m.mla) f.push({ label: 'Multi-head latent attention', value: `KV latent rank ${m.mla.kvLoraRank}, RoPE head dim ${m.mla.qkRopeHeadDim}` });
  if (m.moe) f.push({ label: 'Mixture of experts', value: `${m.moe.activeExperts} of ${m.moe.experts} routed experts per token${m.moe.sharedExperts ? `, ${m.moe.sharedExperts} shared` : ''}` });
  if (m.blockPattern) {
    const count = (re: RegExp) => (m.blockPattern!.match(re) ?? []).length;
    const parts = [
      [count(/[FA]/g), 'full attention'], [count(/W/g), `${m.attentionLayout?.kind ?? 'sliding'}-window attention (${formatTokens(m.attentionLayout?.windowTokens ?? 0)} tokens)`],
      [count(/L/g), 'Gated DeltaNet linear attention'], [count(/[MN]/g), 'Mamba-2'], [count(/D/g), 'dense MLP only'], [count(/E/g), 'MoE only'],
    ] as const;
    f.push({ label: 'Layer mix', value: parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`).join(', ') });
  } else if (m.attentionLayout) {
    const a = m.attentionLayout;
    const what = a.kind === 'linear' ? 'linear attention' : `${a.kind} attention (window ${formatTokens(a.windowTokens ?? 0)} tokens)`;
    f.push({ label: 'Attention layout', value: `one full-attention layer in ${a.fullEvery}, the others ${what}` });
  }
  if (m.globalAttention) f.push({ label: 'Global layers', value: `${m.globalAttention.kvHeads} KV heads of ${m.globalAttention.headDim}${m.globalAttention.kEqV ? ', keys also serve as values' : ''}` });
  if (m.linearAttention) {
    const g = m.linearAttention;
    f.push({ label: 'Linear attention', value: `${g.keyHeads} key / ${g.valueHeads} value heads of ${g.keyHeadDim} / ${g.valueHeadDim}, convolution ${g.convKernel}` });
  }
  if (m.mamba) f.push({ label: 'Mamba-2 mixer', value: `${m.mamba.heads} heads of ${m.mamba.headDim}, state ${m.mamba.stateSize}, ${m.mamba.groups} groups` });
  if (r && r.memory.stateBytes > 0) f.push({ label: 'Fixed state per sequence (llama.cpp)', value: formatBytes(r.memory.stateBytes / r.settings.sequences, 'GiB') });
  if (m.indexer) f.push({ label: 'Sparse attention (DSA)', value: `lightning indexer of ${m.indexer.heads} heads of ${m.indexer.headDim}; each query attends to ${m.indexer.topK.toLocaleString('en-US')} tokens` });
  if (m.moe?.latentSize) f.push({ label: 'Latent MoE', value: `experts work in a ${m.moe.latentSize}-wide latent space` });
  if (m.mtpLayers) f.push({ label: 'Multi-token prediction', value: `${m.mtpLayers} layer${m.mtpLayers > 1 ? 's' : ''} in the checkpoint, loaded only for speculative decoding (not counted)` });
  f.push(
    { label: 'Vocabulary', value: m.vocabSize.toLocaleString('en-US') },
    { label: 'Maximum context', value: `${formatTokens(m.maxContextTokens)} tokens` },
    { label: 'Released weights', value: m.releasedFormat },
    { label: 'Released', value: m.releaseDate },
    { label: 'Licence', value: m.licence },
    { label: 'Vendor', value: m.vendor },
  );
  return f;
}

/** Everything the page for one model shows. */
export function modelPage(m: ModelEntry): ModelPage {
  const known = new Set(catalogQuants().map((q) => q.id));
  const contexts: number[] = pageContexts.filter((c) => c <= m.maxContextTokens);
  if (contexts.length === 0) contexts.push(m.maxContextTokens);
  const quants = [...new Set([m.releasedFormat, ...tableQuants])].filter((q) => known.has(q) || q === m.releasedFormat);
  const memory: MemoryRow[] = [];
  for (const quant of quants) {
    const rows = contexts.map((context) => est({ model: m.id, quant, context }));
    const first = rows[0];
    if (!first) continue;
    memory.push({
      quant,
      bitsPerWeight: first.quant.bitsPerWeight.toFixed(2),
      weights: formatBytes(first.memory.weightsBytes),
      totals: rows.map((r) => (r ? formatBytes(r.memory.totalBytes) : MISSING)),
    });
  }
  const base = est({ model: m.id, context: contexts[0] ?? 8192 });
  const rigs: RigRow[] = [];
  for (const h of catalogHardware()) {
    const counts = h.unifiedMemory ? [1] : deviceCounts;
    for (const count of counts) {
      const spec = rigSpec(h.id, count);
      const probe = est({ model: m.id, quant: referenceQuant, context: 8192, hardware: spec });
      if (!probe?.fit) break;
      if (!probe.fit.fits) continue;
      const bestQuant = sensibleQuant(probe.fit.bestQuant, m) ?? referenceQuant;
      const best = est({ model: m.id, quant: bestQuant, context: 8192, hardware: spec }) ?? probe;
      rigs.push({
        hardwareId: h.id, hardwareName: h.name, count, spec, bestQuant,
        total: formatBytes(best.memory.totalBytes),
        decode: best.speed ? formatTokensPerSec(best.speed.decodeTokensPerSec) : MISSING,
        decodeRange: best.speed ? formatSpeedRange(best.speed.decodeRange) : MISSING,
        verdict: best.fit?.verdict ?? 'fits',
      });
      break;
    }
  }
  // Fewest devices first, then the largest memory per device last: the cheapest way to run it leads.
  const byHw = new Map(catalogHardware().map((h) => [h.id, h]));
  rigs.sort((a, b) => a.count - b.count || (byHw.get(a.hardwareId)?.memoryGiB ?? 0) * a.count - (byHw.get(b.hardwareId)?.memoryGiB ?? 0) * b.count);
  const shown = rigs.slice(0, 24);
  return {
    model: m,
    quickAnswer: modelQuickAnswer(m),
    facts: modelFacts(m, base),
    contexts,
    contextLabels: contexts.map((c) => `${formatTokens(c)} context`),
    memory,
    rigs: shown,
    rigsOmitted: rigs.length - shown.length,
    kvPerToken: base ? formatBytes(base.memory.kvBytesPerToken, 'GiB') : MISSING,
    paramsLabel: formatCount(m.paramsReported),
  };
}

/** Consumer GPUs people ask about, smallest first, and common unified-memory machines. */
const askedGpus = ['rtx-3060-12gb', 'rtx-4060-ti-16gb', 'rtx-3090', 'rtx-4090', 'rtx-5090'];
const askedUnified = ['m4-max-40c', 'ryzen-ai-max-395', 'dgx-spark', 'm3-ultra-80c'];
const countWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

/** "RTX 3090" from "NVIDIA GeForce RTX 3090": the name people type. */
export function shortName(h: HardwareEntry): string {
  return shortDeviceName(h.name);
}

/** "an RTX 3090", "an Apple M4 Max", "a DGX Spark": letter names such as RTX, H100, M4 take "an". */
export function withArticle(name: string): string {
  const an = /^[AEIOU]/i.test(name) || /^[FHLMNRSX](?:\d|[A-Z]+\b)/.test(name);
  return `${an ? 'an' : 'a'} ${name}`;
}

/** "a, b or c". */
function listOr(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** "one RTX 3090" / "two RTX 3090s". */
function countOf(n: number, h: HardwareEntry): string {
  return `${countWords[n] ?? String(n)} ${shortName(h)}${n > 1 ? 's' : ''}`;
}

/**
 * The fewest devices of one GPU that hold a model at the reference format and 8K context
 * (1, 2, 4 or 8), or null when even eight do not.
 */
function fewestDevices(modelId: string, h: HardwareEntry): number | null {
  for (const n of h.unifiedMemory ? [1] : deviceCounts) {
    const r = est({ model: modelId, quant: referenceQuant, context: 8192, hardware: rigSpec(h.id, n) });
    if (r?.fit?.fits) return n;
  }
  return null;
}

/**
 * A plain-words answer to "can I run this model on my GPU?" from the engine: the memory it needs
 * at the reference format and 8K context, and the fewest consumer GPUs of each common kind that
 * hold it. Written out in words ("two RTX 3090s") so that search finds it the way people ask.
 */
export function modelQuickAnswer(m: ModelEntry): string {
  const need = est({ model: m.id, quant: referenceQuant, context: 8192 });
  if (!need) return '';
  const byId = new Map(catalogHardware().map((h) => [h.id, h]));
  const fitParts: string[] = [];
  const noFit: string[] = [];
  for (const id of askedGpus) {
    const h = byId.get(id);
    if (!h) continue;
    const n = fewestDevices(m.id, h);
    if (n === null) noFit.push(`${shortName(h)}s`);
    else fitParts.push(countOf(n, h));
  }
  for (const id of askedUnified) {
    const h = byId.get(id);
    if (h && fewestDevices(m.id, h) === 1) fitParts.push(withArticle(shortName(h)));
  }
  let text = `Can I run ${m.name} on my GPU? At ${referenceQuant} with an 8K context it needs about ${formatBytes(need.memory.totalBytes)} in total.`;
  if (fitParts.length > 0) text += ` It fits on ${listOr(fitParts)}.`;
  if (noFit.length > 0) text += ` Not even eight ${listOr(noFit)} hold it.`;
  return text;
}

export interface FitRow { modelId: string; modelName: string; bestQuant: string; total: string; decode: string; decodeRange: string; maxContext: string }
export interface HardwarePage {
  hw: HardwareEntry;
  specs: Fact[];
  price: string | null;
  /** One-paragraph answer to "what can I run on it?", from the engine. */
  quickAnswer: string;
  /** Fits at 4 bits per weight or better (Q4_0 and up). */
  fits: FitRow[];
  /** Fits only in a format below Q4_0, where quality loss is large. */
  fitsLowBit: FitRow[];
  offload: { modelId: string; modelName: string }[];
  noFit: { modelId: string; modelName: string }[];
}

/**
 * A plain-words answer to "what can I run on this?": the largest catalogued model that one device
 * holds at the reference format and 8K context, and for GPUs, what two, four and eight hold.
 */
export function hardwareQuickAnswer(h: HardwareEntry): string {
  const largestOn = (n: number): ModelEntry | undefined => {
    let best: ModelEntry | undefined;
    for (const m of catalogModels()) {
      const r = est({ model: m.id, quant: referenceQuant, context: 8192, hardware: rigSpec(h.id, n) });
      if (r?.fit?.fits && (!best || m.paramsReported > best.paramsReported)) best = m;
    }
    return best;
  };
  const name = shortName(h);
  const one = largestOn(1);
  let text = `What can I run on ${withArticle(name)}? At ${referenceQuant} with an 8K context, `;
  text += one ? `one holds models up to ${one.name}.` : 'one holds none of the catalogued models.';
  if (!h.unifiedMemory) {
    const seen = new Set(one ? [one.id] : []);
    const parts: string[] = [];
    for (const n of [2, 4, 8]) {
      const m = largestOn(n);
      if (m && !seen.has(m.id)) {
        parts.push(`${parts.length === 0 ? countOf(n, h).replace(/^./, (c) => c.toUpperCase()) : countOf(n, h)} (${formatBytes(h.memoryGiB * n * 2 ** 30)}) run up to ${m.name}`);
        seen.add(m.id);
      }
    }
    if (parts.length > 0) text += ` ${parts.join('; ')}.`;
  }
  return text;
}

/** Everything the page for one hardware item shows: specs, price, and what runs on one device. */
export function hardwarePage(h: HardwareEntry): HardwarePage {
  const specs: Fact[] = [
    {
      label: 'Memory',
      value: `${h.memoryGiB} GiB, sold as “${h.memoryGiB} GB” (${formatBytes(h.memoryGiB * 2 ** 30)} in 10⁹-byte GB)${h.memoryOptionsGiB ? `; offered with ${h.memoryOptionsGiB.join(', ')} GB` : ''}`,
    },
    { label: 'Memory bandwidth', value: `${h.bandwidthGBs.toLocaleString('en-US')} GB/s` },
    { label: 'FP16/BF16 tensor (dense)', value: `${h.fp16Tflops} TFLOPS` },
    ...(h.matrixFp16Tflops !== undefined ? [{ label: 'FP16 matrix units (at least)', value: `${h.matrixFp16Tflops} TFLOPS, from the vendor's claim against an earlier chip` }] : []),
    { label: 'Power', value: `${h.powerW} W` },
    { label: 'Backends', value: h.backends.map((b, i) => `${b.toUpperCase()}${i === 0 ? ' (usual)' : ''}`).join(', ') },
    { label: 'Multi-device link', value: h.interconnect === 'none' ? 'none' : h.interconnect === 'nvlink' ? 'NVLink' : 'PCIe' },
    { label: 'Released', value: h.releaseDate },
  ];
  if (h.unifiedMemory) {
    specs.push({ label: 'GPU share of memory by default', value: h.gpuMemoryFraction ? `${Math.round(h.gpuMemoryFraction * 100)}%` : 'all' });
  }
  const fits: FitRow[] = [];
  const fitsLowBit: FitRow[] = [];
  const offload: HardwarePage['offload'] = [];
  const noFit: HardwarePage['noFit'] = [];
  for (const m of catalogModels()) {
    const probe = est({ model: m.id, quant: referenceQuant, context: 8192, hardware: h.id });
    if (!probe?.fit) continue;
    const bestQuant = sensibleQuant(probe.fit.bestQuant, m);
    if (bestQuant) {
      const best = est({ model: m.id, quant: bestQuant, context: 8192, hardware: h.id });
      if (best?.fit?.fits) {
        (isLowBit(bestQuant) ? fitsLowBit : fits).push({
          modelId: m.id, modelName: m.name, bestQuant,
          total: formatBytes(best.memory.totalBytes),
          decode: best.speed ? formatTokensPerSec(best.speed.decodeTokensPerSec) : MISSING,
          decodeRange: best.speed ? formatSpeedRange(best.speed.decodeRange) : MISSING,
          maxContext: `${formatTokens(best.fit.maxContext)}`,
        });
        continue;
      }
    }
    if (probe.fit.verdict === 'offload') offload.push({ modelId: m.id, modelName: m.name });
    else noFit.push({ modelId: m.id, modelName: m.name });
  }
  return { hw: h, specs, price: h.priceUsd ? formatUsd(h.priceUsd) : null, quickAnswer: hardwareQuickAnswer(h), fits, fitsLowBit, offload, noFit };
}
