/**
 * GGML tensor types: how many weights one block holds and how many bytes it takes, and the
 * base tensor type of each llama.cpp file type ("ftype", e.g. Q4_K_M -> Q4_K). Pure constants
 * with their sources, read by the sizing engine (weights.ts).
 *
 * Block layouts: ggml/src/ggml-common.h (block_q4_K etc.), cross-checked against
 * gpustack/gguf-parser-go ggml.go GGMLTypeTraits (commit 8dc7a622). Bits per weight are derived:
 * 8 x bytes / weights.
 * File type -> base type: llama.cpp src/llama-quant.cpp `llama_ftype_get_default_type`
 * (read 2026-11-29 at commit 007dbbf3).
 */

/** One GGML tensor type: `blockWeights` weights stored in `blockBytes` bytes. */
export interface GgmlTypeLayout {
  blockWeights: number;
  blockBytes: number;
}

/** GGML tensor types the sizing engine uses, by ggml's own name. */
export const ggmlTypes = {
  F32: { blockWeights: 1, blockBytes: 4 },
  F16: { blockWeights: 1, blockBytes: 2 },
  BF16: { blockWeights: 1, blockBytes: 2 },
  Q4_0: { blockWeights: 32, blockBytes: 18 },
  Q4_1: { blockWeights: 32, blockBytes: 20 },
  Q5_0: { blockWeights: 32, blockBytes: 22 },
  Q5_1: { blockWeights: 32, blockBytes: 24 },
  Q8_0: { blockWeights: 32, blockBytes: 34 },
  Q2_K: { blockWeights: 256, blockBytes: 84 },
  Q3_K: { blockWeights: 256, blockBytes: 110 },
  Q4_K: { blockWeights: 256, blockBytes: 144 },
  Q5_K: { blockWeights: 256, blockBytes: 176 },
  Q6_K: { blockWeights: 256, blockBytes: 210 },
  IQ1_S: { blockWeights: 256, blockBytes: 50 },
  IQ1_M: { blockWeights: 256, blockBytes: 56 },
  IQ2_XXS: { blockWeights: 256, blockBytes: 66 },
  IQ2_XS: { blockWeights: 256, blockBytes: 74 },
  IQ2_S: { blockWeights: 256, blockBytes: 82 },
  IQ3_XXS: { blockWeights: 256, blockBytes: 98 },
  IQ3_S: { blockWeights: 256, blockBytes: 110 },
  IQ4_NL: { blockWeights: 32, blockBytes: 18 },
  IQ4_XS: { blockWeights: 256, blockBytes: 136 },
  TQ1_0: { blockWeights: 256, blockBytes: 54 },
  TQ2_0: { blockWeights: 256, blockBytes: 66 },
  MXFP4: { blockWeights: 32, blockBytes: 17 },
} as const satisfies Record<string, GgmlTypeLayout>;

export type GgmlType = keyof typeof ggmlTypes;

/**
 * The llama.cpp file types (`llama-quantize` names) the engine models, mapped to the base tensor
 * type that `llama_ftype_get_default_type` gives them. Tensors not singled out by the mixture
 * rules in weights.ts are stored in this type.
 */
export const ggufFileTypes = {
  F32: 'F32',
  F16: 'F16',
  BF16: 'BF16',
  Q8_0: 'Q8_0',
  Q6_K: 'Q6_K',
  Q5_K_M: 'Q5_K',
  Q5_K_S: 'Q5_K',
  Q5_1: 'Q5_1',
  Q5_0: 'Q5_0',
  Q4_K_M: 'Q4_K',
  Q4_K_S: 'Q4_K',
  Q4_1: 'Q4_1',
  Q4_0: 'Q4_0',
  IQ4_XS: 'IQ4_XS',
  IQ4_NL: 'IQ4_NL',
  Q3_K_L: 'Q3_K',
  Q3_K_M: 'Q3_K',
  Q3_K_S: 'Q3_K',
  IQ3_M: 'IQ3_S',
  IQ3_XXS: 'IQ3_XXS',
  Q2_K: 'Q2_K',
  IQ2_M: 'IQ2_S',
  IQ2_XS: 'IQ2_XS',
  IQ2_XXS: 'IQ2_XXS',
  IQ1_M: 'IQ1_M',
  IQ1_S: 'IQ1_S',
  MXFP4: 'MXFP4',
} as const satisfies Record<string, GgmlType>;

export type GgufFileType = keyof typeof ggufFileTypes;

/** True when `id` is a llama.cpp file type the engine models. */
export function isGgufFileType(id: string): id is GgufFileType {
  return Object.hasOwn(ggufFileTypes, id);
}

/**
 * llama.cpp's fallback when a tensor's row length is not a multiple of the block size
 * (`tensor_type_fallback` in llama-quant.cpp): 256-weight types fall back to a 32-weight type,
 * and if that still does not divide the row, to F16.
 */
export function ggmlFallback(type: GgmlType, rowLength: number): GgmlType {
  if (rowLength % ggmlTypes[type].blockWeights === 0) return type;
  let next: GgmlType;
  switch (type) {
    case 'IQ1_S': case 'IQ1_M': case 'IQ2_XXS': case 'IQ2_XS': case 'IQ2_S': case 'IQ3_XXS': case 'IQ3_S': case 'IQ4_XS':
      next = 'IQ4_NL'; break;
    case 'Q2_K': case 'Q3_K': case 'TQ1_0': case 'TQ2_0':
      next = 'Q4_0'; break;
    case 'Q4_K': next = 'Q5_0'; break;
    case 'Q5_K': next = 'Q5_1'; break;
    case 'Q6_K': next = 'Q8_0'; break;
    default: next = 'F16';
  }
  return rowLength % ggmlTypes[next].blockWeights === 0 ? next : 'F16';
}
