import { describe, expect, it } from 'vitest';
import { place } from './fit.ts';
import type { PlacementInput } from './fit.ts';

const G = 2 ** 30;
function input(over: Partial<PlacementInput> = {}): PlacementInput {
  const L = 10;
  return {
    layerWeights: new Float64Array(L).fill(2 * G),
    layerExperts: new Float64Array(L),
    layerKv: new Float64Array(L).fill(0.1 * G),
    outputBytes: 0.5 * G,
    firstDeviceExtra: 0,
    hostBytes: 0.25 * G,
    capacities: [24 * G],
    fixed: [0.5 * G],
    split: 'layer',
    kvShare: 1,
    ramCapacity: null,
    offload: 'layers-or-experts',
    ...over,
  };
}

describe('placement', () => {
  it('fits 22 GiB of layers plus 1 GiB of output and overhead on a 24 GiB device with 1 GiB to spare', () => {
    const p = place(input());
    expect(p.verdict).toBe('fits');
    expect(p.assigned[0]).toBeCloseTo(22 * G, -3);
    expect(p.headroomBytes).toBeCloseTo(2 * G, -3);
  });
  it('does not fit on a 16 GiB device without system RAM, and says how much is missing', () => {
    const p = place(input({ capacities: [16 * G] }));
    expect(p.verdict).toBe('no-fit');
    expect(p.headroomBytes).toBeLessThan(0);
  });
  it('offloads the fewest whole layers that make it fit when RAM is given', () => {
    const p = place(input({ capacities: [16 * G], ramCapacity: 64 * G }));
    expect(p.verdict).toBe('offload');
    expect(p.offloadMode).toBe('layers');
    // 15 GiB free after fixed + output; 2.1 GiB per layer -> 7 layers on the GPU, 3 in RAM.
    expect(p.offloadedLayers).toBe(3);
    expect(p.offloadedBytes).toBeCloseTo(3 * 2.1 * G, -3);
  });
  it('offloads MoE experts before whole layers (llama.cpp --n-cpu-moe)', () => {
    const p = place(input({ capacities: [16 * G], ramCapacity: 64 * G, layerExperts: new Float64Array(10).fill(1.5 * G) }));
    expect(p.offloadMode).toBe('experts');
    // 21 GiB of layers into 15 GiB free: 4 x 1.5 GiB of experts move to RAM.
    expect(p.offloadedLayers).toBe(4);
    expect(Array.from(p.layerDevice).every((d) => d === 0)).toBe(true);
  });
  it('splits layers between two unequal cards in proportion to their free memory', () => {
    const p = place(input({ capacities: [24 * G, 12 * G], fixed: [0.5 * G, 0.5 * G] }));
    expect(p.verdict).toBe('fits');
    const onFirst = Array.from(p.layerDevice).filter((d) => d === 0).length;
    expect(onFirst).toBeGreaterThan(5);
    expect(p.assigned[0]! <= 24 * G && p.assigned[1]! <= 12 * G).toBe(true);
  });
  it('lets the smallest device bind under tensor parallelism', () => {
    const p = place(input({ split: 'tensor', capacities: [24 * G, 8 * G], fixed: [0.5 * G, 0.5 * G], kvShare: 0.5 }));
    expect(p.verdict).toBe('no-fit');
    const q = place(input({ split: 'tensor', capacities: [24 * G, 24 * G], fixed: [0.5 * G, 0.5 * G], kvShare: 0.5 }));
    expect(q.verdict).toBe('fits');
    expect(q.assigned[0]).toBeCloseTo(0.5 * G + 10.25 * G + 0.5 * G, -3);
  });
  it('does not fit when the offload would exceed system RAM', () => {
    const p = place(input({ capacities: [4 * G], ramCapacity: 8 * G }));
    expect(p.verdict).toBe('no-fit');
  });
});

describe('proportional split from prefix sums', () => {
  it('gives the same layers per device as the layer-by-layer walk', () => {
    for (let seed = 1; seed < 200; seed++) {
      let x = seed;
      const rnd = () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
      const L = 1 + Math.floor(rnd() * 120);
      const D = 2 + Math.floor(rnd() * 4);
      const lw = new Float64Array(L).map(() => (0.2 + rnd()) * G);
      const lk = new Float64Array(L).map(() => rnd() * 0.3 * G);
      const caps = Array.from({ length: D }, () => (4 + rnd() * 40) * G);
      const base = input({ layerWeights: lw, layerKv: lk, layerExperts: new Float64Array(L), capacities: caps, fixed: caps.map(() => 0.3 * G) });
      const pw = new Float64Array(L + 1), pk = new Float64Array(L + 1);
      let sum = 0;
      for (let i = 0; i < L; i++) { pw[i + 1] = pw[i]! + lw[i]!; pk[i + 1] = pk[i]! + lk[i]!; sum += lw[i]! + lk[i]!; }
      const walk = place({ ...base, layerSum: sum });
      const fast = place({ ...base, layerSum: sum, prefixWeights: pw, prefixKv: pk });
      expect(fast.verdict).toBe(walk.verdict);
      expect(Array.from(fast.layerDevice)).toEqual(Array.from(walk.layerDevice));
      fast.assigned.forEach((a, d) => expect(a).toBeCloseTo(walk.assigned[d]!, -2));
    }
  });
});
