import { REQUEST_FIELDS, type RequestField } from '../request.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIELD_SPECS, parseNumberField } from './fields.ts';

const ctx = FIELD_SPECS.context;

describe('parseNumberField', () => {
  it('reads plain numbers, thousands separators and a k suffix for contexts', () => {
    expect(parseNumberField('8192', ctx)).toEqual({ ok: true, value: 8192 });
    expect(parseNumberField(' 8,192 ', ctx)).toEqual({ ok: true, value: 8192 });
    expect(parseNumberField('32k', ctx)).toEqual({ ok: true, value: 32768 });
    expect(parseNumberField('1M', ctx)).toEqual({ ok: true, value: 1048576 });
  });
  it('says "Enter a value." for an empty field', () => {
    expect(parseNumberField('', ctx)).toEqual({ ok: false, message: 'Enter a value.' });
    expect(parseNumberField('   ', ctx)).toEqual({ ok: false, message: 'Enter a value.' });
  });
  it('rejects text that is not a number without repeating it', () => {
    for (const bad of ['abc', '12abc', '1e5', '0x10', 'NaN', 'Infinity', '<script>alert(1)</script>', '1..2', '--3']) {
      const r = parseNumberField(bad, ctx);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).not.toContain(bad);
    }
  });
  it('rejects negatives, zero where zero makes no sense, and absurdly large values', () => {
    expect(parseNumberField('-5', ctx)).toEqual({ ok: false, message: 'Must not be negative.' });
    expect(parseNumberField('0', ctx)).toEqual({ ok: false, message: 'Must be more than 0.' });
    expect(parseNumberField('99999999999', ctx)).toEqual({ ok: false, message: 'Too large: at most 10,485,760 tokens.' });
    expect(parseNumberField('12', ctx)).toEqual({ ok: false, message: 'Too small: at least 128 tokens.' });
  });
  it('accepts zero where the field allows it (no system RAM)', () => {
    expect(parseNumberField('0', FIELD_SPECS.ramGb)).toEqual({ ok: true, value: 0 });
  });
  it('refuses a k suffix on a field that does not take one', () => {
    expect(parseNumberField('2k', FIELD_SPECS.powerW).ok).toBe(false);
  });
  it('returns either a finite in-range number or a message for any string', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const r = parseNumberField(s, ctx);
      if (r.ok) {
        expect(Number.isFinite(r.value)).toBe(true);
        expect(r.value).toBeGreaterThanOrEqual(ctx.min);
        expect(r.value).toBeLessThanOrEqual(ctx.max);
      } else expect(r.message.length).toBeGreaterThan(0);
    }));
  });
});

describe('the calculators\' number fields', () => {
  it('accept only values the engine accepts for the request field of the same name', () => {
    const shared = Object.entries(FIELD_SPECS).filter(([k]) => REQUEST_FIELDS.has(k as RequestField));
    expect(shared.map(([k]) => k).sort()).toEqual(['bandwidthGbs', 'context', 'memoryGb', 'output', 'prompt', 'ramGb', 'sequences', 'tflops']);
    for (const [k, ui] of shared) {
      const req = REQUEST_FIELDS.get(k as RequestField)!;
      if (req.type !== 'number') throw new Error(`${k} is not a number in the request schema`);
      expect(ui.min, k).toBeGreaterThanOrEqual(req.min);
      expect(ui.max, k).toBeLessThanOrEqual(req.max);
      if ('integer' in ui && ui.integer) expect(req.integer, k).toBe(true);
    }
  });
});
