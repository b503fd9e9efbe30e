/**
 * What a rig can hold and run, on the catalog's own rows: pairings that cannot run are refused
 * with the reason, unusual ones are noted, and "fits" means every byte has a place.
 */
import { describe, expect, it } from 'vitest';
import { estimate } from '../estimate.ts';
import { InputError, type EstimateRequest } from '../request.ts';

const refusal = (req: EstimateRequest) => {
  try { estimate(req); return null; } catch (e) { if (e instanceof InputError) return e.message; throw e; }
};

describe('rigs that cannot run', () => {
  it('refuses vLLM or Transformers across NVIDIA and AMD cards, and notes how llama.cpp can do it', () => {
    expect(refusal({ model: 'llama-3.1-8b', hardware: 'rtx-3090,rx-7900-xtx', engine: 'vllm' })).toBe('vllm runs one backend on every device of a rig, not cuda and rocm together');
    expect(refusal({ model: 'llama-3.1-8b', hardware: 'rtx-3090,rx-7900-xtx', engine: 'transformers' })).toMatch(/^transformers runs one backend/);
    expect(estimate({ model: 'llama-3.1-8b', hardware: 'rtx-3090,rx-7900-xtx' }).warnings[0]).toMatch(/^cuda and rocm devices run one model together only through Vulkan/);
  });
  it('refuses a Mac and a discrete GPU as one rig', () => {
    expect(refusal({ model: 'llama-3.1-8b', hardware: 'rtx-3090,m4-max-40c' })).toMatch(/^m4-max-40c is a computer of its own and cannot share a rig with discrete GPUs/);
  });
  it('refuses more memory than a machine is offered with', () => {
    expect(refusal({ model: 'llama-3.1-8b', hardware: 'm4-max-40c', memoryGb: 4096 })).toBe('m4-max-40c is offered with at most 128 GiB');
    expect(refusal({ model: 'llama-3.1-8b', hardware: 'rtx-3090', memoryGb: 48 })).toBe('rtx-3090 is offered with at most 24 GiB');
    expect(refusal({ model: 'llama-3.1-8b', hardware: 'ryzen-ai-max-395', memoryGb: 64 })).toBeNull();
  });
  it('notes that NVFP4 computes natively only on Blackwell', () => {
    for (const hardware of ['rtx-3090', 'h100-sxm']) {
      expect(estimate({ model: 'llama-3.1-8b', quant: 'NVFP4', engine: 'vllm', hardware }).warnings.some((w) => w.startsWith('NVFP4 computes natively only on Blackwell'))).toBe(true);
    }
    expect(estimate({ model: 'llama-3.1-8b', quant: 'NVFP4', engine: 'vllm', hardware: 'rtx-5090' }).warnings).toEqual([]);
  });
});

describe('where every byte goes', () => {
  it('shows the bytes llama.cpp keeps in system memory apart from what the GPU holds', () => {
    const r = estimate({ model: 'llama-3.1-70b', quant: 'Q4_K_M', context: 131072, hardware: 'h100-sxm' });
    expect(r.memory.hostBytes).toBeGreaterThan(5e8);
    const onDevice = r.hardware!.devices.reduce((n, d) => n + d.assignedBytes, 0);
    expect(onDevice).toBe(r.memory.totalBytes - r.memory.hostBytes);
    if (r.fit!.fits) expect(onDevice).toBeLessThanOrEqual(r.hardware!.memoryBytes);
    expect(estimate({ model: 'llama-3.1-70b', quant: 'AWQ-INT4', engine: 'vllm', hardware: '2xh100-sxm' }).memory.hostBytes).toBe(0);
  });
  it('counts everything against the one memory of a unified machine', () => {
    const r = estimate({ model: 'mistral-small-3.2-24b', hardware: 'dgx-spark', memoryGb: 48 });
    expect(r.memory.hostBytes).toBe(0);
    if (r.fit!.fits) expect(r.memory.totalBytes).toBeLessThanOrEqual(r.hardware!.memoryBytes);
    expect(r.fit!.verdict).toBe('no-fit');
  });
  it('names a best format whenever the asked one fits, even one tables leave out', () => {
    const r = estimate({ model: 'llama-3.1-70b', quant: 'MXFP4', engine: 'mlx', hardware: 'm4-max-40c', context: 4096 });
    expect(r.fit!.verdict).toBe('fits');
    // MLX's 8-bit affine format also fits in 128 GB and keeps more quality than MXFP4.
    expect(r.fit!.bestQuant).toBe('MLX-Q8');
  });
});

describe('offload as each engine does it, on one device or many', () => {
  it('never puts vLLM\'s KV cache in system RAM, so one GPU or two agree', () => {
    for (const hardware of ['rtx-4060', '2xrtx-4060']) {
      const r = estimate({ model: 'llama-3.1-8b', hardware, engine: 'vllm', ramGb: 64, context: 131072 });
      expect(r.fit!.verdict).toBe('no-fit');
      expect(r.warnings.join(' ')).not.toMatch(/llama\.cpp|-ngl/);
    }
    const small = estimate({ model: 'llama-3.1-8b', hardware: 'rtx-4060', engine: 'vllm', ramGb: 64, context: 8192 });
    expect(small.fit!.offloadMode).toBe('weights');
    expect(small.warnings[0]).toMatch(/^\d+\.\d GiB of weights per GPU in system RAM \(vLLM --cpu-offload-gb \d+\)/);
  });
  it('offloads llama.cpp\'s whole layers under a tensor split too, so a second card speeds it up', () => {
    const req = { model: 'llama-3.1-70b', quant: 'Q4_K_M', split: 'tensor' as const, ramGb: 256 };
    const one = estimate({ ...req, hardware: 'rtx-4060' });
    const two = estimate({ ...req, hardware: '2xrtx-4060' });
    expect(two.fit!.offloadMode).toBe('layers');
    expect(two.fit!.offloadedLayers).toBeLessThan(one.fit!.offloadedLayers);
    expect(two.speed!.decodeTokensPerSec).toBeGreaterThan(one.speed!.decodeTokensPerSec);
    expect(two.warnings[0]).toMatch(/llama\.cpp -ngl \d+/);
  });
  it('gives Transformers its own advice', () => {
    const r = estimate({ model: 'llama-3.1-8b', hardware: 'rtx-4060', engine: 'transformers', ramGb: 64 });
    expect(r.fit!.verdict).toBe('offload');
    expect(r.warnings[0]).toMatch(/device_map puts them on "cpu"/);
  });
});
