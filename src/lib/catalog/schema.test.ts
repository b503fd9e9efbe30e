import { describe, expect, it } from 'vitest';
import {
  assertCatalogValid,
  formatProblems,
  isWellFormedDate,
  validateCatalog,
  type CatalogTables,
} from './schema.ts';
import { models } from './models.ts';
import { hardware } from './hardware.ts';
import { apiPrices } from './prices.ts';
import { qualityLoss } from './quality.ts';
import { quants } from './quants.ts';
import type { ApiPriceEntry, HardwareEntry, ModelEntry } from './types.ts';

const TODAY = Date.UTC(2026, 11, 7); // 2026-12-07, the day the catalog was last compiled (a pinned date, not the clock)

/** A deep copy of the shipped tables, safe to break in a test. */
function copyTables(): CatalogTables & { models: ModelEntry[]; hardware: HardwareEntry[]; apiPrices: ApiPriceEntry[] } {
  return structuredClone({ models, hardware, apiPrices, qualityLoss, quants }) as never;
}

describe('validateCatalog', () => {
  it('finds no problem in the shipped catalog', () => {
    const problems = validateCatalog(undefined, TODAY);
    expect(formatProblems(problems)).toBe('');
  });

  it('passes assertCatalogValid on the shipped catalog (as the build calls it)', () => {
    expect(() => assertCatalogValid(undefined, TODAY)).not.toThrow();
  });

  it('reports a duplicate id, naming the table and the row', () => {
    const t = copyTables();
    t.hardware.push({ ...t.hardware[0]! });
    const p = validateCatalog(t, TODAY);
    expect(p).toContainEqual(expect.objectContaining({ table: 'hardware', row: t.hardware[0]!.id, field: 'id', message: 'duplicate id' }));
  });

  it('rejects zero, negative, NaN and infinite numbers', () => {
    const t = copyTables();
    const h = t.hardware.find((x) => x.id === 'rtx-3090')!;
    h.bandwidthGBs = -936;
    h.fp16Tflops = Number.NaN;
    h.powerW = 0;
    const m = t.models.find((x) => x.id === 'llama-3.1-8b')!;
    m.layers = Number.POSITIVE_INFINITY;
    const fields = validateCatalog(t, TODAY).map((p) => `${p.row}.${p.field}`);
    expect(fields).toEqual(expect.arrayContaining(['rtx-3090.bandwidthGBs', 'rtx-3090.fp16Tflops', 'rtx-3090.powerW', 'llama-3.1-8b.layers']));
  });

  it('requires an https source on every row, prices and benchmarks included', () => {
    const t = copyTables();
    t.models[0]!.source = 'huggingface.co/meta-llama/Llama-3.1-8B-Instruct';
    t.apiPrices[0]!.source = 'http://example.com/prices';
    t.models[0]!.benchmarks = [{ name: 'MMLU', score: 69.4, source: '' }];
    const fields = validateCatalog(t, TODAY).map((p) => `${p.table}:${p.field}`);
    expect(fields).toEqual(expect.arrayContaining(['models:source', 'apiPrices:source', 'models:benchmarks[0].source']));
  });

  it('rejects malformed, impossible and future dates', () => {
    const t = copyTables();
    t.hardware[0]!.specSeen = '2026-13-01';
    t.hardware[1]!.specSeen = '2026-02-30';
    t.hardware[2]!.releaseDate = 'June 2024';
    t.apiPrices[0]!.seen = '2027-01-01';
    const fields = validateCatalog(t, TODAY).map((p) => `${p.row}.${p.field}`);
    expect(fields).toEqual(expect.arrayContaining([
      `${t.hardware[0]!.id}.specSeen`, `${t.hardware[1]!.id}.specSeen`, `${t.hardware[2]!.id}.releaseDate`, `${t.apiPrices[0]!.id}.seen`,
    ]));
  });

  it('insists that a hardware price carries its date and source', () => {
    const t = copyTables();
    const h = t.hardware.find((x) => x.priceUsd !== undefined)!;
    delete h.priceSeen;
    const p = validateCatalog(t, TODAY);
    expect(p).toContainEqual(expect.objectContaining({ row: h.id, field: 'priceSeen' }));
  });

  it('refuses a numeric field whose name carries no unit', () => {
    const t = copyTables();
    (t.hardware[0] as unknown as Record<string, number>)['memory'] = 24;
    const p = validateCatalog(t, TODAY);
    expect(p).toContainEqual(expect.objectContaining({ table: 'hardware', field: 'memory' }));
  });

  it('checks the internal consistency of MoE, attention and unified-memory fields', () => {
    const t = copyTables();
    const moe = t.models.find((x) => x.id === 'mixtral-8x7b')!;
    moe.moe!.activeExperts = 9;
    delete moe.activeParamsReported;
    const gemma = t.models.find((x) => x.id === 'gemma-2-9b')!;
    gemma.attentionLayout = { kind: 'sliding', fullEvery: 2 };
    const llama = t.models.find((x) => x.id === 'llama-3.1-8b')!;
    llama.kvHeads = 7;
    const mac = t.hardware.find((x) => x.id === 'm4-max-40c')!;
    mac.memoryGiB = 64;
    const gpu = t.hardware.find((x) => x.id === 'rtx-4090')!;
    gpu.gpuMemoryFraction = 0.5;
    const fields = validateCatalog(t, TODAY).map((p) => `${p.row}.${p.field}`);
    expect(fields).toEqual(expect.arrayContaining([
      'mixtral-8x7b.moe.activeExperts', 'mixtral-8x7b.activeParamsReported', 'gemma-2-9b.attentionLayout.windowTokens',
      'llama-3.1-8b.kvHeads', 'm4-max-40c.memoryGiB', 'rtx-4090.gpuMemoryFraction',
    ]));
  });

  it('checks weight formats too, and that every quality row names a known format', () => {
    const t = copyTables() as ReturnType<typeof copyTables> & { quants: typeof quants };
    t.quants.push({ ...t.quants[0]!, id: t.quants[0]!.id.toLowerCase() }); // same id in another case
    t.quants[1]!.nominalBitsPerWeight = 0;
    (t.qualityLoss as typeof qualityLoss)[0] = { ...qualityLoss[0]!, quant: 'Q4_K_XL' };
    const fields = validateCatalog(t, TODAY).map((p) => `${p.table}:${p.field}`);
    expect(fields).toEqual(expect.arrayContaining(['quants:id', 'quants:nominalBitsPerWeight', 'qualityLoss:quant']));
  });

  it('throws from assertCatalogValid with a message naming every offending row', () => {
    const t = copyTables();
    t.hardware.find((x) => x.id === 'rtx-4060')!.bandwidthGBs = 0;
    t.models.find((x) => x.id === 'phi-4')!.source = '';
    expect(() => assertCatalogValid(t, TODAY)).toThrow(/hardware rtx-4060 bandwidthGBs/);
    expect(() => assertCatalogValid(t, TODAY)).toThrow(/models phi-4 source/);
  });
});

describe('isWellFormedDate', () => {
  it('accepts real calendar dates and, when asked, year-months', () => {
    expect(isWellFormedDate('2024-02-29')).toBe(true);
    expect(isWellFormedDate('2024-07')).toBe(false);
    expect(isWellFormedDate('2024-07', true)).toBe(true);
  });
  it('rejects impossible days, months and non-strings', () => {
    for (const bad of ['2023-02-29', '2024-00-10', '2024-1-5', '', '20240101', 20240101, null]) {
      expect(isWellFormedDate(bad)).toBe(false);
    }
  });
});

