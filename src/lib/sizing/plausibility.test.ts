/**
 * Physical plausibility of every speed the engine gives, over the whole catalog: each device with
 * each backend it runs, and every model that fits on it in Q4_K_M (llama.cpp) at 8K context. The
 * roof is the device's bandwidth over the bytes a token reads: roof = bandwidth / (weightsBytes x
 * activeParams / totalParams). Calibration may move speeds anywhere inside these walls, never
 * through them.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog/index.ts';
import { estimate } from '../estimate.ts';
import type { EstimateRequest } from '../request.ts';
import type { EstimateResult } from './types.ts';

/**
 * `r` is the default request (a 512-token prompt, then 128 tokens); `empty` decodes after a 1-token
 * prompt, where the cache adds next to nothing to the bytes the roof counts.
 */
interface Case { model: string; family: string; hardware: string; backend: string; r: EstimateResult; empty: EstimateResult; deep: EstimateResult[] }

const DEPTHS = [4096, 32768];

function cases(): Case[] {
  const out: Case[] = [];
  for (const h of catalog.hardware) {
    for (const backend of h.backends) {
      for (const m of catalog.models) {
        const req: EstimateRequest = { model: m.id, hardware: h.id, backend, quant: 'Q4_K_M', context: 8192 };
        let r: EstimateResult;
        try { r = estimate(req); } catch { continue; }
        if (r.fit?.verdict !== 'fits' || !r.speed) continue;
        const deep = DEPTHS.filter((d) => d + 640 <= m.maxContextTokens).map((depth) => estimate({ ...req, depth, context: depth + 640 }));
        out.push({ model: m.id, family: m.family, hardware: h.id, backend, r, empty: estimate({ ...req, prompt: 1 }), deep });
      }
    }
  }
  return out;
}

const all = cases();
const roofOf = (c: Case) => {
  const h = catalog.hardware.find((x) => x.id === c.hardware)!;
  const bytesPerToken = c.r.memory.weightsBytes * (c.r.model.activeParams / c.r.model.totalParams);
  return (h.bandwidthGBs * 1e9) / bytesPerToken;
};
const show = (bad: string[]) => (bad.length ? `${bad.length} violations, e.g.\n${bad.slice(0, 12).join('\n')}` : '');

describe('physical plausibility over the catalog', () => {
  it('covers every device and backend of the catalog with the models that fit on it', () => {
    const pairs = new Set(all.map((c) => `${c.hardware}/${c.backend}`));
    const expected = catalog.hardware.flatMap((h) => h.backends.map((b) => `${h.id}/${b}`));
    expect(all.length).toBeGreaterThan(1000);
    expect(expected.filter((p) => !pairs.has(p))).toEqual([]);
  });

  it('never decodes faster than 1.05 x the bandwidth roof', () => {
    const bad = all.filter((c) => c.empty.speed!.decodeTokensPerSec > 1.05 * roofOf(c))
      .map((c) => `${c.model} on ${c.hardware} (${c.backend}): ${c.empty.speed!.decodeTokensPerSec.toFixed(1)} t/s > roof ${roofOf(c).toFixed(1)}`);
    expect(show(bad)).toBe('');
  });

  it('decodes a dense model at no less than 0.25 x its roof where the roof is under 400 t/s', () => {
    const bad = all.filter((c) => !catalog.models.find((m) => m.id === c.model)!.moe && roofOf(c) < 400 && c.empty.speed!.decodeTokensPerSec < 0.25 * roofOf(c))
      .map((c) => `${c.model} on ${c.hardware} (${c.backend}): ${c.empty.speed!.decodeTokensPerSec.toFixed(2)} t/s < 0.25 x roof ${roofOf(c).toFixed(1)}`);
    expect(show(bad)).toBe('');
  });

  it('keeps prefill under the compute roofline (2 FLOP per multiplied active parameter per token)', () => {
    // GeForce cards run llama.cpp's FP16 matrix maths with FP16 accumulation, at twice the rate the
    // catalog lists (dense FP16 with FP32 accumulate): their roofline is twice as high. The token
    // embedding is looked up, not multiplied, so its parameters cost no FLOPs.
    const bad = all.filter((c) => {
      const h = catalog.hardware.find((x) => x.id === c.hardware)!;
      const fp16Acc = h.vendor === 'nvidia' && h.segment === 'consumer' ? 2 : 1;
      const m = catalog.models.find((x) => x.id === c.model)!;
      const multiplied = c.r.model.activeParams - (m.tiedEmbeddings ? 0 : m.vocabSize * m.hiddenSize);
      // Apple M5's matrix units: the lower bound of their rate that Apple's claim gives.
      const roofTflops = Math.max(fp16Acc * h.fp16Tflops, h.matrixFp16Tflops ?? 0);
      return c.r.speed!.prefillTokensPerSec > (roofTflops * 1e12) / (2 * multiplied);
    }).map((c) => `${c.model} on ${c.hardware} (${c.backend}): prefill ${c.r.speed!.prefillTokensPerSec.toFixed(0)} t/s`);
    expect(show(bad)).toBe('');
  });

  it('never gets faster as the cache fills', () => {
    const bad: string[] = [];
    for (const c of all) {
      let prev = c.r.speed!;
      for (const [i, d] of c.deep.entries()) {
        const s = d.speed;
        if (!s) continue;
        if (s.decodeTokensPerSec > prev.decodeTokensPerSec * 1.0001) bad.push(`${c.model} on ${c.hardware} (${c.backend}) decode rises at depth ${DEPTHS[i]}`);
        if (s.prefillTokensPerSec > prev.prefillTokensPerSec * 1.0001) bad.push(`${c.model} on ${c.hardware} (${c.backend}) prefill rises at depth ${DEPTHS[i]}`);
        prev = s;
      }
    }
    expect(show(bad)).toBe('');
  });

  it('never makes a larger model of one family and format faster on the same device', () => {
    // Dense and MoE models are compared among themselves: a small dense model may outrun an MoE one
    // that reads fewer bytes, because routing and expert gathers cost time of their own.
    const bad: string[] = [];
    const groups = new Map<string, Case[]>();
    const moe = (c: Case) => (catalog.models.find((m) => m.id === c.model)!.moe ? 'moe' : 'dense');
    for (const c of all) {
      const key = `${c.family}|${moe(c)}|${c.hardware}|${c.backend}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    for (const cs of groups.values()) {
      for (const a of cs) for (const b of cs) {
        // "Larger" by the bytes a token reads (10% more active weights) and by depth (at least as many
        // layers): each layer costs a fixed kernel-launch time too, so on a fast device a deep small
        // model may really be slower than a shallower, wider one (Qwen2.5 3B has 36 layers, 7B 28).
        const readA = a.r.memory.weightsBytes * a.r.model.activeParams / a.r.model.totalParams;
        const readB = b.r.memory.weightsBytes * b.r.model.activeParams / b.r.model.totalParams;
        const layersA = catalog.models.find((m) => m.id === a.model)!.layers;
        const layersB = catalog.models.find((m) => m.id === b.model)!.layers;
        if (readA > 1.1 * readB && layersA >= layersB && a.r.speed!.decodeTokensPerSec > b.r.speed!.decodeTokensPerSec * 1.02) {
          bad.push(`${a.model} (${(readA / 1e9).toFixed(1)} GB read) faster than ${b.model} (${(readB / 1e9).toFixed(1)} GB) on ${a.hardware} (${a.backend})`);
        }
      }
    }
    expect(show(bad)).toBe('');
  });
});
