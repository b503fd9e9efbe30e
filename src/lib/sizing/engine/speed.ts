/**
 * Speed of a placed request: what each device (and system RAM) reads and computes per token, from
 * the placement, handed to the speed model (../speed.ts) with the calibration's efficiencies.
 */
import { weightFamilyOf, type BackendId } from '../../vocabulary.ts';
import type { Placement, PlacementInput } from '../fit.ts';
import { kvReadBytesPerToken, prefillStepTokens } from '../kv-cache.ts';
import { PCIE_BYTES_PER_SEC, prefillFamilyFactorOf, speedOf, type DeviceLoad, type SpeedResult } from '../speed.ts';
import { devicesOf } from './placement.ts';
import type { EngineContext, Resolved } from './types.ts';

/** What the layers held in system RAM read and hold, bytes. */
type HostLoad = { weightBytes: number; allWeightBytes: number; expertBytes: number; layerShare: number };

/** Decode and prefill rates of a request as placed (`decodeOnly` skips the prefill model for sweep rows). */
export function speedFor(ctx: EngineContext, r: Resolved, pl: Placement, pin: PlacementInput, decodeOnly = false): SpeedResult {
  const a = r.p.arch;
  const cal = ctx.calibration;
  const { loads, cpu } = deviceLoads(r, pl, pin);
  let ramBw = r.ramBytesPerSec;
  if (pl.offloadMode === 'weights') ramBw = Math.min(ramBw, PCIE_BYTES_PER_SEC);
  const family = weightFamilyOf(r.quant?.family ?? null);
  // MLX, vLLM/SGLang and Transformers have their own efficiencies where the calibration fitted them;
  // system RAM (the cpu backend) always runs at the CPU's.
  const own = r.runtime !== 'llama.cpp' ? cal.runtimes?.[r.runtime] : undefined;
  const efficiency = (b: BackendId) => (own && b !== 'cpu' ? own : cal.backends[b]);
  return speedOf({
    arch: a, devices: loads, cpu, ramBytesPerSec: ramBw, split: r.split,
    tpScaling: cal.tensorParallelScaling[r.interconnect], tpAllReduceSec: cal.tensorParallelAllReduceSec?.[r.interconnect] ?? 0, hopSec: cal.layerSplitHopSec, layers: a.layers, moeLayers: r.p.inv.moeLayers,
    pipelineEff: cal.layerSplitPrefillEfficiency ?? 1,
    efficiency, family,
    prefillFamilyFactor: (b: BackendId) => prefillFamilyFactorOf(efficiency(b), family),
    kvReadAt: (depth: number) => kvReadBytesPerToken(r.kv, depth),
    activeMatmulParams: r.p.inv.activeParams - r.p.inv.embeddingParams + r.p.inv.tiedOutputParams,
    activeExpertParams: a.moe ? r.p.inv.routedExpertParams * (a.moe.activeExperts / a.moe.experts) : 0,
    kernels2024: r.runtime === 'llama.cpp' && r.kernels === '2024',
    prompt: r.prompt, output: r.output, depth: r.depth, sequences: r.sequences, flashAttention: r.flashAttention,
    ubatch: prefillStepTokens(r.runtime, r.ubatch, r.prompt),
  }, decodeOnly);
}

/** The bytes each device (and system RAM) holds and reads per token, from the placement. */
function deviceLoads(r: Resolved, pl: Placement, pin: PlacementInput): { loads: DeviceLoad[]; cpu: HostLoad | null } {
  const a = r.p.arch;
  const w = r.w;
  const devs = devicesOf(r);
  const D = devs.length;
  const L = a.layers;
  const share = a.moe ? a.moe.activeExperts / a.moe.experts : 1;
  const llama = r.runtime === 'llama.cpp';
  const loads: DeviceLoad[] = devs.map((d) => ({
    weightBytes: 0, allWeightBytes: 0, expertBytes: 0, layerShare: 0, bandwidthBytesPerSec: d.bandwidthBytesPerSec, flopsPerSec: d.flopsPerSec, matrixFlopsPerSec: d.matrixFlopsPerSec, backend: d.backend,
    hbm: d.hbm, fp16Acc: d.fp16Acc, generation: d.generation, ...(d.vendor ? { vendor: d.vendor } : {}),
  }));
  let cpu: HostLoad | null = null;
  const layersOffloaded = pl.offloadMode === 'layers' || pl.offloadMode === 'experts';
  if (pl.offloadMode === 'weights' || (r.split === 'tensor' && D > 1 && !layersOffloaded)) {
    const total = w.totalBytes - (llama ? w.embeddingBytes - w.tiedOutputBytes : 0);
    let experts = 0;
    for (let i = 0; i < L; i++) experts += w.layerExpertBytes[i]!;
    // activeBytes already counts the output head (or the tied embedding serving as one).
    const active = w.activeBytes;
    const onGpu = pl.verdict === 'offload' ? 1 - pl.offloadedBytes / Math.max(1, total) : 1;
    for (const l of loads) {
      l.weightBytes = (active * onGpu) / D;
      l.allWeightBytes = (total * onGpu) / D;
      l.expertBytes = (experts * onGpu) / D;
      l.layerShare = 1 / D;
    }
    if (pl.verdict === 'offload') {
      cpu = { weightBytes: active * (1 - onGpu), allWeightBytes: total * (1 - onGpu), expertBytes: experts * (1 - onGpu), layerShare: 0 };
    }
  } else if (D === 1 && pl.verdict === 'fits') {
    // Everything on one device: the totals are known without walking the layers.
    const l = loads[0]!;
    l.weightBytes = w.activeBytes; // already counts the output head or the tied embedding serving as one
    // Resident weights without the embedding table (looked up, not streamed), except a tied one serving as the head.
    l.allWeightBytes = w.totalBytes - w.embeddingBytes - w.outputBytes + pin.outputBytes + (llama ? 0 : w.tiedOutputBytes);
    l.expertBytes = w.expertBytes;
    l.layerShare = 1;
  } else if (pl.bounds && pl.verdict === 'fits') {
    // Contiguous runs of layers per device: sums from prefix arrays, no walk over the layers.
    for (let d = 0; d < D; d++) {
      const a0 = pl.bounds[d]!, a1 = pl.bounds[d + 1]!;
      const lw = w.prefixLayer[a1]! - w.prefixLayer[a0]!;
      const le = w.prefixExpert[a1]! - w.prefixExpert[a0]!;
      const l = loads[d]!;
      l.layerShare = (a1 - a0) / L;
      l.weightBytes = lw - le + le * share;
      l.allWeightBytes = lw;
      l.expertBytes = le;
    }
    const last = loads[D - 1]!;
    last.weightBytes += pin.outputBytes; last.allWeightBytes += pin.outputBytes;
    if (!llama) { loads[0]!.weightBytes += w.tiedOutputBytes; loads[0]!.allWeightBytes += w.tiedOutputBytes; }
  } else {
    // Layer by layer: each layer on its device, or, under a tensor split, 1/D of it on every device;
    // whole layers or their experts in system RAM when offloaded.
    const spread = r.split === 'tensor' && D > 1;
    const part = spread ? 1 / D : 1;
    let cpuW = 0, cpuAll = 0, cpuExp = 0, cpuLayers = 0;
    for (let i = 0; i < L; i++) {
      const d = pl.layerDevice[i]!;
      const lw = w.layerBytes[i]!;
      const le = w.layerExpertBytes[i]!;
      const dense = lw - le;
      if (d < 0) {
        cpuW += dense + le * share; cpuAll += lw; cpuExp += le; cpuLayers++;
        continue;
      }
      const onCpu = pl.expertCpu[i] === 1;
      if (onCpu) { cpuW += le * share; cpuAll += le; cpuExp += le; }
      for (const l of spread ? loads : [loads[d]!]) {
        l.layerShare += part / L;
        l.weightBytes += (dense + (onCpu ? 0 : le * share)) * part;
        l.allWeightBytes += (dense + (onCpu ? 0 : le)) * part;
        if (!onCpu) l.expertBytes += le * part;
      }
    }
    for (const l of spread ? loads : [loads[D - 1]!]) { l.weightBytes += pin.outputBytes * part; l.allWeightBytes += pin.outputBytes * part; }
    if (!llama) for (const l of spread ? loads : [loads[0]!]) { l.weightBytes += w.tiedOutputBytes * part; l.allWeightBytes += w.tiedOutputBytes * part; }
    if (cpuAll > 0) cpu = { weightBytes: cpuW, allWeightBytes: cpuAll, expertBytes: cpuExp, layerShare: cpuLayers / L };
  }
  return { loads, cpu };
}
