import { describe, expect, it } from 'vitest';
import { sourceGroups } from './sources.ts';
import type { HardwareEntry, ModelEntry } from '../../../lib/catalog/types.ts';

const model = { id: 'm1', name: 'Model One', source: 'https://hf.example/m1/config.json', benchmarks: [{ name: 'MMLU', score: 1, source: 'https://card.example' }] } as unknown as ModelEntry;
const model2 = { id: 'm2', name: 'Model Two', source: 'https://hf.example/m2/config.json', benchmarks: [{ name: 'BFCL', score: 2, source: 'https://card.example' }] } as unknown as ModelEntry;
const hw = { id: 'h1', name: 'GPU One', source: 'https://spec.example', priceSource: 'https://shop.example' } as unknown as HardwareEntry;

describe('sourceGroups', () => {
  const groups = sourceGroups({
    guides: [
      { id: 'g1', title: 'Guide one', sources: [{ id: 's', title: 'Paper', url: 'https://paper.example', grade: 'primary' }] },
      { id: 'g2', title: 'Guide two', sources: [{ id: 't', title: 'Paper', url: 'https://paper.example', grade: 'primary' }] },
    ],
    models: [model, model2], hardware: [hw], quants: [], apiPrices: [], quality: [],
  });
  it('lists a URL cited by two guides once, with both guides as users', () => {
    const g = groups.find((x) => x.id === 'guides')!;
    expect(g.rows).toHaveLength(1);
    expect(g.rows[0]!.usedBy.map((u) => u.path)).toEqual(['/guides/g1/', '/guides/g2/']);
  });
  it('collects model configs, benchmark sources, hardware specs and prices into their own groups', () => {
    expect(groups.map((g) => g.id)).toEqual(['guides', 'models', 'benchmarks', 'hardware', 'prices']);
    expect(groups.find((g) => g.id === 'benchmarks')!.rows).toHaveLength(1);
  });
  it('omits groups with no sources', () => {
    expect(groups.some((g) => g.id === 'api-prices')).toBe(false);
  });
});
