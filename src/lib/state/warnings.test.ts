import { describe, expect, it } from 'vitest';
import { estimate } from '../estimate.ts';
import { forReaders } from './warnings.ts';

describe('forReaders', () => {
  it('words the assumed RAM bandwidth without a CLI flag', () => {
    const r = estimate({ model: 'llama-3.1-70b', quant: 'Q4_K_M', hardware: 'rtx-3090', ramGb: 64 });
    const w = r.warnings.map(forReaders);
    expect(r.warnings.some((x) => x.includes('--ram-bandwidth-gbs'))).toBe(true);
    expect(w.some((x) => /system RAM bandwidth assumed \d+ GB\/s \(a typical dual-channel DDR5 desktop/.test(x))).toBe(true);
    expect(w.join(' ')).not.toMatch(/--ram-bandwidth-gbs/);
  });

  it('tells Apple readers that system RAM adds nothing, in field words', () => {
    const r = estimate({ model: 'llama-3.1-8b', hardware: 'm4-max-40c', ramGb: 32 });
    const w = r.warnings.map(forReaders).join(' ');
    expect(w).toContain('“System RAM for offload” adds nothing');
    expect(w).not.toMatch(/--(ram-gb|gpu-share)/);
  });

  it('words the engine\'s errors about a custom device in field words', () => {
    expect(forReaders('raw hardware needs --bandwidth-gbs')).toBe('a custom device needs the memory bandwidth');
    expect(forReaders('raw hardware needs --memory-gb')).toBe('a custom device needs the memory size');
  });

  it('names the weight format, backend and KV-cache type by their fields', () => {
    expect(forReaders('vllm does not load the released format Q4_K_M; choose --quant')).toBe('vllm does not load the released format Q4_K_M; choose the weight format');
    expect(forReaders('--backend applies to hardware; ignored')).toBe('the backend applies to hardware; ignored');
    expect(forReaders("llama.cpp --cache-type-k q8_0")).toBe("llama.cpp --cache-type-k q8_0");
  });

  it('keeps the flags of the tools readers run themselves', () => {
    expect(forReaders('MoE experts of 12 layers in system RAM (llama.cpp --n-cpu-moe 12)')).toBe('MoE experts of 12 layers in system RAM (llama.cpp --n-cpu-moe 12)');
  });
});
