/**
 * Published quality loss of weight formats against 16-bit, for the quality hint.
 *
 * Rows from llama.cpp's perplexity README (tools/perplexity/README.md): the KL-divergence
 * table for Llama 3 8B (Wikitext-2, against FP16 logits), the older Llama 2 70B perplexity
 * scoreboard, and the Llama 2 7B comparison. pplDeltaPct for the Llama 3 8B rows is computed
 * here from the published perplexities: (PPL / 6.233 - 1) x 100. KV-cache quantization rows
 * do not belong here (they are not weight formats). The upstream text was read through a fork's
 * copy (content-facts section 4.2); the URL is upstream's.
 */
import type { QualityEntry } from './types.ts';

/** llama.cpp's perplexity tool README. */
const LLAMA_CPP_PPL_README = 'https://github.com/ggml-org/llama.cpp/blob/master/tools/perplexity/README.md';

export const qualityLoss: QualityEntry[] = [
  {
    quant: 'Q8_0',
    model: 'llama-3-8b',
    meanKld: 0.0014,
    pplDeltaPct: 0.02,
    sameTopTokenPct: 97.7,
    source: LLAMA_CPP_PPL_README,
    note: 'Wikitext-2, RTX 4090, against FP16 logits (FP16 PPL 6.233). No imatrix. PPL 6.234.',
  },
  {
    quant: 'Q6_K',
    model: 'llama-3-8b',
    meanKld: 0.0055,
    pplDeltaPct: 0.32,
    sameTopTokenPct: 96.0,
    source: LLAMA_CPP_PPL_README,
    note: 'Wikitext-2, RTX 4090, against FP16 logits (FP16 PPL 6.233). No imatrix. PPL 6.253.',
  },
  {
    quant: 'Q5_K_M',
    model: 'llama-3-8b',
    meanKld: 0.0108,
    pplDeltaPct: 0.9,
    source: LLAMA_CPP_PPL_README,
    note: 'Wikitext-2, RTX 4090, against FP16 logits (FP16 PPL 6.233). No imatrix. PPL 6.289.',
  },
  {
    quant: 'Q4_K_M',
    model: 'llama-3-8b',
    meanKld: 0.0282,
    pplDeltaPct: 2.41,
    source: LLAMA_CPP_PPL_README,
    note: 'Wikitext-2, RTX 4090, against FP16 logits (FP16 PPL 6.233). imatrix from Wikitext. PPL 6.383.',
  },
  {
    quant: 'Q4_K_M',
    model: 'llama-3-8b',
    meanKld: 0.0313,
    pplDeltaPct: 2.79,
    sameTopTokenPct: 91.9,
    source: LLAMA_CPP_PPL_README,
    note: 'Wikitext-2, RTX 4090, against FP16 logits (FP16 PPL 6.233). No imatrix. PPL 6.407.',
  },
  {
    quant: 'IQ4_XS',
    model: 'llama-3-8b',
    meanKld: 0.0363,
    pplDeltaPct: 3.64,
    source: LLAMA_CPP_PPL_README,
    note: 'Wikitext-2, RTX 4090, against FP16 logits (FP16 PPL 6.233). imatrix from Wikitext. PPL 6.46.',
  },
  {
    quant: 'Q4_0',
    model: 'llama-3-8b',
    meanKld: 0.0719,
    pplDeltaPct: 7.49,
    source: LLAMA_CPP_PPL_README,
    note: 'Wikitext-2, RTX 4090, against FP16 logits (FP16 PPL 6.233). No imatrix. PPL 6.7.',
  },
  {
    quant: 'Q3_K_M',
    model: 'llama-3-8b',
    meanKld: 0.0844,
    pplDeltaPct: 8.04,
    source: LLAMA_CPP_PPL_README,
    note: 'Wikitext-2, RTX 4090, against FP16 logits (FP16 PPL 6.233). imatrix from Wikitext. PPL 6.734.',
  },
  {
    quant: 'IQ3_XXS',
    model: 'llama-3-8b',
    meanKld: 0.184,
    pplDeltaPct: 19.65,
    source: LLAMA_CPP_PPL_README,
    note: 'Wikitext-2, RTX 4090, against FP16 logits (FP16 PPL 6.233). imatrix from Wikitext. PPL 7.458.',
  },
  {
    quant: 'IQ2_M',
    model: 'llama-3-8b',
    meanKld: 0.326,
    pplDeltaPct: 37.99,
    source: LLAMA_CPP_PPL_README,
    note: 'Wikitext-2, RTX 4090, against FP16 logits (FP16 PPL 6.233). imatrix from Wikitext. PPL 8.601.',
  },
  {
    quant: 'Q2_K',
    model: 'llama-3-8b',
    meanKld: 0.445,
    pplDeltaPct: 56.46,
    sameTopTokenPct: 71.1,
    source: LLAMA_CPP_PPL_README,
    note: 'Wikitext-2, RTX 4090, against FP16 logits (FP16 PPL 6.233). No imatrix. PPL 9.752.',
  },
  {
    quant: 'IQ2_XXS',
    model: 'llama-3-8b',
    meanKld: 0.812,
    pplDeltaPct: 126.05,
    source: LLAMA_CPP_PPL_README,
    note: 'Wikitext-2, RTX 4090, against FP16 logits (FP16 PPL 6.233). imatrix from Wikitext. PPL 14.09.',
  },
  {
    quant: 'Q6_K',
    model: 'Llama 2 70B',
    pplDeltaPct: 0.16,
    source: LLAMA_CPP_PPL_README,
    note: 'Older llama.cpp scoreboard in the same README: perplexity change against FP16 on Llama 2 70B. A different model family from the Llama 3 8B rows; not a controlled comparison.',
  },
  {
    quant: 'Q5_K_M',
    model: 'Llama 2 70B',
    pplDeltaPct: 0.4,
    source: LLAMA_CPP_PPL_README,
    note: 'Older llama.cpp scoreboard in the same README: perplexity change against FP16 on Llama 2 70B. A different model family from the Llama 3 8B rows; not a controlled comparison.',
  },
  {
    quant: 'Q4_K_M',
    model: 'Llama 2 70B',
    pplDeltaPct: 1.2,
    source: LLAMA_CPP_PPL_README,
    note: 'Older llama.cpp scoreboard in the same README: perplexity change against FP16 on Llama 2 70B. A different model family from the Llama 3 8B rows; not a controlled comparison.',
  },
  {
    quant: 'Q3_K_M',
    model: 'Llama 2 70B',
    pplDeltaPct: 4.72,
    source: LLAMA_CPP_PPL_README,
    note: 'Older llama.cpp scoreboard in the same README: perplexity change against FP16 on Llama 2 70B. A different model family from the Llama 3 8B rows; not a controlled comparison.',
  },
  {
    quant: 'Q2_K',
    model: 'Llama 2 70B',
    pplDeltaPct: 8.82,
    source: LLAMA_CPP_PPL_README,
    note: 'Older llama.cpp scoreboard in the same README: perplexity change against FP16 on Llama 2 70B. A different model family from the Llama 3 8B rows; not a controlled comparison.',
  },
  {
    quant: 'Q4_K_M',
    model: 'llama-2-7b',
    meanKld: 0.0127,
    sameTopTokenPct: 94.7,
    source: LLAMA_CPP_PPL_README,
    note: 'Same README: Llama 2 7B loses less than Llama 3 8B at Q4_K_M (KLD 0.0127 vs 0.0313).',
  },
];
