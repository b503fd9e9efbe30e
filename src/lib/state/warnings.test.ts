import { describe, expect, it } from 'vitest';
import { estimate } from '../estimate.ts';
import { warningForReaders } from './warnings.ts';

describe('warningForReaders', () => {
  it('words the assumed RAM bandwidth without a CLI flag', () => {
    const r = estimate({ model: 'llama-3.1-70b', quant: 'Q4_K_M', hardware: 'rtx-3090', ramGb: 64 });
    const w = r.warnings.map(warningForReaders);
    expect(r.warnings.some((x) => x.includes('--ram-bandwidth-gbs'))).toBe(true);
    expect(w.some((x) => /system RAM bandwidth assumed \d+ GB\/s \(a typical dual-channel DDR5 desktop/.test(x))).toBe(true);
    expect(w.join(' ')).not.toMatch(/--ram-bandwidth-gbs/);
  });

  it('tells Apple readers that system RAM adds nothing, in field words', () => {
    const r = estimate({ model: 'llama-3.1-8b', hardware: 'm4-max-40c', ramGb: 32 });
    const w = r.warnings.map(warningForReaders).join(' ');
    expect(w).toContain('“System RAM for offload” adds nothing');
    expect(w).not.toMatch(/--(ram-gb|gpu-share)/);
  });

  it('keeps the flags of the tools readers run themselves', () => {
    expect(warningForReaders('MoE experts of 12 layers in system RAM (llama.cpp --n-cpu-moe 12)')).toBe('MoE experts of 12 layers in system RAM (llama.cpp --n-cpu-moe 12)');
  });
});
