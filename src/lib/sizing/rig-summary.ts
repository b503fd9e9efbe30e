/**
 * Catalog price and power of a hardware spec (Local or API? defaults its fields to these).
 */
import type { EngineCore } from './engine/index.ts';
import { parseHardwareSpec } from './rig.ts';
import type { Rig } from './rig.ts';

/**
 * Catalog price (USD) and power (W) of a hardware spec (`ID`, `NxID`, comma lists), summed over its
 * devices, and the device count; null for an unknown spec. The price is null when a device has no
 * catalog price, or when `memoryGb` asks for another memory size than the one the catalog prices
 * (Apple variants: the price is for the catalog's memory). Never throws.
 */
export function rigSummary(core: EngineCore, spec: string, memoryGb?: number): { priceUsd: number | null; powerW: number; devices: number } | null {
  let rig: Rig;
  try { rig = parseHardwareSpec(spec, core.catalog.hardware, core.hwById, memoryGb, undefined); } catch { return null; }
  let priceUsd: number | null = 0;
  let powerW = 0;
  for (const d of rig.devices) {
    powerW += d.powerW;
    const h = core.hwById.get(d.id.toLowerCase());
    const samePriced = memoryGb === undefined || (h !== undefined && Math.abs(h.memoryGiB - memoryGb) < 1e-9);
    priceUsd = priceUsd !== null && d.priceUsd !== null && samePriced ? priceUsd + d.priceUsd : null;
  }
  return rig.devices.length > 0 ? { priceUsd, powerW, devices: rig.devices.length } : null;
}
