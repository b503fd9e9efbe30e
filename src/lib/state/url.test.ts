import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeQuery, encodeQuery, normaliseHardwareSpec, type KnownIds } from './url.ts';
import { BACKENDS, ENGINES } from '../vocabulary.ts';
import { DEFAULT_SELECTION, SELECTION_SCHEMA, encodeSelection, resolveInitialSelection, sanitizeSelection, selectionToRequest } from './selection.ts';

const known: KnownIds = {
  models: new Set(['llama-3.1-8b', 'llama-3.1-70b']),
  quants: new Set(['Q4_K_M', 'Q8_0', 'F16']),
  hardware: new Set(['rtx-3090', 'rtx-4090', 'm4-max-40c']),
};

describe('hardware specs', () => {
  it('normalises case, counts of one and spaces', () => {
    expect(normaliseHardwareSpec('2xRTX-3090', known.hardware)).toBe('2xrtx-3090');
    expect(normaliseHardwareSpec('1xrtx-4090', known.hardware)).toBe('rtx-4090');
    expect(normaliseHardwareSpec('rtx-4090, 2 x rtx-3090', known.hardware)).toBe('rtx-4090,2xrtx-3090');
    expect(normaliseHardwareSpec('custom', known.hardware)).toBe('custom');
  });
  it('rejects unknown ids, zero or huge counts and markup', () => {
    for (const bad of ['rtx-9999', '0xrtx-3090', '99xrtx-3090', '<img src=x>', '', 'rtx-3090,,', 'custom,rtx-3090']) {
      expect(normaliseHardwareSpec(bad, known.hardware)).toBeNull();
    }
  });
  it('accepts no more devices in all than the engine models', () => {
    expect(normaliseHardwareSpec('16xrtx-3090,16xrtx-3090,16xrtx-3090,16xrtx-3090', known.hardware)).toBe('16xrtx-3090,16xrtx-3090,16xrtx-3090,16xrtx-3090');
    expect(normaliseHardwareSpec('16xrtx-3090,16xrtx-3090,16xrtx-3090,16xrtx-3090,rtx-3090', known.hardware)).toBeNull();
    expect(normaliseHardwareSpec(Array.from({ length: 8 }, () => '16xrtx-3090').join(','), known.hardware)).toBeNull();
  });
});

describe('decodeQuery', () => {
  it('reads a full selection from a link', () => {
    const { values, notes } = decodeQuery('?model=llama-3.1-70b&quant=q4_k_m&context=32k&hardware=2xrtx-3090&kvCache=q8_0', SELECTION_SCHEMA, known);
    expect(values).toEqual({ model: 'llama-3.1-70b', quant: 'Q4_K_M', context: 32768, hardware: '2xrtx-3090', kvCache: 'q8_0' });
    expect(notes).toEqual([]);
  });
  it('ignores hostile and malformed values with a note that never echoes them', () => {
    const hostile = '<script>alert(1)</script>';
    const q = `?model=${encodeURIComponent(hostile)}&context=-5&hardware=rtx-9999&engine=exllama&memoryGb=NaN&ramGb=Infinity`;
    const { values, notes } = decodeQuery(q, SELECTION_SCHEMA, known);
    expect(values).toEqual({});
    expect(notes).toHaveLength(6);
    expect(notes.join(' ')).not.toContain('script');
    expect(notes[0]).toBe('Ignored “model” in the link: not a catalogued model.');
    expect(notes[1]).toBe('Ignored “context” in the link: must not be negative.');
  });
  it('ignores unknown keys silently and uses the first of repeated keys', () => {
    const { values, notes } = decodeQuery('utm_source=x&model=llama-3.1-8b&model=llama-3.1-70b', SELECTION_SCHEMA, known);
    expect(values).toEqual({ model: 'llama-3.1-8b' });
    expect(notes).toEqual([]);
  });
  it('never throws and never yields a non-finite number for any query string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 30 }), (a, b) => {
      const { values } = decodeQuery(`context=${a}&memoryGb=${b}&${a}=${b}`, SELECTION_SCHEMA, known);
      for (const v of Object.values(values)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    }));
  });
});

describe('engine and backend', () => {
  it('round-trips every engine and backend of the vocabulary, SGLang and Ollama on Vulkan among them', () => {
    for (const s of [{ ...DEFAULT_SELECTION, engine: 'sglang' as const }, { ...DEFAULT_SELECTION, engine: 'ollama' as const, backend: 'vulkan' as const }]) {
      const q = encodeSelection(s);
      expect(q).toContain(`engine=${s.engine}`);
      const { values, notes } = decodeQuery(q, SELECTION_SCHEMA, known);
      expect(notes).toEqual([]);
      expect({ ...DEFAULT_SELECTION, ...values }).toEqual(s);
    }
    expect(decodeQuery('?engine=SGLang&backend=Vulkan', SELECTION_SCHEMA, known).values).toEqual({ engine: 'sglang', backend: 'vulkan' });
    for (const engine of ENGINES) for (const backend of BACKENDS) {
      expect(decodeQuery(encodeSelection({ ...DEFAULT_SELECTION, engine, backend }), SELECTION_SCHEMA, known).values).toMatchObject({ engine, backend });
    }
  });
  it('leaves the usual backend out of the link', () => {
    expect(encodeSelection(DEFAULT_SELECTION)).not.toContain('backend');
  });
  it('ignores a backend or engine outside the vocabulary with a note that never echoes it', () => {
    const { values, notes } = decodeQuery(`?backend=${encodeURIComponent('<img src=x onerror=alert(1)>')}&engine=exllamav2`, SELECTION_SCHEMA, known);
    expect(values).toEqual({});
    expect(notes).toEqual([
      `Ignored “engine” in the link: not one of ${ENGINES.join(', ')}.`,
      `Ignored “backend” in the link: not one of ${BACKENDS.join(', ')}.`,
    ]);
  });
  it('asks the engine for the chosen backend, on catalog and raw hardware alike, and for none by default', () => {
    expect(selectionToRequest({ ...DEFAULT_SELECTION, backend: 'vulkan' }).backend).toBe('vulkan');
    expect(selectionToRequest({ ...DEFAULT_SELECTION, hardware: 'custom', backend: 'rocm' }).backend).toBe('rocm');
    expect('backend' in selectionToRequest(DEFAULT_SELECTION)).toBe(false);
  });
});

describe('round trip', () => {
  it('decodes what it encodes for the default and a changed selection', () => {
    for (const s of [DEFAULT_SELECTION, { ...DEFAULT_SELECTION, model: 'llama-3.1-70b', hardware: '2xrtx-3090', context: 32768, kvCache: 'q8_0' as const, ramGb: 64 }]) {
      const { values, notes } = decodeQuery(encodeSelection(s), SELECTION_SCHEMA, known);
      expect(notes).toEqual([]);
      expect({ ...DEFAULT_SELECTION, ...values }).toEqual(s);
    }
  });
  it('skips empty and non-finite values when encoding', () => {
    expect(encodeQuery({ model: '', context: Number.NaN, ramGb: 0 }, SELECTION_SCHEMA)).toBe('ramGb=0');
  });
});

describe('precedence', () => {
  it('takes the link over the saved rig over the default, field by field', () => {
    const saved = { ...DEFAULT_SELECTION, hardware: 'rtx-3090', model: 'llama-3.1-70b' };
    const r = resolveInitialSelection('?model=llama-3.1-8b', saved, known);
    expect(r.selection.model).toBe('llama-3.1-8b');
    expect(r.selection.hardware).toBe('rtx-3090');
    expect(r.fromUrl).toBe(true);
    const none = resolveInitialSelection('', null, known);
    expect(none.selection).toEqual(DEFAULT_SELECTION);
    expect(none.fromUrl).toBe(false);
  });
  it('drops a corrupt saved field and keeps the rest', () => {
    const r = sanitizeSelection({ model: 'llama-3.1-70b', context: 'lots', hardware: { evil: true } }, known);
    expect(r.selection.model).toBe('llama-3.1-70b');
    expect(r.selection.context).toBe(DEFAULT_SELECTION.context);
    expect(r.selection.hardware).toBe(DEFAULT_SELECTION.hardware);
    expect(sanitizeSelection('garbage', known).selection).toEqual(DEFAULT_SELECTION);
  });
});

describe('selectionToRequest', () => {
  it('passes catalog hardware as a spec and custom hardware as raw specs', () => {
    expect(selectionToRequest({ ...DEFAULT_SELECTION, hardware: '2xrtx-3090', ramGb: 64 })).toMatchObject({ hardware: '2xrtx-3090', ramGb: 64 });
    const c = selectionToRequest({ ...DEFAULT_SELECTION, hardware: '2xcustom', memoryGb: 32, bandwidthGbs: 900, tflops: 100 });
    expect(c).toMatchObject({ memoryGb: 32, bandwidthGbs: 900, tflops: 100, devices: 2 });
    expect(c.hardware).toBeUndefined();
  });
});
