/**
 * Builds the calibration set (weights.json, kv-cache.json, decode.json, prefill.json, fits.json)
 * from tables transcribed by hand from the sources below. Each table here is a literal copy of
 * the numbers its permalink shows (line anchors counted on the stored copy read on 2026-11-29);
 * this script only expands them into one row per measurement with the run's settings and assigns
 * the fixed fit/test split. Run: `npx node data/measurements/generate.ts` (rewrites the JSON).
 *
 * Split rule (fixed, documented in README.md): rows are grouped by (source, hardware, model,
 * quant) so that every depth/length of one run lands on the same side; a group is in the test
 * part when FNV-1a(groupKey + SALT) is odd. Nothing is fitted on the test part.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SALT = 'rigbook-2026-11-29';
const GIB = 2 ** 30;

type Split = 'fit' | 'test';
type Kind = 'weights' | 'kv-cache' | 'decode' | 'prefill' | 'fit';

interface Source { url: string; date: string; what: string }
interface Settings {
  // (fields documented in src/lib/calibration/types.ts)
  model: string; modelLabel: string; quant: string; recipe?: string;
  engine: 'llama.cpp' | 'vllm' | 'transformers' | 'mlx' | 'sglang' | 'ollama'; engineVersion: string;
  backend: string | null; hardware: string | null; hardwareLabel: string | null; devices: number;
  memoryGb?: number; gpuMemoryFraction?: number; splitMode: string; ngl: number | null; context: number | null;
  prompt: number; output: number; depth: number; flashAttention: boolean | null; ubatch: number | null;
  kvCache: string; test?: string; includesPrefill?: boolean; countsPrompt?: boolean;
}
interface Row {
  id: string; kind: Kind; split: Split; group: string; source: Source; settings: Settings;
  measured: { value: number | string; unit: string; reported: string; precisionPct?: number };
  scored: boolean; notes?: string | undefined;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}
const splitOf = (group: string): Split => (fnv1a(group + SALT) % 2 === 1 ? 'test' : 'fit');

const rows: Row[] = [];
const ids = new Set<string>();
function add(r: Omit<Row, 'split'> & { split?: Split }): void {
  if (ids.has(r.id)) throw new Error(`duplicate id ${r.id}`);
  ids.add(r.id);
  // Weights and KV rows fit nothing (both are computed from the architecture with no tuned
  // parameter), so all of them are test rows.
  const structural = r.kind === 'weights' || r.kind === 'kv-cache';
  rows.push({ ...r, split: r.split ?? (structural ? 'test' : splitOf(r.group)) });
}

// ---------------------------------------------------------------- sources
const XD_COMMIT = '00dd2bdeb2404263f22bd6c1cd46ce397e341db5';
const xd = (line: number | string) =>
  `https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference/blob/${XD_COMMIT}/README.md#L${line}`;
const SPARK_COMMIT = '4c7e9893c4ca8eec35d032726d14b74fae76cff8';
const spark = (line: number) => `https://github.com/ggml-org/llama.cpp/blob/${SPARK_COMMIT}/benches/dgx-spark.md#L${line}`;
const PPL_COMMIT = '73f6cfa30454317a3aa13e482beb4e5fff3deaa6';
const ppl = (line: number) => `https://github.com/crusaderky/llama.cpp/blob/${PPL_COMMIT}/tools/perplexity/README.md#L${line}`;

const LLAMA_BENCH_MAY24 = 'llama.cpp master of May 2024 (build not printed in the README; CUDA 12.1.1 on RunPod / Metal)';

// ---------------------------------------------------------------- XiongjieDai: LLaMA 3, llama-bench, May 2024
// [line, hardware spec, label, devices, model, quant, tg512, tg1024, tg4096, tg8192, pp512, pp1024, pp4096, pp8192, memoryGb?]
type XdRow = [number, string, string, number, string, string, ...(number | null)[]];
const L3 = 'llama-3-8b', L70 = 'llama-3-70b';
const xdNvidia: XdRow[] = [
  [217, 'rtx-3070', '3070 8GB', 1, L3, 'Q4_K_M', 72.79, 70.94, 67.01, 61.64, 2402.51, 2283.62, 1826.59, 1419.97],
  [218, 'rtx-3080', '3080 10GB', 1, L3, 'Q4_K_M', 109.57, 106.40, 98.67, 89.90, 3728.86, 3557.02, 2852.06, 2232.21],
  [219, 'rtx-3080-ti', '3080 Ti 12GB', 1, L3, 'Q4_K_M', 110.60, 106.71, 98.34, 88.63, 3690.30, 3556.67, 2947.11, 2381.52],
  [220, 'rtx-4070-ti', '4070 Ti 12GB', 1, L3, 'Q4_K_M', 83.50, 82.21, 78.59, 73.46, 3936.29, 3653.07, 2729.71, 2019.71],
  [221, 'rtx-4080', '4080 16GB', 1, L3, 'Q4_K_M', 108.15, 106.22, 100.44, 93.71, 5389.74, 5064.99, 3790.96, 2882.03],
  [222, 'rtx-4080', '4080 16GB', 1, L3, 'F16', 40.58, 40.29, 39.44, null, 7246.97, 6758.90, 4720.22, null],
  [223, 'rtx-3090', '3090 24GB', 1, L3, 'Q4_K_M', 115.42, 111.74, 97.31, 87.49, 4030.40, 3865.39, 3169.91, 2527.40],
  [224, 'rtx-3090', '3090 24GB', 1, L3, 'F16', 47.40, 46.51, 44.79, 42.62, 4444.65, 4239.64, 3410.47, 2667.14],
  [225, 'rtx-4090', '4090 24GB', 1, L3, 'Q4_K_M', 130.58, 127.74, 119.44, 110.66, 7138.99, 6898.71, 5265.68, 4039.68],
  [226, 'rtx-4090', '4090 24GB', 1, L3, 'F16', 54.84, 54.34, 52.63, 50.88, 9382.00, 9056.26, 6531.36, 4744.18],
  [227, '2xrtx-3090', '3090 24GB * 2', 2, L3, 'Q4_K_M', 111.67, 108.07, 99.60, 90.77, 3336.37, 4004.14, 4013.34, 3433.59],
  [228, '2xrtx-3090', '3090 24GB * 2', 2, L3, 'F16', 47.72, 47.15, 45.56, 43.61, 4122.66, 4690.50, 4788.60, 3851.37],
  [229, '2xrtx-3090', '3090 24GB * 2', 2, L70, 'Q4_K_M', 16.57, 16.29, 15.36, 14.34, 357.32, 393.89, 379.52, 338.82],
  [230, '2xrtx-4090', '4090 24GB * 2', 2, L3, 'Q4_K_M', 124.65, 122.56, 114.32, 106.18, 7003.51, 8545.00, 8422.04, 6895.68],
  [231, '2xrtx-4090', '4090 24GB * 2', 2, L3, 'F16', 53.64, 53.27, 51.64, 49.83, 9177.92, 11094.51, 10329.29, 8067.29],
  [232, '2xrtx-4090', '4090 24GB * 2', 2, L70, 'Q4_K_M', 19.22, 19.06, 18.54, 17.92, 839.43, 905.38, 846.38, 723.24],
  [233, '4xrtx-3090', '3090 24GB * 4', 4, L3, 'Q4_K_M', 108.66, 104.94, 97.09, 88.35, 3742.66, 4653.93, 5826.91, 4913.40],
  [234, '4xrtx-3090', '3090 24GB * 4', 4, L3, 'F16', 47.07, 46.40, 44.76, 42.81, 4608.40, 5713.41, 6596.17, 5361.52],
  [235, '4xrtx-3090', '3090 24GB * 4', 4, L70, 'Q4_K_M', 17.07, 16.89, 16.24, 15.39, 300.79, 350.06, 367.75, 331.37],
  [236, '4xrtx-4090', '4090 24GB * 4', 4, L3, 'Q4_K_M', 120.32, 117.61, 110.52, 103.13, 6748.96, 9609.29, 12491.10, 10993.75],
  [237, '4xrtx-4090', '4090 24GB * 4', 4, L3, 'F16', 53.10, 52.69, 51.00, 49.21, 8750.57, 12304.19, 15143.84, 12919.74],
  [238, '4xrtx-4090', '4090 24GB * 4', 4, L70, 'Q4_K_M', 19.80, 18.83, 18.35, 17.66, 834.74, 898.17, 839.97, 718.01],
  [239, '6xrtx-3090', '3090 24GB * 6', 6, L3, 'Q4_K_M', 104.17, 101.07, 94.06, 85.93, 3359.99, 5153.05, 7690.65, 7084.44],
  [240, '6xrtx-3090', '3090 24GB * 6', 6, L3, 'F16', 46.23, 45.55, 43.99, 42.15, 3875.97, 5952.55, 9437.91, 8780.49],
  [241, '6xrtx-3090', '3090 24GB * 6', 6, L70, 'Q4_K_M', 17.09, 16.93, 16.32, 15.45, 456.95, 739.40, 786.79, 695.44],
  [242, '6xrtx-3090', '3090 24GB * 6', 6, L70, 'F16', 5.85, 5.82, 5.76, 5.53, 579.00, 927.23, 998.79, 813.99],
  [243, '8xrtx-4090', '4090 24GB * 8', 8, L3, 'Q4_K_M', 118.09, 116.13, 108.37, 100.95, 6172.06, 9706.82, 15089.45, 13802.08],
  [244, '8xrtx-4090', '4090 24GB * 8', 8, L3, 'F16', 52.51, 52.12, 50.39, 48.72, 7889.26, 11818.92, 16462.18, 14300.98],
  [245, '8xrtx-4090', '4090 24GB * 8', 8, L70, 'Q4_K_M', 18.94, 18.76, 18.23, 17.57, 812.95, 1336.26, 1488.36, 1320.36],
  [246, '8xrtx-4090', '4090 24GB * 8', 8, L70, 'F16', 6.47, 6.45, 6.39, 6.31, 1183.87, 1890.48, 2311.43, 1995.85],
];
// Apple rows carry the installed memory (last element).
const xdApple: XdRow[] = [
  [253, 'm1-7c', 'M1 7-Core GPU 8GB', 1, L3, 'Q4_K_M', 10.20, 9.72, 11.77, null, 94.48, 87.26, 96.53, null, 8],
  [254, 'm1-max-32c', 'M1 Max 32-Core GPU 64GB', 1, L3, 'Q4_K_M', 35.73, 34.49, 31.18, 26.84, 408.23, 355.45, 329.84, 302.92, 64],
  [255, 'm1-max-32c', 'M1 Max 32-Core GPU 64GB', 1, L3, 'F16', 18.75, 18.43, 16.33, 15.03, 517.34, 418.77, 374.09, 351.46, 64],
  [256, 'm1-max-32c', 'M1 Max 32-Core GPU 64GB', 1, L70, 'Q4_K_M', 4.34, 4.09, 4.09, 3.71, 34.96, 33.01, 32.64, 30.97, 64],
  [257, 'm2-ultra-76c', 'M2 Ultra 76-Core GPU 192GB', 1, L3, 'Q4_K_M', 78.81, 76.28, 64.58, 54.13, 994.04, 1023.89, 979.47, 913.55, 192],
  [258, 'm2-ultra-76c', 'M2 Ultra 76-Core GPU 192GB', 1, L3, 'F16', 36.90, 36.25, 33.67, 30.68, 1175.40, 1202.74, 1194.21, 1103.44, 192],
  [259, 'm2-ultra-76c', 'M2 Ultra 76-Core GPU 192GB', 1, L70, 'Q4_K_M', 12.48, 12.13, 10.75, 9.34, 118.79, 117.76, 109.53, 108.57, 192],
  [260, 'm2-ultra-76c', 'M2 Ultra 76-Core GPU 192GB', 1, L70, 'F16', 4.76, 4.71, 4.48, 4.23, 147.58, 145.82, 133.75, 135.15, 192],
  [261, 'm3-max-40c', 'M3 Max 40-Core GPU 64GB', 1, L3, 'Q4_K_M', 48.97, 50.74, 44.21, 36.12, 693.32, 678.04, 573.09, 505.32, 64],
  [262, 'm3-max-40c', 'M3 Max 40-Core GPU 64GB', 1, L3, 'F16', 22.04, 22.39, 20.72, 18.74, 769.84, 751.49, 609.97, 515.15, 64],
  [263, 'm3-max-40c', 'M3 Max 40-Core GPU 64GB', 1, L70, 'Q4_K_M', 7.65, 7.53, 6.58, 5.60, 70.19, 62.88, 64.90, 61.96, 64],
];
const LENS = [512, 1024, 4096, 8192];
for (const [table, backend] of [[xdNvidia, 'cuda'], [xdApple, 'metal']] as const) {
  for (const r of table) {
    const [line, hw, label, devices, model, quant, ...vals] = r;
    const memoryGb = backend === 'metal' ? (vals[8] as number) : undefined;
    const group = `xd3|${hw}|${model}|${quant}`;
    const base = {
      model, modelLabel: `${model === L3 ? '8B' : '70B'} ${quant} (Meta Llama 3)`, quant, recipe: 'llama.cpp-default',
      engine: 'llama.cpp' as const, engineVersion: LLAMA_BENCH_MAY24, backend, hardware: hw, hardwareLabel: label, devices,
      ...(memoryGb ? { memoryGb } : {}),
      splitMode: devices > 1 ? 'layer' : 'none', ngl: 99, flashAttention: false, ubatch: 512, kvCache: 'f16',
    };
    const source = { url: xd(line), date: '2024-05', what: 'XiongjieDai GPU-Benchmarks-on-LLM-Inference README, LLaMA 3 llama-bench table (snapshots May 2024)' };
    for (let i = 0; i < 4; i++) {
      const n = LENS[i]!;
      const tg = vals[i], pp = vals[4 + i];
      const kindDec = devices > 1 ? 'decode' : 'decode';
      if (tg != null) add({ id: `xd3-${hw}-${model}-${quant}-tg${n}`, kind: kindDec, group, source,
        settings: { ...base, context: n, prompt: 0, output: n, depth: 0, test: `tg${n}` },
        measured: { value: tg, unit: 'tokens/s', reported: `${tg}` }, scored: true });
      if (pp != null) add({ id: `xd3-${hw}-${model}-${quant}-pp${n}`, kind: 'prefill', group, source,
        settings: { ...base, context: n, prompt: n, output: 0, depth: 0, test: `pp${n}` },
        measured: { value: pp, unit: 'tokens/s', reported: `${pp}` }, scored: true });
      // Fits: a value means the run loaded at context n; OOM means it did not.
      if (i === 3 || tg == null) {
        const fits = tg != null;
        add({ id: `xd3-fit-${hw}-${model}-${quant}-c${n}`, kind: 'fit', group, source,
          settings: { ...base, context: n, prompt: 0, output: n, depth: 0, test: `tg${n}` },
          measured: { value: fits ? 'fits' : 'no-fit', unit: 'verdict', reported: fits ? `${tg} t/s` : 'OOM' }, scored: true });
        if (!fits && i > 0 && vals[i - 1] != null) {
          const m = LENS[i - 1]!;
          add({ id: `xd3-fit-${hw}-${model}-${quant}-c${m}`, kind: 'fit', group, source,
            settings: { ...base, context: m, prompt: 0, output: m, depth: 0, test: `tg${m}` },
            measured: { value: 'fits', unit: 'verdict', reported: `${vals[i - 1]} t/s` }, scored: true });
        }
      }
    }
  }
}

// ---------------------------------------------------------------- XiongjieDai: LLaMA 2 overview (llama.cpp `main`, Dec 2023)
// [line, hw, label, memoryGb|null, q4_0 eval t/s, f16 eval t/s | 'CPU' | null]
const LLAMA2_MAIN = 'llama.cpp `main` of Dec 2023 (Aug 2023 for M1 Max), -ngl 10000 -c 0 -n 1024';
const xdL2: [number, string, string, number | null, number, number | null, string][] = [
  [15, 'rtx-4080', '4080 16GB', null, 118.01, 44.2, '2023-12'],
  [16, 'rtx-4000-ada', 'RTX 4000 Ada 20GB', null, 64.53, 22.96, '2023-12'],
  [17, 'rtx-3090', '3090 24GB', null, 120.6, 51.85, '2023-12'],
  [18, 'rtx-4090', '4090 24GB', null, 149.37, 60.78, '2023-12'],
  [19, 'rtx-5000-ada', 'RTX 5000 Ada 32GB', null, 99.19, 36.31, '2023-12'],
  [23, 'rtx-a6000', 'RTX A6000 48GB', null, 111.57, 44.01, '2023-12'],
  [24, 'rtx-6000-ada', 'RTX 6000 Ada 48GB', null, 127.45, 50.56, '2023-12'],
  [28, 'a100-80gb-sxm', 'A100 80GB', null, 136.24, 73.83, '2023-12'],
  [29, 'h100-pcie', 'H100 PCIe 80GB', null, 133.77, 83.32, '2023-12'],
  [33, 'm1-max-24c', 'M1 Max 24-Core GPU 32GB', 32, 48.65, 13.83, '2023-08'],
  [34, 'm2-ultra-76c', 'M2 Ultra 76-Core GPU 192GB', 192, 91.89, 40.68, '2023-12'],
  [35, 'm3-10c', 'M3 10-Core GPU 16GB', 16, 20.79, null, '2023-12'],
  [36, 'm3-max-40c', 'M3 Max 40-Core GPU 48GB', 48, 63.11, 24.76, '2023-12'],
];
for (const [line, hw, label, mem, q4, f16, date] of xdL2) {
  const backend = mem ? 'metal' : 'cuda';
  for (const [quant, v] of [['Q4_0', q4], ['F16', f16]] as const) {
    const group = `xd2|${hw}|llama-2-7b|${quant}`;
    const base = {
      model: 'llama-2-7b', modelLabel: `LLaMA 2 7B ${quant.toLowerCase()}`, quant, recipe: 'llama.cpp-default',
      engine: 'llama.cpp' as const, engineVersion: LLAMA2_MAIN, backend, hardware: hw, hardwareLabel: label, devices: 1,
      ...(mem ? { memoryGb: mem } : {}), splitMode: 'none', ngl: 10000, flashAttention: false, ubatch: 512, kvCache: 'f16',
    };
    const source = { url: xd(line), date, what: 'XiongjieDai README overview: average eval speed on LLaMA 2 (llama.cpp main)' };
    const notes = hw === 'a100-80gb-sxm' ? 'The README says "A100 80GB" without the form factor; SXM assumed (RunPod).' : undefined;
    if (v != null) {
      add({ id: `xd2-${hw}-${quant}-eval`, kind: 'decode', group, source,
        settings: { ...base, context: 4096, prompt: 0, output: 1024, depth: 0, test: 'main -n 1024 eval' },
        measured: { value: v, unit: 'tokens/s', reported: `${v}` }, scored: true,
        notes: [notes, 'Generation after a ~300-token Shakespeare prompt, averaged over up to 1024 tokens; modelled as tg1024 at depth 0.'].filter(Boolean).join(' ') });
    }
    // -c 0 on Llama 2 = 4096-token context. A number means it loaded on the GPU; the README marks
    // the M3 16GB F16 run "(CPU)": the GPU run did not fit.
    add({ id: `xd2-fit-${hw}-${quant}`, kind: 'fit', group, source,
      settings: { ...base, context: 4096, prompt: 0, output: 1024, depth: 0, test: 'main -c 0' },
      measured: { value: v != null ? 'fits' : 'no-fit', unit: 'verdict', reported: v != null ? `${v} t/s` : '3.61 t/s on CPU only (GPU did not fit)' },
      scored: true, notes });
  }
}


// ---------------------------------------------------------------- XiongjieDai LLaMA 3 notebooks (raw llama-bench output, May 2024)
// Professional GPUs, one and four devices: `llama-bench -p 512,1024,4096,8192 -n 512,1024,4096,8192` (defaults: ngl 99,
// n_batch 2048, n_ubatch 512, no flash attention, f16 KV, layer split). Each notebook prints its build.
const NB_COMMIT = '7d5af5243b33c4fbea06cfaa962aa7fdee031af6';
const nbUrl = (nb: string) => `https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference/blob/${NB_COMMIT}/LLaMA%203/Professional%20GPUs/${nb}.ipynb`;
// [notebook, hardware spec, devices, model, quant, build, pp512..pp8192, tg512..tg8192]
const nbRows: [string, string, number, string, string, string, number[], number[]][] = [
  ['A40_v3', 'a40', 1, 'llama-3-8b', 'Q4_K_M', 'd46dbc76 (2833)', [3324.98, 3240.95, 2586.50, 2013.34], [91.27, 88.95, 83.10, 76.45]],
  ['A40_v3', 'a40', 1, 'llama-3-8b', 'F16', 'd46dbc76 (2833)', [4203.75, 4043.05, 3069.98, 2295.02], [34.26, 33.95, 33.06, 31.93]],
  ['A40_v3', 'a40', 1, 'llama-3-70b', 'Q4_K_M', 'd46dbc76 (2833)', [209.38, 239.92, 268.89, 291.13], [11.60, 12.08, 11.68, 11.26]],
  ['4000_Ada_v3', 'rtx-4000-ada', 1, 'llama-3-8b', 'Q4_K_M', '4426e298 (2824)', [2451.93, 2310.53, 1798.01, 1337.15], [59.15, 58.59, 55.94, 52.39]],
  ['4000_Ada_v3', 'rtx-4000-ada', 1, 'llama-3-8b', 'F16', '4426e298 (2824)', [3121.67, 2951.87, 2200.58, 1557.00], [20.92, 20.85, 20.50, 20.01]],
  ['4000_Ada_4_v3', '4xrtx-4000-ada', 4, 'llama-3-8b', 'Q4_K_M', '4426e298 (2824)', [2413.07, 3369.24, 4404.45, 3733.15], [56.64, 56.14, 53.58, 50.19]],
  ['4000_Ada_4_v3', '4xrtx-4000-ada', 4, 'llama-3-8b', 'F16', '4426e298 (2824)', [3220.21, 4366.64, 5366.39, 4323.70], [20.65, 20.58, 20.24, 19.74]],
  ['4000_Ada_4_v3', '4xrtx-4000-ada', 4, 'llama-3-70b', 'Q4_K_M', '4426e298 (2824)', [282.28, 306.44, 290.70, 243.45], [7.36, 7.33, 7.12, 6.84]],
  ['5000_Ada_v3', 'rtx-5000-ada', 1, 'llama-3-8b', 'Q4_K_M', '4426e298 (2824)', [4761.12, 4467.46, 3272.94, 2422.33], [91.39, 89.87, 85.01, 80.00]],
  ['5000_Ada_v3', 'rtx-5000-ada', 1, 'llama-3-8b', 'F16', '4426e298 (2824)', [6160.57, 5835.41, 4008.30, 2808.89], [32.84, 32.67, 32.04, 31.27]],
  ['5000_Ada_4_v3', '4xrtx-5000-ada', 4, 'llama-3-8b', 'Q4_K_M', '4426e298 (2824)', [4671.34, 6530.78, 8004.94, 6790.82], [84.07, 82.73, 78.45, 74.11]],
  ['5000_Ada_4_v3', '4xrtx-5000-ada', 4, 'llama-3-8b', 'F16', '4426e298 (2824)', [2427.96, 2877.66, 3836.89, 5235.00], [32.10, 31.94, 31.32, 30.58]],
  ['5000_Ada_4_v3', '4xrtx-5000-ada', 4, 'llama-3-70b', 'Q4_K_M', '4426e298 (2824)', [502.37, 541.54, 504.23, 424.29], [11.51, 11.45, 11.24, 10.94]],
  ['6000_Ada_v3', 'rtx-6000-ada', 1, 'llama-3-8b', 'Q4_K_M', 'd46dbc76 (2833)', [5791.74, 5560.94, 4495.19, 3542.57], [133.44, 130.99, 120.74, 111.57]],
  ['6000_Ada_v3', 'rtx-6000-ada', 1, 'llama-3-8b', 'F16', 'd46dbc76 (2833)', [6663.13, 6205.44, 4969.46, 3915.81], [52.32, 51.97, 50.21, 48.79]],
  ['6000_Ada_v3', 'rtx-6000-ada', 1, 'llama-3-70b', 'Q4_K_M', 'd46dbc76 (2833)', [565.98, 547.03, 481.59, 419.76], [18.52, 18.36, 17.80, 16.97]],
  ['6000_Ada_4_v3', '4xrtx-6000-ada', 4, 'llama-3-8b', 'Q4_K_M', 'd46dbc76 (2833)', [6640.86, 9679.55, 11734.85, 10278.14], [121.21, 118.99, 110.65, 103.18]],
  ['6000_Ada_4_v3', '4xrtx-6000-ada', 4, 'llama-3-8b', 'F16', 'd46dbc76 (2833)', [8953.30, 12637.94, 13971.34, 11702.36], [50.61, 50.25, 48.69, 47.18]],
  ['6000_Ada_4_v3', '4xrtx-6000-ada', 4, 'llama-3-70b', 'Q4_K_M', 'd46dbc76 (2833)', [656.61, 714.93, 697.10, 612.54], [18.13, 17.96, 17.49, 16.89]],
  ['6000_Ada_4_v3', '4xrtx-6000-ada', 4, 'llama-3-70b', 'F16', 'd46dbc76 (2833)', [864.12, 1270.39, 1363.75, 1182.28], [6.08, 6.06, 6.01, 5.94]],
  ['A100_PCIe_v3', 'a100-80gb-pcie', 1, 'llama-3-8b', 'Q4_K_M', '8c570c94 (2836)', [5981.04, 5800.48, 4959.84, 4083.37], [140.62, 138.31, 127.22, 117.60]],
  ['A100_PCIe_v3', 'a100-80gb-pcie', 1, 'llama-3-8b', 'F16', '8c570c94 (2836)', [7741.34, 7504.24, 6137.54, 4849.11], [54.84, 54.56, 53.02, 51.24]],
  ['A100_PCIe_v3', 'a100-80gb-pcie', 1, 'llama-3-70b', 'Q4_K_M', '8c570c94 (2836)', [744.12, 726.65, 653.20, 573.95], [22.31, 22.11, 20.93, 19.53]],
  ['A100_PCIe_4_v3', '4xa100-80gb-pcie', 4, 'llama-3-8b', 'Q4_K_M', '8c570c94 (2836)', [6076.58, 8889.35, 12724.54, 11803.39], [119.28, 117.30, 110.75, 103.87]],
  ['A100_PCIe_4_v3', '4xa100-80gb-pcie', 4, 'llama-3-8b', 'F16', '8c570c94 (2836)', [8088.79, 11670.74, 16025.11, 14269.17], [51.63, 51.54, 50.20, 48.73]],
  ['A100_PCIe_4_v3', '4xa100-80gb-pcie', 4, 'llama-3-70b', 'Q4_K_M', '8c570c94 (2836)', [771.28, 978.06, 1138.60, 1043.15], [22.91, 22.68, 21.41, 19.96]],
  ['A100_PCIe_4_v3', '4xa100-80gb-pcie', 4, 'llama-3-70b', 'F16', '8c570c94 (2836)', [1172.14, 1733.41, 1846.36, 1592.37], [7.40, 7.38, 7.23, 7.06]],
  ['A100_SXM_v3', 'a100-80gb-sxm', 1, 'llama-3-8b', 'Q4_K_M', 'd11afd66 (2837)', [5947.64, 5863.92, 5121.60, 4137.08], [135.04, 133.38, 125.09, 115.92]],
  ['A100_SXM_v3', 'a100-80gb-sxm', 1, 'llama-3-8b', 'F16', 'd11afd66 (2837)', [603.76, 681.47, 866.13, 1323.07], [53.49, 53.18, 52.03, 50.52]],
  ['A100_SXM_v3', 'a100-80gb-sxm', 1, 'llama-3-70b', 'Q4_K_M', 'd11afd66 (2837)', [817.58, 796.81, 714.07, 625.66], [24.61, 24.33, 22.91, 21.32]],
  ['A100_SXM_4_v3', '4xa100-80gb-sxm', 4, 'llama-3-8b', 'Q4_K_M', 'd11afd66 (2837)', [4850.88, 7782.25, 12242.53, 11535.66], [99.73, 97.70, 92.09, 86.27]],
  ['A100_SXM_4_v3', '4xa100-80gb-sxm', 4, 'llama-3-8b', 'F16', 'd11afd66 (2837)', [626.75, 674.11, 1003.37, 1612.05], [45.53, 45.45, 44.33, 43.09]],
  ['A100_SXM_4_v3', '4xa100-80gb-sxm', 4, 'llama-3-70b', 'Q4_K_M', 'd11afd66 (2837)', [468.86, 539.08, 712.08, 802.23], [19.87, 19.60, 18.48, 17.19]],
  ['A100_SXM_4_v3', '4xa100-80gb-sxm', 4, 'llama-3-70b', 'F16', 'd11afd66 (2837)', [1233.31, 1834.16, 1972.48, 1699.56], [6.95, 6.92, 6.77, 6.58]],
  ['H100_PCIe_v3', 'h100-pcie', 1, 'llama-3-8b', 'Q4_K_M', 'e8496488 (2843)', [8125.45, 7760.16, 6423.31, 5185.03], [145.55, 144.49, 136.06, 126.83]],
  ['H100_PCIe_v3', 'h100-pcie', 1, 'llama-3-8b', 'F16', 'e8496488 (2843)', [10815.51, 10342.63, 8106.53, 6191.45], [68.03, 67.79, 65.97, 63.55]],
  ['H100_PCIe_v3', 'h100-pcie', 1, 'llama-3-70b', 'Q4_K_M', 'e8496488 (2843)', [1012.73, 984.06, 863.37, 741.52], [25.03, 25.01, 23.82, 22.39]],
  ['H100_PCIe_4_v3', '4xh100-pcie', 4, 'llama-3-8b', 'Q4_K_M', 'e8496488 (2843)', [8054.58, 11560.23, 16128.27, 14682.97], [123.08, 118.14, 113.12, 110.34]],
  ['H100_PCIe_4_v3', '4xh100-pcie', 4, 'llama-3-8b', 'F16', 'e8496488 (2843)', [11107.40, 15612.81, 20561.03, 17762.96], [64.00, 62.90, 61.45, 59.72]],
  ['H100_PCIe_4_v3', '4xh100-pcie', 4, 'llama-3-70b', 'Q4_K_M', 'e8496488 (2843)', [1048.29, 1133.23, 1088.99, 950.92], [26.40, 26.20, 24.60, 23.68]],
  ['H100_PCIe_4_v3', '4xh100-pcie', 4, 'llama-3-70b', 'F16', 'e8496488 (2843)', [1681.45, 2420.10, 2437.53, 2031.77], [9.67, 9.63, 9.46, 9.23]],
  ['A40_4_v3', '4xa40', 4, 'llama-3-8b', 'Q4_K_M', 'd46dbc76 (2833)', [3321.27, 4841.98, 6442.38, 5742.84], [85.91, 83.79, 78.56, 72.70]],
  ['A40_4_v3', '4xa40', 4, 'llama-3-8b', 'F16', 'd46dbc76 (2833)', [4144.88, 5931.06, 7544.92, 6516.60], [33.60, 33.28, 32.42, 31.38]],
  ['A40_4_v3', '4xa40', 4, 'llama-3-70b', 'Q4_K_M', 'd46dbc76 (2833)', [236.86, 263.36, 300.57, 312.31], [11.99, 11.91, 11.60, 11.17]],
  ['A40_4_v3', '4xa40', 4, 'llama-3-70b', 'F16', 'd46dbc76 (2833)', [610.51, 900.79, 893.28, 735.16], [3.99, 3.98, 3.95, 3.90]],
  ['A6000_v3', 'rtx-a6000', 1, 'llama-3-8b', 'Q4_K_M', '4426e298 (2824)', [3780.55, 3621.81, 2917.23, 2292.61], [105.39, 102.22, 94.82, 86.73]],
  ['A6000_v3', 'rtx-a6000', 1, 'llama-3-8b', 'F16', '4426e298 (2824)', [4511.02, 4315.18, 3365.79, 2566.46], [40.71, 40.25, 39.14, 37.73]],
  ['A6000_v3', 'rtx-a6000', 1, 'llama-3-70b', 'Q4_K_M', '4426e298 (2824)', [482.19, 466.82, 404.61, 340.73], [14.71, 14.58, 14.09, 13.42]],
  ['A6000_4_v3', '4xrtx-a6000', 4, 'llama-3-8b', 'Q4_K_M', '4426e298 (2824)', [3712.99, 5340.10, 7126.45, 6438.82], [96.48, 93.73, 87.72, 80.88]],
  ['A6000_4_v3', '4xrtx-a6000', 4, 'llama-3-8b', 'F16', '4426e298 (2824)', [4508.60, 6448.85, 8327.16, 7298.18], [39.34, 38.87, 37.81, 36.51]],
  ['A6000_4_v3', '4xrtx-a6000', 4, 'llama-3-70b', 'Q4_K_M', '4426e298 (2824)', [496.08, 539.20, 511.22, 434.31], [14.44, 14.32, 13.91, 13.32]],
  ['A6000_4_v3', '4xrtx-a6000', 4, 'llama-3-70b', 'F16', '4426e298 (2824)', [510.31, 792.23, 751.37, 748.06], [4.76, 4.74, 4.70, 4.63]],
  ['L40S_v3', 'l40s', 1, 'llama-3-8b', 'Q4_K_M', 'befddd0f (2834)', [6035.24, 5908.52, 4335.18, 3192.70], [115.55, 113.60, 105.50, 97.98]],
  ['L40S_v3', 'l40s', 1, 'llama-3-8b', 'F16', 'befddd0f (2834)', [2253.93, 2491.65, 2887.70, 3312.16], [43.69, 43.42, 42.22, 41.05]],
  ['L40S_v3', 'l40s', 1, 'llama-3-70b', 'Q4_K_M', 'befddd0f (2834)', [673.63, 649.08, 542.29, 446.48], [15.46, 15.31, 14.92, 14.45]],
  ['L40S_4_v3', '4xl40s', 4, 'llama-3-8b', 'Q4_K_M', 'befddd0f (2834)', [6125.69, 9008.27, 10566.97, 9017.90], [107.53, 105.72, 98.59, 92.20]],
  ['L40S_4_v3', '4xl40s', 4, 'llama-3-8b', 'F16', 'befddd0f (2834)', [2211.45, 2541.61, 3093.33, 4336.81], [42.70, 42.48, 41.33, 40.19]],
  ['L40S_4_v3', '4xl40s', 4, 'llama-3-70b', 'Q4_K_M', 'befddd0f (2834)', [591.05, 634.05, 605.66, 541.67], [15.12, 14.99, 14.63, 14.17]],
  ['L40S_4_v3', '4xl40s', 4, 'llama-3-70b', 'F16', 'befddd0f (2834)', [1042.13, 1478.83, 1427.77, 1150.63], [5.05, 5.03, 4.99, 4.94]],
];
const NB_ANOMALY = new Set(['A100_SXM_v3|F16', 'A100_SXM_4_v3|F16', 'L40S_v3|F16', 'L40S_4_v3|F16', '5000_Ada_4_v3|F16']);
for (const [nb, hw, devices, model, quant, build, pps, tgs] of nbRows) {
  const group = `xdnb|${hw}|${model}|${quant}`;
  const source = { url: nbUrl(nb), date: '2024-05', what: `XiongjieDai notebook "LLaMA 3/Professional GPUs/${nb}.ipynb", llama-bench output cell "${model === 'llama-3-8b' ? '8B' : '70B'} ${quant}"` };
  const base = {
    model, modelLabel: `Meta Llama 3 ${model === 'llama-3-8b' ? '8B' : '70B'} ${quant}`, quant, recipe: 'llama.cpp-default',
    engine: 'llama.cpp' as const, engineVersion: `llama.cpp build ${build}`, backend: 'cuda', hardware: hw, hardwareLabel: nb.replace('_v3', ''),
    devices, splitMode: devices > 1 ? 'layer' : 'none', ngl: 99, flashAttention: false, ubatch: 512, kvCache: 'f16',
  };
  const anomaly = NB_ANOMALY.has(`${nb}|${quant}`) && model === 'llama-3-8b'
    ? 'F16 prefill on this machine rises with prompt length and sits far below the same card\'s Q4_K_M prefill (high run-to-run spread in the source): the F16 GEMM path misbehaved in this build/host.'
    : undefined;
  LENS.forEach((n, i) => {
    add({ id: `xdnb-${hw}-${model}-${quant}-pp${n}`, kind: 'prefill', group, source,
      settings: { ...base, context: n, prompt: n, output: 0, depth: 0, test: `pp ${n}` },
      measured: { value: pps[i]!, unit: 'tokens/s', reported: `${pps[i]}` }, scored: !anomaly,
      notes: anomaly ? `${anomaly} Kept as published, not scored or fitted.` : undefined });
    add({ id: `xdnb-${hw}-${model}-${quant}-tg${n}`, kind: 'decode', group, source,
      settings: { ...base, context: n, prompt: 0, output: n, depth: 0, test: `tg ${n}` },
      measured: { value: tgs[i]!, unit: 'tokens/s', reported: `${tgs[i]}` }, scored: true });
  });
  add({ id: `xdnb-fit-${hw}-${model}-${quant}-c8192`, kind: 'fit', group, source,
    settings: { ...base, context: 8192, prompt: 0, output: 8192, depth: 0, test: 'tg 8192' },
    measured: { value: 'fits', unit: 'verdict', reported: `${tgs[3]} t/s` }, scored: true });
}

// ---------------------------------------------------------------- llama.cpp benches/dgx-spark.md (build 2f68ce7cf (6918), 2025-11-02)
const SPARK_VER = 'llama.cpp build 2f68ce7cf (6918), CUDA 13.0';
const sparkModels: [string, string, string, string, number, number, number[], number[], string][] = [
  // id, label, quant, recipe, sizeGiB, paramsB, pp2048@d[0,4k,8k,16k,32k], tg32@d[...], hf repo
  ['gpt-oss-20b', 'gpt-oss 20B MXFP4 MoE', 'MXFP4', 'ggml-org (MXFP4 experts as released)', 11.27, 20.91,
    [3782.76, 3030.29, 2852.09, 2470.31, 1899.37], [84.10, 77.36, 74.00, 68.85, 59.85], 'ggml-org/gpt-oss-20b-GGUF'],
  ['gpt-oss-120b', 'gpt-oss 120B MXFP4 MoE', 'MXFP4', 'ggml-org (MXFP4 experts as released)', 59.02, 116.83,
    [1937.54, 1653.89, 1580.60, 1411.42, 1155.40], [59.02, 53.95, 51.85, 48.03, 41.35], 'ggml-org/gpt-oss-120b-GGUF'],
  ['qwen3-coder-30b-a3b', 'qwen3moe 30B.A3B Q8_0', 'Q8_0', 'llama.cpp-default', 30.25, 30.53,
    [3175.62, 2704.06, 2381.88, 1900.91, 1292.19], [60.92, 53.52, 48.58, 40.81, 30.80], 'ggml-org/Qwen3-Coder-30B-A3B-Instruct-Q8_0-GGUF'],
  ['qwen2.5-coder-7b', 'qwen2 7B Q8_0', 'Q8_0', 'llama.cpp-default', 7.54, 7.62,
    [2276.28, 2090.96, 1913.47, 1643.88, 1283.36], [29.30, 28.27, 27.42, 25.93, 22.70], 'ggml-org/Qwen2.5-Coder-7B-Q8_0-GGUF'],
  ['gemma-3-4b', 'gemma3 4B Q4_0 (QAT)', 'Q4_0', 'unusual: Google QAT Q4_0 checkpoint', 2.35, 3.88,
    [5713.05, 5165.17, 4885.85, 4417.88, 3667.74], [78.97, 68.94, 67.81, 64.35, 58.38], 'ggml-org/gemma-3-4b-it-qat-GGUF'],
];
const DEPTHS = [0, 4096, 8192, 16384, 32768];
sparkModels.forEach(([model, label, quant, recipe, size, , pps, tgs, repo], k) => {
  const group = `spark|dgx-spark|${model}|${quant}`;
  const base = {
    model, modelLabel: `${label} (${repo})`, quant, recipe, engine: 'llama.cpp' as const, engineVersion: SPARK_VER,
    backend: 'cuda', hardware: 'dgx-spark', hardwareLabel: 'NVIDIA GB10 (DGX Spark), 128 GB', devices: 1, memoryGb: 128,
    splitMode: 'none', ngl: 99, flashAttention: true, ubatch: 2048, kvCache: 'f16',
  };
  const what = 'llama.cpp benches/dgx-spark.md, llama-bench table';
  DEPTHS.forEach((d, i) => {
    const ppLine = 62 + 50 * k + 2 * i, tgLine = ppLine + 1;
    add({ id: `spark-${model}-pp2048-d${d}`, kind: 'prefill', group, source: { url: spark(ppLine), date: '2025-11-02', what },
      settings: { ...base, context: d + 2048, prompt: 2048, output: 0, depth: d, test: d ? `pp2048 @ d${d}` : 'pp2048' },
      measured: { value: pps[i]!, unit: 'tokens/s', reported: `${pps[i]}` }, scored: true });
    add({ id: `spark-${model}-tg32-d${d}`, kind: 'decode', group, source: { url: spark(tgLine), date: '2025-11-02', what },
      settings: { ...base, context: d + 32, prompt: 0, output: 32, depth: d, test: d ? `tg32 @ d${d}` : 'tg32' },
      measured: { value: tgs[i]!, unit: 'tokens/s', reported: `${tgs[i]}` }, scored: true });
  });
  add({ id: `spark-fit-${model}-c34816`, kind: 'fit', group, source: { url: spark(71 + 50 * k), date: '2025-11-02', what },
    settings: { ...base, context: 32768 + 2048, prompt: 2048, output: 32, depth: 32768, test: 'pp2048 @ d32768' },
    measured: { value: 'fits', unit: 'verdict', reported: `ran (${tgs[4]} t/s at d32768)` }, scored: true });
  add({ id: `spark-w-${model}-${quant}`, kind: 'weights', group: `spark|w|${model}|${quant}`, source: { url: spark(62 + 50 * k), date: '2025-11-02', what },
    settings: { ...base, context: null, prompt: 0, output: 0, depth: 0 },
    measured: { value: Math.round(size * GIB), unit: 'bytes', reported: `${size} GiB`, precisionPct: (0.005 / size) * 100 },
    scored: !recipe.startsWith('unusual'), notes: recipe.startsWith('unusual') ? 'Unusual recipe: kept apart, not scored with the llama.cpp-default rows.' : undefined });
});


// ---------------------------------------------------------------- kyuz0/amd-strix-halo-toolboxes: llama-bench logs on Ryzen AI Max+ 395
// HP Z2 Mini G1a, 128 GB, 512 MB BIOS carve-out and GTT raised by kernel parameters (README "Host Configuration"),
// so nearly all memory is GPU-addressable: modelled with gpuMemoryFraction 0.95. llama-bench defaults (pp512, tg128),
// mmap 0, ngl 99/999. The month is inferred from the llama.cpp build number printed in each log.
const KY = (commit: string, file: string) => `https://github.com/kyuz0/amd-strix-halo-toolboxes/blob/${commit}/benchmark/results/${file}`;
const kyRows: [string, string, string, string, string, string, number, number, string, number, string][] = [
  // commit, file, backend, model, quant, label, pp512, tg128, build, sizeGiB, month
  ['8972ef01ff7998aa217649d4689aa7fc1cf4bbd4', 'llama3.3-70.6B-Q4_K_M__vulkan_radv.log', 'vulkan', 'llama-3.3-70b', 'Q4_K_M', 'llama 70B Q4_K - Medium', 78.99, 5.00, 'cd6983d5 (6119)', 39.59, '2025-08'],
  ['8972ef01ff7998aa217649d4689aa7fc1cf4bbd4', 'llama3.3-70.6B-Q4_K_M__rocm6_4_2.log', 'rocm', 'llama-3.3-70b', 'Q4_K_M', 'llama 70B Q4_K - Medium', 33.79, 4.52, 'cd6983d5 (6119)', 39.59, '2025-08'],
  ['006aaa64e166f656a21ce115f010e8f4fb93f8a8', 'Qwen3-30B-A3B-BF16-00001-of-00002__vulkan_radv.log', 'vulkan', 'qwen3-30b-a3b', 'BF16', 'qwen3moe 30B.A3B BF16', 150.84, 8.24, 'f1fbffb5 (6486)', 56.89, '2025-09'],
  ['62e5080102f65faef53d9875103cbbc017a3e16e', 'Qwen3-30B-A3B-BF16-00001-of-00002__rocm6_4_2.log', 'rocm', 'qwen3-30b-a3b', 'BF16', 'qwen3moe 30B.A3B BF16', 157.81, 24.61, 'de219279 (6181)', 56.89, '2025-08'],
  ['8972ef01ff7998aa217649d4689aa7fc1cf4bbd4', 'Qwen3-Coder-30B-A3B-Instruct-BF16-00001-of-00002__rocm6_4_2.log', 'rocm', 'qwen3-coder-30b-a3b', 'BF16', 'qwen3moe 30B.A3B BF16', 150.34, 24.14, 'cd6983d5 (6119)', 56.89, '2025-08'],
  ['006aaa64e166f656a21ce115f010e8f4fb93f8a8', 'gemma-3-27b-it-BF16-00001-of-00002__vulkan_radv.log', 'vulkan', 'gemma-3-27b', 'BF16', 'gemma3 27B BF16', 134.52, 3.92, 'f1fbffb5 (6486)', 50.31, '2025-09'],
  ['62e5080102f65faef53d9875103cbbc017a3e16e', 'gemma-3-27b-it-BF16-00001-of-00002__rocm6_4_2.log', 'rocm', 'gemma-3-27b', 'BF16', 'gemma3 27B BF16', 82.57, 4.09, 'de219279 (6181)', 50.31, '2025-08'],
  ['006aaa64e166f656a21ce115f010e8f4fb93f8a8', 'Llama-4-Scout-17B-16E-Instruct-Q8_0-00001-of-00003__vulkan_radv.log', 'vulkan', 'llama-4-scout', 'Q8_0', 'llama4 17Bx16E (Scout) Q8_0', 244.52, 12.57, 'f1fbffb5 (6486)', 106.65, '2025-09'],
  ['006aaa64e166f656a21ce115f010e8f4fb93f8a8', 'Llama-4-Scout-17B-16E-Instruct-Q6_K-00001-of-00002__vulkan_radv.log', 'vulkan', 'llama-4-scout', 'Q6_K', 'llama4 17Bx16E (Scout) Q6_K', 201.49, 15.77, 'f1fbffb5 (6486)', 82.35, '2025-09'],
];
for (const [commit, file, backend, model, quant, label, pp, tg, build, size, month] of kyRows) {
  const group = `kyuz0|ryzen-ai-max-395|${model}|${quant}|${backend}`;
  const source = { url: KY(commit, file), date: month, what: `kyuz0/amd-strix-halo-toolboxes benchmark/results/${file} (llama-bench, ${backend === 'rocm' ? 'ROCm 6.4.2' : 'Vulkan RADV'})` };
  const base = { model, modelLabel: label, quant, recipe: 'llama.cpp-default (unsloth / community GGUF, non-UD)', engine: 'llama.cpp' as const,
    engineVersion: `llama.cpp build ${build} (${backend === 'rocm' ? 'ROCm 6.4.2' : 'Vulkan, Mesa RADV'})`, backend, hardware: 'ryzen-ai-max-395',
    hardwareLabel: 'AMD Ryzen AI Max+ 395 (Radeon 8060S), 128 GB, HP Z2 Mini G1a', devices: 1, memoryGb: 128, gpuMemoryFraction: 0.95,
    splitMode: 'none', ngl: 999, flashAttention: null, ubatch: 512, kvCache: 'f16' };
  const notes = backend === 'vulkan' && quant === 'BF16' ? 'RADV reports bf16: 0, so BF16 weights take a slow conversion path in Vulkan (3x slower decode than ROCm on the same machine).' : undefined;
  add({ id: `ky-${model}-${quant}-${backend}-pp512`, kind: 'prefill', group, source, settings: { ...base, context: 512, prompt: 512, output: 0, depth: 0, test: 'pp512' },
    measured: { value: pp, unit: 'tokens/s', reported: `${pp}` }, scored: true, notes });
  add({ id: `ky-${model}-${quant}-${backend}-tg128`, kind: 'decode', group, source, settings: { ...base, context: 128, prompt: 0, output: 128, depth: 0, test: 'tg128' },
    measured: { value: tg, unit: 'tokens/s', reported: `${tg}` }, scored: true, notes });
  if (backend === 'vulkan' || model.startsWith('qwen3-coder')) {
    add({ id: `ky-w-${model}-${quant}`, kind: 'weights', group: `kyuz0|w|${model}|${quant}`, source, settings: { ...base, context: null, prompt: 0, output: 0, depth: 0 },
      measured: { value: Math.round(size * GIB), unit: 'bytes', reported: `${size} GiB`, precisionPct: (0.005 / size) * 100 }, scored: true,
      notes: 'llama-bench size column: language-model tensors only.' });
  }
  if (size > 60) add({ id: `ky-fit-${model}-${quant}-${backend}`, kind: 'fit', group, source,
    settings: { ...base, context: 512, prompt: 512, output: 0, depth: 0, test: 'pp512' },
    measured: { value: 'fits', unit: 'verdict', reported: `ran (${tg} t/s)` }, scored: true });
}

// ---------------------------------------------------------------- weights: llama.cpp perplexity README, LLaMA 3 8B scoreboard (revision f364eb6f)
const pplRows: [number, string, number][] = [
  [61, 'F16', 14.97], [62, 'Q8_0', 7.96], [63, 'Q6_K', 6.14], [64, 'Q5_K_M', 5.33], [65, 'Q5_K_S', 5.21], [66, 'Q5_1', 5.65],
  [67, 'Q5_0', 5.21], [69, 'Q4_K_M', 4.58], [73, 'Q4_K_S', 4.37], [71, 'IQ4_NL', 4.35], [72, 'IQ4_XS', 4.14], [74, 'Q4_1', 4.78],
  [75, 'Q4_0', 4.34], [78, 'Q3_K_L', 4.03], [79, 'Q3_K_M', 3.74], [80, 'IQ3_M', 3.53], [83, 'IQ3_XXS', 3.05], [85, 'Q3_K_S', 3.41],
  [86, 'IQ2_M', 2.74], [98, 'Q2_K', 2.96], [99, 'IQ2_XS', 2.43], [100, 'IQ2_XXS', 2.24], [101, 'IQ1_M', 2.01], [102, 'IQ1_S', 1.88],
];
const W_BASE = { engine: 'llama.cpp' as const, backend: null, hardware: null, hardwareLabel: null, devices: 0, splitMode: 'none',
  ngl: null, context: null, prompt: 0, output: 0, depth: 0, flashAttention: null, ubatch: null, kvCache: 'f16' };
for (const [line, quant, gib] of pplRows) {
  add({ id: `ppl-w-llama-3-8b-${quant}`, kind: 'weights', group: `ppl|w|llama-3-8b|${quant}`,
    source: { url: ppl(line), date: '2024-05', what: 'llama.cpp tools/perplexity/README.md "LLaMA 3 8b Scoreboard" (upstream text, read in a fork at a commit), model size column' },
    settings: { ...W_BASE, model: 'llama-3-8b', modelLabel: `Meta Llama 3 8B ${quant}`, quant, recipe: 'llama.cpp-default', engineVersion: 'llama.cpp revision f364eb6f' },
    measured: { value: Math.round(gib * GIB), unit: 'bytes', reported: `${gib} GiB`, precisionPct: (0.005 / gib) * 100 }, scored: true });
}

// ---------------------------------------------------------------- weights: Llama 3 70B sizes (dranger003, quoted in XiongjieDai README lines 181-204)
const d70: [number, string, number][] = [
  [181, 'IQ1_S', 14.29], [182, 'IQ1_M', 15.60], [183, 'IQ2_XXS', 17.79], [184, 'IQ2_XS', 19.69], [187, 'IQ2_M', 22.46],
  [188, 'Q2_K', 24.56], [189, 'IQ3_XXS', 25.58], [191, 'Q3_K_S', 28.79], [193, 'IQ3_M', 29.74], [194, 'Q3_K_M', 31.91],
  [195, 'Q3_K_L', 34.59], [196, 'IQ4_XS', 35.30], [197, 'IQ4_NL', 37.30], [198, 'Q4_K_S', 37.58], [199, 'Q4_K_M', 39.60],
  [200, 'Q5_K_S', 45.32], [201, 'Q5_K_M', 46.52], [202, 'Q6_K', 53.91], [203, 'Q8_0', 69.83], [204, 'F16', 131.43],
];
for (const [line, quant, gib] of d70) {
  add({ id: `xd-w-llama-3-70b-${quant}`, kind: 'weights', group: `xdw|w|llama-3-70b|${quant}`,
    source: { url: xd(line), date: '2024-05', what: 'XiongjieDai README, "Perplexity table on LLaMA 3 70B" (credit dranger003, llama.cpp PR #6745 comment), Size (GiB) column' },
    settings: { ...W_BASE, model: 'llama-3-70b', modelLabel: `Meta Llama 3 70B ${quant}`, quant, recipe: 'llama.cpp-default (imatrix)', engineVersion: 'llama.cpp of May 2024' },
    measured: { value: Math.round(gib * GIB), unit: 'bytes', reported: `${gib} GiB`, precisionPct: (0.005 / gib) * 100 }, scored: true });
}

// ---------------------------------------------------------------- PR threads (issue-corpus permalinks: the PR page; comment author and date given)
const PR4766 = 'https://github.com/ggml-org/llama.cpp/pull/4766';
const PR3084 = 'https://github.com/ggml-org/llama.cpp/pull/3084';
const PR4406 = 'https://github.com/ggml-org/llama.cpp/pull/4406';
// LLaMA 7B (v1 / CodeLlama 7B share Llama 2 7B's architecture: 32 layers, 4096, MHA, 11008, vocab 32000(+16)).
const l7w: [string, number, string, string, string][] = [
  ['F16', 12.55, PR4766, '2024-01-10', 'ggerganov comment 2024-01-10 (RTX 4090, codellama-7b)'],
  ['Q8_0', 6.67, PR4766, '2024-01-10', 'ggerganov comment 2024-01-10 (RTX 4090, codellama-7b)'],
  ['Q4_0', 3.56, PR4766, '2024-01-10', 'ggerganov comment 2024-01-10 (RTX 4090, codellama-7b)'],
  ['Q4_1', 3.95, PR3084, '2023-09-09', 'ggerganov comment 2023-09-09 (M2 Ultra, LLaMA 7B)'],
  ['Q6_K', 5.15, PR3084, '2023-09-09', 'ggerganov comment 2023-09-09 (M2 Ultra, LLaMA 7B)'],
  ['Q5_K_M', 4.45, PR3084, '2023-09-09', 'ggerganov comment 2023-09-09 (M2 Ultra, LLaMA 7B)'],
  ['Q5_K_S', 4.33, PR3084, '2023-09-09', 'ggerganov comment 2023-09-09 (M2 Ultra, LLaMA 7B)'],
  ['Q4_K_M', 3.80, PR3084, '2023-09-09', 'ggerganov comment 2023-09-09 (M2 Ultra, LLaMA 7B)'],
  ['Q4_K_S', 3.59, PR3084, '2023-09-09', 'ggerganov comment 2023-09-09 (M2 Ultra, LLaMA 7B)'],
];
for (const [quant, gib, url, date, what] of l7w) {
  add({ id: `pr-w-llama-2-7b-${quant}`, kind: 'weights', group: `pr|w|llama-2-7b|${quant}`,
    source: { url, date, what: `llama-bench size column, ${what}` },
    settings: { ...W_BASE, model: 'llama-2-7b', modelLabel: `llama 7B ${quant}`, quant, recipe: 'llama.cpp-default', engineVersion: url === PR4766 ? 'llama.cpp of Jan 2024' : 'llama.cpp of Sep 2023' },
    measured: { value: Math.round(gib * GIB), unit: 'bytes', reported: `${gib} GiB`, precisionPct: (0.005 / gib) * 100 }, scored: true,
    notes: 'Same architecture as Llama 2 7B (LLaMA 1 7B / CodeLlama 7B file); mapped to llama-2-7b.' });
}
// RTX 4090 speeds, PR #4766 (llama-bench defaults: pp512, tg128, ngl 99).
const pr4766: [string, number, number | null][] = [['F16', 11048.22, 61.03], ['Q8_0', 7664.00, 98.13], ['Q4_0', 7979.85, null]];
for (const [quant, pp, tg] of pr4766) {
  const group = `pr4766|rtx-4090|llama-2-7b|${quant}`;
  const base = { model: 'llama-2-7b', modelLabel: `llama 7B ${quant} (codellama-7b)`, quant, recipe: 'llama.cpp-default',
    engine: 'llama.cpp' as const, engineVersion: 'llama.cpp master of 2024-01-10 (PR #4766 branch)', backend: 'cuda', hardware: 'rtx-4090',
    hardwareLabel: 'NVIDIA GeForce RTX 4090', devices: 1, splitMode: 'none', ngl: 99, flashAttention: false, ubatch: 512, kvCache: 'f16' };
  const source = { url: PR4766, date: '2024-01-10', what: 'llama.cpp PR #4766, ggerganov comment 2024-01-10, llama-bench table' };
  add({ id: `pr4766-${quant}-pp512`, kind: 'prefill', group, source, settings: { ...base, context: 512, prompt: 512, output: 0, depth: 0, test: 'pp 512' },
    measured: { value: pp, unit: 'tokens/s', reported: `${pp}` }, scored: true });
  if (tg != null) add({ id: `pr4766-${quant}-tg128`, kind: 'decode', group, source, settings: { ...base, context: 128, prompt: 0, output: 128, depth: 0, test: 'tg 128' },
    measured: { value: tg, unit: 'tokens/s', reported: `${tg}` }, scored: true });
}
// M2 Ultra pp512 (PR column), PR #3084.
const pr3084: [string, number][] = [['F16', 1265.30], ['Q8_0', 1142.84], ['Q4_0', 1164.00], ['Q4_1', 1161.63], ['Q6_K', 977.56],
  ['Q5_K_M', 976.31], ['Q5_K_S', 977.60], ['Q4_K_M', 1028.20]];
for (const [quant, pp] of pr3084) {
  add({ id: `pr3084-${quant}-pp512`, kind: 'prefill', group: `pr3084|m2-ultra-76c|llama-2-7b|${quant}`,
    source: { url: PR3084, date: '2023-09-09', what: 'llama.cpp PR #3084 "Metal: PP speedup", ggerganov comment 2023-09-09, PR t/s column' },
    settings: { model: 'llama-2-7b', modelLabel: `LLaMA 7B mostly ${quant}`, quant, recipe: 'llama.cpp-default', engine: 'llama.cpp',
      engineVersion: 'llama.cpp PR #3084 branch (Sep 2023)', backend: 'metal', hardware: 'm2-ultra-76c', hardwareLabel: 'M2 Ultra (76-core GPU)', devices: 1, memoryGb: 192,
      splitMode: 'none', ngl: 99, context: 512, prompt: 512, output: 0, depth: 0, flashAttention: false, ubatch: 512, kvCache: 'f16', test: 'pp 512' },
    measured: { value: pp, unit: 'tokens/s', reported: `${pp}` }, scored: true });
}
// Mixtral 8x7B on M2 Max 38c 96GB, PR #4406 (build 9fb13f9, 1631). Sizes of the k-quant mixes at the time
// equal the legacy types' (early Mixtral recipe), so those are kept apart.
const mix: [string, number, number, number, boolean][] = [
  ['Q4_0', 24.62, 89.41, 36.66, true], ['Q5_0', 30.02, 44.15, 28.43, true], ['Q6_K', 35.74, 40.27, 25.44, true], ['Q8_0', 46.22, 67.48, 22.87, true],
  ['Q2_K', 14.57, 75.22, 39.89, false], ['Q3_K_M', 18.96, 41.19, 28.35, false], ['Q4_K_M', 24.62, 67.72, 34.72, false], ['Q5_K_M', 30.02, 42.19, 26.06, false],
];
for (const [quant, gib, pp, tg, usual] of mix) {
  const group = `pr4406|m2-max-38c|mixtral-8x7b|${quant}`;
  const source = { url: PR4406, date: '2023-12-16', what: 'llama.cpp PR #4406 "add Mixtral support", brozkrut comment 2023-12-16 (M2 Max Studio 38-core GPU, 96 GB), table' };
  const base = { model: 'mixtral-8x7b', modelLabel: `Mixtral 8x7B Instruct ${quant}`, quant, recipe: usual ? 'llama.cpp-default' : 'unusual: Dec 2023 Mixtral k-quant mix (sizes equal the legacy types)',
    engine: 'llama.cpp' as const, engineVersion: 'llama.cpp build 9fb13f9 (1631)', backend: 'metal', hardware: 'm2-max-38c', hardwareLabel: 'M2 Max Studio, 38-core GPU, 96 GB',
    devices: 1, memoryGb: 96, splitMode: 'none', ngl: 99, flashAttention: false, ubatch: 512, kvCache: 'f16' };
  add({ id: `pr4406-w-${quant}`, kind: 'weights', group: `pr4406|w|mixtral-8x7b|${quant}`, source, settings: { ...base, context: null, prompt: 0, output: 0, depth: 0 },
    measured: { value: Math.round(gib * GIB), unit: 'bytes', reported: `${gib} GiB`, precisionPct: (0.005 / gib) * 100 }, scored: usual,
    notes: usual ? undefined : 'Unusual recipe: kept apart, not scored.' });
  if (usual) {
    // The PR's own description: its expert matmul "is efficient for BS=1, but not so much for BS>1", each
    // token of a batch evaluated on its own. The engine models batched expert GEMMs, so prefill is kept apart.
    add({ id: `pr4406-${quant}-pp512`, kind: 'prefill', group, source, settings: { ...base, context: 512, prompt: 512, output: 0, depth: 0, test: 'pp 512' },
      measured: { value: pp, unit: 'tokens/s', reported: `${pp}` }, scored: false,
      notes: 'Kept apart: Mixtral support day one, whose expert matmul evaluated each token of a batch on its own (the PR description: "efficient for BS=1, but not so much for BS>1"); the engine models batched expert GEMMs.' });
    add({ id: `pr4406-${quant}-tg128`, kind: 'decode', group, source, settings: { ...base, context: 128, prompt: 0, output: 128, depth: 0, test: 'tg 128' },
      measured: { value: tg, unit: 'tokens/s', reported: `${tg}` }, scored: true });
  }
}
// RTX 3080 + Llama 3.1 8B Q4_K_M, dmatora/LLM-inference-speed-benchmarks issue #12 (build 93bc3839 (3622)).
{
  const source = { url: 'https://github.com/dmatora/LLM-inference-speed-benchmarks/issues/12', date: '2024-08-26', what: 'issue #12 description by ariya (llama-bench, build 93bc3839 (3622))' };
  const base = { model: 'llama-3.1-8b', modelLabel: 'Llama 3.1 8B Q4_K_M', quant: 'Q4_K_M', recipe: 'llama.cpp-default', engine: 'llama.cpp' as const,
    engineVersion: 'llama.cpp build 93bc3839 (3622)', backend: 'cuda', hardware: 'rtx-3080', hardwareLabel: 'NVIDIA RTX 3080', devices: 1,
    splitMode: 'none', ngl: 99, flashAttention: false, ubatch: 512, kvCache: 'f16' };
  const group = 'dmatora12|rtx-3080|llama-3.1-8b|Q4_K_M';
  add({ id: 'dmatora12-pp512', kind: 'prefill', group, source, settings: { ...base, context: 512, prompt: 512, output: 0, depth: 0, test: 'pp512 (llama-bench default)' },
    measured: { value: 3806.89, unit: 'tokens/s', reported: '3806.89 ± 15.44' }, scored: true });
  add({ id: 'dmatora12-tg128', kind: 'decode', group, source, settings: { ...base, context: 128, prompt: 0, output: 128, depth: 0, test: 'tg128 (llama-bench default)' },
    measured: { value: 111.95, unit: 'tokens/s', reported: '111.95 ± 2.45' }, scored: true });
}
// gemma3 12B Q4_K_M size, llama.cpp PR #13194 (ymcki comment 2025-05-13).
add({ id: 'pr13194-w-gemma-3-12b-Q4_K_M', kind: 'weights', group: 'pr13194|w|gemma-3-12b|Q4_K_M',
  source: { url: 'https://github.com/ggml-org/llama.cpp/pull/13194', date: '2025-05-13', what: 'llama.cpp PR #13194 "kv-cache : add SWA support", ymcki comment 2025-05-13, llama-bench size column' },
  settings: { ...W_BASE, model: 'gemma-3-12b', modelLabel: 'gemma3 12B Q4_K - Medium', quant: 'Q4_K_M', recipe: 'llama.cpp-default', engineVersion: 'llama.cpp of May 2025' },
  measured: { value: Math.round(6.79 * GIB), unit: 'bytes', reported: '6.79 GiB', precisionPct: (0.005 / 6.79) * 100 }, scored: true,
  notes: 'Language-model tensors only (the vision projector is a separate file).' });
// Ollama library sizes (GB = 10^9, whole GGUF file incl. metadata), ollama README PR #9424 (review 2025-03-03).
for (const [model, label, gb] of [['llama-3.1-8b', 'Llama 3.1 8B', 4.7], ['llama-3.1-405b', 'Llama 3.1 405B', 231], ['phi-4', 'Phi 4 14B', 9.1]] as const) {
  add({ id: `ollama-w-${model}`, kind: 'weights', group: `ollama|w|${model}|Q4_K_M`,
    source: { url: 'https://github.com/ollama/ollama/pull/9424', date: '2025-03-03', what: 'ollama README model table as shown in PR #9424 (Size column, ollama default tag = Q4_K_M)' },
    settings: { ...W_BASE, model, modelLabel: `${label} (ollama default tag)`, quant: 'Q4_K_M', recipe: 'llama.cpp-default (ollama library)', engineVersion: 'ollama library, early 2025' },
    // The README does not name the quant. The Llama 3.1 sizes are those of the launch-time q4_0 default tag
    // (8B: 4.7 GB ≈ Q4_0's 4.67 GB, 405B: 231 GB ≈ Q4_0's 229.7 GB, while the Llama 3 8B Q4_K_M file in this set is 4.58 GiB = 4.92 GB), so
    // they cannot be scored as Q4_K_M; Phi 4 (added Jan 2025) matches its Q4_K_M file.
    measured: { value: gb * 1e9, unit: 'bytes', reported: `${gb}GB`, precisionPct: (0.05 / gb) * 100 + (model === 'llama-3.1-405b' ? 0.2 : 0) },
    scored: model === 'phi-4',
    notes: model === 'phi-4'
      ? 'Rounded to two or three significant figures by the source: precision about ±0.5-1%. Includes GGUF metadata (a few MB).'
      : 'Not scored: the README size is that of the launch-time q4_0 default tag (8B 4.7 GB vs 4.92 GB for Q4_K_M), not of Q4_K_M; the quant is not stated.' });
}

// ---------------------------------------------------------------- KV cache (llama.cpp load logs)
// kyuz0/amd-strix-halo-toolboxes benchmark/loadtime_results: llama-cli load logs, n_ctx 4096, 1 sequence, f16 K/V,
// flash attention on, n_ubatch 512 (all printed in each log). Sum of the "llama_kv_cache_unified: size = ..." lines
// (iSWA models print a non-SWA and a SWA cache). The KV size does not depend on the backend.
const KYLT = 'e7e27e6cf39ce809146a15743e6c87e92789c21b';
const kvRows: [string, string, string, number, string][] = [
  // file, model, label, total MiB, what the log lines say
  ['llama3.3-70.6B-Q4_K_M__vulkan_radv.log', 'llama-3.3-70b', 'Llama 3.3 70B Instruct Q4_K_M', 1280, '1280.00 MiB (4096 cells, 80 layers); compute buffer 266.50 MiB; model buffer 39979.48 MiB GPU + 563.62 MiB CPU'],
  ['Kimi-Dev-72B-UD-Q8_K_XL-00001-of-00002__vulkan_radv.log', 'qwen2.5-72b', 'Kimi-Dev-72B (Qwen2.5-72B architecture) UD-Q8_K_XL', 1280, '1280.00 MiB (4096 cells, 80 layers); compute buffer 313.00 MiB'],
  ['Qwen3-235B-A22B-Instruct-2507-UD-Q3_K_XL-00001-of-00003__vulkan_radv.log', 'qwen3-235b-a22b', 'Qwen3-235B-A22B-Instruct-2507 UD-Q3_K_XL', 752, '752.00 MiB (4096 cells, 94 layers); compute buffer 304.75 MiB'],
  ['Qwen3-30B-A3B-BF16-00001-of-00002__vulkan_radv.log', 'qwen3-30b-a3b', 'Qwen3-30B-A3B BF16', 384, '384.00 MiB (4096 cells, 48 layers); compute buffer 304.75 MiB'],
  ['gemma-3-27b-it-BF16-00001-of-00002__vulkan_radv.log', 'gemma-3-27b', 'gemma-3-27b-it BF16', 944, 'non-SWA 320.00 MiB (4096 cells, 10 layers) + SWA 624.00 MiB (1536 cells, 52 layers); compute buffer 522.62 MiB; token embedding 2688.66 MiB in host memory'],
  ['gemma-3-12b-it-UD-Q8_K_XL__vulkan_radv.log', 'gemma-3-12b', 'gemma-3-12b-it UD-Q8_K_XL', 736, 'non-SWA 256.00 MiB (4096 cells, 8 layers) + SWA 480.00 MiB (1536 cells, 40 layers); compute buffer 519.62 MiB'],
  ['Llama-4-Scout-17B-16E-Instruct-Q6_K-00001-of-00002__vulkan_radv.log', 'llama-4-scout', 'Llama-4-Scout-17B-16E-Instruct Q6_K', 768, 'non-SWA 192.00 MiB (4096 cells, 12 layers) + chunked 576.00 MiB (4096 cells, 36 layers); compute buffer 440.63 MiB'],
];
for (const [file, model, label, mib, what] of kvRows) {
  add({ id: `kylt-kv-${model}-4096`, kind: 'kv-cache', group: `kylt|kv|${model}`,
    source: { url: `https://github.com/kyuz0/amd-strix-halo-toolboxes/blob/${KYLT}/benchmark/loadtime_results/${file}`, date: '2025-07',
      what: `kyuz0/amd-strix-halo-toolboxes load-time log ${file}: ${what}` },
    settings: { model, modelLabel: label, quant: 'F16', engine: 'llama.cpp', engineVersion: 'llama.cpp build 6040 (66625a59), printed at the top of the logs of this run', backend: 'vulkan',
      hardware: 'ryzen-ai-max-395', hardwareLabel: 'AMD Ryzen AI Max+ 395 (Radeon 8060S), 128 GB', devices: 1, memoryGb: 128, gpuMemoryFraction: 0.95,
      splitMode: 'none', ngl: 99, context: 4096, prompt: 0, output: 0, depth: 0, flashAttention: true, ubatch: 512, kvCache: 'f16', test: 'llama-cli -c 4096 load' },
    measured: { value: mib * 2 ** 20, unit: 'bytes', reported: `${mib.toFixed(2)} MiB` }, scored: true,
    notes: 'Quant is recorded as F16 for the request: the KV cache size does not depend on the weight format; the file was quantized as in the label.' });
}
add({ id: 'ci-kv-jina-rerank-8192', kind: 'kv-cache', group: 'ci|kv|jina-bert-v2-tiny',
  source: { url: 'https://github.com/ggml-org/ci/blob/6c88f108f23d8a7a739278bd36ad6c6c8a510f15/llama.cpp/ec/e9745bb8079b9f4af45df29b67ad0c6e50584d/ggml-100-mac-m4/README.md',
    date: '2025-03-03', what: 'ggml-org/ci run of llama.cpp ece9745 (build 4801) on Apple M4: rerank_tiny log, "KV self size = 48.00 MiB, K (f16): 24.00 MiB, V (f16): 24.00 MiB" at n_ctx 8192' },
  settings: { model: 'raw:layers=4,hidden=384,heads=12,kvHeads=12,headDim=32,vocab=61056,intermediate=1536,params=32900000', modelLabel: 'Jina Bert v2 tiny reranker (jina-bert-v2, 4 layers, 12 KV heads x 32)',
    quant: 'F16', engine: 'llama.cpp', engineVersion: 'llama.cpp build 4801 (ece9745b)', backend: 'metal', hardware: 'm4-10c', hardwareLabel: 'Apple M4 (CI machine ggml-100-mac-m4)', devices: 1,
    splitMode: 'none', ngl: 99, context: 8192, prompt: 0, output: 0, depth: 0, flashAttention: false, ubatch: 2048, kvCache: 'f16', test: 'llama-embedding -c 0 load' },
  measured: { value: 48 * 2 ** 20, unit: 'bytes', reported: '48.00 MiB' }, scored: true,
  notes: 'An encoder model; scored through the engine\'s raw-architecture input.' });

// ================================================================ 2025-26 sources
// A llama-bench test name as printed ('pp512', 'tg128', 'pp2048 @ d32768', 'pp4096', ...) -> prompt/output/depth.
function benchTest(test: string): { kind: 'prefill' | 'decode'; n: number; depth: number } {
  const m = /^(pp|tg)\s?(\d+)(?:\s?@\s?d(\d+))?$/.exec(test.trim());
  if (!m) throw new Error(`unparsed llama-bench test ${test}`);
  return { kind: m[1] === 'pp' ? 'prefill' : 'decode', n: Number(m[2]), depth: m[3] ? Number(m[3]) : 0 };
}
type BenchBase = Omit<Settings, 'context' | 'prompt' | 'output' | 'depth' | 'test'>;
/** One row per printed llama-bench line: [line or null, test, reported t/s]. */
function addBench(idBase: string, group: string, source: (line: number | null) => Source, base: BenchBase,
  lines: [number | null, string, string][], extra: { notes?: string | undefined; unscored?: ((test: string) => string | undefined) | undefined } = {}): void {
  for (const [line, test, reported] of lines) {
    const t = benchTest(test);
    const value = Number.parseFloat(reported);
    const why = extra.unscored?.(test);
    add({ id: `${idBase}-${test.replace(/\s/g, '').replace('@', '-')}`, kind: t.kind, group, source: source(line),
      settings: { ...base, context: t.depth + t.n, prompt: t.kind === 'prefill' ? t.n : 0, output: t.kind === 'decode' ? t.n : 0, depth: t.depth, test },
      measured: { value, unit: 'tokens/s', reported }, scored: !why, notes: [extra.notes, why].filter(Boolean).join(' ') || undefined });
  }
}

// ---------------------------------------------------------------- kyuz0 toolboxes: llama-bench logs (2025-12, 2026-05)
// run_benchmarks.sh: `llama-bench -ngl 99 -mmp 0 -fa 1`, default pp512/tg128; longctx runs `-p 2048 -n 32 -d N` with
// `-ub 2048` on ROCm and `-ub 512` on Vulkan (the n_ubatch column is printed in the ROCm logs). Line = the result row.
// [file, build, model as printed, size as printed, [[line, test, t/s as printed], ...]]
type KyLog = [string, string, string, string, [number, string, string][]];
const KY_SH_COMMIT = '08aa7bc026cb730fbf70a414b0fa5ca802fb72f5'; // amd-strix-halo-toolboxes, 2026-05-18
const kyStrix: KyLog[] = [
  ['GLM-4.7-Flash-BF16-00001-of-00002__rocm-7_2_3__fa1.log', '0253fb21f (9187)', 'deepseek2 30B.A3B BF16', '55.79 GiB', [[5, 'pp512', '422.28 ± 1.78'], [6, 'tg128', '23.17 ± 0.00']]],
  ['GLM-4.7-Flash-BF16-00001-of-00002__rocm-7_2_3__fa1__longctx32768.log', '0253fb21f (9187)', 'deepseek2 30B.A3B BF16', '55.79 GiB', [[5, 'pp2048 @ d32768', '91.33 ± 0.25'], [6, 'tg32 @ d32768', '16.56 ± 0.01']]],
  ['GLM-4.7-Flash-BF16-00001-of-00002__rocm-7_2_3__fa1__longctx65536.log', '0253fb21f (9187)', 'deepseek2 30B.A3B BF16', '55.79 GiB', [[5, 'pp2048 @ d65536', '48.38 ± 0.18'], [6, 'tg32 @ d65536', '12.90 ± 0.00']]],
  ['GLM-4.7-Flash-BF16-00001-of-00002__vulkan_radv__fa1.log', '0253fb21f (9187)', 'deepseek2 30B.A3B BF16', '55.79 GiB', [[5, 'pp512', '361.24 ± 1.76'], [6, 'tg128', '9.46 ± 0.01']]],
  ['GLM-4.7-Flash-BF16-00001-of-00002__vulkan_radv__fa1__longctx32768.log', '0253fb21f (9187)', 'deepseek2 30B.A3B BF16', '55.79 GiB', [[5, 'pp2048 @ d32768', '109.96 ± 0.16'], [6, 'tg32 @ d32768', '7.96 ± 0.00']]],
  ['GLM-4.7-Flash-BF16-00001-of-00002__vulkan_radv__fa1__longctx65536.log', '0253fb21f (9187)', 'deepseek2 30B.A3B BF16', '55.79 GiB', [[5, 'pp2048 @ d65536', '65.21 ± 0.03'], [6, 'tg32 @ d65536', '6.90 ± 0.00']]],
  ['Qwen3.6-35B-A3B-BF16-00001-of-00002__rocm-7_2_3__fa1.log', '1a68ec937 (9193)', 'qwen35moe 35B.A3B BF16', '64.60 GiB', [[5, 'pp512', '525.94 ± 13.39'], [6, 'tg128', '26.01 ± 0.00']]],
  ['Qwen3.6-35B-A3B-BF16-00001-of-00002__rocm-7_2_3__fa1__longctx32768.log', '1a68ec937 (9193)', 'qwen35moe 35B.A3B BF16', '64.60 GiB', [[5, 'pp2048 @ d32768', '417.86 ± 0.42'], [6, 'tg32 @ d32768', '23.91 ± 0.01']]],
  ['Qwen3.6-35B-A3B-BF16-00001-of-00002__rocm-7_2_3__fa1__longctx65536.log', '1a68ec937 (9193)', 'qwen35moe 35B.A3B BF16', '64.60 GiB', [[5, 'pp2048 @ d65536', '322.65 ± 7.40'], [6, 'tg32 @ d65536', '22.20 ± 0.01']]],
  ['Qwen3.6-35B-A3B-BF16-00001-of-00002__vulkan_radv__fa1.log', '1a68ec937 (9193)', 'qwen35moe 35B.A3B BF16', '64.60 GiB', [[5, 'pp512', '328.40 ± 1.64'], [6, 'tg128', '10.68 ± 0.01']]],
  ['Qwen3.6-35B-A3B-BF16-00001-of-00002__vulkan_radv__fa1__longctx32768.log', '1a68ec937 (9193)', 'qwen35moe 35B.A3B BF16', '64.60 GiB', [[5, 'pp2048 @ d32768', '275.80 ± 0.89'], [6, 'tg32 @ d32768', '10.23 ± 0.00']]],
  ['Qwen3.6-35B-A3B-BF16-00001-of-00002__vulkan_radv__fa1__longctx65536.log', '1a68ec937 (9193)', 'qwen35moe 35B.A3B BF16', '64.60 GiB', [[5, 'pp2048 @ d65536', '241.42 ± 0.58'], [6, 'tg32 @ d65536', '9.94 ± 0.02']]],
  ['gemma-4-26B-A4B-it-BF16-00001-of-00002__rocm-7_2_3__fa1.log', '0253fb21f (9187)', 'gemma4 26B.A4B BF16', '47.02 GiB', [[5, 'pp512', '909.04 ± 7.54'], [6, 'tg128', '24.64 ± 0.00']]],
  ['gemma-4-26B-A4B-it-BF16-00001-of-00002__rocm-7_2_3__fa1__longctx32768.log', '0253fb21f (9187)', 'gemma4 26B.A4B BF16', '47.02 GiB', [[5, 'pp2048 @ d32768', '667.44 ± 3.68'], [6, 'tg32 @ d32768', '21.59 ± 0.01']]],
  ['gemma-4-26B-A4B-it-BF16-00001-of-00002__rocm-7_2_3__fa1__longctx65536.log', '0253fb21f (9187)', 'gemma4 26B.A4B BF16', '47.02 GiB', [[5, 'pp2048 @ d65536', '446.88 ± 2.91'], [6, 'tg32 @ d65536', '20.79 ± 0.00']]],
  ['gemma-4-26B-A4B-it-BF16-00001-of-00002__vulkan_radv__fa1.log', '0253fb21f (9187)', 'gemma4 26B.A4B BF16', '47.02 GiB', [[5, 'pp512', '587.64 ± 6.59'], [6, 'tg128', '18.60 ± 0.02']]],
  ['gemma-4-26B-A4B-it-BF16-00001-of-00002__vulkan_radv__fa1__longctx32768.log', '0253fb21f (9187)', 'gemma4 26B.A4B BF16', '47.02 GiB', [[5, 'pp2048 @ d32768', '428.06 ± 1.23'], [6, 'tg32 @ d32768', '16.99 ± 0.01']]],
  ['gemma-4-26B-A4B-it-BF16-00001-of-00002__vulkan_radv__fa1__longctx65536.log', '0253fb21f (9187)', 'gemma4 26B.A4B BF16', '47.02 GiB', [[5, 'pp2048 @ d65536', '331.82 ± 0.61'], [6, 'tg32 @ d65536', '16.12 ± 0.02']]],
  ['gemma-4-31B-it-BF16-00001-of-00002__rocm-7_2_3__fa1.log', '0253fb21f (9187)', 'gemma4 31B BF16', '57.18 GiB', [[5, 'pp512', '428.07 ± 3.61'], [6, 'tg128', '3.55 ± 0.00']]],
  ['gemma-4-31B-it-BF16-00001-of-00002__rocm-7_2_3__fa1__longctx32768.log', '0253fb21f (9187)', 'gemma4 31B BF16', '57.18 GiB', [[5, 'pp2048 @ d32768', '167.20 ± 1.91'], [6, 'tg32 @ d32768', '3.23 ± 0.00']]],
  ['gemma-4-31B-it-BF16-00001-of-00002__rocm-7_2_3__fa1__longctx65536.log', '0253fb21f (9187)', 'gemma4 31B BF16', '57.18 GiB', [[5, 'pp2048 @ d65536', '108.99 ± 0.35'], [6, 'tg32 @ d65536', '3.13 ± 0.00']]],
  ['gemma-4-31B-it-BF16-00001-of-00002__vulkan_radv__fa1.log', '0253fb21f (9187)', 'gemma4 31B BF16', '57.18 GiB', [[5, 'pp512', '135.94 ± 0.46'], [6, 'tg128', '3.50 ± 0.00']]],
  ['gemma-4-31B-it-BF16-00001-of-00002__vulkan_radv__fa1__longctx32768.log', '0253fb21f (9187)', 'gemma4 31B BF16', '57.18 GiB', [[5, 'pp2048 @ d32768', '92.40 ± 1.45'], [6, 'tg32 @ d32768', '3.25 ± 0.00']]],
  ['gemma-4-31B-it-BF16-00001-of-00002__vulkan_radv__fa1__longctx65536.log', '0253fb21f (9187)', 'gemma4 31B BF16', '57.18 GiB', [[5, 'pp2048 @ d65536', '67.88 ± 1.23'], [6, 'tg32 @ d65536', '3.08 ± 0.00']]],
  ['gpt-oss-120b-mxfp4-00001-of-00003__rocm-7_2_3__fa1.log', '0253fb21f (9187)', 'gpt-oss 120B MXFP4 MoE', '59.02 GiB', [[5, 'pp512', '625.58 ± 109.36'], [6, 'tg128', '51.81 ± 0.04']]],
  ['gpt-oss-120b-mxfp4-00001-of-00003__rocm-7_2_3__fa1__longctx32768.log', '0253fb21f (9187)', 'gpt-oss 120B MXFP4 MoE', '59.02 GiB', [[5, 'pp2048 @ d32768', '589.25 ± 0.34'], [6, 'tg32 @ d32768', '36.32 ± 0.13']]],
  ['gpt-oss-120b-mxfp4-00001-of-00003__rocm-7_2_3__fa1__longctx65536.log', '0253fb21f (9187)', 'gpt-oss 120B MXFP4 MoE', '59.02 GiB', [[5, 'pp2048 @ d65536', '371.47 ± 2.43'], [6, 'tg32 @ d65536', '26.11 ± 3.50']]],
  ['gpt-oss-120b-mxfp4-00001-of-00003__vulkan_radv__fa1.log', '0253fb21f (9187)', 'gpt-oss 120B MXFP4 MoE', '59.02 GiB', [[5, 'pp512', '719.91 ± 4.36'], [6, 'tg128', '56.61 ± 0.08']]],
  ['gpt-oss-120b-mxfp4-00001-of-00003__vulkan_radv__fa1__longctx32768.log', '0253fb21f (9187)', 'gpt-oss 120B MXFP4 MoE', '59.02 GiB', [[5, 'pp2048 @ d32768', '307.50 ± 0.37'], [6, 'tg32 @ d32768', '43.01 ± 0.04']]],
  ['gpt-oss-120b-mxfp4-00001-of-00003__vulkan_radv__fa1__longctx65536.log', '0253fb21f (9187)', 'gpt-oss 120B MXFP4 MoE', '59.02 GiB', [[5, 'pp2048 @ d65536', '145.92 ± 0.15'], [6, 'tg32 @ d65536', '34.97 ± 0.10']]],
  ['gpt-oss-20b-mxfp4__rocm-7_2_3__fa1.log', '0253fb21f (9187)', 'gpt-oss 20B MXFP4 MoE', '11.27 GiB', [[5, 'pp512', '1786.17 ± 19.42'], [6, 'tg128', '73.05 ± 0.06']]],
  ['gpt-oss-20b-mxfp4__rocm-7_2_3__fa1__longctx32768.log', '0253fb21f (9187)', 'gpt-oss 20B MXFP4 MoE', '11.27 GiB', [[5, 'pp2048 @ d32768', '1003.11 ± 2.13'], [6, 'tg32 @ d32768', '52.17 ± 0.17']]],
  ['gpt-oss-20b-mxfp4__rocm-7_2_3__fa1__longctx65536.log', '0253fb21f (9187)', 'gpt-oss 20B MXFP4 MoE', '11.27 GiB', [[5, 'pp2048 @ d65536', '601.63 ± 1.09'], [6, 'tg32 @ d65536', '40.68 ± 0.09']]],
  ['gpt-oss-20b-mxfp4__vulkan_radv__fa1.log', '0253fb21f (9187)', 'gpt-oss 20B MXFP4 MoE', '11.27 GiB', [[5, 'pp512', '1692.49 ± 16.61'], [6, 'tg128', '79.78 ± 0.23']]],
  ['gpt-oss-20b-mxfp4__vulkan_radv__fa1__longctx32768.log', '0253fb21f (9187)', 'gpt-oss 20B MXFP4 MoE', '11.27 GiB', [[5, 'pp2048 @ d32768', '555.73 ± 1.50'], [6, 'tg32 @ d32768', '61.12 ± 0.08']]],
  ['gpt-oss-20b-mxfp4__vulkan_radv__fa1__longctx65536.log', '0253fb21f (9187)', 'gpt-oss 20B MXFP4 MoE', '11.27 GiB', [[5, 'pp2048 @ d65536', '237.74 ± 1.25'], [6, 'tg32 @ d65536', '50.13 ± 0.03']]],
  ['llama-2-7b.Q4_0__rocm-7_2_3__fa1.log', '0253fb21f (9187)', 'llama 7B Q4_0', '3.56 GiB', [[5, 'pp512', '1545.36 ± 22.91'], [6, 'tg128', '50.59 ± 0.03']]],
  ['llama-2-7b.Q4_0__rocm-7_2_3__fa1__longctx32768.log', '0253fb21f (9187)', 'llama 7B Q4_0', '3.56 GiB', [[5, 'pp2048 @ d32768', '159.95 ± 1.29'], [6, 'tg32 @ d32768', '5.60 ± 0.00']]],
  ['llama-2-7b.Q4_0__rocm-7_2_3__fa1__longctx65536.log', '0253fb21f (9187)', 'llama 7B Q4_0', '3.56 GiB', [[5, 'pp2048 @ d65536', '71.44 ± 0.29'], [6, 'tg32 @ d65536', '3.00 ± 0.00']]],
  ['llama-2-7b.Q4_0__vulkan_radv__fa1.log', '0253fb21f (9187)', 'llama 7B Q4_0', '3.56 GiB', [[5, 'pp512', '1337.70 ± 0.75'], [6, 'tg128', '55.73 ± 0.04']]],
  ['llama-2-7b.Q4_0__vulkan_radv__fa1__longctx32768.log', '0253fb21f (9187)', 'llama 7B Q4_0', '3.56 GiB', [[5, 'pp2048 @ d32768', '216.79 ± 1.07'], [6, 'tg32 @ d32768', '8.47 ± 0.01']]],
  ['llama-2-7b.Q4_0__vulkan_radv__fa1__longctx65536.log', '0253fb21f (9187)', 'llama 7B Q4_0', '3.56 GiB', [[5, 'pp2048 @ d65536', '79.73 ± 0.65'], [6, 'tg32 @ d65536', '4.58 ± 0.00']]],
]
const KY_R9_COMMIT = '2e8bef127fa79fe664af0ba73e199a6ed3723696'; // amd-r9700-ai-toolboxes, 2025-12-17
const kyR9700: KyLog[] = [
  ['Qwen3-Coder-30B-A3B-Instruct-Q4_K_M__rocm7.1.1__fa1__longctx16384__single.log', '2aa45ef9e (7423)', 'qwen3moe 30B.A3B Q4_K - Medium', '17.35 GiB', [[7, 'pp2048 @ d16384', '726.33 ± 0.00'], [8, 'tg32 @ d16384', '74.52 ± 0.00']]],
  ['Qwen3-Coder-30B-A3B-Instruct-Q4_K_M__rocm7.1.1__fa1__longctx32768__single.log', '2aa45ef9e (7423)', 'qwen3moe 30B.A3B Q4_K - Medium', '17.35 GiB', [[7, 'pp2048 @ d32768', '403.22 ± 0.00'], [8, 'tg32 @ d32768', '61.65 ± 0.00']]],
  ['Qwen3-Coder-30B-A3B-Instruct-Q4_K_M__rocm7.1.1__fa1__single.log', '2aa45ef9e (7423)', 'qwen3moe 30B.A3B Q4_K - Medium', '17.35 GiB', [[7, 'pp512', '2830.34 ± 38.97'], [8, 'tg128', '99.49 ± 0.45']]],
  ['Qwen3-Coder-30B-A3B-Instruct-Q4_K_M__vulkan_radv__fa1__longctx16384__single.log', '2aa45ef9e (7423)', 'qwen3moe 30B.A3B Q4_K - Medium', '17.35 GiB', [[9, 'pp2048 @ d16384', '571.13 ± 0.00'], [10, 'tg32 @ d16384', '62.87 ± 0.00']]],
  ['Qwen3-Coder-30B-A3B-Instruct-Q4_K_M__vulkan_radv__fa1__longctx32768__single.log', '2aa45ef9e (7423)', 'qwen3moe 30B.A3B Q4_K - Medium', '17.35 GiB', [[9, 'pp2048 @ d32768', '261.76 ± 0.00'], [10, 'tg32 @ d32768', '45.50 ± 0.00']]],
  ['Qwen3-Coder-30B-A3B-Instruct-Q4_K_M__vulkan_radv__fa1__single.log', '2aa45ef9e (7423)', 'qwen3moe 30B.A3B Q4_K - Medium', '17.35 GiB', [[9, 'pp512', '1473.30 ± 4.62'], [10, 'tg128', '104.81 ± 0.10']]],
  ['gemma-3-27b-it-BF16-00001-of-00002__rocm7.1.1__fa1__dual.log', '2aa45ef9e (7423)', 'gemma3 27B BF16', '50.31 GiB', [[8, 'pp512', '1579.57 ± 9.93'], [9, 'tg128', '10.64 ± 0.00']]],
  ['gemma-3-27b-it-BF16-00001-of-00002__rocm7.1.1__fa1__longctx16384__dual.log', '2aa45ef9e (7423)', 'gemma3 27B BF16', '50.31 GiB', [[8, 'pp2048 @ d16384', '953.41 ± 0.00'], [9, 'tg32 @ d16384', '10.33 ± 0.00']]],
  ['gemma-3-27b-it-BF16-00001-of-00002__rocm7.1.1__fa1__longctx32768__dual.log', '2aa45ef9e (7423)', 'gemma3 27B BF16', '50.31 GiB', [[8, 'pp2048 @ d32768', '726.79 ± 0.00'], [9, 'tg32 @ d32768', '10.03 ± 0.00']]],
  ['gemma-3-27b-it-BF16-00001-of-00002__vulkan_radv__fa1__dual.log', '2aa45ef9e (7423)', 'gemma3 27B BF16', '50.31 GiB', [[9, 'pp512', '568.31 ± 1.44'], [10, 'tg128', '9.91 ± 0.00']]],
  ['gemma-3-27b-it-BF16-00001-of-00002__vulkan_radv__fa1__longctx16384__dual.log', '2aa45ef9e (7423)', 'gemma3 27B BF16', '50.31 GiB', [[9, 'pp2048 @ d16384', '654.31 ± 0.00'], [10, 'tg32 @ d16384', '9.48 ± 0.00']]],
  ['gemma-3-27b-it-BF16-00001-of-00002__vulkan_radv__fa1__longctx32768__dual.log', '2aa45ef9e (7423)', 'gemma3 27B BF16', '50.31 GiB', [[9, 'pp2048 @ d32768', '528.10 ± 0.00'], [10, 'tg32 @ d32768', '9.12 ± 0.00']]],
  ['gpt-oss-120b-mxfp4-00001-of-00003__rocm7.1.1__fa1__dual.log', '2aa45ef9e (7423)', 'gpt-oss 120B MXFP4 MoE', '59.02 GiB', [[8, 'pp512', '1718.30 ± 82.13'], [9, 'tg128', '92.08 ± 0.65']]],
  ['gpt-oss-120b-mxfp4-00001-of-00003__rocm7.1.1__fa1__longctx16384__dual.log', '2aa45ef9e (7423)', 'gpt-oss 120B MXFP4 MoE', '59.02 GiB', [[8, 'pp2048 @ d16384', '1044.49 ± 0.00'], [9, 'tg32 @ d16384', '79.32 ± 0.00']]],
  // gpt-oss-120b-mxfp4-00001-of-00003__rocm7.1.1__fa1__longctx32768__dual.log: no result rows (run failed)
  ['gpt-oss-120b-mxfp4-00001-of-00003__vulkan_radv__fa1__dual.log', '2aa45ef9e (7423)', 'gpt-oss 120B MXFP4 MoE', '59.02 GiB', [[9, 'pp512', '1132.62 ± 20.95'], [10, 'tg128', '91.03 ± 0.06']]],
  ['gpt-oss-120b-mxfp4-00001-of-00003__vulkan_radv__fa1__longctx16384__dual.log', '2aa45ef9e (7423)', 'gpt-oss 120B MXFP4 MoE', '59.02 GiB', [[9, 'pp2048 @ d16384', '912.87 ± 0.00'], [10, 'tg32 @ d16384', '69.26 ± 0.00']]],
  ['gpt-oss-120b-mxfp4-00001-of-00003__vulkan_radv__fa1__longctx32768__dual.log', '2aa45ef9e (7423)', 'gpt-oss 120B MXFP4 MoE', '59.02 GiB', [[9, 'pp2048 @ d32768', '571.73 ± 0.00'], [10, 'tg32 @ d32768', '8.91 ± 0.00']]],
  ['gpt-oss-20b-mxfp4__rocm7.1.1__fa1__longctx16384__single.log', '2aa45ef9e (7423)', 'gpt-oss 20B MXFP4 MoE', '11.27 GiB', [[7, 'pp2048 @ d16384', '1676.49 ± 0.00'], [8, 'tg32 @ d16384', '114.87 ± 0.00']]],
  ['gpt-oss-20b-mxfp4__rocm7.1.1__fa1__longctx32768__single.log', '2aa45ef9e (7423)', 'gpt-oss 20B MXFP4 MoE', '11.27 GiB', [[7, 'pp2048 @ d32768', '1011.34 ± 0.00'], [8, 'tg32 @ d32768', '102.14 ± 0.00']]],
  ['gpt-oss-20b-mxfp4__rocm7.1.1__fa1__single.log', '2aa45ef9e (7423)', 'gpt-oss 20B MXFP4 MoE', '11.27 GiB', [[7, 'pp512', '4517.14 ± 60.48'], [8, 'tg128', '133.92 ± 0.56']]],
  ['gpt-oss-20b-mxfp4__vulkan_radv__fa1__longctx16384__single.log', '2aa45ef9e (7423)', 'gpt-oss 20B MXFP4 MoE', '11.27 GiB', [[9, 'pp2048 @ d16384', '1572.07 ± 0.00'], [10, 'tg32 @ d16384', '97.97 ± 0.00']]],
  ['gpt-oss-20b-mxfp4__vulkan_radv__fa1__longctx32768__single.log', '2aa45ef9e (7423)', 'gpt-oss 20B MXFP4 MoE', '11.27 GiB', [[9, 'pp2048 @ d32768', '921.86 ± 0.00'], [10, 'tg32 @ d32768', '82.04 ± 0.00']]],
  ['gpt-oss-20b-mxfp4__vulkan_radv__fa1__single.log', '2aa45ef9e (7423)', 'gpt-oss 20B MXFP4 MoE', '11.27 GiB', [[9, 'pp512', '2664.37 ± 20.55'], [10, 'tg128', '129.48 ± 0.16']]],
  ['gemma-3-4b-it-Q3_K_S__rocm7.1.1__fa1__longctx16384__single.log', '2aa45ef9e (7423)', 'gemma3 4B Q3_K - Small', '1.80 GiB', [[7, 'pp2048 @ d16384', '3452.97 ± 0.00'], [8, 'tg32 @ d16384', '108.32 ± 0.00']]],
  ['gemma-3-4b-it-Q3_K_S__rocm7.1.1__fa1__longctx32768__single.log', '2aa45ef9e (7423)', 'gemma3 4B Q3_K - Small', '1.80 GiB', [[7, 'pp2048 @ d32768', '2489.72 ± 0.00'], [8, 'tg32 @ d32768', '99.16 ± 0.00']]],
  ['gemma-3-4b-it-Q3_K_S__rocm7.1.1__fa1__single.log', '2aa45ef9e (7423)', 'gemma3 4B Q3_K - Small', '1.80 GiB', [[7, 'pp512', '6304.04 ± 142.14'], [8, 'tg128', '120.59 ± 0.11']]],
  ['gemma-3-4b-it-Q3_K_S__vulkan_radv__fa1__longctx16384__single.log', '2aa45ef9e (7423)', 'gemma3 4B Q3_K - Small', '1.80 GiB', [[9, 'pp2048 @ d16384', '2171.23 ± 0.00'], [10, 'tg32 @ d16384', '79.14 ± 0.00']]],
  ['gemma-3-4b-it-Q3_K_S__vulkan_radv__fa1__longctx32768__single.log', '2aa45ef9e (7423)', 'gemma3 4B Q3_K - Small', '1.80 GiB', [[9, 'pp2048 @ d32768', '1471.82 ± 0.00'], [10, 'tg32 @ d32768', '64.02 ± 0.00']]],
  ['gemma-3-4b-it-Q3_K_S__vulkan_radv__fa1__single.log', '2aa45ef9e (7423)', 'gemma3 4B Q3_K - Small', '1.80 GiB', [[9, 'pp512', '2841.26 ± 36.09'], [10, 'tg128', '100.53 ± 0.33']]],
  ['Qwen3-Coder-30B-A3B-Instruct-BF16-00001-of-00002__rocm7.1.1__fa1__dual.log', '2aa45ef9e (7423)', 'qwen3moe 30B.A3B BF16', '56.89 GiB', [[8, 'pp512', '1623.11 ± 61.17'], [9, 'tg128', '58.31 ± 0.69']]],
  ['Qwen3-Coder-30B-A3B-Instruct-BF16-00001-of-00002__rocm7.1.1__fa1__longctx16384__dual.log', '2aa45ef9e (7423)', 'qwen3moe 30B.A3B BF16', '56.89 GiB', [[8, 'pp2048 @ d16384', '647.73 ± 0.00'], [9, 'tg32 @ d16384', '46.47 ± 0.00']]],
  ['Qwen3-Coder-30B-A3B-Instruct-BF16-00001-of-00002__rocm7.1.1__fa1__longctx32768__dual.log', '2aa45ef9e (7423)', 'qwen3moe 30B.A3B BF16', '56.89 GiB', [[8, 'pp2048 @ d32768', '381.09 ± 0.00'], [9, 'tg32 @ d32768', '43.68 ± 0.00']]],
  ['Qwen3-Coder-30B-A3B-Instruct-BF16-00001-of-00002__vulkan_radv__fa1__dual.log', '2aa45ef9e (7423)', 'qwen3moe 30B.A3B BF16', '56.89 GiB', [[9, 'pp512', '1946.32 ± 9.99'], [10, 'tg128', '30.49 ± 0.80']]],
  ['Qwen3-Coder-30B-A3B-Instruct-BF16-00001-of-00002__vulkan_radv__fa1__longctx16384__dual.log', '2aa45ef9e (7423)', 'qwen3moe 30B.A3B BF16', '56.89 GiB', [[9, 'pp2048 @ d16384', '560.49 ± 0.00'], [10, 'tg32 @ d16384', '24.56 ± 0.00']]],
  ['Qwen3-Coder-30B-A3B-Instruct-BF16-00001-of-00002__vulkan_radv__fa1__longctx32768__dual.log', '2aa45ef9e (7423)', 'qwen3moe 30B.A3B BF16', '56.89 GiB', [[9, 'pp2048 @ d32768', '268.40 ± 0.00'], [10, 'tg32 @ d32768', '5.05 ± 0.00']]],
  ['llama-2-7b.Q4_0__rocm7.1.1__fa1__longctx16384__single.log', '2aa45ef9e (7423)', 'llama 7B Q4_0', '3.56 GiB', [[7, 'pp2048 @ d16384', '994.65 ± 0.00'], [8, 'tg32 @ d16384', '42.30 ± 0.00']]],
  ['llama-2-7b.Q4_0__rocm7.1.1__fa1__longctx32768__single.log', '2aa45ef9e (7423)', 'llama 7B Q4_0', '3.56 GiB', [[7, 'pp2048 @ d32768', '567.61 ± 0.00'], [8, 'tg32 @ d32768', '26.82 ± 0.00']]],
  ['llama-2-7b.Q4_0__rocm7.1.1__fa1__single.log', '2aa45ef9e (7423)', 'llama 7B Q4_0', '3.56 GiB', [[7, 'pp512', '4687.55 ± 133.66'], [8, 'tg128', '103.66 ± 0.34']]],
  ['llama-2-7b.Q4_0__vulkan_radv__fa1__longctx16384__single.log', '2aa45ef9e (7423)', 'llama 7B Q4_0', '3.56 GiB', [[9, 'pp2048 @ d16384', '763.34 ± 0.00'], [10, 'tg32 @ d16384', '40.94 ± 0.00']]],
  ['llama-2-7b.Q4_0__vulkan_radv__fa1__longctx32768__single.log', '2aa45ef9e (7423)', 'llama 7B Q4_0', '3.56 GiB', [[9, 'pp2048 @ d32768', '429.75 ± 0.00'], [10, 'tg32 @ d32768', '24.82 ± 0.00']]],
  ['llama-2-7b.Q4_0__vulkan_radv__fa1__single.log', '2aa45ef9e (7423)', 'llama 7B Q4_0', '3.56 GiB', [[9, 'pp512', '2361.19 ± 64.78'], [10, 'tg128', '108.44 ± 0.07']]],
]
// File name -> catalog model, quant, recipe. Models of 4k native context get depth rows only within it (none here).
const KY_MODELS: [RegExp, string, string, string][] = [
  [/^gpt-oss-120b/, 'gpt-oss-120b', 'MXFP4', 'ggml-org (MXFP4 experts as released)'],
  [/^gpt-oss-20b/, 'gpt-oss-20b', 'MXFP4', 'ggml-org (MXFP4 experts as released)'],
  [/^llama-2-7b\.Q4_0/, 'llama-2-7b', 'Q4_0', 'llama.cpp-default'],
  [/^Qwen3\.6-35B-A3B-BF16/, 'qwen3.6-35b-a3b', 'BF16', 'llama.cpp-default (BF16 conversion)'],
  [/^gemma-4-26B-A4B-it-BF16/, 'gemma-4-26b-a4b', 'BF16', 'llama.cpp-default (BF16 conversion)'],
  [/^gemma-4-31B-it-BF16/, 'gemma-4-31b', 'BF16', 'llama.cpp-default (BF16 conversion)'],
  [/^GLM-4\.7-Flash-BF16/, 'glm-4.7-flash', 'BF16', 'llama.cpp-default (BF16 conversion)'],
  [/^Qwen3-Coder-30B-A3B-Instruct-Q4_K_M/, 'qwen3-coder-30b-a3b', 'Q4_K_M', 'llama.cpp-default'],
  [/^gemma-3-27b-it-BF16/, 'gemma-3-27b', 'BF16', 'llama.cpp-default (BF16 conversion)'],
  [/^gemma-3-4b-it-Q3_K_S/, 'gemma-3-4b', 'Q3_K_S', 'llama.cpp-default'],
  [/^Qwen3-Coder-30B-A3B-Instruct-BF16/, 'qwen3-coder-30b-a3b', 'BF16', 'llama.cpp-default (BF16 conversion)'],
];
function kyExpand(logs: KyLog[], box: 'strix' | 'r9700'): void {
  for (const [file, build, label, size, lines] of logs) {
    const spec = KY_MODELS.find(([re]) => re.test(file));
    if (!spec) throw new Error(`no model for ${file}`);
    const [, model, quant, recipe] = spec;
    const rocm = /__rocm/.test(file);
    const backend = rocm ? 'rocm' : 'vulkan';
    const longctx = /longctx(\d+)/.exec(file);
    const dual = /__dual/.test(file);
    // llama-2-7b has a 4096-token context: its long-context runs (d16384+) are outside the model and are left out.
    if (model === 'llama-2-7b' && longctx) continue;
    const toolbox = rocm ? (box === 'strix' ? 'ROCm 7.2.3' : 'ROCm 7.1.1') : 'Vulkan, Mesa RADV';
    const commit = box === 'strix' ? KY_SH_COMMIT : KY_R9_COMMIT;
    const repo = box === 'strix' ? 'amd-strix-halo-toolboxes' : 'amd-r9700-ai-toolboxes';
    const date = box === 'strix' ? '2026-05-18' : '2025-12-17';
    const hw = box === 'strix' ? 'ryzen-ai-max-395' : dual ? '2xradeon-ai-pro-r9700' : 'radeon-ai-pro-r9700';
    const base: BenchBase = {
      model, modelLabel: `${label}, ${size} (${file.replace(/__.*$/, '')})`, quant, recipe, engine: 'llama.cpp',
      engineVersion: `llama.cpp build ${build} (kyuz0 toolbox ${toolbox})`, backend, hardware: hw,
      hardwareLabel: box === 'strix' ? 'AMD Ryzen AI Max+ 395 (Radeon 8060S), 128 GB, HP Z2 Mini G1a'
        : `${dual ? '2x ' : ''}AMD Radeon AI PRO R9700 32 GB (host Ryzen 9 9900X3D)`,
      devices: dual ? 2 : 1, ...(box === 'strix' ? { memoryGb: 128, gpuMemoryFraction: 0.95 } : {}),
      splitMode: dual ? 'layer' : 'none', ngl: 99, flashAttention: true, ubatch: longctx && rocm ? 2048 : 512, kvCache: 'f16',
    };
    const group = `ky-${box}|${hw}|${model}|${quant}|${backend}`;
    const source = (line: number | null): Source => ({ url: `https://github.com/kyuz0/${repo}/blob/${commit}/benchmark/results/${file}#L${line}`, date,
      what: `kyuz0/${repo} benchmark/results/${file} (llama-bench, ${toolbox})` });
    addBench(`ky-${box}-${backend}-${dual ? '2x-' : ''}${model}-${quant}`, group, source, base, lines, {
      notes: box === 'r9700' && !rocm ? 'The Vulkan log lists the host iGPU and both R9700s; the file name says which run used one or two cards.' : undefined,
      unscored: (test) => box === 'r9700' && dual && !rocm && test === 'tg32 @ d32768'
        ? 'Kept apart: the dual-card Vulkan runs collapse at this depth (gpt-oss-120b 8.91 t/s against 69.26 at d16384, Qwen3-Coder-30B-A3B BF16 5.05 against 24.56), anomalous runs as published.' : undefined });
  }
}
kyExpand(kyStrix, 'strix');
kyExpand(kyR9700, 'r9700');
// The 2x R9700 ROCm run of gpt-oss-120b at d32768 (-ub 2048) failed: "failed to create context" (log lines 6-9).
add({ id: 'ky-r9700-fit-2x-gpt-oss-120b-rocm-d32768', kind: 'fit', group: 'ky-r9700|2xradeon-ai-pro-r9700|gpt-oss-120b|MXFP4|rocm',
  source: { url: `https://github.com/kyuz0/amd-r9700-ai-toolboxes/blob/${KY_R9_COMMIT}/benchmark/results/gpt-oss-120b-mxfp4-00001-of-00003__rocm7.1.1__fa1__longctx32768__dual.log#L6`,
    date: '2025-12-17', what: 'kyuz0/amd-r9700-ai-toolboxes, 2x R9700 ROCm 7.1.1, llama-bench -p 2048 -n 32 -d 32768 -ub 2048: "main: error: failed to create context"' },
  settings: { model: 'gpt-oss-120b', modelLabel: 'gpt-oss 120B MXFP4 MoE, 59.02 GiB', quant: 'MXFP4', recipe: 'ggml-org (MXFP4 experts as released)', engine: 'llama.cpp',
    engineVersion: 'llama.cpp build 2aa45ef9e (7423) (kyuz0 toolbox ROCm 7.1.1)', backend: 'rocm', hardware: '2xradeon-ai-pro-r9700', hardwareLabel: '2x AMD Radeon AI PRO R9700 32 GB',
    devices: 2, splitMode: 'layer', ngl: 99, context: 32768 + 2048, prompt: 2048, output: 32, depth: 32768, flashAttention: true, ubatch: 2048, kvCache: 'f16', test: 'pp2048 @ d32768' },
  measured: { value: 'no-fit', unit: 'verdict', reported: 'failed to create context' }, scored: true,
  notes: 'The same model and cards ran at d16384 (1044.49 / 79.32 t/s), and under Vulkan with -ub 512 at d32768.' });

// ---------------------------------------------------------------- Apple, 2025-26
// M5 (base, 10-core GPU: the only M5 shipping in Oct 2025), llama.cpp PR #16634 "metal : initial Metal4 tensor API support",
// mweinbach comment 2025-10-25, PR branch, llama.swiftui-style bench (pp 512, tg 128). mistral-7b-v0.1 (32000 vocab) is
// mapped to the catalog's Mistral 7B v0.3 (same layers and widths, vocab 32768).
addBench('pr16634-m5-mistral-7b-Q4_0', 'pr16634|m5-10c|mistral-7b-v0.3|Q4_0',
  () => ({ url: 'https://github.com/ggml-org/llama.cpp/pull/16634', date: '2025-10-25', what: 'llama.cpp PR #16634, mweinbach comment 2025-10-25 ("Just ran it on M5"), mistral-7b-v0.1.Q4_0.gguf table, "This branch"' }),
  { model: 'mistral-7b-v0.3', modelLabel: 'llama 7B Q4_0, 3.83 GiB, 7.24 B (mistral-7b-v0.1.Q4_0.gguf)', quant: 'Q4_0', recipe: 'llama.cpp-default', engine: 'llama.cpp',
    engineVersion: 'llama.cpp PR #16634 branch (Metal4 tensor API), Oct 2025', backend: 'metal', hardware: 'm5-10c', hardwareLabel: 'Apple M5', devices: 1,
    splitMode: 'none', ngl: null, flashAttention: null, ubatch: null, kvCache: 'f16' },
  [[null, 'pp512', '608.05 ± 8.37'], [null, 'tg128', '26.59 ± 0.88']],
  { notes: 'Printed as "pp 512" / "tg 128" by the bench app. Model file is Mistral 7B v0.1 (vocab 32000), mapped to mistral-7b-v0.3.' });

// M5 Max 128 GB, mlx-swift-lm 3.31.3 (Mac-MLX 0.3.5), magicnight/Mac-MLX issue #24, 2026-04-17 (auto-generated JSON).
{
  const source = { url: 'https://github.com/magicnight/Mac-MLX/issues/24', date: '2026-04-17',
    what: 'magicnight/Mac-MLX issue #24 "[benchmark] Qwen3.5-35B-A3B-4bit on Apple M5 Max", auto-generated JSON (runs 3, macOS 26.4.1)' };
  const base = { model: 'qwen3.5-35b-a3b', modelLabel: 'Qwen3.5-35B-A3B-4bit (MLX)', quant: 'MLX-Q4', recipe: 'mlx-community 4-bit', engine: 'mlx' as const,
    engineVersion: 'mlx-swift-lm 3.31.3 (Mac-MLX 0.3.5)', backend: 'metal', hardware: 'm5-max-40c', hardwareLabel: 'Apple M5 Max, 128 GB', devices: 1, memoryGb: 128,
    splitMode: 'none', ngl: null, flashAttention: null, ubatch: null, kvCache: 'f16' };
  const group = 'macmlx24|m5-max-40c|qwen3.5-35b-a3b|MLX-Q4';
  const notes = 'The JSON gives the chip and 128 GB, not the GPU-core count; 128 GB is sold only with the 40-core GPU.';
  add({ id: 'macmlx24-pp1479', kind: 'prefill', group, source, settings: { ...base, context: 1479, prompt: 1479, output: 0, depth: 0, test: 'promptTPS, promptTokens 1479' },
    measured: { value: 2756.5669981190003, unit: 'tokens/s', reported: '"promptTPS" : 2756.5669981190003' }, scored: true, notes });
  add({ id: 'macmlx24-tg2023', kind: 'decode', group, source, settings: { ...base, context: 1479 + 2023, prompt: 0, output: 2023, depth: 1479, test: 'generationTPS, completionTokens 2023 after 1479 prompt tokens' },
    measured: { value: 133.47814333534475, unit: 'tokens/s', reported: '"generationTPS" : 133.47814333534475' }, scored: true, notes });
}

// M3 Ultra, Llama 3.3 70B Q4_K_M, geerlingguy/beowulf-ai-cluster issue #17 comment 2025-12-10, single node.
// threads 24 = the 24 performance cores of the 32-core-CPU M3 Ultra, which comes only with the 80-core GPU.
addBench('beowulf17-m3u-llama-3.3-70b-Q4_K_M', 'beowulf17|m3-ultra-80c|llama-3.3-70b|Q4_K_M',
  () => ({ url: 'https://github.com/geerlingguy/beowulf-ai-cluster/issues/17', date: '2025-12-10', what: 'geerlingguy/beowulf-ai-cluster issue #17 "Benchmark Mac Studio cluster", comment 2025-12-10, "Single node" table' }),
  { model: 'llama-3.3-70b', modelLabel: 'llama 70B Q4_K - Medium, 39.59 GiB (Llama-3.3-70B-Instruct-Q4_K_M.gguf)', quant: 'Q4_K_M', recipe: 'llama.cpp-default', engine: 'llama.cpp',
    engineVersion: 'llama.cpp build 4d3726278 (7315), Metal,BLAS', backend: 'metal', hardware: 'm3-ultra-80c', hardwareLabel: 'Mac Studio M3 Ultra (single node of the cluster)', devices: 1,
    splitMode: 'none', ngl: 99, flashAttention: true, ubatch: 512, kvCache: 'f16' },
  [[null, 'pp512', '162.30 ± 0.00'], [null, 'pp4096', '156.67 ± 0.00'], [null, 'tg128', '14.41 ± 0.02']],
  { notes: 'llama-bench -fa 1 -n 128 -p 512,4096 -pg 4096,128 -ngl 99 -r 2 -mmp 0; threads 24 identifies the 32-core-CPU / 80-core-GPU M3 Ultra.' });

// M1 Ultra 64-core 128 GB, geerlingguy/ai-benchmarks issue #48 (indgy, 2026-02-07), build e9fd8dc (7825), macOS 14.8.3.
addBench('gg48-m1u-llama-3.2-3b-Q4_K_M', 'gg48|m1-ultra-64c|llama-3.2-3b|Q4_K_M',
  () => ({ url: 'https://github.com/geerlingguy/ai-benchmarks/issues/48', date: '2026-02-07', what: 'geerlingguy/ai-benchmarks issue #48 description (indgy), Llama-3.2-3B-Instruct-Q4_K_M.gguf table' }),
  { model: 'llama-3.2-3b', modelLabel: 'llama 3B Q4_K - Medium, 1.87 GiB', quant: 'Q4_K_M', recipe: 'llama.cpp-default (bartowski)', engine: 'llama.cpp',
    engineVersion: 'llama.cpp build e9fd8dc (7825), Metal,BLAS', backend: 'metal', hardware: 'm1-ultra-64c', hardwareLabel: 'Mac Studio M1 Ultra 64-core GPU, 128 GB', devices: 1, memoryGb: 128,
    splitMode: 'none', ngl: 99, flashAttention: null, ubatch: 512, kvCache: 'f16' },
  [[null, 'pp512', '2142.59 ± 15.24']],
  { notes: 'Only the pp512 line of this table is in the stored copy read; the other lines were not transcribed.' });

// M4 (Mac mini, 16 GB), brand-o/normiebench issue #3, 2026-03-08: llama.cpp / metal, llama 3.1 8b q4_k_m (JSON; build not given).
addBench('nb3-m4-llama-3.1-8b-Q4_K_M', 'nb3|m4-10c|llama-3.1-8b|Q4_K_M',
  () => ({ url: 'https://github.com/brand-o/normiebench/issues/3', date: '2026-03-08', what: 'brand-o/normiebench issue #3 "[bench-result] JB / Mac Mini M4 / 20.9 t/s", JSON runs."llama3.1-8b"' }),
  { model: 'llama-3.1-8b', modelLabel: 'llama 3.1 8b q4_k_m', quant: 'Q4_K_M', recipe: 'llama.cpp-default', engine: 'llama.cpp',
    engineVersion: 'llama.cpp (build not given; normiebench, backend "llama.cpp / metal")', backend: 'metal', hardware: 'm4-10c', hardwareLabel: 'Mac Mini M4 (Apple M4 GPU, 16GB)', devices: 1, memoryGb: 16,
    splitMode: 'none', ngl: null, flashAttention: null, ubatch: null, kvCache: 'f16' },
  [[null, 'pp512', '224.81'], [null, 'tg128', '20.87']],
  { notes: 'The JSON says "Apple M4 (10 cores)" for the CPU and "Apple M4 GPU (16GB)"; the GPU-core count is not given (the Mac mini M4 has the 10-core GPU).' });

// ---------------------------------------------------------------- NVIDIA, Intel, AMD discrete (2025-26)
// RTX 3090, Vulkan (NV driver), llama.cpp PR #21024 "Vulkan Repack PoC", 0cc4m comment 2026-05-15, "t/s (before)" = master.
for (const [model, label, quant, recipe, lines] of [
  ['llama-3.1-8b', 'llama 8B Q4_0, 4.33 GiB, 8.03 B', 'Q4_0', 'llama.cpp-default', [[null, 'pp512', '4753.45 ± 23.50'], [null, 'tg128', '146.73 ± 0.54']]],
  ['llama-3.1-8b', 'llama 8B Q8_0, 7.95 GiB, 8.03 B', 'Q8_0', 'llama.cpp-default', [[null, 'pp512', '4830.91 ± 17.72'], [null, 'tg128', '95.05 ± 0.04']]],
  ['gpt-oss-20b', 'gpt-oss 20B MXFP4 MoE, 11.27 GiB', 'MXFP4', 'ggml-org (MXFP4 experts as released)', [[null, 'pp512', '4616.91 ± 47.95'], [null, 'tg128', '181.32 ± 0.65']]],
] as [string, string, string, string, [number | null, string, string][]][]) {
  addBench(`pr21024-3090-${model}-${quant}`, `pr21024|rtx-3090|${model}|${quant}`,
    () => ({ url: 'https://github.com/ggml-org/llama.cpp/pull/21024', date: '2026-05-15', what: 'llama.cpp PR #21024 "Vulkan Repack PoC", 0cc4m comment 2026-05-15, "RTX 3090" table, t/s (before) column' }),
    { model, modelLabel: label, quant, recipe, engine: 'llama.cpp', engineVersion: 'llama.cpp master of May 2026 (the PR\'s "before" column; build not printed)', backend: 'vulkan',
      hardware: 'rtx-3090', hardwareLabel: 'NVIDIA GeForce RTX 3090 (Vulkan)', devices: 1, splitMode: 'none', ngl: 99, flashAttention: true, ubatch: 512, kvCache: 'f16' },
    lines, { notes: model === 'llama-3.1-8b' ? '"llama 8B" as printed (Llama 3 / 3.1 8B share the architecture); mapped to llama-3.1-8b.' : undefined });
}

// Intel Arc B580, SYCL (IPEX-LLM portable llama.cpp build), intel/ipex-llm issue #12991, TabNahida comment 2025-03-22,
// Windows 11, Ryzen 9 9950X. DeepSeek-R1-Distill-Qwen-7B = Qwen2.5 7B architecture.
addBench('ipex12991-b580-sycl-qwen2.5-7b-Q4_K_M', 'ipex12991|arc-b580|qwen2.5-7b|Q4_K_M|sycl',
  () => ({ url: 'https://github.com/intel/ipex-llm/issues/12991', date: '2025-03-22', what: 'intel/ipex-llm issue #12991, TabNahida comment 2025-03-22, "IPEX-LLM SYCL" llama-bench table' }),
  { model: 'qwen2.5-7b', modelLabel: 'qwen2 7B Q4_K - Medium, 4.36 GiB, 7.62 B (DeepSeek-R1-Distill-Qwen-7B-Q4_K_M.gguf)', quant: 'Q4_K_M', recipe: 'llama.cpp-default', engine: 'llama.cpp',
    engineVersion: 'IPEX-LLM portable llama.cpp (SYCL; version not printed)', backend: 'sycl', hardware: 'arc-b580', hardwareLabel: 'Intel Arc B580 12 GB', devices: 1,
    splitMode: 'none', ngl: 99, flashAttention: null, ubatch: 512, kvCache: 'f16' },
  [[null, 'pp512', '2335.96 ± 5.46'], [null, 'pp1024', '2286.37 ± 4.84'], [null, 'pp2048', '1988.33 ± 1.94'],
    [null, 'tg128', '66.48 ± 0.22'], [null, 'tg256', '66.27 ± 0.12'], [null, 'tg512', '66.10 ± 0.12']],
  { notes: 'llama-bench -t 16 -p 512,1024,2048 -n 128,256,512. Backend SYCL as printed.' });

// Intel Arc A770, SYCL, llama.cpp PR #22066 (Battlemage optimizations), savvadesogle comment 2026-04-21, "aicss-genai-fork" table.
addBench('pr22066-a770-sycl-qwen3.5-9b-Q4_K_M', 'pr22066|arc-a770|qwen3.5-9b|Q4_K_M|sycl',
  () => ({ url: 'https://github.com/ggml-org/llama.cpp/pull/22066', date: '2026-04-21', what: 'llama.cpp PR #22066, savvadesogle comment 2026-04-21, "Qwen3.5-9B-Q4_K_M 1x A770", aicss-genai-fork table' }),
  { model: 'qwen3.5-9b', modelLabel: 'qwen35 9B Q4_K - Medium, 5.28 GiB, 8.95 B', quant: 'Q4_K_M', recipe: 'llama.cpp-default', engine: 'llama.cpp',
    engineVersion: 'llama.cpp SYCL, aicss-genai fork of PR #22066 (Apr 2026; built -DGGML_SYCL=ON -DGGML_SYCL_F16=ON)', backend: 'sycl', hardware: 'arc-a770', hardwareLabel: 'Intel Arc A770 16 GB', devices: 1,
    splitMode: 'none', ngl: 100, flashAttention: null, ubatch: 512, kvCache: 'f16' },
  [[null, 'pp512', '1457.20 ± 4.72'], [null, 'tg128', '31.54 ± 0.15']]);

/**
 * Why runs on a Raspberry Pi 5 host are kept apart: an RX 9070 XT decodes a 3B Q4_K_M model at 76 t/s
 * there, a quarter of its bandwidth, and prefills it at about 2,000 t/s, where the same card in a PC
 * prefills the larger Qwen3-4B at 5,223 (its rows in tables/amd-discrete-2025-26.json).
 */
const PI5_HOST = 'Raspberry Pi 5 host: the rates measure the host and its PCIe x1 link, not the card (3B Q4_K_M decodes at a quarter of the card\'s bandwidth).';
// RX 9070 XT, Vulkan (RADV GFX1201), on a Raspberry Pi 5 host: geerlingguy/raspberry-pi-pcie-devices issue #766, comment 2025-10-01
// (re-test, full table) and geerlingguy/ai-benchmarks issue #25 comment 2025-09-30 (build 2df5bcf3 (6645); tg line not in the stored copy).
addBench('pcie766-9070xt-llama-3.2-3b-Q4_K_M', 'pcie766|rx-9070-xt|llama-3.2-3b|Q4_K_M',
  () => ({ url: 'https://github.com/geerlingguy/raspberry-pi-pcie-devices/issues/766', date: '2025-10-01', what: 'geerlingguy/raspberry-pi-pcie-devices issue #766 "Test AMD RX 9070 XT 16GB", comment 2025-10-01 (re-test of llama 3.2:3B)' }),
  { model: 'llama-3.2-3b', modelLabel: 'llama 3B Q4_K - Medium, 1.87 GiB (Llama-3.2-3B-Instruct-Q4_K_M.gguf)', quant: 'Q4_K_M', recipe: 'llama.cpp-default (bartowski)', engine: 'llama.cpp',
    engineVersion: 'llama.cpp of Sep/Oct 2025 (build not printed in this comment; the run of 2025-09-30 printed 2df5bcf3 (6645))', backend: 'vulkan', hardware: 'rx-9070-xt',
    hardwareLabel: 'AMD Radeon RX 9070 XT 16 GB (RADV GFX1201) on a Raspberry Pi 5', devices: 1, splitMode: 'none', ngl: 99, flashAttention: null, ubatch: 512, kvCache: 'f16' },
  [[null, 'pp512', '1967.33 ± 4.02'], [null, 'pp4096', '1679.32 ± 2.86'], [null, 'tg128', '76.49 ± 0.27']],
  { notes: 'llama-bench -n 128 -p 512,4096 -pg 4096,128 -ngl 99 -r 2. Host is a Raspberry Pi 5 (PCIe x1).', unscored: () => PI5_HOST });
addBench('gg25-9070xt-llama-3.2-3b-Q4_K_M', 'gg25|rx-9070-xt|llama-3.2-3b|Q4_K_M',
  () => ({ url: 'https://github.com/geerlingguy/ai-benchmarks/issues/25', date: '2025-09-30', what: 'geerlingguy/ai-benchmarks issue #25, comment 2025-09-30, "Llama 3.2:3b" table' }),
  { model: 'llama-3.2-3b', modelLabel: 'llama 3B Q4_K - Medium, 1.87 GiB (Llama-3.2-3B-Instruct-Q4_K_M.gguf)', quant: 'Q4_K_M', recipe: 'llama.cpp-default (bartowski)', engine: 'llama.cpp',
    engineVersion: 'llama.cpp build 2df5bcf3 (6645)', backend: 'vulkan', hardware: 'rx-9070-xt',
    hardwareLabel: 'AMD Radeon RX 9070 XT 16 GB (RADV GFX1201) on a Raspberry Pi 5', devices: 1, splitMode: 'none', ngl: 99, flashAttention: null, ubatch: 512, kvCache: 'f16' },
  [[null, 'pp512', '2086.07 ± 0.11'], [null, 'pp4096', '1784.33 ± 5.72']],
  { notes: 'llama-bench -n 128 -p 512,4096 -pg 4096,128 -ngl 99 -r 2. The tg128 line is cut off in the stored copy read.', unscored: () => PI5_HOST });

// RTX 4090 under Vulkan, Intel Core Ultra 265K PC, geerlingguy/ai-benchmarks issue #43, comment 2025-12-09, build 086a63e3a (7340).
addBench('gg43-4090-vulkan-llama-3.2-3b-Q4_K_M', 'gg43|rtx-4090|llama-3.2-3b|Q4_K_M|vulkan',
  () => ({ url: 'https://github.com/geerlingguy/ai-benchmarks/issues/43', date: '2025-12-09', what: 'geerlingguy/ai-benchmarks issue #43 "Benchmark Nvidia RTX 4090", comment 2025-12-09, Intel Core Ultra 265K PC, Llama-3.2-3B table' }),
  { model: 'llama-3.2-3b', modelLabel: 'llama 3B Q4_K - Medium, 1.87 GiB (Llama-3.2-3B-Instruct-Q4_K_M.gguf)', quant: 'Q4_K_M', recipe: 'llama.cpp-default (bartowski)', engine: 'llama.cpp',
    engineVersion: 'llama.cpp build 086a63e3a (7340)', backend: 'vulkan', hardware: 'rtx-4090', hardwareLabel: 'NVIDIA RTX 4090 (Vulkan), Intel Core Ultra 265K, Ubuntu 25.10', devices: 1,
    splitMode: 'none', ngl: 99, flashAttention: null, ubatch: 512, kvCache: 'f16' },
  [[null, 'pp512', '20323.29 ± 8.21']],
  { notes: 'Only the pp512 line of this table is in the stored copy read.' });

// 2x RTX 5090, vLLM v0.25.1, TP=2, Qwen3.6-35B-A3B AutoRound INT4 with FP8 KV: noonghunna/club-3090 issue #851 (2026-08-02).
{
  const source = { url: 'https://github.com/noonghunna/club-3090/issues/851', date: '2026-08-02', what: 'noonghunna/club-3090 issue #851 "[bench] 2x5090 / vllm-qwen36-35b-a3b-dual", paulp83 report, "Canonical TPS (3 warm + 5 measured)" table' };
  const base = { model: 'qwen3.6-35b-a3b', modelLabel: 'Qwen3.6-35B-A3B AutoRound INT4', quant: 'INT4-AutoRound', recipe: 'AutoRound INT4 (community)', engine: 'vllm' as const,
    engineVersion: 'vLLM v0.25.1', backend: 'cuda', hardware: '2xrtx-5090', hardwareLabel: '2x RTX 5090 (PCIe x8, no NVLink), Ryzen 9 9950X3D', devices: 2,
    splitMode: 'tensor', ngl: null, flashAttention: null, ubatch: null, kvCache: 'fp8' };
  const group = 'club851|2xrtx-5090|qwen3.6-35b-a3b|INT4-AutoRound';
  for (const [id, v, w] of [['narrative', 252.0, '252.0'], ['code', 252.7, '252.7']] as const) {
    add({ id: `club851-decode-${id}`, kind: 'decode', group, source,
      settings: { ...base, context: 262144, prompt: 0, output: 0, depth: 0, test: `Decode TPS, ${id} prompt (single stream, max_ctx 262K)` },
      measured: { value: v, unit: 'tokens/s', reported: `**${w}**` }, scored: true,
      notes: 'club-3090 canonical bench: one request at a time; prompt/output lengths are not given in the report (recorded as 0). Quant INT4-AutoRound is not in the quant vocabulary yet.' });
  }
}

// ---------------------------------------------------------------- llama-bench tables of PRs and threads (tables/*.json)
// Each file holds tables transcribed from pull requests, issues or logs: the source, the run's settings and
// the printed lines [test, t/s as printed]. The format is checked here; rows expand like any other bench.
interface TableFile {
  about: string;
  tables: {
    url: string; date: string; what: string; engineVersion: string; engine?: Settings['engine'];
    backend: string; hardware: string; hardwareLabel: string; devices?: number; splitMode?: string;
    model: string; modelLabel: string; quant: string; recipe?: string;
    flashAttention: boolean | null; ubatch: number | null; ngl: number | null; kvCache?: string;
    lines: [string, string][]; notes?: string;
    /** Why the table is kept apart from scoring (another engine than the vocabulary's, an unusual setup). */
    unscored?: string;
    /** The decode rates are timed over the whole request, prefill of the input (the depth) included. */
    includesPrefill?: boolean;
    /** With includesPrefill: the rates count the input's tokens too ((input + output) / time). */
    countsPrompt?: boolean;
  }[];
}
for (const file of readdirSync(join(HERE, 'tables')).filter((f) => f.endsWith('.json')).sort()) {
  const t = JSON.parse(readFileSync(join(HERE, 'tables', file), 'utf8')) as TableFile;
  if (!Array.isArray(t.tables)) throw new Error(`${file}: no tables`);
  for (const [i, x] of t.tables.entries()) {
    for (const k of ['url', 'date', 'what', 'engineVersion', 'backend', 'hardware', 'model', 'quant'] as const) {
      if (typeof x[k] !== 'string' || x[k] === '') throw new Error(`${file} table ${i}: missing ${k}`);
    }
    if (x.countsPrompt && !x.includesPrefill) throw new Error(`${file} table ${i}: countsPrompt needs includesPrefill`);
    const slug = file.replace(/\.json$/, '');
    const pr = /\/(?:pull|issues|discussions)\/(\d+)/.exec(x.url)?.[1] ?? slug;
    addBench(`${slug}-${pr}-${x.hardware}-${x.model}-${x.quant}-${x.backend}-${i}`, `${slug}|${pr}|${x.hardware}|${x.model}|${x.quant}|${x.backend}`,
      () => ({ url: x.url, date: x.date, what: x.what }),
      { model: x.model, modelLabel: x.modelLabel, quant: x.quant, recipe: x.recipe ?? 'llama.cpp-default', engine: x.engine ?? 'llama.cpp',
        engineVersion: x.engineVersion, backend: x.backend, hardware: x.hardware, hardwareLabel: x.hardwareLabel, devices: x.devices ?? 1,
        splitMode: x.splitMode ?? 'none', ngl: x.ngl, flashAttention: x.flashAttention, ubatch: x.ubatch, kvCache: x.kvCache ?? 'f16',
        ...(x.includesPrefill ? { includesPrefill: true } : {}), ...(x.countsPrompt ? { countsPrompt: true } : {}) },
      x.lines.map(([test, reported]) => [null, test, reported] as [null, string, string]), { notes: x.notes, unscored: x.unscored ? () => x.unscored : undefined });
  }
}

// ---------------------------------------------------------------- Strix Halo prefill under ROCm 6
// The engine models ROCm 7 builds (from September 2025). ROCm 6.4.2 had no tuned GEMM kernels for
// gfx1151 (Strix Halo): it prefilled at a fifth of what ROCm 7.2.3 reaches on the same machine (Gemma 3
// 27B BF16 at 83 t/s in 2025-08, Gemma 4 31B BF16 at 428 in 2026-05). Those prefill rows are kept apart;
// decode, bound by memory, and discrete cards under ROCm 6 agree with later builds and stay scored.
const ROCM7_FROM = '2025-09';
for (const r of rows) {
  if (r.kind === 'prefill' && r.settings.backend === 'rocm' && r.settings.hardware === 'ryzen-ai-max-395' && r.source.date < ROCM7_FROM && r.scored) {
    r.scored = false;
    r.notes = [r.notes, 'Kept apart: ROCm 6 on gfx1151, before its tuned GEMM kernels; the engine models ROCm 7 builds.'].filter(Boolean).join(' ');
  }
}

// ---------------------------------------------------------------- write
const byKind = (k: Kind) => rows.filter((r) => r.kind === k);
const files: [string, Kind, string][] = [
  ['weights.json', 'weights', 'Weight storage sizes (GGUF tensor data as llama-bench / llama.cpp report it, or whole files where noted).'],
  ['kv-cache.json', 'kv-cache', 'KV-cache allocations read from engine load logs.'],
  ['decode.json', 'decode', 'Batch-1 decode (token generation) rates, tokens per second.'],
  ['prefill.json', 'prefill', 'Prompt-processing rates, tokens per second.'],
  ['fits.json', 'fit', 'Observed fits (the run loaded) and out-of-memory failures, with the settings.'],
];
for (const [file, kind, about] of files) {
  const list = byKind(kind);
  writeFileSync(join(HERE, file), JSON.stringify({ about, generatedBy: 'data/measurements/generate.ts', splitRule: `group FNV-1a(groupKey + "${SALT}") odd => test`, count: list.length, rows: list }, null, 1) + '\n');
  const t = list.filter((r) => r.split === 'test').length;
  console.log(`${file}: ${list.length} rows (${list.length - t} fit, ${t} test)`);
}
