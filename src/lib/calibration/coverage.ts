/**
 * What the calibration set covers: devices (Apple, multi-device set-ups) and model
 * architectures, per split. Used by the tests that guard the test part's breadth.
 */
import { deviceCount, parseSpec } from '../hardware-spec.ts';
import type { MeasurementRow } from './types.ts';

/**
 * The architecture a model id belongs to (families whose tensor layout differs count apart:
 * Llama 2's multi-head attention vs Llama 3's grouped-query attention, MoE vs dense).
 */
export function architectureOf(model: string): string {
  if (model.startsWith('raw:')) return 'raw architecture';
  const rules: [RegExp, string][] = [
    [/^llama-2/, 'llama-2 (MHA)'], [/^llama-3/, 'llama-3 (GQA)'], [/^llama-4/, 'llama-4 (MoE, chunked)'],
    [/^mixtral/, 'mixtral (MoE)'], [/^mistral/, 'mistral'], [/^qwen2/, 'qwen2'], [/^qwen3-(coder-)?\d+b-a\d+b/, 'qwen3-moe'],
    [/^qwen3/, 'qwen3'], [/^gemma-2/, 'gemma-2 (SWA)'], [/^gemma-3/, 'gemma-3 (iSWA)'], [/^gpt-oss/, 'gpt-oss (MoE, SWA)'],
    [/^phi/, 'phi-3/4'], [/^deepseek/, 'deepseek (MLA, MoE)'],
  ];
  for (const [re, name] of rules) if (re.test(model)) return name;
  return model;
}

/** Whether a hardware spec is an Apple machine (catalog ids m1-..m5-). */
export function isApple(hardware: string): boolean {
  return /^m\d(-|$)/.test(hardware);
}

/** Whether a hardware spec has more than one device (`NxID` with N > 1, or a comma list). */
export function isMultiDevice(hardware: string): boolean {
  return deviceCount(parseSpec(hardware) ?? []) > 1;
}

/** Coverage figures of a set of rows. */
export interface Coverage {
  rows: number;
  devices: string[];
  appleDevices: string[];
  multiDeviceSetups: string[];
  architectures: string[];
}

/** Coverage of the given rows (only scored rows count). */
export function coverageOf(rows: readonly MeasurementRow[]): Coverage {
  const scored = rows.filter((r) => r.scored);
  const devices = [...new Set(scored.map((r) => r.settings.hardware).filter((h): h is string => !!h))].sort();
  return {
    rows: scored.length,
    devices,
    appleDevices: devices.filter(isApple),
    multiDeviceSetups: devices.filter(isMultiDevice),
    architectures: [...new Set(scored.map((r) => architectureOf(r.settings.model)))].sort(),
  };
}
