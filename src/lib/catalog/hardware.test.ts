import { describe, expect, it } from 'vitest';
import { appleGpuMemoryFraction, defaultGpuMemoryFraction, hardware } from './hardware.ts';
import type { HardwareEntry } from './types.ts';

const byId = new Map(hardware.map((h) => [h.id, h]));
const get = (id: string): HardwareEntry => {
  const h = byId.get(id);
  if (!h) throw new Error(`missing hardware ${id}`);
  return h;
};

const GEFORCE = 'rtx-3060-12gb rtx-3070 rtx-3080 rtx-3080-12gb rtx-3080-ti rtx-3090 rtx-4060 rtx-4060-ti-16gb rtx-4070-ti rtx-4070-ti-super rtx-4080 rtx-4080-super rtx-4090 rtx-5060-ti-8gb rtx-5060-ti-16gb rtx-5070 rtx-5070-ti rtx-5080 rtx-5090'.split(' ');
const NVIDIA_PRO = 'rtx-a4000 rtx-a6000 rtx-4000-ada rtx-5000-ada rtx-6000-ada rtx-pro-6000-blackwell rtx-pro-6000-blackwell-max-q rtx-pro-4000-blackwell rtx-pro-4500-blackwell rtx-pro-5000-blackwell a40 l40s l4 a100-40gb a100-80gb-pcie a100-80gb-sxm h100-pcie h100-sxm h200 h20 b200 b300 dgx-spark a10g h100-nvl jetson-agx-thor'.split(' ');
const AMD_INTEL = 'radeon-ai-pro-r9700 rx-7900-xt rx-7900-xtx rx-9070-xt mi300x mi325x mi355x ryzen-ai-max-395 arc-a770 arc-b580 arc-pro-b60'.split(' ');
const APPLE = 'm1-7c m1-8c m1-pro-14c m1-pro-16c m1-max-24c m1-max-32c m1-ultra-48c m1-ultra-64c m2-8c m2-10c m2-pro-16c m2-pro-19c m2-max-30c m2-max-38c m2-ultra-60c m2-ultra-76c m3-10c m3-pro-14c m3-pro-18c m3-max-30c m3-max-40c m3-ultra-60c m3-ultra-80c m4-10c m4-pro-16c m4-pro-20c m4-max-32c m4-max-40c m5-10c m5-pro-16c m5-pro-20c m5-max-32c m5-max-40c'.split(' ');

describe('hardware catalog', () => {
  it('holds at least 60 rows and every required id', () => {
    expect(hardware.length).toBeGreaterThanOrEqual(60);
    expect([...GEFORCE, ...NVIDIA_PRO, ...AMD_INTEL, ...APPLE].filter((id) => !byId.has(id))).toEqual([]);
  });

  it('names one product per id: rtx-4070-ti is the 12 GB card, the Ti Super 16 GB', () => {
    expect(get('rtx-4070-ti').memoryGiB).toBe(12);
    expect(get('rtx-4070-ti').bandwidthGBs).toBe(504);
    expect(get('rtx-4070-ti-super').memoryGiB).toBe(16);
    expect(get('rtx-3080').memoryGiB).toBe(10);
    expect(get('rtx-3080-12gb').memoryGiB).toBe(12);
    expect(get('a100-40gb').memoryGiB).toBe(40);
  });

  it('uses the dense FP32-accumulate tensor rate: RTX 4090 165.2, RTX 3090 71, H100 SXM 989, never the sparse figure', () => {
    expect(get('rtx-4090').fp16Tflops).toBe(165.2);
    expect(get('rtx-3090').fp16Tflops).toBe(71);
    expect(get('rtx-5090').fp16Tflops).toBe(209.5);
    expect(get('h100-sxm').fp16Tflops).toBe(989);
    expect(get('a100-80gb-sxm').fp16Tflops).toBe(312);
    expect(get('rtx-a4000').fp16Tflops).toBeLessThan(100); // the 153.4 on its datasheet is sparse
  });

  it('ranks GeForce tensor throughput in product order within each generation', () => {
    const order = (ids: string[]) => ids.map((id) => get(id).fp16Tflops);
    const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);
    expect(ascending(order(['rtx-3060-12gb', 'rtx-3070', 'rtx-3080', 'rtx-3080-12gb', 'rtx-3080-ti', 'rtx-3090']))).toBe(true);
    expect(ascending(order(['rtx-4060', 'rtx-4060-ti-16gb', 'rtx-4070-ti', 'rtx-4070-ti-super', 'rtx-4080', 'rtx-4080-super', 'rtx-4090']))).toBe(true);
    expect(ascending(order(['rtx-5060-ti-16gb', 'rtx-5070', 'rtx-5070-ti', 'rtx-5080', 'rtx-5090']))).toBe(true);
    expect(get('rtx-5060-ti-8gb').fp16Tflops).toBe(get('rtx-5060-ti-16gb').fp16Tflops);
  });

  it('marks a row as HBM exactly when its notes name HBM memory: the A100, H100, H20, H200, B200, B300 and Instinct rows', () => {
    const hbm = hardware.filter((h) => h.hbm).map((h) => h.id).sort();
    expect(hbm).toEqual(hardware.filter((h) => /\bHBM/.test(h.notes ?? '')).map((h) => h.id).sort());
    expect(hbm).toEqual(['a100-40gb', 'a100-80gb-pcie', 'a100-80gb-sxm', 'b200', 'b300', 'h100-nvl', 'h100-pcie', 'h100-sxm', 'h20', 'h200', 'mi300x', 'mi325x', 'mi355x']);
  });
  it('gives NVLink only to products that have it', () => {
    const nvlink = hardware.filter((h) => h.interconnect === 'nvlink').map((h) => h.id).sort();
    expect(nvlink).toEqual(['a100-40gb', 'a100-80gb-sxm', 'a40', 'b200', 'b300', 'h100-nvl', 'h100-sxm', 'h20', 'h200', 'rtx-3090', 'rtx-a6000']);
  });

  it('has one Apple row per GPU-core variant, on Metal, with the largest memory option as its memory', () => {
    const apple = hardware.filter((h) => h.vendor === 'apple');
    expect(apple.map((h) => h.id).sort()).toEqual([...APPLE].sort());
    for (const h of apple) {
      expect(h.backends, h.id).toEqual(['metal']);
      expect(h.unifiedMemory, h.id).toBe(true);
      expect(h.memoryGiB, h.id).toBe(Math.max(...h.memoryOptionsGiB!));
      expect(h.gpuMemoryFraction, h.id).toBe(appleGpuMemoryFraction(h.memoryGiB));
    }
  });

  it('matches Apple\'s memory bandwidth per chip', () => {
    const expected: Record<string, number> = {
      'm1-8c': 68.25, 'm1-pro-16c': 200, 'm1-max-32c': 400, 'm1-ultra-64c': 800, 'm2-10c': 100, 'm2-pro-19c': 200,
      'm2-max-38c': 400, 'm2-ultra-76c': 800, 'm3-10c': 100, 'm3-pro-18c': 150, 'm3-max-30c': 300, 'm3-max-40c': 400,
      'm3-ultra-80c': 819, 'm4-10c': 120, 'm4-pro-20c': 273, 'm4-max-32c': 410, 'm4-max-40c': 546,
      'm5-10c': 153, 'm5-pro-20c': 307, 'm5-max-32c': 460, 'm5-max-40c': 614,
    };
    for (const [id, gbs] of Object.entries(expected)) expect(get(id).bandwidthGBs, id).toBe(gbs);
  });

  it('rates Apple FP16 at the FP32 rate: more GPU cores of one chip give proportionally more', () => {
    expect(get('m2-ultra-76c').fp16Tflops).toBeCloseTo(27.2, 1);
    expect(get('m1-8c').fp16Tflops / get('m1-7c').fp16Tflops).toBeCloseTo(8 / 7, 2);
    expect(get('m3-ultra-80c').fp16Tflops / get('m3-ultra-60c').fp16Tflops).toBeCloseTo(80 / 60, 2);
  });

  it('gives Macs two thirds of memory up to 36 GB and three quarters above, by installed size', () => {
    expect(appleGpuMemoryFraction(16)).toBe(0.67);
    expect(appleGpuMemoryFraction(36)).toBe(0.67);
    expect(appleGpuMemoryFraction(48)).toBe(0.75);
    expect(appleGpuMemoryFraction(Number.NaN)).toBe(0.67);
    expect(defaultGpuMemoryFraction(get('m4-max-40c'), 48)).toBe(0.75);
    expect(defaultGpuMemoryFraction(get('m4-10c'), 16)).toBe(0.67);
    expect(defaultGpuMemoryFraction(get('rtx-4090'), 24)).toBe(1);
    expect(defaultGpuMemoryFraction(get('dgx-spark'), 128)).toBe(get('dgx-spark').gpuMemoryFraction);
  });

  it('marks only Apple, Ryzen AI Max, DGX Spark and Jetson AGX Thor as unified memory, each with a GPU share', () => {
    const unified = hardware.filter((h) => h.unifiedMemory);
    expect(unified.every((h) => h.vendor === 'apple' || h.id === 'ryzen-ai-max-395' || h.id === 'dgx-spark' || h.id === 'jetson-agx-thor')).toBe(true);
    for (const h of unified) expect(h.gpuMemoryFraction! > 0 && h.gpuMemoryFraction! <= 1, h.id).toBe(true);
  });

  it('runs NVIDIA on CUDA or Vulkan, Apple on Metal, AMD on ROCm or Vulkan and Intel on Vulkan or SYCL, usual backend first', () => {
    const usual = { nvidia: 'cuda', apple: 'metal', amd: 'rocm', intel: 'vulkan' } as const;
    const allowed = { nvidia: ['cuda', 'vulkan'], apple: ['metal'], amd: ['rocm', 'vulkan'], intel: ['vulkan', 'sycl'] };
    for (const h of hardware) {
      for (const b of h.backends) expect(allowed[h.vendor], h.id).toContain(b);
      if (h.id !== 'ryzen-ai-max-395') expect(h.backends[0], h.id).toBe(usual[h.vendor]);
    }
    // Strix Halo: Vulkan is the common llama.cpp path there; ROCm also runs it.
    expect(hardware.find((h) => h.id === 'ryzen-ai-max-395')?.backends).toEqual(['vulkan', 'rocm']);
  });

  it('dates every price and says where the used RTX 3090 price comes from', () => {
    for (const h of hardware.filter((x) => x.priceUsd !== undefined)) {
      expect(h.priceSeen, h.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(h.priceSource, h.id).toMatch(/^https:\/\//);
    }
    expect(get('rtx-3090').priceNote).toMatch(/used/i);
  });

  it('dates every spec and keeps the data-centre figures of the newer parts dense', () => {
    for (const h of hardware) expect(h.specSeen, h.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(get('l4').fp16Tflops).toBe(121); // 242 on the datasheet is sparse
    expect(get('b300').fp16Tflops).toBe(get('b200').fp16Tflops);
    expect(get('mi325x').fp16Tflops).toBe(get('mi300x').fp16Tflops);
    expect(get('mi355x').memoryGiB).toBe(288);
    expect(get('rtx-pro-6000-blackwell-max-q').fp16Tflops).toBeLessThan(get('rtx-pro-6000-blackwell').fp16Tflops);
  });
});
