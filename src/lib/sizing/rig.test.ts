import { describe, expect, it } from 'vitest';
import { parseHardwareSpec, rawRig, GiB } from './rig.ts';
import { InputError } from '../request.ts';
import { unknownIdMessage } from '../suggest.ts';
import { fixtureHardware } from './test-fixtures.ts';

const byId = new Map(fixtureHardware.map((h) => [h.id, h]));
const parse = (s: string, mem?: number, share?: number) => parseHardwareSpec(s, fixtureHardware, byId, mem, share);

describe('hardware specs', () => {
  it('reads "2xrtx-3090" as two 24 GiB cards joined by NVLink', () => {
    const r = parse('2xrtx-3090');
    expect(r.devices.length).toBe(2);
    expect(r.devices[0]!.memoryBytes).toBe(24 * GiB);
    expect(r.interconnect).toBe('nvlink');
  });
  it('reads a mixed list and uses the slowest interconnect', () => {
    const r = parse('rtx-4090,rtx-3090');
    expect(r.devices.map((d) => d.id)).toEqual(['rtx-4090', 'rtx-3090']);
    expect(r.interconnect).toBe('pcie');
  });
  it('gives a Mac GPU its default share of unified memory, and the share for --memory-gb', () => {
    expect(parse('m4-max-40c').devices[0]!.memoryBytes).toBe(Math.floor(128 * GiB * 0.75));
    expect(parse('m4-max-40c', 36).devices[0]!.memoryBytes).toBe(Math.floor(36 * GiB * 0.67));
    expect(parse('m4-max-40c', 64, 0.9).devices[0]!.memoryBytes).toBe(Math.floor(64 * GiB * 0.9));
  });
  it('rejects an unknown id, worded by the message function it is given', () => {
    expect(() => parse('rtx-309')).toThrow(InputError);
    expect(() => parse('rtx-309')).toThrow('unknown hardware "rtx-309"');
    expect(() => parseHardwareSpec('rtx-309', fixtureHardware, byId, undefined, undefined, unknownIdMessage)).toThrow(/did you mean "rtx-3090"/);
  });
  it('rejects --memory-gb with a mixed list and a zero count', () => {
    expect(() => parse('rtx-4090,rtx-3090', 48)).toThrow(InputError);
    expect(() => parse('0xrtx-3090')).toThrow(InputError);
  });
  it('builds raw devices from memory and bandwidth', () => {
    const r = rawRig({ memoryGb: 16, bandwidthGbs: 500, tflops: 50, devices: 2 });
    expect(r.devices.length).toBe(2);
    expect(r.devices[1]!.bandwidthBytesPerSec).toBe(500e9);
  });
});
