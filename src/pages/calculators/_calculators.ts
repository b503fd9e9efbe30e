/**
 * The calculator pages: slug, title, one-line description and the guide that explains the numbers.
 * Used by the index page and the page wrapper (files starting with _ are not routes).
 */
export interface CalculatorPage { slug: string; title: string; description: string; question: string; guide: string; guideTitle: string }

export const calculators: CalculatorPage[] = [
  { slug: 'will-it-fit', title: 'Will it fit?', question: 'Does this model, at this format and context, fit my GPUs or Mac?',
    description: 'Memory of weights, KV cache and overhead against your GPUs or Mac, with the verdict, headroom, largest context and best format that fits.',
    guide: 'where-vram-goes', guideTitle: 'Where VRAM goes' },
  { slug: 'how-fast', title: 'How fast?', question: 'How many tokens per second, and how long does one agent step take?',
    description: 'Decode and prefill tokens per second with ranges, time to first token, the time of an agent step, and what a second GPU or a quantized KV cache changes.',
    guide: 'speed', guideTitle: 'Speed' },
  { slug: 'rig-builder', title: 'Rig builder', question: 'What is the best model this rig runs at 20 tokens per second or more?',
    description: 'Every catalogued model by weight format on up to three rigs side by side, coloured by fit, with decode speed; sortable and filterable.',
    guide: 'budget-builds', guideTitle: 'Budget builds' },
  { slug: 'quantization-explorer', title: 'Quantization explorer', question: 'Which weight format should I run this model at?',
    description: 'For one model, every weight format’s size, expected speed on your hardware and the measured quality loss, with the knee where quality falls faster than size.',
    guide: 'quantization', guideTitle: 'Quantization' },
  { slug: 'context-planner', title: 'Context planner', question: 'How much context can I afford, and does quantizing the KV cache help?',
    description: 'KV cache and total memory against context length with f16, q8_0 and q4_0 caches, and where each stops fitting on your hardware.',
    guide: 'where-vram-goes', guideTitle: 'Where VRAM goes' },
  { slug: 'local-or-api', title: 'Local or API?', question: 'Is running it myself cheaper than paying per token?',
    description: 'Hardware price, lifetime, power and electricity against catalogued API prices: cost per million tokens and per month, and the break-even volume.',
    guide: 'local-vs-api', guideTitle: 'Local vs API' },
  { slug: 'hardware-tiers', title: 'Hardware tiers', question: 'What does each tier of hardware run, how fast, and for how much?',
    description: 'Lightweight, mid-range, frontier-open and ultra-frontier tiers computed live from the catalog: representative hardware, what it runs and what it costs.',
    guide: 'hardware-tiers', guideTitle: 'Hardware tiers' },
];

/** The page entry for a slug (throws at build time on a typo, so a broken page never ships). */
export function calculatorPage(slug: string): CalculatorPage {
  const c = calculators.find((x) => x.slug === slug);
  if (!c) throw new Error(`Unknown calculator slug: ${slug}`);
  return c;
}
