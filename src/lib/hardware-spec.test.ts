import { describe, expect, it } from 'vitest';
import { deviceCount, formatSpec, MAX_DEVICES, parseSpec, shortDeviceName, validCount } from './hardware-spec.ts';

describe('the hardware spec grammar', () => {
  it('reads ids, counts written 2x, 2 x, 2× or 2*, and comma lists, lower-casing ids and keeping each part as written', () => {
    expect(parseSpec('2xRTX-3090, rtx-4090')).toEqual([{ count: 2, id: 'rtx-3090', text: '2xRTX-3090' }, { count: 1, id: 'rtx-4090', text: 'rtx-4090' }]);
    for (const s of ['3 x h100-sxm', '3×h100-sxm', '3*h100-sxm']) expect(parseSpec(s)).toEqual([{ count: 3, id: 'h100-sxm', text: s }]);
  });
  it('reads a whole part as an id when the catalog says it is one, even if it looks like a count', () => {
    expect(parseSpec('2x-special', (id) => id === '2x-special')).toEqual([{ count: 1, id: '2x-special', text: '2x-special' }]);
  });
  it('has no parts for an empty spec and skips empty parts of a list', () => {
    expect(parseSpec('')).toBeNull();
    expect(parseSpec(' , ')).toBeNull();
    expect(parseSpec('a,,b')?.map((p) => p.id)).toEqual(['a', 'b']);
  });
  it('writes parts back as the engine reads them, without a count of one or empty ids', () => {
    expect(formatSpec([{ count: 2, id: 'rtx-3090' }, { count: 1, id: 'rtx-4090' }, { count: 3, id: '' }])).toBe('2xrtx-3090,rtx-4090');
    const spec = '4xh100-sxm,m4-max-40c';
    expect(formatSpec(parseSpec(spec)!)).toBe(spec);
  });
  it('counts devices and accepts whole counts from 1 to the engine\'s maximum', () => {
    expect(deviceCount(parseSpec('2xa,3xb,c')!)).toBe(6);
    expect([0, 1, MAX_DEVICES, MAX_DEVICES + 1, 1.5].map(validCount)).toEqual([false, true, true, false, false]);
  });
  it('drops the maker from a device name for labels', () => {
    expect(shortDeviceName('NVIDIA GeForce RTX 4090')).toBe('RTX 4090');
    expect(shortDeviceName('NVIDIA H100 SXM 80GB')).toBe('H100 SXM 80GB');
    expect(shortDeviceName('AMD Radeon RX 7900 XTX')).toBe('Radeon RX 7900 XTX');
    expect(shortDeviceName('Apple M4 Max (40-core GPU)')).toBe('M4 Max (40-core GPU)');
    expect(shortDeviceName('Intel Arc B580')).toBe('Arc B580');
  });
});
