/**
 * Hardware specs: `ID`, `NxID`, or a comma list of those (`2xrtx-3090`, `rtx-4090,rtx-3090`),
 * resolved against the hardware catalog; or a raw device from `--memory-gb --bandwidth-gbs
 * --tflops --backend --devices`.
 *
 * Units: `memoryGb` is GiB (2^30 bytes), as vendors count GPU and unified memory; `bandwidthGbs`
 * is 10^9 bytes per second; `tflops` is dense FP16/BF16 tensor throughput with FP32 accumulate.
 */
import type { HardwareEntry } from '../catalog/types.ts';
import { deviceCount, MAX_DEVICES, parseSpec, validCount } from '../hardware-spec.ts';
import { InputError, plainUnknownId, type UnknownIdMessage } from '../request.ts';
import { INTERCONNECTS, type BackendId, type DeviceGeneration, type InterconnectId } from '../vocabulary.ts';

export const GiB = 2 ** 30;

/** One accelerator (or the GPU share of a unified-memory machine). */
export interface Device {
  id: string;
  /** Memory the GPU may use, bytes (unified memory: the default share of installed RAM). */
  memoryBytes: number;
  /** Installed memory, bytes. */
  installedBytes: number;
  bandwidthBytesPerSec: number;
  /** Dense FP16 tensor FLOP/s. */
  flopsPerSec: number;
  /** Dense FP16 FLOP/s of matrix units beyond `flopsPerSec` (Apple M5), else `flopsPerSec`: the prefill ceiling. */
  matrixFlopsPerSec: number;
  backend: BackendId;
  powerW: number;
  priceUsd: number | null;
  unified: boolean;
  /** HBM memory (the catalog row says so), for the decode efficiency: llama.cpp's batch-1 kernels reach a smaller share of HBM bandwidth than of GDDR or LPDDR. */
  hbm: boolean;
  /** NVIDIA GeForce: catalog FP16 rate is the FP32-accumulate one (see calibration prefillFp16AccBoost). */
  fp16Acc: boolean;
  /** FP4 tensor cores (NVIDIA Blackwell), which NVFP4 needs to compute natively (`hasNativeFp4`). */
  nativeFp4: boolean;
  /** The device's generation (`generationOf`), for per-generation efficiencies. */
  generation: DeviceGeneration;
  /** The catalog's vendor (absent for a raw spec), for the vendor's factors under a backend of several vendors. */
  vendor?: HardwareEntry['vendor'];
}

/** The devices of one spec. */
export interface Rig {
  spec: string;
  devices: Device[];
  /** Catalog default interconnect of the devices (the slowest if mixed). */
  interconnect: InterconnectId;
  unified: boolean;
  /** True when every device is the same product with the same memory. */
  uniform: boolean;
}

/**
 * Default share of installed unified memory a Mac's GPU may use (Metal's recommended working
 * set): about 2/3 up to 36 GiB, 3/4 above (content-facts §5.5; llmfit #754, exo #1672, llama.cpp
 * #1870). Same rule as the catalog's `appleGpuMemoryFraction`, repeated here so the engine core
 * does not import catalog data.
 */
export function appleGpuShare(installedGiB: number): number {
  return installedGiB > 36 ? 0.75 : 0.67;
}

function gpuShareFor(h: HardwareEntry, installedGiB: number, override: number | undefined, overrideMemory: boolean): number {
  if (!h.unifiedMemory) return 1;
  if (override !== undefined) return override;
  if (h.vendor === 'apple') return overrideMemory ? appleGpuShare(installedGiB) : (h.gpuMemoryFraction ?? appleGpuShare(installedGiB));
  return h.gpuMemoryFraction ?? 1;
}

/** The backend a device runs: the one asked for, which it must support, or its usual one. */
function backendOf(h: HardwareEntry, asked: BackendId | undefined): BackendId {
  if (asked === undefined) return h.backends[0]!;
  if (!h.backends.includes(asked)) {
    throw new InputError('backend', `${h.id} runs ${h.backends.join(' or ')}, not ${asked}${asked === 'cpu' ? ' (cpu is for raw hardware)' : ''}`);
  }
  return asked;
}

function deviceFrom(h: HardwareEntry, memoryGb: number | undefined, share: number | undefined, backend: BackendId | undefined): Device {
  const offeredGiB = Math.max(h.memoryGiB, ...(h.memoryOptionsGiB ?? []));
  if (memoryGb !== undefined && memoryGb > offeredGiB) throw new InputError('memoryGb', `${h.id} is offered with at most ${offeredGiB} GiB`);
  const installedGiB = memoryGb ?? h.memoryGiB;
  const s = gpuShareFor(h, installedGiB, share, memoryGb !== undefined);
  return {
    id: h.id,
    memoryBytes: Math.floor(installedGiB * GiB * s),
    installedBytes: Math.floor(installedGiB * GiB),
    bandwidthBytesPerSec: h.bandwidthGBs * 1e9,
    flopsPerSec: h.fp16Tflops * 1e12,
    matrixFlopsPerSec: Math.max(h.fp16Tflops, h.matrixFp16Tflops ?? 0) * 1e12,
    backend: backendOf(h, backend),
    powerW: h.powerW,
    priceUsd: h.priceUsd ?? null,
    unified: h.unifiedMemory,
    hbm: h.hbm === true,
    fp16Acc: fp16AccumulateDoublesRate(h),
    nativeFp4: hasNativeFp4(h.id),
    generation: generationOf(h),
    vendor: h.vendor,
  };
}

/**
 * NVIDIA GeForce cards: the catalog's FP16 tensor rate is the one with FP32 accumulation, and
 * accumulating in FP16 runs at twice it (the consumer dies halve only the FP32-accumulate rate).
 */
export function fp16AccumulateDoublesRate(h: Pick<HardwareEntry, 'vendor' | 'segment'>): boolean {
  return h.vendor === 'nvidia' && h.segment === 'consumer';
}

/**
 * The generation of a catalogued device, from its vendor and the family its id names (NVIDIA
 * Ampere: RTX 30, A-series, A100/A40/A10G; Ada: RTX 40, L4/L40S, RTX Ada; Hopper: H100/H200/H20;
 * Blackwell: RTX 50, RTX PRO Blackwell, B200/B300; Blackwell systems-on-chip with LPDDR5X: GB10 in DGX Spark,
 * Jetson Thor; AMD RDNA 3:
 * RX 7000; RDNA 3.5: Ryzen AI Max; RDNA 4: RX 9000 and Radeon AI PRO R9700; CDNA 3: MI300/MI325;
 * CDNA 4: MI350/MI355; Apple by chip; Intel Alchemist: Arc A; Battlemage: Arc B and Arc Pro B).
 */
export function generationOf(h: Pick<HardwareEntry, 'id' | 'vendor'>): DeviceGeneration {
  const id = h.id.toLowerCase();
  if (h.vendor === 'apple') return (/^m(\d)/.exec(id)?.[1] ? `m${/^m(\d)/.exec(id)![1]}` : 'other') as DeviceGeneration;
  if (h.vendor === 'nvidia') {
    if (/^(dgx-spark|jetson-agx-thor)/.test(id)) return 'blackwell-soc';
    if (/^(rtx-50|rtx-pro-\d+-blackwell|b[123]00|gb\d00)/.test(id)) return 'blackwell';
    if (/^(h100|h200|h20|h800|gh200)/.test(id)) return 'hopper';
    if (/^(rtx-40|l4|l40|rtx-\d+-ada)/.test(id)) return 'ada';
    if (/^(rtx-30|rtx-a\d|a100|a40|a10|a30)/.test(id)) return 'ampere';
    return 'other';
  }
  if (h.vendor === 'amd') {
    if (/^mi35/.test(id)) return 'cdna4';
    if (/^mi3/.test(id)) return 'cdna3';
    if (/^(rx-90|radeon-ai-pro-r9)/.test(id)) return 'rdna4';
    if (/^ryzen-ai-max/.test(id)) return 'rdna3.5';
    if (/^rx-7/.test(id)) return 'rdna3';
    return 'other';
  }
  if (/^arc-(b|pro-b)/.test(id)) return 'battlemage';
  if (/^arc-a/.test(id)) return 'alchemist';
  return 'other';
}

/**
 * Whether a catalog hardware id is NVIDIA Blackwell (RTX 50 series, RTX PRO Blackwell, B200/B300,
 * GB10 in the DGX Spark): the first GPUs with FP4 tensor cores. On older GPUs vLLM runs NVFP4
 * checkpoints through weight-only Marlin kernels (vllm-project/vllm PR 18000).
 */
export function hasNativeFp4(hardwareId: string): boolean {
  return /^(rtx-50\d\d|rtx-pro-\d+-blackwell|b100|b200|b300|gb200|gb300|dgx-spark)/.test(hardwareId.replace(/^\d+x/, '').toLowerCase());
}

/**
 * Resolve a hardware spec against the catalog. Throws InputError for an unknown id (worded by
 * `unknownId`: the command line lists the closest ids), a bad count, or `memoryGb` with a mixed list.
 */
export function parseHardwareSpec(
  spec: string, catalog: readonly HardwareEntry[], byId: ReadonlyMap<string, HardwareEntry>,
  memoryGb?: number, gpuShare?: number, unknownId: UnknownIdMessage = plainUnknownId, backend?: BackendId,
): Rig {
  const parts = parseSpec(spec, (id) => byId.has(id));
  if (!parts) throw new InputError('hardware', 'empty hardware spec');
  // Counted before any device is built, so a huge list costs nothing.
  if (parts.every((p) => validCount(p.count)) && deviceCount(parts) > MAX_DEVICES) throw new InputError('hardware', `at most ${MAX_DEVICES} devices`);
  const devices: Device[] = [];
  const ids = new Set<string>();
  let slowest: InterconnectId = 'nvlink';
  let unified = false;
  for (const { count, id, text } of parts) {
    if (!validCount(count)) throw new InputError('hardware', `bad device count in "${text}" (1 to ${MAX_DEVICES})`);
    const h = byId.get(id);
    if (!h) throw new InputError('hardware', unknownId('hardware', id, catalog.map((x) => x.id)));
    ids.add(h.id);
    if (INTERCONNECTS.indexOf(h.interconnect) < INTERCONNECTS.indexOf(slowest)) slowest = h.interconnect;
    if (h.unifiedMemory) unified = true;
    for (let i = 0; i < count; i++) devices.push(deviceFrom(h, memoryGb, gpuShare, backend));
  }
  if (memoryGb !== undefined && ids.size > 1) throw new InputError('memoryGb', '--memory-gb sets the memory of one product; it cannot apply to a mixed list');
  if (devices.length > MAX_DEVICES) throw new InputError('hardware', `at most ${MAX_DEVICES} devices`);
  if (devices.length === 1 && slowest !== 'none' && !unified) slowest = 'none';
  return { spec: parts.map((p) => p.text).join(','), devices, interconnect: devices.length > 1 ? slowest : 'none', unified, uniform: ids.size === 1 };
}

/** Raw hardware fields of a request. */
export interface RawRigInput {
  memoryGb: number;
  bandwidthGbs: number;
  tflops?: number | undefined;
  backend?: BackendId | undefined;
  devices?: number | undefined;
}

/**
 * A rig of `devices` identical raw devices. Without `tflops`, compute is guessed from bandwidth
 * (0.1 FLOP per byte/s x 1000, an RTX-class ratio) and a warning is added by the caller.
 */
export function rawRig(r: RawRigInput): Rig {
  const n = r.devices ?? 1;
  const backend = r.backend ?? 'cuda';
  const flopsPerSec = (r.tflops ?? r.bandwidthGbs * 0.1) * 1e12;
  const d: Device = {
    id: 'custom',
    memoryBytes: Math.floor(r.memoryGb * GiB),
    installedBytes: Math.floor(r.memoryGb * GiB),
    bandwidthBytesPerSec: r.bandwidthGbs * 1e9,
    flopsPerSec,
    matrixFlopsPerSec: flopsPerSec,
    backend,
    powerW: 300,
    priceUsd: null,
    unified: backend === 'metal',
    hbm: false,
    fp16Acc: false,
    nativeFp4: false,
    generation: 'other',
  };
  const devices = Array.from({ length: n }, () => ({ ...d }));
  return { spec: `${n > 1 ? `${n}x` : ''}custom(${r.memoryGb}GiB,${r.bandwidthGbs}GB/s)`, devices, interconnect: n > 1 ? 'pcie' : 'none', unified: d.unified, uniform: true };
}
