/**
 * Results: the full estimate of a resolved request (memory, placement, fit searches, speed, notes)
 * and the light row that sweeps and tables use.
 */
import { r0, r3 } from '../core-util.ts';
import { place, type Placement } from '../fit.ts';
import { kvBytesPerToken } from '../kv-cache.ts';
import { GiB } from '../rig.ts';
import { DEFAULT_RAM_BYTES_PER_SEC } from '../speed.ts';
import type { EstimateResult } from '../types.ts';
import { bestQuantFor, maxContextFor, placementInput } from './placement.ts';
import { speedFor } from './speed.ts';
import type { EngineContext, Resolved, SweepRow } from './types.ts';

/** Share of installed unified memory the model may need for the "raise the GPU share" note. */
const RAISE_SHARE_NOTE_LIMIT = 0.9;

/** The full result of a resolved request; `search` adds the longest context and the best format that fit. */
export function evaluate(ctx: EngineContext, r: Resolved, search: boolean): EstimateResult {
  const a = r.p.arch;
  const w = r.w;
  const { pin, kvBytes, overhead } = placementInput(ctx, r, w, r.context);
  const totalParams = r.p.inv.totalParams;
  const warnings = [...r.warnings];
  const result: EstimateResult = {
    schemaVersion: 1,
    warnings,
    model: { id: a.id, name: a.name, totalParams: r0(totalParams), activeParams: r0(r.p.inv.activeParams), maxContext: a.maxContext, source: r.p.origin },
    quant: { id: r.quantId, bitsPerWeight: r3((w.totalBytes * 8) / totalParams) },
    settings: {
      context: r.context, prompt: r.prompt, output: r.output, depth: r.depth, sequences: r.sequences, kvUnified: r.kvUnified, ubatch: r.runtime === 'llama.cpp' ? r.ubatch : null,
      kvCache: r.kvCache, engine: r.engine, split: r.split, backend: r.rig?.devices[0]?.backend ?? null,
    },
    memory: {
      weightsBytes: r0(w.totalBytes),
      kvCacheBytes: r0(kvBytes),
      kvBytesPerToken: r0(kvBytesPerToken(r.kv)),
      overheadBytes: r0(overhead),
      totalBytes: r0(w.totalBytes) + r0(kvBytes) + r0(overhead),
      hostBytes: r0(pin.hostBytes),
      stateBytes: r0(r.kv.nLinear * r.kv.linearStateBytes * r.sequences),
      ...(r.p.file ? { fileBytes: r0(r.p.file.fileBytes) } : {}),
    },
    hardware: null,
    fit: null,
    speed: null,
  };
  if (!r.rig) return result;
  const pl = place(pin, true);
  const devs = r.rig.devices;
  result.hardware = {
    spec: r.rig.spec,
    memoryBytes: r0(pin.capacities.reduce((x, y) => x + y, 0)),
    bandwidthBytesPerSec: r0(devs.reduce((x, d) => x + d.bandwidthBytesPerSec, 0)),
    devices: devs.map((d, i) => ({ id: d.id, memoryBytes: r0(pin.capacities[i]!), bandwidthBytesPerSec: r0(d.bandwidthBytesPerSec), assignedBytes: r0(pl.assigned[i]!) })),
  };
  result.fit = {
    verdict: pl.verdict,
    fits: pl.verdict === 'fits',
    offloadedLayers: pl.offloadedLayers,
    offloadedBytes: r0(pl.offloadedBytes),
    headroomBytes: r0(pl.headroomBytes),
    maxContext: search ? maxContextFor(ctx, r, w) : 0,
    bestQuant: search ? bestQuantFor(ctx, r) : null,
    offloadMode: pl.offloadMode,
  };
  if (pl.verdict === 'no-fit' && r.rig.unified) {
    const installed = devs.reduce((x, d) => x + d.installedBytes, 0);
    if (result.memory.totalBytes <= installed * RAISE_SHARE_NOTE_LIMIT) {
      warnings.push(`fits in the installed ${(installed / GiB).toFixed(0)} GiB only if the GPU may use more of it: raise the limit (sudo sysctl iogpu.wired_limit_mb=...) and pass --gpu-share`);
    }
  }
  if (pl.verdict === 'offload') warnings.push(...offloadNotes(r, pl));
  if (pl.verdict !== 'no-fit') {
    const s = speedFor(ctx, r, pl, pin);
    result.speed = {
      decodeTokensPerSec: r3(s.decodeTokensPerSec),
      decodeRange: [r3(s.decodeRange[0]), r3(s.decodeRange[1])],
      prefillTokensPerSec: r3(s.prefillTokensPerSec),
      prefillRange: [r3(s.prefillRange[0]), r3(s.prefillRange[1])],
      timeToFirstTokenSec: r3(s.timeToFirstTokenSec),
      aggregateDecodeTokensPerSec: r3(s.aggregateDecodeTokensPerSec),
    };
  }
  return result;
}

/** What an offloaded run holds in system RAM, with the flag of the engine asked for that does it. */
function offloadNotes(r: Resolved, pl: Placement): string[] {
  const notes: string[] = [];
  const layers = r.p.arch.layers;
  const ollama = r.engine === 'ollama';
  if (pl.offloadMode === 'experts') {
    notes.push(ollama
      ? `MoE experts of ${pl.offloadedLayers} layers in system RAM (Ollama chooses what to keep in system RAM itself)`
      : `MoE experts of ${pl.offloadedLayers} layers in system RAM (llama.cpp --n-cpu-moe ${pl.offloadedLayers})`);
  } else if (pl.offloadMode === 'layers' && ollama) notes.push(`${pl.offloadedLayers} of ${layers} layers in system RAM (Ollama's num_gpu ${layers - pl.offloadedLayers + 1})`);
  else if (pl.offloadMode === 'layers' && r.runtime === 'llama.cpp') notes.push(`${pl.offloadedLayers} of ${layers} layers in system RAM (llama.cpp -ngl ${layers - pl.offloadedLayers + 1})`);
  else if (pl.offloadMode === 'layers') notes.push(`${pl.offloadedLayers} of ${layers} layers in system RAM (Transformers: device_map puts them on "cpu")`);
  else if (r.engine === 'sglang') {
    const perDevice = pl.offloadedBytes / Math.max(1, pl.assigned.length) / GiB;
    notes.push(`${perDevice.toFixed(1)} GiB of weights per GPU in system RAM (SGLang --cpu-offload-gb ${Math.ceil(perDevice)}), streamed over PCIe every step`);
  } else {
    const perDevice = pl.offloadedBytes / Math.max(1, pl.assigned.length) / GiB;
    notes.push(`${perDevice.toFixed(1)} GiB of weights per GPU in system RAM (vLLM --cpu-offload-gb ${Math.ceil(perDevice)}), streamed over PCIe every step`);
  }
  if (r.ramBandwidthDefaulted) notes.push(`system RAM bandwidth assumed ${DEFAULT_RAM_BYTES_PER_SEC / 1e9} GB/s (give --ram-bandwidth-gbs)`);
  return notes;
}

/** The sweep row of a resolved request: placement and decode speed without building a full result. */
export function evaluateRow(ctx: EngineContext, r: Resolved, model: string, hardware: string): SweepRow {
  const w = r.w;
  const { pin, kvBytes, overhead } = placementInput(ctx, r, w, r.context);
  const row: SweepRow = {
    model, quant: r.quantId, hardware,
    weightsBytes: r0(w.totalBytes), totalBytes: r0(w.totalBytes) + r0(kvBytes) + r0(overhead),
    verdict: null, offloadedLayers: 0, headroomBytes: 0, decodeTokensPerSec: 0, decodeRange: [0, 0],
  };
  if (!r.rig) return row;
  const pl = place(pin, true);
  row.verdict = pl.verdict;
  row.offloadedLayers = pl.offloadedLayers;
  row.headroomBytes = r0(pl.headroomBytes);
  if (pl.verdict !== 'no-fit') {
    const s = speedFor(ctx, r, pl, pin, true);
    row.decodeTokensPerSec = r3(s.decodeTokensPerSec);
    row.decodeRange = [r3(s.decodeRange[0]), r3(s.decodeRange[1])];
  }
  return row;
}
