/**
 * Properties over a sweep of the catalog: for every engine, one more device of the same kind never
 * makes a verdict worse or decoding slower than the cost of the extra split (a hop, or a tensor
 * split's all-reduces); "fits" leaves every byte a place; the advice names only the flags of the
 * engine asked for.
 */
import { describe, expect, it } from 'vitest';
import { fitted } from '../calibration/fitted.ts';
import { catalog } from '../catalog/index.ts';
import { estimateFast } from '../estimate.ts';
import type { EstimateRequest } from '../request.ts';
import type { EngineId } from '../vocabulary.ts';
import type { EstimateResult } from './types.ts';

const GiB = 2 ** 30;
const RANK = { 'no-fit': 0, offload: 1, fits: 2 } as const;
const RIGS: Record<EngineId, string[]> = {
  'llama.cpp': ['rtx-4060', 'rtx-3090', 'rtx-5090', 'h100-sxm', 'rx-7900-xtx', 'radeon-ai-pro-r9700'],
  ollama: ['rtx-4060', 'rtx-3090'],
  vllm: ['rtx-4060', 'rtx-3090', 'h100-sxm', 'mi300x'],
  sglang: ['rtx-3090', 'h100-sxm'],
  transformers: ['rtx-4060', 'rtx-3090'],
  mlx: ['m4-max-40c'],
};
/** Words of one engine's own advice that another engine's advice must not use. */
const OWN_WORDS: Record<EngineId, RegExp> = {
  'llama.cpp': /-ngl\b|--n-cpu-moe|--mmproj/,
  ollama: /Ollama|num_gpu/,
  vllm: /vLLM/,
  sglang: /SGLang/,
  transformers: /Transformers|device_map/,
  mlx: /\bMLX\b/,
};

interface Case { req: EstimateRequest; few: EstimateResult; more: EstimateResult }

function cases(): Case[] {
  const out: Case[] = [];
  for (const engine of Object.keys(RIGS) as EngineId[]) {
    for (const m of catalog.models) {
      for (const id of RIGS[engine]) {
        for (const ramGb of [undefined, 128]) {
          for (const context of [8192, 65536]) {
            for (const split of ['layer', 'tensor'] as const) {
              if (engine === 'mlx' && split === 'tensor') continue;
              for (const n of [1, 2]) {
                const base: EstimateRequest = { model: m.id, engine, context, split, ...(ramGb ? { ramGb } : {}) };
                const few = estimateFast({ ...base, hardware: n > 1 ? `${n}x${id}` : id });
                const more = estimateFast({ ...base, hardware: `${n + 1}x${id}` });
                if (few && more) out.push({ req: { ...base, hardware: id }, few, more });
              }
            }
          }
        }
      }
    }
  }
  return out;
}

const sweep = cases();

describe('a sweep over the catalog, every engine', () => {
  it('covers every engine with thousands of pairs of rigs', () => {
    expect(sweep.length).toBeGreaterThan(2000);
    for (const engine of Object.keys(RIGS)) expect(sweep.some((c) => c.req.engine === engine)).toBe(true);
  });

  it('never makes the verdict worse with one more device of the same kind', () => {
    const worse = sweep.filter((c) => RANK[c.more.fit!.verdict] < RANK[c.few.fit!.verdict]).map((c) => ({ ...c.req, devices: c.few.hardware!.devices.length }));
    expect(worse.slice(0, 5)).toEqual([]);
  });

  it('never decodes slower with one more device than the cost of one more split', () => {
    // A layer split costs one more hop; a tensor split two all-reduces per layer at the link's latency.
    const allReduceSec = Math.max(0, ...Object.values(fitted.tensorParallelAllReduceSec ?? {}));
    const layersOf = new Map(catalog.models.map((m) => [m.id, m.layers]));
    const splitCostSec = (c: Case) => fitted.layerSplitHopSec + (c.req.split === 'tensor' ? 2 * (layersOf.get(c.req.model ?? '') ?? 0) * allReduceSec : 0);
    const slower = sweep.filter((c) => c.few.speed && c.more.speed && c.more.fit!.verdict === c.few.fit!.verdict).filter((c) => {
      const t1 = 1 / c.few.speed!.decodeTokensPerSec;
      const t2 = 1 / c.more.speed!.decodeTokensPerSec;
      return t2 > t1 * 1.01 + splitCostSec(c);
    }).map((c) => ({ ...c.req, devices: c.few.hardware!.devices.length, from: c.few.speed!.decodeTokensPerSec, to: c.more.speed!.decodeTokensPerSec }));
    expect(slower.slice(0, 5)).toEqual([]);
  });

  it('fits only when every device holds its share and system memory the rest', () => {
    const broken = sweep.flatMap((c) => [c.few, c.more]).filter((r) => {
      if (r.fit!.verdict === 'no-fit') return false;
      const overDevice = r.hardware!.devices.some((d) => d.assignedBytes > d.memoryBytes + 1);
      const ram = r.fit!.verdict === 'offload' || r.memory.hostBytes > 0 ? (r.settings as { ramGb?: number }).ramGb : undefined;
      const overHost = ram !== undefined && r.memory.hostBytes + r.fit!.offloadedBytes > ram * GiB;
      const unifiedOver = r.memory.hostBytes === 0 && r.fit!.verdict === 'fits' && r.memory.totalBytes > r.hardware!.memoryBytes + 1;
      return overDevice || overHost || unifiedOver;
    }).map((r) => `${r.model.id} ${r.settings.engine} ${r.hardware!.spec}`);
    expect(broken.slice(0, 5)).toEqual([]);
  });

  it('names only the flags of the engine asked for in its advice', () => {
    const foreign = sweep.flatMap((c) => [c.few, c.more]).flatMap((r) => r.warnings.filter((w) =>
      (Object.keys(OWN_WORDS) as EngineId[]).some((e) => e !== r.settings.engine && OWN_WORDS[e].test(w))).map((w) => `${r.settings.engine}: ${w}`));
    expect([...new Set(foreign)].slice(0, 5)).toEqual([]);
  });
});
