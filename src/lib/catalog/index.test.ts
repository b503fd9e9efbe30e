import { describe, expect, it } from 'vitest';
import { apiPrices, getModel, hardware, models, qualityLoss, quants } from './index.ts';

describe('catalog index', () => {
  it('exports every table', () => {
    expect(models.length).toBeGreaterThan(0);
    expect(hardware.length).toBeGreaterThan(0);
    expect(quants.length).toBeGreaterThan(30);
    expect(Array.isArray(apiPrices)).toBe(true);
    expect(Array.isArray(qualityLoss)).toBe(true);
  });
  it('finds a model by id, ignoring case', () => {
    expect(getModel('LLAMA-3.1-8B')?.id).toBe('llama-3.1-8b');
    expect(getModel('nope')).toBeUndefined();
  });
});
