/**
 * Catalogued accelerators and unified-memory machines.
 *
 * Conventions (see types.ts): `memoryGiB` is the vendor's "GB" of GPU or unified memory, which is
 * GiB in practice; `bandwidthGBs` is the peak memory bandwidth in 10^9 bytes per second;
 * `fp16Tflops` is DENSE FP16/BF16 tensor (matrix) throughput with FP32 accumulate, never the
 * sparse figure. GeForce cards run FP16 tensor maths with FP32 accumulate at half their
 * FP16-accumulate rate, so their figure is half the one on most spec sheets (RTX 4090: 165.2,
 * not 330.3). Apple GPUs have no separate tensor rate and run FP16 at the FP32 rate, so their
 * figure is the GPU's FP32 rate (cores x 128 ALUs x 2 FLOP x clock).
 */
import type { HardwareEntry } from './types.ts';

const SEEN = '2026-11-29';
/** Date the rows added in the December 2026 refresh were read. */
const SEEN_DEC = '2026-12-07';

/** PC Gamer's weekly GPU price check (undated page, written early 2026: see the price notes). */
const PCGAMER_16GB_PRICES = 'https://www.pcgamer.com/hardware/graphics-cards/if-youve-been-saving-up-to-buy-a-new-16-gb-graphics-card-then-i-have-bad-news-for-you-its-already-a-bloodbath-out-there-and-its-getting-worse-every-week/';
const PCGAMER_DATE_NOTE = "PC Gamer's page is undated; it calls November 2025 \"November of last year\" and the launches \"eight to 12 months ago\", so it is dated to January 2026. Memory shortages pushed 16 GB cards up through 2026; no later dated price was found.";

/**
 * Default share of installed unified memory a Mac's GPU may use (Metal's
 * `recommendedMaxWorkingSetSize`): about two thirds on machines with 36 GB or less and about
 * three quarters above that. Measured values scatter around this rule (content-facts §5.5: M4 16 GB
 * 67%, M3 16 GB 74%, 64 GB M1/M2 Max about 73-75%, M5 Max 128 GB 84%); `sysctl iogpu.wired_limit_mb`
 * overrides it. Input in GiB; returns a fraction in (0, 1). Non-finite or non-positive input
 * returns the small-machine share.
 */
export function appleGpuMemoryFraction(installedGiB: number): number {
  return Number.isFinite(installedGiB) && installedGiB > 36 ? 0.75 : 0.67;
}

/**
 * Default share of installed memory the GPU may use on a unified-memory machine of this
 * catalog row, for an installed memory in GiB (Apple: see appleGpuMemoryFraction; others: the
 * row's fixed `gpuMemoryFraction`; discrete cards: 1).
 */
export function defaultGpuMemoryFraction(entry: HardwareEntry, installedGiB: number): number {
  if (!entry.unifiedMemory) return 1;
  if (entry.vendor === 'apple') return appleGpuMemoryFraction(installedGiB);
  return entry.gpuMemoryFraction ?? 1;
}

/** Apple's Mac Studio wall-power page: maximum measured power of each configuration. */
const APPLE_STUDIO_POWER = 'https://support.apple.com/en-us/102027';

interface AppleVariant {
  id: string;
  chip: string;
  gpuCores: number;
  memoryOptionsGiB: number[];
  bandwidthGBs: number;
  /** GPU clock used for the FP32 (= FP16) rate, GHz. */
  gpuClockGHz: number;
  powerW: number;
  powerNote: string;
  releaseDate: string;
  source: string;
  /** Price of a configuration, with what it covers (Apple sells several memory sizes per variant). */
  price?: { usd: number; seen: string; source: string; note: string };
  /** Date the spec was read, when not the file-wide SEEN. */
  specSeen?: string;
  /** Appended to the generated notes (sources beyond Apple's announcement, doubts). */
  extraNote?: string;
}

/**
 * An Apple row from its variant: FP16 = FP32 rate = cores x 128 ALUs x 2 FLOP (FMA) x clock.
 * memoryGiB is the largest option; the default GPU share follows that size.
 */
function apple(v: AppleVariant): HardwareEntry {
  const memoryGiB = Math.max(...v.memoryOptionsGiB);
  const tflops = Math.round(((v.gpuCores * 128 * 2 * v.gpuClockGHz) / 1000) * 100) / 100;
  const priced = v.price
    ? { priceUsd: v.price.usd, priceSeen: v.price.seen, priceSource: v.price.source, priceNote: v.price.note }
    : {};
  return {
    ...priced,
    id: v.id,
    name: `Apple ${v.chip} (${v.gpuCores}-core GPU)`,
    vendor: 'apple',
    segment: 'unified',
    memoryGiB,
    memoryOptionsGiB: v.memoryOptionsGiB,
    bandwidthGBs: v.bandwidthGBs,
    fp16Tflops: tflops,
    powerW: v.powerW,
    backends: ['metal'],
    interconnect: 'none',
    unifiedMemory: true,
    gpuMemoryFraction: appleGpuMemoryFraction(memoryGiB),
    releaseDate: v.releaseDate,
    source: v.source,
    specSeen: v.specSeen ?? SEEN,
    notes:
      `Memory options and bandwidth from Apple's announcement. FP16 equals the FP32 rate on Apple GPUs (no separate tensor rate): ${v.gpuCores} cores x 128 ALUs x 2 FLOP x ${v.gpuClockGHz} GHz (clock from third-party spec databases such as hmc-tech.com and notebookcheck; Apple publishes TFLOPS only for some chips). Power: ${v.powerNote}${v.extraNote ? ` ${v.extraNote}` : ''}`,
  };
}

/** NVIDIA architecture whitepapers: the source of the FP32-accumulate tensor rates. */
const AMPERE_WP = 'https://www.nvidia.com/content/PDF/nvidia-ampere-ga-102-gpu-architecture-whitepaper-v2.pdf';
const ADA_WP = 'https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf';
const BLACKWELL_WP = 'https://images.nvidia.com/aem-dam/Solutions/geforce/blackwell/nvidia-rtx-blackwell-gpu-architecture.pdf';


type GeForceRow = [
  id: string, name: string, memoryGiB: number, bandwidthGBs: number, sms: number, boostGHz: number,
  powerW: number, releaseDate: string, source: string, priceUsd: number | null, priceSeen: string | null,
  priceNote: string | null, priceSource?: string, specSeen?: string,
];

/**
 * GeForce rows from SM count and boost clock: Ampere, Ada and consumer Blackwell SMs all do
 * 512 dense FP16 FLOP per clock with FP32 accumulate (1,024 with FP16 accumulate), which
 * reproduces the whitepapers' 71 (RTX 3090), 165.2 (RTX 4090) and 209.5 (RTX 5090).
 */
function geforce(rows: GeForceRow[]): HardwareEntry[] {
  return rows.map(([id, name, memoryGiB, bandwidthGBs, sms, boostGHz, powerW, releaseDate, source, priceUsd, priceSeen, priceNote, priceSource, specSeen]) => {
    const row: HardwareEntry = {
      id,
      name: `NVIDIA ${name}`,
      vendor: 'nvidia',
      segment: 'consumer',
      memoryGiB,
      bandwidthGBs,
      fp16Tflops: Math.round(sms * 512 * boostGHz / 100) / 10,
      powerW,
      backends: ['cuda', 'vulkan'],
      interconnect: 'pcie',
      unifiedMemory: false,
      releaseDate,
      source,
      specSeen: specSeen ?? SEEN,
      notes: `Memory, bandwidth, SM count, boost clock and board power as NVIDIA lists them (the source page), cross-checked against press spec tables (guru3d for the 40 series, TweakTown and Tom's Hardware for the 50 series); FP16 tensor with FP32 accumulate computed as ${sms} SMs x 512 FLOP/clock x ${boostGHz} GHz. Price: launch MSRP unless the note says otherwise.`,
    };
    if (priceUsd !== null && priceSeen !== null) {
      row.priceUsd = priceUsd;
      row.priceSeen = priceSeen;
      row.priceSource = priceSource ?? source;
      if (priceNote !== null) row.priceNote = priceNote;
    }
    return row;
  });
}

export const hardware: HardwareEntry[] = [
  // ------------------------------------------------------------ NVIDIA GeForce
  {
    id: 'rtx-3090',
    name: 'NVIDIA GeForce RTX 3090',
    vendor: 'nvidia',
    segment: 'consumer',
    memoryGiB: 24,
    bandwidthGBs: 936.2,
    fp16Tflops: 71,
    powerW: 350,
    backends: ['cuda', 'vulkan'],
    interconnect: 'nvlink',
    unifiedMemory: false,
    releaseDate: '2020-09-24',
    source: AMPERE_WP,
    specSeen: SEEN,
    priceUsd: 800,
    priceSeen: '2026-05-01',
    priceSource: 'https://bestllmfor.com/best/dual-rtx-3090-budget-rig/',
    priceNote: 'USED price (no longer sold new): 2026 buying guides give $500-1,000, typically $700-850 (bestllmfor, May 2026: about $37 per GB; also local-llm.net and insiderllm). Launch MSRP $1,499.',
    notes: 'GA102 whitepaper: 71 TFLOPS FP16 tensor with FP32 accumulate (142 with FP16 accumulate, 285 sparse). The last GeForce card with an NVLink bridge connector.',
  },
  {
    id: 'rtx-4060',
    name: 'NVIDIA GeForce RTX 4060',
    vendor: 'nvidia',
    segment: 'consumer',
    memoryGiB: 8,
    bandwidthGBs: 272,
    fp16Tflops: 30.2,
    powerW: 115,
    backends: ['cuda', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2023-06-29',
    source: 'https://www.techpowerup.com/gpu-specs/geforce-rtx-4060.c4107',
    specSeen: SEEN,
    priceUsd: 299,
    priceSeen: '2023-06-29',
    priceSource: 'https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4060-4060ti/',
    priceNote: 'Launch MSRP; no dated 2026 street price was found.',
    notes: 'FP16 tensor with FP32 accumulate computed as 24 SMs x 512 FLOP/clock x 2.46 GHz boost (the Ada GeForce rate per SM, half the FP16-accumulate rate, per the Ada whitepaper).',
  },
  {
    id: 'rtx-4090',
    name: 'NVIDIA GeForce RTX 4090',
    vendor: 'nvidia',
    segment: 'consumer',
    memoryGiB: 24,
    bandwidthGBs: 1008,
    fp16Tflops: 165.2,
    powerW: 450,
    backends: ['cuda', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2022-10-12',
    source: ADA_WP,
    specSeen: SEEN,
    priceUsd: 2500,
    priceSeen: '2026-02-01',
    priceSource: 'https://insiderllm.com/guides/rtx-4090-vs-used-rtx-3090-local-ai',
    priceNote: 'Street price $2,200-2,800 in Feb 2026 (above the $1,599 launch MSRP; production ended).',
    notes: 'Ada whitepaper: 165.2 TFLOPS FP16 tensor with FP32 accumulate (330.3 with FP16 accumulate, 660.6 sparse). No NVLink.',
  },
  {
    id: 'rtx-5090',
    name: 'NVIDIA GeForce RTX 5090',
    vendor: 'nvidia',
    segment: 'consumer',
    memoryGiB: 32,
    bandwidthGBs: 1792,
    fp16Tflops: 209.5,
    powerW: 575,
    backends: ['cuda', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2025-01-30',
    source: BLACKWELL_WP,
    specSeen: SEEN,
    priceUsd: 2699,
    priceSeen: '2026-06-22',
    priceSource: 'https://signal-noise.net/posts/2026-06-22-gamers-are-funding-the-ai-buildout-rtx-5090-receipt.html',
    priceNote: 'Cheapest partner (AIB) cards in June 2026, about $700 over the $1,999 launch MSRP; typical models $2,900-3,500, premium ones above $5,000. The Founders Edition nominally lists near MSRP but sells out at once. Memory shortages drove the rise.',
    notes: 'FP16 tensor with FP32 accumulate: 170 SMs x 512 FLOP/clock x 2.41 GHz = 209.5 (the 838 TFLOPS spec-sheet figure is FP16-accumulate with sparsity).',
  },
  ...geforce([
    // id, name, GiB, GB/s, SMs, boost GHz, W, release, family page, price, priceSeen, priceNote
    ['rtx-3060-12gb', 'GeForce RTX 3060 12GB', 12, 360, 28, 1.777, 170, '2021-02-25', 'https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/rtx-3060-3060ti/', 329, '2021-02-25', 'Launch MSRP; sold used for much less in 2026 (no dated used price found).'],
    ['rtx-3070', 'GeForce RTX 3070', 8, 448, 46, 1.725, 220, '2020-10-29', 'https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/rtx-3070-3070ti/', 499, '2020-10-29', 'Launch MSRP.'],
    ['rtx-3080', 'GeForce RTX 3080 (10 GB)', 10, 760, 68, 1.71, 320, '2020-09-17', 'https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/rtx-3080-3080ti/', 699, '2020-09-17', 'Launch MSRP.'],
    ['rtx-3080-12gb', 'GeForce RTX 3080 12GB', 12, 912, 70, 1.71, 350, '2022-01-11', 'https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/rtx-3080-3080ti/', null, null, null],
    ['rtx-3080-ti', 'GeForce RTX 3080 Ti', 12, 912, 80, 1.665, 350, '2021-06-03', 'https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/rtx-3080-3080ti/', 1199, '2021-06-03', 'Launch MSRP.'],
    ['rtx-4060-ti-16gb', 'GeForce RTX 4060 Ti 16GB', 16, 288, 34, 2.535, 165, '2023-07-18', 'https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4060-4060ti/', 499, '2023-07-18', 'Launch MSRP.'],
    ['rtx-4070-ti', 'GeForce RTX 4070 Ti (12 GB)', 12, 504, 60, 2.61, 285, '2023-01-05', 'https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4070-family/', 799, '2023-01-05', 'Launch MSRP.'],
    ['rtx-4070-ti-super', 'GeForce RTX 4070 Ti SUPER (16 GB)', 16, 672, 66, 2.61, 285, '2024-01-24', 'https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4070-family/', 799, '2024-01-24', 'Launch MSRP.'],
    ['rtx-4080', 'GeForce RTX 4080', 16, 716.8, 76, 2.505, 320, '2022-11-16', 'https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4080-family/', 1199, '2022-11-16', 'Launch MSRP.'],
    ['rtx-4080-super', 'GeForce RTX 4080 SUPER', 16, 736, 80, 2.55, 320, '2024-01-31', 'https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4080-family/', 999, '2024-01-31', 'Launch MSRP.'],
    ['rtx-5060-ti-8gb', 'GeForce RTX 5060 Ti 8GB', 8, 448, 36, 2.572, 180, '2025-04-16', 'https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5060-family/', 379, '2025-04-16', 'Launch MSRP (biggo.com and true-tech.net launch reports, 2025-04-16); no dated 2026 street price was found.', 'https://biggo.com/news/202504161202_Nvidia_RTX_5060_Ti_Launch', SEEN_DEC],
    ['rtx-5060-ti-16gb', 'GeForce RTX 5060 Ti 16GB', 16, 448, 36, 2.572, 180, '2025-04-16', 'https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5060-family/', 450, '2026-01-01', `Best US retail price in PC Gamer's early-2026 check ($400 in November 2025; launch MSRP $429; B&H's cheapest was $630). ${PCGAMER_DATE_NOTE}`, PCGAMER_16GB_PRICES],
    ['rtx-5070', 'GeForce RTX 5070', 12, 672, 48, 2.51, 250, '2025-03-05', 'https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5070-family/', 549, '2026-01-01', `Still at its $549 launch MSRP at Walmart in PC Gamer's early-2026 check (more at other retailers). ${PCGAMER_DATE_NOTE} Specs: 48 SMs, 2.51 GHz boost, 12 GB GDDR7 on 192 bits = 672 GB/s, 250 W (TweakTown spec table, fpsbench.com).`, PCGAMER_16GB_PRICES, SEEN_DEC],
    ['rtx-5070-ti', 'GeForce RTX 5070 Ti', 16, 896, 70, 2.452, 300, '2025-02-20', 'https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5070-family/', 829, '2026-01-01', `Best US retail price in PC Gamer's early-2026 check ($745 in November 2025; launch MSRP $749; Best Buy's cheapest was $1,199). ${PCGAMER_DATE_NOTE}`, PCGAMER_16GB_PRICES],
    ['rtx-5080', 'GeForce RTX 5080', 16, 960, 84, 2.617, 360, '2025-01-30', 'https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5080/', 1268, '2026-01-01', `Best US retail price in PC Gamer's early-2026 check ($990 in November 2025; launch MSRP $999). ${PCGAMER_DATE_NOTE}`, PCGAMER_16GB_PRICES],
  ]),
  // ------------------------------------------------------------ NVIDIA data centre
  {
    id: 'a100-80gb-sxm',
    name: 'NVIDIA A100 80GB SXM',
    vendor: 'nvidia',
    segment: 'datacenter',
    memoryGiB: 80,
    bandwidthGBs: 2039,
    fp16Tflops: 312,
    powerW: 400,
    backends: ['cuda', 'vulkan'],
    interconnect: 'nvlink',
    unifiedMemory: false,
    releaseDate: '2020-11-16',
    source: 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf',
    specSeen: SEEN,
    notes: 'Datasheet: BF16/FP16 tensor 312 TFLOPS dense (624 sparse), 2,039 GB/s HBM2e, 400 W, NVLink 600 GB/s. No dated purchase price found.',
  },
  {
    id: 'h100-sxm',
    name: 'NVIDIA H100 SXM 80GB',
    vendor: 'nvidia',
    segment: 'datacenter',
    memoryGiB: 80,
    bandwidthGBs: 3350,
    fp16Tflops: 989,
    powerW: 700,
    backends: ['cuda', 'vulkan'],
    interconnect: 'nvlink',
    unifiedMemory: false,
    releaseDate: '2022-09-20',
    source: 'https://www.nvidia.com/en-us/data-center/h100/',
    specSeen: SEEN,
    notes: 'Datasheet: BF16/FP16 tensor 1,979 TFLOPS with sparsity, so 989 dense; 3.35 TB/s HBM3; up to 700 W; NVLink 900 GB/s. Purchase price not sourced (cloud rent $1.49-3.99/h in 2026).',
  },
  {
    id: 'a100-40gb',
    name: 'NVIDIA A100 40GB SXM',
    vendor: 'nvidia',
    segment: 'datacenter',
    memoryGiB: 40,
    bandwidthGBs: 1555,
    fp16Tflops: 312,
    powerW: 400,
    backends: ['cuda', 'vulkan'],
    interconnect: 'nvlink',
    unifiedMemory: false,
    releaseDate: '2020-05-14',
    source: 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf',
    specSeen: SEEN,
    notes: 'The original SXM4 40 GB part (HBM2, 1,555 GB/s, 400 W, NVLink). The 40 GB PCIe card has the same memory and bandwidth at 250 W.',
  },
  {
    id: 'a100-80gb-pcie',
    name: 'NVIDIA A100 80GB PCIe',
    vendor: 'nvidia',
    segment: 'datacenter',
    memoryGiB: 80,
    bandwidthGBs: 1935,
    fp16Tflops: 312,
    powerW: 300,
    backends: ['cuda', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2021-06-28',
    source: 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf',
    specSeen: SEEN,
    notes: 'Datasheet: 1,935 GB/s HBM2e, 300 W, 312 TFLOPS BF16/FP16 dense. An optional NVLink bridge pairs two cards; modelled as PCIe.',
  },
  {
    id: 'h100-pcie',
    name: 'NVIDIA H100 PCIe 80GB',
    vendor: 'nvidia',
    segment: 'datacenter',
    memoryGiB: 80,
    bandwidthGBs: 2000,
    fp16Tflops: 756,
    powerW: 350,
    backends: ['cuda', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2022-09-20',
    source: 'https://www.nvidia.com/en-us/data-center/h100/',
    specSeen: SEEN,
    notes: 'Datasheet: 1,513 TFLOPS BF16/FP16 with sparsity (756 dense), 2 TB/s HBM2e, 300-350 W.',
  },
  {
    id: 'h200',
    name: 'NVIDIA H200 SXM 141GB',
    vendor: 'nvidia',
    segment: 'datacenter',
    memoryGiB: 141,
    bandwidthGBs: 4800,
    fp16Tflops: 989,
    powerW: 700,
    backends: ['cuda', 'vulkan'],
    interconnect: 'nvlink',
    unifiedMemory: false,
    releaseDate: '2024-07-01',
    source: 'https://www.nvidia.com/en-us/data-center/h200/',
    specSeen: SEEN,
    notes: 'Same Hopper compute as the H100 SXM (1,979 TFLOPS sparse, 989 dense) with 141 GB HBM3e at 4.8 TB/s, up to 700 W. Release month approximate (volume shipments mid-2024).',
  },
  {
    id: 'b200',
    name: 'NVIDIA B200 (HGX, 1000 W)',
    vendor: 'nvidia',
    segment: 'datacenter',
    memoryGiB: 180,
    bandwidthGBs: 8000,
    fp16Tflops: 2250,
    powerW: 1000,
    backends: ['cuda', 'vulkan'],
    interconnect: 'nvlink',
    unifiedMemory: false,
    releaseDate: '2025-01-01',
    source: 'https://glennklockwood.com/garden/processors/B200',
    specSeen: SEEN,
    notes: 'HGX B200 at 1,000 W: FP16/BF16 2,250 TFLOPS dense (4,500 sparse), per NVIDIA figures collected by G. Lockwood. Memory: HGX B200 systems ship 180 GB per GPU (nvidia-smi shows about 179 GB; Vultr, 2026-03) although the chip was announced with 192 GB; bandwidth 8 TB/s (some tables give 7.7). Release month approximate (volume shipments early 2025).',
  },
  {
    id: 'a40',
    name: 'NVIDIA A40',
    vendor: 'nvidia',
    segment: 'datacenter',
    memoryGiB: 48,
    bandwidthGBs: 696,
    fp16Tflops: 149.7,
    powerW: 300,
    backends: ['cuda', 'vulkan'],
    interconnect: 'nvlink',
    unifiedMemory: false,
    releaseDate: '2020-10-05',
    source: 'https://www.nvidia.com/en-us/data-center/a40/',
    specSeen: SEEN,
    notes: 'Datasheet: 149.7 TFLOPS FP16 tensor dense (299.4 sparse), 696 GB/s GDDR6, 300 W, NVLink bridge for two cards (112.5 GB/s).',
  },
  {
    id: 'l40s',
    name: 'NVIDIA L40S',
    vendor: 'nvidia',
    segment: 'datacenter',
    memoryGiB: 48,
    bandwidthGBs: 864,
    fp16Tflops: 362.05,
    powerW: 350,
    backends: ['cuda', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2023-10-01',
    source: 'https://www.nvidia.com/en-us/data-center/l40s/',
    specSeen: SEEN,
    notes: 'Datasheet: 362.05 TFLOPS BF16/FP16 tensor dense (733 sparse), 864 GB/s GDDR6, 350 W, no NVLink. Release month approximate.',
  },
  // ------------------------------------------------------------ NVIDIA workstation
  {
    id: 'rtx-a4000',
    name: 'NVIDIA RTX A4000',
    vendor: 'nvidia',
    segment: 'workstation',
    memoryGiB: 16,
    bandwidthGBs: 448,
    fp16Tflops: 76.7,
    powerW: 140,
    backends: ['cuda', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2021-04-12',
    source: 'https://www.nvidia.com/en-us/design-visualization/rtx-a4000/',
    specSeen: SEEN,
    notes: 'Datasheet "Tensor Performance 153.4 TFLOPS" is the sparse figure; dense 76.7 (48 SMs x 1,024 FLOP/clock x 1.56 GHz). Workstation parts run FP32 accumulate at full rate.',
  },
  {
    id: 'rtx-a6000',
    name: 'NVIDIA RTX A6000',
    vendor: 'nvidia',
    segment: 'workstation',
    memoryGiB: 48,
    bandwidthGBs: 768,
    fp16Tflops: 154.8,
    powerW: 300,
    backends: ['cuda', 'vulkan'],
    interconnect: 'nvlink',
    unifiedMemory: false,
    releaseDate: '2020-12-15',
    source: AMPERE_WP,
    specSeen: SEEN,
    priceUsd: 4650,
    priceSeen: '2020-12-15',
    priceSource: 'https://www.nvidia.com/en-us/design-visualization/rtx-a6000/',
    priceNote: 'Launch list price; used cards sell for much less (no dated used price found).',
    notes: 'GA102 whitepaper: 154.8 TFLOPS FP16 tensor with FP32 accumulate dense (309.7 sparse); 768 GB/s GDDR6; 300 W; NVLink bridge for two cards (112.5 GB/s).',
  },
  {
    id: 'rtx-4000-ada',
    name: 'NVIDIA RTX 4000 Ada Generation',
    vendor: 'nvidia',
    segment: 'workstation',
    memoryGiB: 20,
    bandwidthGBs: 360,
    fp16Tflops: 106.9,
    powerW: 130,
    backends: ['cuda', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2023-08-09',
    source: 'https://www.nvidia.com/en-us/design-visualization/rtx-4000/',
    specSeen: SEEN,
    notes: 'DERIVED: 48 SMs x 1,024 FLOP/clock x 2.175 GHz boost (full-rate FP32 accumulate on workstation Ada). NVIDIA quotes 26.7 TFLOPS FP32 and 327.6 "AI TFLOPS" (FP8 with sparsity); no FP16 figure seen.',
  },
  {
    id: 'rtx-5000-ada',
    name: 'NVIDIA RTX 5000 Ada Generation',
    vendor: 'nvidia',
    segment: 'workstation',
    memoryGiB: 32,
    bandwidthGBs: 576,
    fp16Tflops: 261.1,
    powerW: 250,
    backends: ['cuda', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2023-08-09',
    source: 'https://www.nvidia.com/en-us/design-visualization/rtx-5000/',
    specSeen: SEEN,
    notes: 'DERIVED: 100 SMs x 1,024 FLOP/clock x 2.55 GHz boost (full-rate FP32 accumulate on workstation Ada); NVIDIA quotes 65.3 TFLOPS FP32.',
  },
  {
    id: 'rtx-6000-ada',
    name: 'NVIDIA RTX 6000 Ada Generation',
    vendor: 'nvidia',
    segment: 'workstation',
    memoryGiB: 48,
    bandwidthGBs: 960,
    fp16Tflops: 364.2,
    powerW: 300,
    backends: ['cuda', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2022-12-03',
    source: ADA_WP,
    specSeen: SEEN,
    priceUsd: 6800,
    priceSeen: '2022-12-03',
    priceSource: 'https://www.nvidia.com/en-us/design-visualization/rtx-6000/',
    priceNote: 'Launch list price.',
    notes: 'Ada whitepaper: 364.2 TFLOPS FP16 tensor with FP32 accumulate dense (728.5 sparse), 960 GB/s GDDR6, 300 W, no NVLink.',
  },
  {
    id: 'rtx-pro-6000-blackwell',
    name: 'NVIDIA RTX PRO 6000 Blackwell Workstation Edition',
    vendor: 'nvidia',
    segment: 'workstation',
    memoryGiB: 96,
    bandwidthGBs: 1792,
    fp16Tflops: 503.8,
    powerW: 600,
    backends: ['cuda', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2025-04-01',
    source: 'https://www.nvidia.com/en-us/products/workstations/professional-desktop-gpus/rtx-pro-6000/',
    specSeen: SEEN,
    priceUsd: 8565,
    priceSeen: '2026-04-06',
    priceSource: 'https://www.newgearhub.com/review/nvidia-gtc-2026-blackwell-gpus-pro-workstations',
    priceNote: 'MSRP $8,565; retail $8,000-9,200 in April 2026.',
    notes: 'DERIVED: 188 SMs x 1,024 FLOP/clock x ~2.62 GHz, assuming full-rate FP32 accumulate as on earlier workstation parts (NVIDIA quotes 125 TFLOPS FP32 and 4,000 FP4 TOPS with sparsity). If this part has the GeForce half rate, the figure is 251.9. 96 GB GDDR7 ECC, 1,792 GB/s, 600 W. The 300 W Max-Q edition is a different product.',
  },
  // ------------------------------------------------------------ AMD
  {
    id: 'rx-7900-xtx',
    name: 'AMD Radeon RX 7900 XTX',
    vendor: 'amd',
    segment: 'consumer',
    memoryGiB: 24,
    bandwidthGBs: 960,
    fp16Tflops: 122.8,
    powerW: 355,
    backends: ['rocm', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2022-12-13',
    source: 'https://www.amd.com/en/products/graphics/desktops/radeon/7000-series/amd-radeon-rx-7900xtx.html',
    specSeen: SEEN,
    priceUsd: 999,
    priceSeen: '2022-12-13',
    priceSource: 'https://www.amd.com/en/products/graphics/desktops/radeon/7000-series/amd-radeon-rx-7900xtx.html',
    priceNote: 'Launch MSRP; no dated 2026 street price was found.',
    notes: 'AMD lists 122.8 TFLOPS peak FP16 (WMMA, 96 CUs x 512 FLOP/clock x 2.5 GHz); RDNA 3 WMMA with FP32 accumulate runs at the same rate. Sustained rates in practice are far lower.',
  },
  {
    id: 'rx-9070-xt',
    name: 'AMD Radeon RX 9070 XT',
    vendor: 'amd',
    segment: 'consumer',
    memoryGiB: 16,
    bandwidthGBs: 640,
    fp16Tflops: 194.6,
    powerW: 304,
    backends: ['rocm', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2025-03-06',
    source: 'https://www.amd.com/en/products/graphics/desktops/radeon/9000-series/amd-radeon-rx-9070xt.html',
    specSeen: SEEN,
    priceUsd: 599,
    priceSeen: '2025-03-06',
    priceSource: 'https://www.purepc.pl/amd-radeon-rx-9070-xt-oraz-radeon-rx-9070-specyfikacja-cena-i-wydajnosc-kart-graficznych-rdna-4',
    priceNote: 'Launch MSRP; street prices ran $750-800 (ofzenandcomputing.com, 2026).',
    notes: 'DERIVED: 64 CUs x 1,024 FP16 FLOP/clock (RDNA 4 WMMA, twice RDNA 3) x 2.97 GHz = 194.6 dense; AMD quotes 779 INT8 / 1,557 INT4 TOPS with sparsity, consistent with this rate. 640 GB/s (20 Gbps GDDR6, 256-bit); 304 W. ROCm supports RDNA 4 since 6.4.1; Vulkan also works in llama.cpp.',
  },
  {
    id: 'mi300x',
    name: 'AMD Instinct MI300X',
    vendor: 'amd',
    segment: 'datacenter',
    memoryGiB: 192,
    bandwidthGBs: 5300,
    fp16Tflops: 1307.4,
    powerW: 750,
    backends: ['rocm'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2023-12-06',
    source: 'https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html',
    specSeen: SEEN,
    notes: 'AMD: 1,307.4 TFLOPS FP16/BF16 dense (2,614.9 sparse), 192 GB HBM3 at 5.3 TB/s, 750 W. GPUs link over Infinity Fabric (up to 896 GB/s per GPU), comparable to NVLink, but the catalog\'s interconnect ids have no entry for it, so it is modelled as PCIe (a pessimistic tensor-parallel cost).',
  },
  {
    id: 'arc-a770',
    name: 'Intel Arc A770 16GB',
    vendor: 'intel',
    segment: 'consumer',
    memoryGiB: 16,
    bandwidthGBs: 560,
    fp16Tflops: 137.6,
    powerW: 225,
    backends: ['vulkan', 'sycl'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2022-10-12',
    source: 'https://www.techpowerup.com/review/intel-arc-a770/',
    specSeen: SEEN,
    priceUsd: 349,
    priceSeen: '2022-10-12',
    priceSource: 'https://www.techpowerup.com/review/intel-arc-a770/',
    priceNote: 'Launch price of the 16 GB Limited Edition.',
    notes: 'DERIVED: 512 XMX engines x 128 FP16 FLOP/clock x 2.1 GHz = 137.6 (Intel quotes 275 INT8 TOPS). 16 GB GDDR6 at 17.5 Gbps, 256-bit = 560 GB/s. Backend: llama.cpp runs Arc through Vulkan or SYCL; modelled as Vulkan.',
  },
  {
    id: 'arc-b580',
    name: 'Intel Arc B580',
    vendor: 'intel',
    segment: 'consumer',
    memoryGiB: 12,
    bandwidthGBs: 456,
    fp16Tflops: 109.4,
    powerW: 190,
    backends: ['vulkan', 'sycl'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2024-12-13',
    source: 'https://www.techpowerup.com/review/intel-arc-b580/single-page.html',
    specSeen: SEEN,
    priceUsd: 249,
    priceSeen: '2024-12-13',
    priceSource: 'https://www.techpowerup.com/review/intel-arc-b580/single-page.html',
    priceNote: 'Launch MSRP.',
    notes: 'DERIVED: 160 XMX engines x 256 FP16 FLOP/clock x 2.67 GHz = 109.4 (matches 437 INT4 TOPS listed by hmc-tech.com). 12 GB GDDR6, 192-bit, 19 Gbps = 456 GB/s; 190 W. Modelled as Vulkan.',
  },
  // ------------------------------------------------------------ added in the December 2026 refresh
  {
    id: 'rx-7900-xt',
    name: 'AMD Radeon RX 7900 XT',
    vendor: 'amd',
    segment: 'consumer',
    memoryGiB: 20,
    bandwidthGBs: 800,
    fp16Tflops: 103.2,
    powerW: 315,
    backends: ['rocm', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2022-12-13',
    source: 'https://huggingface.co/hardware/rx-7900-xt',
    specSeen: SEEN_DEC,
    priceUsd: 899,
    priceSeen: '2022-12-13',
    priceSource: 'https://wccftech.com/amd-radeon-rx-7900-xt-20-gb-rdna-3-gpu-faster-than-nvidia-rtx-3090-ti-899-usd/',
    priceNote: 'Launch MSRP; no dated 2026 street price was found.',
    notes: 'Hugging Face hardware page: 20 GB, 103 TFLOPS (FP16), 315 W. DERIVED like the XTX row: 84 CUs x 512 FP16 FLOP/clock (WMMA, same rate with FP32 accumulate) x 2.4 GHz boost = 103.2 (cputronic lists a 2,394 MHz boost; guru3d\'s table gives 2.5 GHz, which would make 107.5). 20 GB GDDR6 at 20 Gbps on 320 bits = 800 GB/s (guru3d RX 7900 spec table; guru3d gives 300 W board power, Hugging Face 315 W).',
  },
  {
    id: 'arc-pro-b60',
    name: 'Intel Arc Pro B60 24GB',
    vendor: 'intel',
    segment: 'workstation',
    memoryGiB: 24,
    bandwidthGBs: 456,
    fp16Tflops: 98.3,
    powerW: 200,
    backends: ['vulkan', 'sycl'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2025-09-05',
    source: 'https://hmc-tech.com/gpu/intel-arc-pro-b60-vs-nvidia-quadro-p620',
    specSeen: SEEN_DEC,
    priceUsd: 499,
    priceSeen: '2025-09-05',
    priceSource: 'https://chipversus.com/hardware/gpu/intel-arc-pro-b60',
    priceNote: 'Launch price; chipversus also shows an undated $450 average. Dual-GPU boards (2 x 24 GB, e.g. MaxSun) list at $1,199 (technical.city).',
    notes: 'hmc-tech: 98.3 TFLOPS FP16 tensor with FP32 accumulate (= 160 XMX engines x 256 FP16 FLOP/clock x 2.4 GHz, the B580 rate per engine), 196.6 INT8 TOPS, 24 GB GDDR6 on 192 bits at 19 Gbps = 456 GB/s, 200 W (board partners ship 120-200 W). Announced 2025-05-19; on sale from September 2025 (chipversus, technical.city). Modelled as Vulkan like the other Arc rows.',
  },
  {
    id: 'rtx-pro-4000-blackwell',
    name: 'NVIDIA RTX PRO 4000 Blackwell',
    vendor: 'nvidia',
    segment: 'workstation',
    memoryGiB: 24,
    bandwidthGBs: 672,
    fp16Tflops: 187.6,
    powerW: 140,
    backends: ['cuda', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2025-03-18',
    source: 'https://technical.city/en/video/RTX-PRO-4000-Blackwell-vs-RTX-PRO-5000-72-GB-Blackwell',
    specSeen: SEEN_DEC,
    notes: 'technical.city: 8,960 CUDA cores (70 SMs), 2,617 MHz boost, 140 W, single slot; cputronic.com: 24 GB GDDR7 on 192 bits, 672 GB/s. DERIVED: 70 SMs x 1,024 FLOP/clock x 2.617 GHz = 187.6, assuming full-rate FP32 accumulate as on the RTX PRO 6000 row (hmc-tech lists the 70 W SFF variant at the full rate; at the GeForce half rate the figure would be 93.8). Announced at GTC 2025 (release date approximate). No dated price found.',
  },
  {
    id: 'rtx-pro-4500-blackwell',
    name: 'NVIDIA RTX PRO 4500 Blackwell',
    vendor: 'nvidia',
    segment: 'workstation',
    memoryGiB: 32,
    bandwidthGBs: 896,
    fp16Tflops: 219.7,
    powerW: 200,
    backends: ['cuda', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2025-03-18',
    source: 'https://technical.city/en/video/RTX-PRO-4500-Blackwell',
    specSeen: SEEN_DEC,
    notes: 'technical.city: 10,496 CUDA cores (82 SMs), 2,617 MHz boost, 32 GB GDDR7 on 256 bits = 896 GB/s, 200 W. DERIVED: 82 SMs x 1,024 FLOP/clock x 2.617 GHz = 219.7, assuming full-rate FP32 accumulate as on the RTX PRO 6000 row (hmc-tech lists this card at the GeForce half rate, 109.9). No dated price found.',
  },
  {
    id: 'rtx-pro-5000-blackwell',
    name: 'NVIDIA RTX PRO 5000 Blackwell (48 GB)',
    vendor: 'nvidia',
    segment: 'workstation',
    memoryGiB: 48,
    bandwidthGBs: 1344,
    fp16Tflops: 260,
    powerW: 300,
    backends: ['cuda', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2025-03-18',
    source: 'https://www.purepc.pl/nvidia-rtx-pro-6000-rtx-pro-6000-max-q-rtx-pro-5000-rtx-pro-4500-oraz-rtx-pro-4000-profesjonalne-karty-graficzne-blackwell',
    specSeen: SEEN_DEC,
    notes: 'purepc.pl (GTC 2025): GB202 with 110 SMs (14,080 CUDA cores), 48 GB GDDR7 ECC on 384 bits = 1,344 GB/s, 300 W. DERIVED: NVIDIA quotes 65 TFLOPS FP32 (svethardware.cz, 2025-10-22), and a Blackwell SM does 4x its FP32 rate in dense FP16 tensor maths at full-rate FP32 accumulate, so 260 (hmc-tech assumes a 2.62 GHz boost, which would give 294.8; at the GeForce half rate the figure would be 130). A 72 GB version (same GPU and bandwidth) followed in late 2025; this row is the 48 GB card. No dated price found.',
  },
  {
    id: 'rtx-pro-6000-blackwell-max-q',
    name: 'NVIDIA RTX PRO 6000 Blackwell Max-Q Workstation Edition',
    vendor: 'nvidia',
    segment: 'workstation',
    memoryGiB: 96,
    bandwidthGBs: 1792,
    fp16Tflops: 440.5,
    powerW: 300,
    backends: ['cuda', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2025-03-18',
    source: 'https://technical.city/en/video/RTX-4000-SFF-Ada-Generation-vs-RTX-PRO-6000-Blackwell-Max-Q',
    specSeen: SEEN_DEC,
    priceUsd: 8565,
    priceSeen: '2025-03-18',
    priceSource: 'https://technical.city/en/video/RTX-4000-SFF-Ada-Generation-vs-RTX-PRO-6000-Blackwell-Max-Q',
    priceNote: 'Launch MSRP as technical.city lists it (the same as the 600 W Workstation Edition); no dated 2026 street price was found.',
    notes: 'Same GB202 configuration as the 600 W card (188 SMs, 96 GB GDDR7 ECC on 512 bits = 1,792 GB/s; purepc.pl) at 300 W with lower clocks: technical.city gives a 2,288 MHz boost. DERIVED: 188 SMs x 1,024 FLOP/clock x 2.288 GHz = 440.5, on the same full-rate FP32-accumulate assumption as the RTX PRO 6000 row. Sustained clocks under load may be lower still.',
  },
  {
    id: 'l4',
    name: 'NVIDIA L4',
    vendor: 'nvidia',
    segment: 'datacenter',
    memoryGiB: 24,
    bandwidthGBs: 300,
    fp16Tflops: 121,
    powerW: 72,
    backends: ['cuda', 'vulkan'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2023-03-21',
    source: 'https://hmc-tech.com/gpu/nvidia-l4-vs-nvidia-grid-m40',
    specSeen: SEEN_DEC,
    notes: "NVIDIA's datasheet figure of 242 TFLOPS FP16 tensor is with sparsity (as quoted on grokipedia.com's L4 page), so 121 dense; hmc-tech computes 125.3 at the 2.04 GHz boost, with FP32 accumulate at the full rate. 24 GB GDDR6 on 192 bits, 300 GB/s; 72 W single-slot card powered from the slot; no NVLink. Announced at GTC 2023-03-21. No dated purchase price found.",
  },
  {
    id: 'h20',
    name: 'NVIDIA H20 96GB',
    vendor: 'nvidia',
    segment: 'datacenter',
    memoryGiB: 96,
    bandwidthGBs: 4000,
    fp16Tflops: 148,
    powerW: 400,
    backends: ['cuda', 'vulkan'],
    interconnect: 'nvlink',
    unifiedMemory: false,
    releaseDate: '2024-01-01',
    source: 'https://willitrunai.com/es/gpus/h20-96gb',
    specSeen: SEEN_DEC,
    notes: 'Export-limited Hopper for China: 96 GB HBM3 at 4.0 TB/s, 148 TFLOPS FP16 (dense; zangshuxian.com lists 148 FP16 dense, 296 INT8, 78 SMs), 400 W, NVLink 900 GB/s retained (willitrunai.com). Release month approximate (shipped in 2024); figures from secondary pages, no NVIDIA datasheet was reachable. No dated price found.',
  },
  {
    id: 'b300',
    name: 'NVIDIA B300 (Blackwell Ultra, HGX)',
    vendor: 'nvidia',
    segment: 'datacenter',
    memoryGiB: 288,
    bandwidthGBs: 8000,
    fp16Tflops: 2250,
    powerW: 1400,
    backends: ['cuda', 'vulkan'],
    interconnect: 'nvlink',
    unifiedMemory: false,
    releaseDate: '2025-10-01',
    source: 'https://glennklockwood.com/garden/processors/B300',
    specSeen: SEEN_DEC,
    notes: 'G. Lockwood, from NVIDIA figures: HGX B300 FP16/BF16 2,250 TFLOPS dense (4,500 sparse), the same as B200; dense FP4 rises to 13 PF and FP64 drops to 1.25 TF. 288 GB HBM3e (8 stacks, 12-high), 8 TB/s, 1,400 W maximum, NVLink 5. Release month approximate (shipping from late 2025, yobitel.com).',
  },
  {
    id: 'mi325x',
    name: 'AMD Instinct MI325X',
    vendor: 'amd',
    segment: 'datacenter',
    memoryGiB: 256,
    bandwidthGBs: 6000,
    fp16Tflops: 1307.4,
    powerW: 1000,
    backends: ['rocm'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2024-10-10',
    source: 'https://awesomeagents.ai/hardware/amd-mi325x',
    specSeen: SEEN_DEC,
    notes: 'The MI300X compute (304 CDNA 3 CUs) with 256 GB HBM3E at 6 TB/s: 1,307.4 TFLOPS FP16/BF16 dense, 2,614.9 FP8, 1,000 W (awesomeagents.ai spec table; aiwiki.ai gives the 2024-10-10 launch). Infinity Fabric links modelled as PCIe, as on the MI300X row.',
  },
  {
    id: 'mi355x',
    name: 'AMD Instinct MI355X',
    vendor: 'amd',
    segment: 'datacenter',
    memoryGiB: 288,
    bandwidthGBs: 8000,
    fp16Tflops: 2512.5,
    powerW: 1400,
    backends: ['rocm'],
    interconnect: 'pcie',
    unifiedMemory: false,
    releaseDate: '2025-06-12',
    source: 'https://www.tomshardware.com/pc-components/gpus/amds-instinct-mi355x-accelerator-will-consume-1-400-watts',
    specSeen: SEEN_DEC,
    notes: "Tom's Hardware: 288 GB HBM3E at up to 8 TB/s, 1,400 W (liquid-cooled), FP4/FP6 up to 20.1 PFLOPS. DERIVED: The Register puts the MI355X at about 10 PF dense FP4 (20 with sparsity), and CDNA 4 runs FP16 at a quarter of its FP4 rate, so 20.1 / 2 / 4 = 2,512.5 dense FP16. Announced 2025-06-12, generally available from October 2025 (aiwiki.ai). Infinity Fabric links modelled as PCIe, as on the MI300X row.",
  },
  // ------------------------------------------------------------ unified memory
  {
    id: 'dgx-spark',
    name: 'NVIDIA DGX Spark (GB10, 128 GB)',
    vendor: 'nvidia',
    segment: 'unified',
    memoryGiB: 128,
    bandwidthGBs: 273,
    fp16Tflops: 62.5,
    powerW: 240,
    backends: ['cuda', 'vulkan'],
    interconnect: 'none',
    unifiedMemory: true,
    gpuMemoryFraction: 0.93,
    releaseDate: '2025-10-15',
    source: 'https://www.nvidia.com/en-us/products/workstations/dgx-spark/',
    specSeen: SEEN,
    priceUsd: 3999,
    priceSeen: '2025-10-15',
    priceSource: 'https://www.nvidia.com/en-us/products/workstations/dgx-spark/',
    priceNote: 'Founders Edition price at launch; later 2026 posts quote $4,699.',
    notes: 'NVIDIA states 1 PFLOP FP4 with sparsity, 128 GB LPDDR5x at 273 GB/s, 240 W power supply; an NVIDIA technical blog gives 48 SMs (SM 12.1). 62.5 TFLOPS dense FP16 with FP32 accumulate is DERIVED (1000 / 2 for sparsity / 4 for FP4 to FP16 / 2 for FP32 accumulate, assuming the GeForce-Blackwell half rate); NVIDIA publishes no FP16 figure, and if GB10 runs FP32 accumulate at full rate the figure is about 125 (community databases quote about 100). Prefill estimates on this row are uncertain by up to 2x until calibrated. Linux on GB10 reports about 119-121 GiB usable of 128.',
  },
  {
    id: 'ryzen-ai-max-395',
    name: 'AMD Ryzen AI Max+ 395 (Radeon 8060S, 128 GB)',
    vendor: 'amd',
    segment: 'unified',
    memoryGiB: 128,
    memoryOptionsGiB: [32, 64, 128],
    bandwidthGBs: 256,
    fp16Tflops: 59.4,
    powerW: 120,
    backends: ['vulkan', 'rocm'],
    interconnect: 'none',
    unifiedMemory: true,
    gpuMemoryFraction: 0.75,
    releaseDate: '2025-02-25',
    source: 'https://www.amd.com/en/products/processors/laptop/ryzen/ai-300-series/amd-ryzen-ai-max-plus-395.html',
    specSeen: SEEN,
    priceUsd: 1999,
    priceSeen: '2025-02-25',
    priceSource: 'https://frame.work/desktop',
    priceNote: 'Framework Desktop with 128 GB, as announced; whole machine.',
    notes: 'LPDDR5X-8000 on a 256-bit bus = 256 GB/s. FP16 DERIVED: 40 RDNA 3.5 CUs x 512 FLOP/clock (WMMA) x 2.9 GHz. Default GPU share 0.75 = the 96 GB the firmware can reserve of 128 GB; on Linux the GTT limit can be raised further. Power: configurable 45-120 W package. Backend: Vulkan is the common llama.cpp path (ROCm also supports gfx1151).',
  },
];

const NR = 'https://www.apple.com/newsroom';
/** Macworld report of the 2025 Mac Studio prices (republished copy). */
const MAC_STUDIO_2025_PRICES = 'https://english.worldmagazine.it/431260';
const M1_SRC = `${NR}/2020/11/apple-unleashes-m1/`;
const M1_PRO_MAX_SRC = `${NR}/2021/10/introducing-m1-pro-and-m1-max-the-most-powerful-chips-apple-has-ever-built/`;
const M1_ULTRA_SRC = `${NR}/2022/03/apple-unveils-m1-ultra-the-worlds-most-powerful-chip-for-a-personal-computer/`;
const M2_SRC = `${NR}/2022/06/apple-unveils-m2-with-breakthrough-performance-and-capabilities/`;
const M2_PRO_MAX_SRC = `${NR}/2023/01/apple-unveils-m2-pro-and-m2-max-next-generation-chips-for-next-level-workflows/`;
const M2_ULTRA_SRC = `${NR}/2023/06/apple-introduces-m2-ultra/`;
const M3_SRC = `${NR}/2023/10/apple-unveils-m3-m3-pro-and-m3-max-the-most-advanced-chips-for-a-personal-computer/`;
const M3_ULTRA_SRC = `${NR}/2025/03/apple-reveals-m3-ultra-taking-apple-silicon-to-a-new-extreme/`;
const M4_SRC = `${NR}/2024/05/apple-introduces-m4-chip/`;
const M4_PRO_MAX_SRC = `${NR}/2024/10/apple-introduces-m4-pro-and-m4-max/`;
const M5_SRC = `${NR}/2025/10/apple-unleashes-m5-the-next-big-leap-in-ai-performance-for-apple-silicon/`;
const M5_PRO_MAX_SRC = `${NR}/2026/03/apple-debuts-m5-pro-and-m5-max-to-supercharge-the-most-demanding-pro-workflows/`;
/** What the M5 generation changes for the FP16 figure. */
const M5_NA = 'M5-generation GPUs add a Neural Accelerator (matrix unit) to every core; Apple claims over 4x the peak GPU compute for AI of M4 but publishes no FP16 matrix rate, so this row keeps the FP32-rate convention and prefill on M5 chips is likely underestimated until calibrated. hmc-tech lists the base M5 at 4.45 TFLOPS FP32 and the same for FP16 tensor with FP32 accumulate.';
const M5_PRO_MAX_CLOCK = 'ASSUMED GPU clock: the base M5\'s 1.74 GHz (hmc-tech); no published clock was found for M5 Pro or M5 Max. Apple also sells M5 Ultra (Mac Studio, announced 2026-08-25) and M6, not catalogued here for lack of per-variant core counts from a readable source.';

const MINI_M1 = "Apple's Mac mini (M1) maximum wall power, 39 W (support.apple.com/en-us/103253).";
const MINI_M2 = "Apple's Mac mini (M2) maximum wall power, 50 W (support.apple.com/en-us/103253).";
const MINI_M2_PRO = 'about 100 W: Apple gives roughly double the M2 Mac mini figure for the M2 Pro Mac mini (macgadget.de, 2023-01-27).';
const MINI_M4 = "Apple's Mac mini (M4) maximum wall power, 65 W (support.apple.com/en-us/103253, via servethehome).";
const STUDIO_M1_MAX = `Mac Studio M1 Max (32-core) maximum wall power, 115 W (${APPLE_STUDIO_POWER}).`;
const STUDIO_M1_ULTRA = `Mac Studio M1 Ultra (48-core) maximum wall power, 215 W (${APPLE_STUDIO_POWER}).`;
const STUDIO_M2_MAX = `Mac Studio M2 Max (30-core) maximum wall power, 145 W (${APPLE_STUDIO_POWER}).`;
const STUDIO_M2_ULTRA = `Mac Studio M2 Ultra (76-core) maximum wall power, 295 W (${APPLE_STUDIO_POWER}).`;
const EST = 'ESTIMATE (no Apple wall-power figure found for this chip), set between the published figures of the neighbouring chips.';

hardware.push(
  apple({ id: 'm1-7c', chip: 'M1', gpuCores: 7, memoryOptionsGiB: [8, 16], bandwidthGBs: 68.25, gpuClockGHz: 1.278, powerW: 39, powerNote: MINI_M1, releaseDate: '2020-11-17', source: M1_SRC }),
  apple({ id: 'm1-8c', chip: 'M1', gpuCores: 8, memoryOptionsGiB: [8, 16], bandwidthGBs: 68.25, gpuClockGHz: 1.278, powerW: 39, powerNote: MINI_M1, releaseDate: '2020-11-17', source: M1_SRC }),
  apple({ id: 'm1-pro-14c', chip: 'M1 Pro', gpuCores: 14, memoryOptionsGiB: [16, 32], bandwidthGBs: 200, gpuClockGHz: 1.296, powerW: 70, powerNote: EST, releaseDate: '2021-10-26', source: M1_PRO_MAX_SRC }),
  apple({ id: 'm1-pro-16c', chip: 'M1 Pro', gpuCores: 16, memoryOptionsGiB: [16, 32], bandwidthGBs: 200, gpuClockGHz: 1.296, powerW: 70, powerNote: EST, releaseDate: '2021-10-26', source: M1_PRO_MAX_SRC }),
  apple({ id: 'm1-max-24c', chip: 'M1 Max', gpuCores: 24, memoryOptionsGiB: [32, 64], bandwidthGBs: 400, gpuClockGHz: 1.296, powerW: 115, powerNote: STUDIO_M1_MAX, releaseDate: '2021-10-26', source: M1_PRO_MAX_SRC }),
  apple({ id: 'm1-max-32c', chip: 'M1 Max', gpuCores: 32, memoryOptionsGiB: [32, 64], bandwidthGBs: 400, gpuClockGHz: 1.296, powerW: 115, powerNote: STUDIO_M1_MAX, releaseDate: '2021-10-26', source: M1_PRO_MAX_SRC }),
  apple({ id: 'm1-ultra-48c', chip: 'M1 Ultra', gpuCores: 48, memoryOptionsGiB: [64, 128], bandwidthGBs: 800, gpuClockGHz: 1.296, powerW: 215, powerNote: STUDIO_M1_ULTRA, releaseDate: '2022-03-18', source: M1_ULTRA_SRC }),
  apple({ id: 'm1-ultra-64c', chip: 'M1 Ultra', gpuCores: 64, memoryOptionsGiB: [64, 128], bandwidthGBs: 800, gpuClockGHz: 1.296, powerW: 215, powerNote: STUDIO_M1_ULTRA, releaseDate: '2022-03-18', source: M1_ULTRA_SRC }),
  apple({ id: 'm2-8c', chip: 'M2', gpuCores: 8, memoryOptionsGiB: [8, 16, 24], bandwidthGBs: 100, gpuClockGHz: 1.398, powerW: 50, powerNote: MINI_M2, releaseDate: '2022-06-24', source: M2_SRC }),
  apple({ id: 'm2-10c', chip: 'M2', gpuCores: 10, memoryOptionsGiB: [8, 16, 24], bandwidthGBs: 100, gpuClockGHz: 1.398, powerW: 50, powerNote: MINI_M2, releaseDate: '2022-06-24', source: M2_SRC }),
  apple({ id: 'm2-pro-16c', chip: 'M2 Pro', gpuCores: 16, memoryOptionsGiB: [16, 32], bandwidthGBs: 200, gpuClockGHz: 1.398, powerW: 100, powerNote: MINI_M2_PRO, releaseDate: '2023-01-24', source: M2_PRO_MAX_SRC }),
  apple({ id: 'm2-pro-19c', chip: 'M2 Pro', gpuCores: 19, memoryOptionsGiB: [16, 32], bandwidthGBs: 200, gpuClockGHz: 1.398, powerW: 100, powerNote: MINI_M2_PRO, releaseDate: '2023-01-24', source: M2_PRO_MAX_SRC }),
  apple({ id: 'm2-max-30c', chip: 'M2 Max', gpuCores: 30, memoryOptionsGiB: [32, 64], bandwidthGBs: 400, gpuClockGHz: 1.398, powerW: 145, powerNote: STUDIO_M2_MAX, releaseDate: '2023-01-24', source: M2_PRO_MAX_SRC }),
  apple({ id: 'm2-max-38c', chip: 'M2 Max', gpuCores: 38, memoryOptionsGiB: [32, 64, 96], bandwidthGBs: 400, gpuClockGHz: 1.398, powerW: 145, powerNote: STUDIO_M2_MAX, releaseDate: '2023-01-24', source: M2_PRO_MAX_SRC }),
  apple({ id: 'm2-ultra-60c', chip: 'M2 Ultra', gpuCores: 60, memoryOptionsGiB: [64, 128, 192], bandwidthGBs: 800, gpuClockGHz: 1.398, powerW: 295, powerNote: STUDIO_M2_ULTRA, releaseDate: '2023-06-13', source: M2_ULTRA_SRC }),
  apple({ id: 'm2-ultra-76c', chip: 'M2 Ultra', gpuCores: 76, memoryOptionsGiB: [64, 128, 192], bandwidthGBs: 800, gpuClockGHz: 1.398, powerW: 295, powerNote: STUDIO_M2_ULTRA, releaseDate: '2023-06-13', source: M2_ULTRA_SRC }),
  apple({ id: 'm3-10c', chip: 'M3', gpuCores: 10, memoryOptionsGiB: [8, 16, 24], bandwidthGBs: 100, gpuClockGHz: 1.398, powerW: 50, powerNote: EST, releaseDate: '2023-11-07', source: M3_SRC }),
  apple({ id: 'm3-pro-14c', chip: 'M3 Pro', gpuCores: 14, memoryOptionsGiB: [18, 36], bandwidthGBs: 150, gpuClockGHz: 1.398, powerW: 80, powerNote: EST, releaseDate: '2023-11-07', source: M3_SRC }),
  apple({ id: 'm3-pro-18c', chip: 'M3 Pro', gpuCores: 18, memoryOptionsGiB: [18, 36], bandwidthGBs: 150, gpuClockGHz: 1.398, powerW: 80, powerNote: EST, releaseDate: '2023-11-07', source: M3_SRC }),
  apple({ id: 'm3-max-30c', chip: 'M3 Max', gpuCores: 30, memoryOptionsGiB: [36, 96], bandwidthGBs: 300, gpuClockGHz: 1.398, powerW: 140, powerNote: EST, releaseDate: '2023-11-07', source: M3_SRC }),
  apple({ id: 'm3-max-40c', chip: 'M3 Max', gpuCores: 40, memoryOptionsGiB: [48, 64, 128], bandwidthGBs: 400, gpuClockGHz: 1.398, powerW: 140, powerNote: EST, releaseDate: '2023-11-07', source: M3_SRC }),
  apple({ id: 'm3-ultra-60c', chip: 'M3 Ultra', gpuCores: 60, memoryOptionsGiB: [96, 256], bandwidthGBs: 819, gpuClockGHz: 1.398, powerW: 270, powerNote: EST, releaseDate: '2025-03-12', source: M3_ULTRA_SRC, price: { usd: 3999, seen: '2025-03-05', source: MAC_STUDIO_2025_PRICES, note: 'Launch price of the base Mac Studio with this chip and 96 GB (the default memory here is the largest option, 256 GB, which costs more).' } }),
  apple({ id: 'm3-ultra-80c', chip: 'M3 Ultra', gpuCores: 80, memoryOptionsGiB: [96, 256, 512], bandwidthGBs: 819, gpuClockGHz: 1.398, powerW: 270, powerNote: EST, releaseDate: '2025-03-12', source: M3_ULTRA_SRC }),
  apple({ id: 'm4-10c', chip: 'M4', gpuCores: 10, memoryOptionsGiB: [16, 24, 32], bandwidthGBs: 120, gpuClockGHz: 1.47, powerW: 65, powerNote: MINI_M4, releaseDate: '2024-05-15', source: M4_SRC }),
  apple({ id: 'm4-pro-16c', chip: 'M4 Pro', gpuCores: 16, memoryOptionsGiB: [24, 48, 64], bandwidthGBs: 273, gpuClockGHz: 1.47, powerW: 140, powerNote: EST, releaseDate: '2024-11-08', source: M4_PRO_MAX_SRC }),
  apple({ id: 'm4-pro-20c', chip: 'M4 Pro', gpuCores: 20, memoryOptionsGiB: [24, 48, 64], bandwidthGBs: 273, gpuClockGHz: 1.47, powerW: 140, powerNote: EST, releaseDate: '2024-11-08', source: M4_PRO_MAX_SRC }),
  apple({ id: 'm4-max-32c', chip: 'M4 Max', gpuCores: 32, memoryOptionsGiB: [36], bandwidthGBs: 410, gpuClockGHz: 1.678, powerW: 160, powerNote: EST, releaseDate: '2024-11-08', source: M4_PRO_MAX_SRC, price: { usd: 1999, seen: '2025-03-05', source: MAC_STUDIO_2025_PRICES, note: 'Launch price of the base Mac Studio (2025) with this chip, 36 GB and 512 GB SSD.' } }),
  apple({ id: 'm4-max-40c', chip: 'M4 Max', gpuCores: 40, memoryOptionsGiB: [48, 64, 128], bandwidthGBs: 546, gpuClockGHz: 1.678, powerW: 160, powerNote: EST, releaseDate: '2024-11-08', source: M4_PRO_MAX_SRC }),
  apple({ id: 'm5-10c', chip: 'M5', gpuCores: 10, memoryOptionsGiB: [16, 24, 32], bandwidthGBs: 153, gpuClockGHz: 1.74, powerW: 65, powerNote: EST, releaseDate: '2025-10-22', source: M5_SRC, specSeen: SEEN_DEC, extraNote: `${M5_NA} Memory options 16/24/32 GB (Ars Technica's launch report). Clock 1.74 GHz from hmc-tech.`, price: { usd: 1599, seen: '2025-10-15', source: 'https://itci.kiev.ua/en/uk-uaapple-onovila-bazovij-macbook-pro-z-chipom-m5-ru-ruapple/amp', note: 'Launch price of the 14-inch MacBook Pro with M5, 16 GB and 512 GB SSD (whole laptop).' } }),
  apple({ id: 'm5-pro-16c', chip: 'M5 Pro', gpuCores: 16, memoryOptionsGiB: [24, 48, 64], bandwidthGBs: 307, gpuClockGHz: 1.74, powerW: 140, powerNote: EST, releaseDate: '2026-03-11', source: M5_PRO_MAX_SRC, specSeen: SEEN_DEC, extraNote: `${M5_NA} ${M5_PRO_MAX_CLOCK} The 16-core GPU comes with the 15-core CPU; memory options (24 GB base, 48, up to 64) from Apple's "up to 64GB" and retail configurations (turbovs.com), not confirmed per GPU variant.` }),
  apple({ id: 'm5-pro-20c', chip: 'M5 Pro', gpuCores: 20, memoryOptionsGiB: [24, 48, 64], bandwidthGBs: 307, gpuClockGHz: 1.74, powerW: 140, powerNote: EST, releaseDate: '2026-03-11', source: M5_PRO_MAX_SRC, specSeen: SEEN_DEC, extraNote: `${M5_NA} ${M5_PRO_MAX_CLOCK} Memory options (24 GB base, 48, up to 64) from Apple's "up to 64GB" and retail configurations (turbovs.com).` }),
  apple({ id: 'm5-max-32c', chip: 'M5 Max', gpuCores: 32, memoryOptionsGiB: [36], bandwidthGBs: 460, gpuClockGHz: 1.74, powerW: 160, powerNote: EST, releaseDate: '2026-03-11', source: M5_PRO_MAX_SRC, specSeen: SEEN_DEC, extraNote: `${M5_NA} ${M5_PRO_MAX_CLOCK} Apple's announcement gives only the 40-core figures; the 32-core variant's 36 GB and about 460 GB/s are from cputronic.com (Apple's Mac Studio spec page lists 460 or 614 GB/s for M5 Max, per a 2026 Mac Studio write-up).` }),
  apple({ id: 'm5-max-40c', chip: 'M5 Max', gpuCores: 40, memoryOptionsGiB: [48, 64, 128], bandwidthGBs: 614, gpuClockGHz: 1.74, powerW: 160, powerNote: EST, releaseDate: '2026-03-11', source: M5_PRO_MAX_SRC, specSeen: SEEN_DEC, extraNote: `${M5_NA} ${M5_PRO_MAX_CLOCK} Memory options 48/64/128 GB (cputronic.com; Apple: up to 128 GB at 614 GB/s). Measured default GPU share on a 128 GB M5 Max is about 84% (content-facts section 5.5), above the 0.75 rule used here.` }),
);
