/**
 * Models described by raw architecture fields instead of a catalog id (`estimate --params 8e9`,
 * or `--layers 32 --hidden 4096 ...`): the checks such a request needs and the architecture it
 * gives. Only the command line and server-side code use it (createFullEngine passes it to the
 * engine); calculator islands offer catalog models only, so the browser does not ship it.
 */
import { formatCount, formatInt } from '../format/index.ts';
import { InputError, REQUEST_SCHEMA, type EstimateRequest } from '../request.ts';
import { archFromRaw, type Arch } from './arch.ts';
import type { RawModel } from './engine/index.ts';
import { tensorInventory } from './weights.ts';

/** Architecture fields a raw model works out when they are not given, checked against the same limits as given ones. */
const DERIVED = ['layers', 'hidden', 'heads', 'kvHeads', 'headDim', 'vocab', 'intermediate'] as const;

/** Share by which the architecture's parameter total may differ from `params` before a warning. */
const PARAMS_TOLERANCE = 0.2;

/**
 * The architecture of a raw-model request. Values it works out (head dimension, MLP width, a shape
 * from the parameter count) pass the same limits as given ones; a warning says when the
 * architecture's parameter total differs from `params` by more than 20%. Throws InputError naming
 * the field at fault.
 */
export function rawModel(req: EstimateRequest): RawModel {
  if (req.params === undefined && (req.layers === undefined || req.hidden === undefined)) {
    throw new InputError('model', 'missing --model (or a raw architecture: --params, or --layers and --hidden)');
  }
  if (req.activeExperts !== undefined && (req.experts === undefined || req.activeExperts > req.experts)) throw new InputError('activeExperts', 'activeExperts needs experts and cannot exceed it');
  const arch = archFromRaw(req);
  checkDerived(arch, req);
  const warnings: string[] = [];
  if (req.params !== undefined) {
    const totalParams = tensorInventory(arch).totalParams;
    if (Math.abs(totalParams / req.params - 1) > PARAMS_TOLERANCE) {
      warnings.push(`the architecture ${req.layers !== undefined || req.hidden !== undefined ? 'fields give' : 'closest to that count has'} ${formatCount(totalParams)} parameters, not the ${formatCount(req.params)} given; sizes follow the architecture`);
    }
  }
  return { arch, warnings };
}

function checkDerived(a: Arch, req: EstimateRequest): void {
  for (const field of DERIVED) {
    const value = a[field];
    const spec = REQUEST_SCHEMA.model[field];
    const given = req[field] !== undefined;
    if (Number.isInteger(value) && value >= spec.min && value <= spec.max) continue;
    const shown = Number.isInteger(value) ? formatInt(value) : String(Math.round(value * 100) / 100);
    throw new InputError(field, given
      ? `${field} must be between ${spec.min} and ${spec.max} (got ${shown})`
      : `the other fields give ${field} = ${shown}, not a whole number from ${spec.min} to ${formatInt(spec.max)}; give ${spec.flag}`);
  }
  if (a.kvHeads > a.heads) {
    throw new InputError('kvHeads', req.heads === undefined ? `kvHeads (${a.kvHeads}) cannot exceed the ${a.heads} heads the other fields give; give --heads` : 'kvHeads cannot exceed heads');
  }
}
