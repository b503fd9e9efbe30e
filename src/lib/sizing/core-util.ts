/**
 * Small pure helpers shared by the engine core and its helper modules (sweep, tiers, ...).
 */
import type { QuantEntry } from '../catalog/types.ts';
import type { Arch } from './arch.ts';

/** MXFP4 is an MoE-expert format (llama.cpp's MXFP4_MOE); dense models are not offered it in tables and searches. */
export function offered(q: QuantEntry, a: Arch): boolean {
  return q.id !== 'MXFP4' || a.moe !== null;
}

/** Rounds to a whole number (bytes); a non-finite value becomes 0 so no NaN reaches a result. */
export function r0(x: number): number {
  return Number.isFinite(x) ? Math.round(x) : 0;
}

/** Rounds to 3 decimals (rates, seconds); a non-finite value becomes 0. */
export function r3(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1000) / 1000 : 0;
}
