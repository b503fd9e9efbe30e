/**
 * Models described by raw architecture fields instead of a catalog id (`estimate --params 8e9`,
 * or `--layers 32 --hidden 4096 ...`): the checks such a request needs and the architecture it
 * gives. Only the command line and server-side code use it (createEngine passes it to the
 * engine core); calculator islands offer catalog models only, so the browser does not ship it.
 */
import { archFromRaw } from './arch.ts';
import type { RawModel } from './engine/index.ts';
import type { EstimateRequest } from '../request.ts';
import { InputError } from '../request.ts';
import { tensorInventory } from './weights.ts';

/**
 * The architecture of a raw-model request, with a warning when the fields and `params` disagree
 * by more than 20% (sizes then follow the fields). Throws InputError naming the field at fault.
 */
export function rawModel(req: EstimateRequest): RawModel {
  if (req.params === undefined && (req.layers === undefined || req.hidden === undefined)) {
    throw new InputError('model', 'missing --model (or a raw architecture: --params, or --layers and --hidden)');
  }
  if (req.kvHeads !== undefined && req.heads !== undefined && req.kvHeads > req.heads) throw new InputError('kvHeads', 'kvHeads cannot exceed heads');
  if (req.activeExperts !== undefined && (req.experts === undefined || req.activeExperts > req.experts)) throw new InputError('activeExperts', 'activeExperts needs experts and cannot exceed it');
  if (req.heads !== undefined && req.hidden !== undefined && req.headDim === undefined && req.hidden % req.heads !== 0) throw new InputError('headDim', 'hidden is not a multiple of heads; give --head-dim');
  const arch = archFromRaw(req);
  const warnings: string[] = [];
  if (req.params !== undefined && (req.layers !== undefined || req.hidden !== undefined)) {
    const totalParams = tensorInventory(arch).totalParams;
    const ratio = totalParams / req.params;
    if (ratio > 1.2 || ratio < 0.8) warnings.push(`the architecture fields give ${(totalParams / 1e9).toFixed(2)}B parameters, not the ${(req.params / 1e9).toFixed(2)}B given; sizes follow the fields`);
  }
  return { arch, warnings };
}
