import { describe, expect, it } from 'vitest';
import { apiPrices, findHardware, findModel, findQuant, getHardware, getModel, getQuant, hardware, models, qualityLoss, quants } from './index.ts';

describe('catalog index', () => {
  it('exports every table', () => {
    expect(models.length).toBeGreaterThan(0);
    expect(hardware.length).toBeGreaterThan(0);
    expect(quants.length).toBeGreaterThan(30);
    expect(Array.isArray(apiPrices)).toBe(true);
    expect(Array.isArray(qualityLoss)).toBe(true);
  });
  it('finds entries by id, ignoring case', () => {
    expect(getModel('LLAMA-3.1-8B')?.id).toBe('llama-3.1-8b');
    expect(getHardware('rtx-3090')?.id).toBe('rtx-3090');
    expect(getQuant('q4_k_m')?.id).toBe('Q4_K_M');
    expect(getModel('nope')).toBeUndefined();
  });
  it('suggests the closest ids for an unknown one', () => {
    const m = findModel('llama-3.1-7b');
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.suggestions).toContain('llama-3.1-70b');
    const h = findHardware('rtx3090');
    if (!h.ok) expect(h.suggestions[0]).toBe('rtx-3090'); else expect(h.entry.id).toBe('rtx-3090');
    const q = findQuant('Q4KM');
    expect(q.ok).toBe(false);
    if (!q.ok) expect(q.suggestions).toContain('Q4_K_M');
  });
});
