/**
 * Weight formats (quantization types), using llama.cpp's own names for GGUF file types plus
 * the checkpoint formats vLLM and Transformers load.
 *
 * `nominalBitsPerWeight` is the bits of the base tensor type before llama.cpp's mixture rules
 * (e.g. Q4_K_M stores most tensors as Q4_K = 144 bytes per 256 weights = 4.5 bits, and keeps
 * some at Q6_K, so real files average about 4.85-4.9 bits). The block layouts themselves are in
 * `ggmlTypes` (./ggml.ts), read from ggml-common.h and gguf-parser-go; the sizing engine
 * applies the mixture rules tensor by tensor (src/lib/sizing/weights.ts).
 *
 * `qualityRank` orders formats for "the best format that fits": higher keeps more quality. The
 * order follows the llama.cpp KL-divergence table for Llama 3 8B (tools/perplexity/README.md:
 * q8_0 < q6_K < q5_K_M < q4_K_M < iq4_XS < q4_0 < q3_K_M < iq3_XXS < iq2_M < q2_K < iq2_XXS < iq1_S
 * in KLD) and the Red Hat study (arXiv 2411.02355: FP8 about lossless, INT8 loses 1-3%, W4A16
 * close behind).
 */
import type { QuantEntry } from './types.ts';

const LLAMA_QUANT = 'https://github.com/ggml-org/llama.cpp/blob/master/src/llama-quant.cpp';
const GGML_COMMON = 'https://github.com/ggml-org/llama.cpp/blob/master/ggml/src/ggml-common.h';

const ALL: QuantEntry['engines'] = ['llama.cpp', 'ollama', 'vllm', 'sglang', 'mlx', 'transformers'];
const GGUF: QuantEntry['engines'] = ['llama.cpp', 'ollama'];
const HF_QUANT: QuantEntry['engines'] = ['vllm', 'sglang', 'transformers'];
const MLX: QuantEntry['engines'] = ['mlx'];
/** MLX's quantize defaults per mode (mlx/ops.cpp `quantization_params_from_mode`, and the scale/bias layout of `affine_quantize`). */
const MLX_OPS = 'https://github.com/ml-explore/mlx/blob/846d176227a0ac13d2667e58d2bb68b322109ab0/mlx/ops.cpp#L4675-L4701';
/** mlx-lm's quantize_model: which layers are quantized (Linear and Embedding whose rows divide into groups; MoE routers at 8 bits). */
const MLX_LM_QUANT = 'https://github.com/ml-explore/mlx-lm/blob/d78bf58e217c904ec282ed8da9b947491f78c022/mlx_lm/utils.py#L844-L871';

function mlxAffine(bits: number, rank: number): QuantEntry {
  return {
    id: `MLX-Q${bits}`, name: `MLX ${bits}-bit (group 64)`, family: 'mlx-affine', nominalBitsPerWeight: bits + 0.5, engines: MLX, qualityRank: rank,
    description: `MLX affine ${bits}-bit: per group of 64 weights one scale and one bias in the model's 16-bit dtype, ${bits + 0.5} bits per weight. Embeddings and the output head are quantized too; norms stay 16-bit and MoE routers 8-bit.`,
    source: MLX_OPS,
  };
}

function gguf(id: string, family: QuantEntry['family'], bits: number, rank: number, description: string): QuantEntry {
  return { id, name: id, family, nominalBitsPerWeight: bits, engines: GGUF, qualityRank: rank, description, source: family === 'gguf-legacy' ? GGML_COMMON : LLAMA_QUANT };
}

export const quants: QuantEntry[] = [
  { id: 'F32', name: 'F32', family: 'float', nominalBitsPerWeight: 32, engines: ['llama.cpp', 'ollama', 'transformers'], qualityRank: 100, description: '32-bit float. Twice the size of BF16 for no quality gain in inference.', source: GGML_COMMON },
  { id: 'BF16', name: 'BF16', family: 'float', nominalBitsPerWeight: 16, engines: ALL, qualityRank: 99, description: 'bfloat16: the format most open models are released in. The reference for quality loss.', source: GGML_COMMON },
  { id: 'F16', name: 'F16', family: 'float', nominalBitsPerWeight: 16, engines: ALL, qualityRank: 98, description: 'IEEE half precision, same size as BF16.', source: GGML_COMMON },
  { id: 'FP8', name: 'FP8 (E4M3)', family: 'fp8', nominalBitsPerWeight: 8, engines: HF_QUANT, qualityRank: 96, description: '8-bit float weights with per-channel or 128x128 block scales (DeepSeek V3/R1 ship this way); embeddings and output head stay BF16. Hardware-native on Ada, Hopper and Blackwell.', source: 'https://arxiv.org/abs/2411.02355' },
  gguf('Q8_0', 'gguf-legacy', 8.5, 95, '8-bit, 32-weight blocks with an FP16 scale: 34 bytes per 32 weights. Practically lossless (KLD 0.0014 on Llama 3 8B).'),
  { id: 'INT8', name: 'INT8 (W8A16/W8A8)', family: 'int8', nominalBitsPerWeight: 8, engines: HF_QUANT, qualityRank: 93, description: '8-bit integer weights with one scale per output channel; embeddings and output head stay BF16.', source: 'https://arxiv.org/abs/2411.02355' },
  gguf('Q6_K', 'gguf-k', 6.5625, 90, '6-bit k-quant: 210 bytes per 256 weights, every tensor Q6_K.'),
  gguf('Q5_K_M', 'gguf-k', 5.5, 85, 'Q5_K (176 bytes per 256 weights) with attn_v and ffn_down at Q6_K in about half the layers (use_more_bits), output Q6_K.'),
  gguf('Q5_K_S', 'gguf-k', 5.5, 83, 'Q5_K everywhere except the output head (Q6_K).'),
  gguf('Q5_1', 'gguf-legacy', 6, 82, 'Legacy 5-bit with scale and minimum: 24 bytes per 32 weights.'),
  gguf('Q5_0', 'gguf-legacy', 5.5, 81, 'Legacy 5-bit with a scale: 22 bytes per 32 weights.'),
  { id: 'NVFP4', name: 'NVFP4', family: 'microscaling', nominalBitsPerWeight: 4.5, engines: ['vllm', 'sglang'], qualityRank: 79, description: 'NVIDIA FP4: E2M1 values with an FP8 (E4M3) scale per 16 weights plus a per-tensor FP32 scale, 4.5 bits per weight; native on Blackwell. Embeddings and output head stay BF16.', source: 'https://developer.nvidia.com/blog/introducing-nvfp4-for-efficient-and-accurate-low-precision-inference/' },
  mlxAffine(8, 94),
  mlxAffine(6, 89),
  mlxAffine(5, 84),
  mlxAffine(4, 77),
  { id: 'MLX-MXFP4', name: 'MLX MXFP4', family: 'microscaling', nominalBitsPerWeight: 4.25, engines: MLX, qualityRank: 72, description: 'MLX\'s mxfp4 mode (since MLX 0.29.0): E2M1 values with a power-of-two scale per 32 weights, no bias, 4.25 bits per weight; the layers mlx-lm quantizes are the same as for the affine formats.', source: MLX_LM_QUANT },
  gguf('Q4_K_M', 'gguf-k', 4.5, 78, 'Q4_K (144 bytes per 256 weights) with attn_v and ffn_down at Q6_K in about half the layers, output Q6_K: about 4.85-4.9 bits per weight on real files. The usual default.'),
  { id: 'AWQ-INT4', name: 'AWQ 4-bit (group 128)', family: 'awq', nominalBitsPerWeight: 4, engines: HF_QUANT, qualityRank: 77, description: '4-bit weights with an FP16 scale and a 4-bit zero point per group of 128 (about 4.16 bits); embeddings, output head and norms stay 16-bit.', source: 'https://arxiv.org/abs/2306.00978' },
  { id: 'GPTQ-INT4', name: 'GPTQ 4-bit (group 128)', family: 'gptq', nominalBitsPerWeight: 4, engines: HF_QUANT, qualityRank: 76, description: '4-bit weights with an FP16 scale and a packed 4-bit zero point per group of 128 (about 4.16 bits); embeddings, output head and norms stay 16-bit.', source: 'https://arxiv.org/abs/2210.17323' },
  gguf('Q4_K_S', 'gguf-k', 4.5, 75, 'Q4_K with the first attn_v tensors and the first eighth of ffn_down at Q5_K.'),
  gguf('IQ4_XS', 'gguf-i', 4.25, 74, 'i-quant, 136 bytes per 256 weights (4.25 bits); attn_v at Q5_K for grouped-query models.'),
  { id: 'MXFP4', name: 'MXFP4 (MoE experts)', family: 'microscaling', nominalBitsPerWeight: 4.25, engines: ALL, qualityRank: 73, description: 'OCP microscaling FP4: E2M1 values with a shared power-of-two scale per 32 weights (17 bytes per 32). gpt-oss ships its MoE experts this way; llama.cpp (MXFP4_MOE) stores the other tensors as Q8_0, the Hugging Face checkpoint as BF16.', source: LLAMA_QUANT },
  gguf('IQ4_NL', 'gguf-i', 4.5, 72, 'Non-linear 4-bit in 32-weight blocks (18 bytes), 4.5 bits.'),
  gguf('Q4_1', 'gguf-legacy', 5, 71, 'Legacy 4-bit with scale and minimum: 20 bytes per 32 weights.'),
  gguf('Q4_0', 'gguf-legacy', 4.5, 70, 'Legacy 4-bit with a scale: 18 bytes per 32 weights. Fast on CPUs and ARM.'),
  gguf('Q3_K_L', 'gguf-k', 3.4375, 65, 'Q3_K (110 bytes per 256) with attn_v, attn_output and ffn_down at Q5_K.'),
  gguf('IQ3_M', 'gguf-i', 3.4375, 63, 'IQ3_S base with attn_v, attn_output and the first eighth of ffn_down at Q4_K.'),
  gguf('Q3_K_M', 'gguf-k', 3.4375, 62, 'Q3_K with attn_v at Q4_K/Q5_K, attn_output Q4_K and ffn_down Q4_K/Q5_K.'),
  gguf('Q3_K_S', 'gguf-k', 3.4375, 58, 'Q3_K almost everywhere.'),
  gguf('IQ3_XXS', 'gguf-i', 3.0625, 55, 'i-quant, 98 bytes per 256 weights; needs an importance matrix.'),
  gguf('IQ2_M', 'gguf-i', 2.5625, 50, 'IQ2_S base (82 bytes per 256) with attn_v Q4_K for grouped-query models and the first eighth of ffn_down at IQ3_S.'),
  gguf('Q2_K', 'gguf-k', 2.625, 47, 'Q2_K (84 bytes per 256) with attn_v Q4_K, ffn_down and attn_output Q3_K. Loses more than IQ2_M on Llama 3 8B.'),
  gguf('IQ2_XS', 'gguf-i', 2.3125, 44, 'i-quant, 74 bytes per 256 weights; needs an importance matrix.'),
  gguf('IQ2_XXS', 'gguf-i', 2.0625, 41, 'i-quant, 66 bytes per 256 weights; needs an importance matrix.'),
  gguf('IQ1_M', 'gguf-i', 1.75, 30, 'i-quant, 56 bytes per 256 weights. Mostly for very large MoE models.'),
  gguf('IQ1_S', 'gguf-i', 1.5625, 25, 'i-quant, 50 bytes per 256 weights. Mostly for very large MoE models.'),
];
