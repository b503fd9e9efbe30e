/**
 * Placement: which layers go on which device, what spills to system RAM, and whether it fits.
 *
 * Layer split (llama.cpp's default `--split-mode layer`, vLLM pipeline parallel, Transformers
 * `device_map`): each device holds a contiguous run of layers with their KV cache, in proportion
 * to its free memory (llama.cpp's default `--tensor-split`); when the proportional split overflows a
 * device but a packed one fits, the packed one is used (what a user reaches with `-ts`). The output
 * head sits on the last device.
 * Tensor split (vLLM's default, llama.cpp `--split-mode tensor`): every device holds 1/N of every
 * weight; the KV cache is split by KV head (replicated when there are fewer KV heads than devices,
 * and in full on every device for multi-head latent attention); the smallest device binds.
 * Offload (only with `ramGb`), as each engine can do it, the same way on one device or many:
 * llama.cpp moves MoE expert tensors of the first layers to system RAM (`--n-cpu-moe N`) when that
 * suffices, else whole layers with their KV cache (`-ngl`); Transformers moves whole layers
 * (accelerate's device_map); vLLM moves weights only (`--cpu-offload-gb`, the same amount per
 * GPU, streamed back every step), never the KV cache. The least offload that fits is chosen.
 */

/** What an engine can move to system RAM (see the header). */
export type OffloadPolicy = 'layers-or-experts' | 'layers' | 'weights';

/** Everything placement needs, in bytes. */
export interface PlacementInput {
  /** Weights of each repeating layer. */
  layerWeights: Float64Array;
  /** Routed-expert weights of each layer (0 for dense layers). */
  layerExperts: Float64Array;
  /** KV cache of each layer. */
  layerKv: Float64Array;
  /** Sum of layer weights and layer KV, if known (saves a pass over the layers). */
  layerSum?: number;
  /** Prefix sums (length L+1) of layer weights and of layer KV, if known: the proportional split then costs O(D log L). */
  prefixWeights?: Float64Array;
  prefixKv?: Float64Array;
  /** Output head (+ final norm), on the last device. */
  outputBytes: number;
  /** Extra bytes on the first device (token embedding outside llama.cpp, vision encoder). */
  firstDeviceExtra: number;
  /** Bytes kept in system memory in any case (llama.cpp's token embedding). */
  hostBytes: number;
  /** Memory each device may use. */
  capacities: number[];
  /** Fixed overhead of each device (context, compute buffers). */
  fixed: number[];
  split: 'layer' | 'tensor';
  /** Tensor split: share of the KV cache each device holds (1/N, or more when replicated). */
  kvShare: number;
  /** System RAM available for offload; null when offload is not possible. */
  ramCapacity: number | null;
  /** What the engine can move to system RAM when the devices are too small. */
  offload: OffloadPolicy;
  /** Read-only arrays to share between placements (see placementArrays); fresh arrays when absent. */
  arrays?: PlacementArrays;
}

/**
 * Read-only arrays that placements share, by layer count and by layer bounds: typed arrays over
 * 64 bytes live outside the V8 heap and cost about a microsecond each, more than the rest of a
 * sweep row's placement. An engine keeps one set; placements never write to them.
 */
export interface PlacementArrays {
  zeros: Map<number, { dev: Int16Array; cpu: Uint8Array }>;
  bounds: Map<number, Int16Array>;
}

/** An empty set of shared placement arrays. */
export function placementArrays(): PlacementArrays {
  return { zeros: new Map(), bounds: new Map() };
}

export type OffloadMode = 'layers' | 'experts' | 'weights' | null;

/** Where everything went. */
export interface Placement {
  verdict: 'fits' | 'offload' | 'no-fit';
  /** Device index of each layer; -1 when the whole layer is in system RAM. Read-only: may be shared between placements. */
  layerDevice: Int16Array;
  /** 1 where the layer's routed experts are in system RAM. */
  expertCpu: Uint8Array;
  /** Bytes placed on each device (including fixed overhead). */
  assigned: number[];
  offloadedLayers: number;
  offloadMode: OffloadMode;
  /** Bytes in system RAM for the model (weights and KV of offloaded parts; not the host embedding). */
  offloadedBytes: number;
  /** Least free bytes over devices (negative: the shortfall). */
  headroomBytes: number;
  /** When every layer is on a device in contiguous runs: first layer of each device, then L (length D+1). */
  bounds?: number[];
}

interface Assign { ok: boolean; layerDevice: Int16Array; assigned: number[]; unplaced: number; bounds?: number[] }

/** GPU cost of layer i with `k` leading layers fully on CPU and experts of `n` leading MoE layers on CPU. */
function gpuCost(p: PlacementInput, i: number, k: number, expertCpu: Uint8Array): number {
  if (i < k) return 0;
  return p.layerWeights[i]! - (expertCpu[i] ? p.layerExperts[i]! : 0) + p.layerKv[i]!;
}

function assignLayers(p: PlacementInput, k: number, expertCpu: Uint8Array, wantBalanced: boolean): Assign {
  const L = p.layerWeights.length;
  const D = p.capacities.length;
  const free: number[] = new Array<number>(D);
  const assigned: number[] = new Array<number>(D);
  for (let d = 0; d < D; d++) {
    assigned[d] = p.fixed[d]! + (d === 0 ? p.firstDeviceExtra : 0) + (d === D - 1 ? p.outputBytes : 0);
    free[d] = p.capacities[d]! - assigned[d]!;
  }
  // Proportional split first (what llama.cpp does by default), if asked.
  if (wantBalanced && D > 1) {
    let total = 0;
    if (k === 0 && p.layerSum !== undefined && !expertCpu.includes(1)) total = p.layerSum;
    else for (let i = k; i < L; i++) total += gpuCost(p, i, k, expertCpu);
    let freeSum = 0;
    for (let d = 0; d < D; d++) freeSum += Math.max(0, free[d]!);
    if (freeSum > 0) {
      const bal = assigned.slice();
      const ends: number[] = [];
      let acc = 0;
      for (let d = 0; d < D; d++) { acc += Math.max(0, free[d]!); ends.push((acc / freeSum) * total); }
      const simple = k === 0 && total === p.layerSum;
      const pw = p.prefixWeights, pk = p.prefixKv;
      if (simple && pw && pk) {
        // Layer i goes to the first device whose share its midpoint does not pass; midpoints grow with i.
        const bounds: number[] = [0];
        for (let dd = 0; dd < D - 1; dd++) {
          let lo = bounds[dd]!, hi = L; // count of layers with mid <= ends[dd]
          const end = ends[dd]!;
          while (lo < hi) {
            const m = (lo + hi) >> 1;
            if ((pw[m]! + pk[m]! + pw[m + 1]! + pk[m + 1]!) / 2 <= end) lo = m + 1; else hi = m;
          }
          bounds.push(lo);
        }
        bounds.push(L);
        let ok = true;
        for (let dd = 0; dd < D; dd++) {
          const a0 = bounds[dd]!, a1 = bounds[dd + 1]!;
          bal[dd]! += pw[a1]! + pk[a1]! - pw[a0]! - pk[a0]!;
          if (bal[dd]! > p.capacities[dd]!) ok = false;
        }
        if (ok) return { ok: true, layerDevice: boundsLayerDevice(bounds, L, p.arrays), assigned: bal, unplaced: 0, bounds };
      }
      // The walk below assigns exactly as the prefix-sum split above (same midpoint rule), so when that
      // one was computed and overflowed, the walk would too: go straight to packing.
      if (!(simple && pw && pk)) {
        let cum = 0;
        let d = 0;
        const ld = new Int16Array(L).fill(-1);
        const lw = p.layerWeights, lk = p.layerKv;
        for (let i = k; i < L; i++) {
          const c = simple ? lw[i]! + lk[i]! : gpuCost(p, i, k, expertCpu);
          while (d < D - 1 && cum + c / 2 > ends[d]!) d++;
          ld[i] = d;
          bal[d]! += c;
          cum += c;
        }
        let ok = true;
        for (let j = 0; j < D; j++) if (bal[j]! > p.capacities[j]!) { ok = false; break; }
        if (ok) return { ok: true, layerDevice: ld, assigned: bal, unplaced: 0 };
      }
    }
  }
  // Packed: fill devices in order.
  const layerDevice = new Int16Array(L).fill(-1);
  let d = 0;
  let unplaced = 0;
  for (let i = k; i < L; i++) {
    const c = gpuCost(p, i, k, expertCpu);
    while (d < D && c > free[d]!) d++;
    if (d >= D) { unplaced += c; continue; }
    free[d]! -= c;
    assigned[d]! += c;
    layerDevice[i] = d;
  }
  for (let j = 0; j < D; j++) if (free[j]! < 0) unplaced += -free[j]!;
  return { ok: unplaced === 0, layerDevice, assigned, unplaced };
}

function cpuBytes(p: PlacementInput, k: number, expertCpu: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < p.layerWeights.length; i++) {
    if (i < k) s += p.layerWeights[i]! + p.layerKv[i]!;
    else if (expertCpu[i]) s += p.layerExperts[i]!;
  }
  return s;
}

function minHeadroom(p: PlacementInput, assigned: number[]): number {
  let h = Infinity;
  for (let d = 0; d < assigned.length; d++) h = Math.min(h, p.capacities[d]! - assigned[d]!);
  return h;
}

/** All-zero arrays (every layer on device 0, no experts on the CPU), shared when `arrays` is given; callers must not write to them. */
function zeros(L: number, arrays: PlacementArrays | undefined): { dev: Int16Array; cpu: Uint8Array } {
  let z = arrays?.zeros.get(L);
  if (!z) { z = { dev: new Int16Array(L), cpu: new Uint8Array(L) }; arrays?.zeros.set(L, z); }
  return z;
}

/** Most layer-bound maps kept in one set of shared arrays. */
const MAX_SHARED_BOUNDS = 4096;

/** The layer-to-device map of contiguous runs (`bounds`, length D+1), shared when `arrays` is given; callers must not write to it. */
function boundsLayerDevice(bounds: number[], L: number, arrays: PlacementArrays | undefined): Int16Array {
  const D = bounds.length - 1;
  // A numeric key (L and the bounds in base L+1) is exact while it stays below 2^53.
  let key = L;
  let exact = D <= 6 && L < 4096;
  if (exact) for (let d = 1; d < D; d++) key = key * (L + 1) + bounds[d]!;
  exact = exact && key < Number.MAX_SAFE_INTEGER;
  const hit = exact ? arrays?.bounds.get(key) : undefined;
  if (hit) return hit;
  const ld = new Int16Array(L);
  for (let d = 0; d < D; d++) if (bounds[d + 1]! > bounds[d]!) ld.fill(d, bounds[d]!, bounds[d + 1]!);
  if (exact && arrays) {
    if (arrays.bounds.size > MAX_SHARED_BOUNDS) arrays.bounds.clear();
    arrays.bounds.set(key, ld);
  }
  return ld;
}

/** Binary search for the least x in [lo, hi] with ok(x), assuming ok is monotone; hi+1 if none. */
function leastTrue(lo: number, hi: number, ok: (x: number) => boolean): number {
  if (!ok(hi)) return hi + 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) hi = mid; else lo = mid + 1;
  }
  return lo;
}

/** Per-device bytes of a tensor split with `k` leading layers on the CPU and the experts of `expertCpu` layers there. */
function tensorAssigned(p: PlacementInput, k: number, expertCpu: Uint8Array): number[] {
  const L = p.layerWeights.length;
  const D = p.capacities.length;
  let w = p.outputBytes + p.firstDeviceExtra;
  let kv = 0;
  for (let i = k; i < L; i++) { w += p.layerWeights[i]! - (expertCpu[i] ? p.layerExperts[i]! : 0); kv += p.layerKv[i]!; }
  return p.fixed.map((f) => f + w / D + kv * p.kvShare);
}

function excessOf(p: PlacementInput, assigned: readonly number[]): number {
  let excess = 0;
  for (let d = 0; d < assigned.length; d++) excess = Math.max(excess, assigned[d]! - p.capacities[d]!);
  return excess;
}

function placeTensor(p: PlacementInput): Placement {
  const L = p.layerWeights.length;
  const none = zeros(L, p.arrays).cpu;
  const assigned = tensorAssigned(p, 0, none);
  const excess = excessOf(p, assigned);
  const layerDevice = zeros(L, p.arrays).dev;
  if (excess <= 0) {
    return { verdict: 'fits', layerDevice, expertCpu: none, assigned, offloadedLayers: 0, offloadMode: null, offloadedBytes: 0, headroomBytes: minHeadroom(p, assigned) };
  }
  const noFit: Placement = { verdict: 'no-fit', layerDevice, expertCpu: none, assigned, offloadedLayers: 0, offloadMode: null, offloadedBytes: 0, headroomBytes: -excess * p.capacities.length };
  if (p.ramCapacity === null) return noFit;
  if (p.offload === 'weights') return offloadWeights(p, assigned, layerDevice, none) ?? noFit;
  return offloadLayers(p, (k, cpu) => { const a = tensorAssigned(p, k, cpu); return { ok: excessOf(p, a) <= 0, assigned: a, layerDevice: zeros(L, p.arrays).dev }; }, noFit);
}

/**
 * vLLM's weight offload: every device moves the same bytes of weights (`--cpu-offload-gb`, the
 * largest excess) to system RAM; the KV cache and buffers stay. Null when a device would have to
 * move more than its weights, or system RAM is too small.
 */
function offloadWeights(p: PlacementInput, assigned: number[], layerDevice: Int16Array, none: Uint8Array, weightsOn?: number[]): Placement | null {
  const L = p.layerWeights.length;
  const D = p.capacities.length;
  const excess = excessOf(p, assigned);
  let weights = p.outputBytes + p.firstDeviceExtra;
  for (let i = 0; i < L; i++) weights += p.layerWeights[i]!;
  const perDevice = weightsOn ?? assigned.map(() => weights / D);
  if (perDevice.some((w) => excess >= w)) return null;
  const offloaded = excess * D;
  if (offloaded + p.hostBytes > p.ramCapacity!) return null;
  const perLayer = (weights - p.outputBytes - p.firstDeviceExtra) / Math.max(1, L);
  const n = Math.min(L, Math.ceil(offloaded / Math.max(1, perLayer)));
  const after = assigned.map((a) => a - excess);
  return { verdict: 'offload', layerDevice, expertCpu: none, assigned: after, offloadedLayers: n, offloadMode: 'weights', offloadedBytes: offloaded, headroomBytes: minHeadroom(p, after) };
}

/**
 * Every layer on a device, in proportion to the devices' memory (llama.cpp's and vLLM's default
 * split), whether or not it fits: the bytes and the weights each device would hold.
 */
function spreadLayers(p: PlacementInput): { assigned: number[]; layerDevice: Int16Array; weightsOn: number[] } {
  const L = p.layerWeights.length;
  const D = p.capacities.length;
  const assigned = p.fixed.map((f, d) => f + (d === 0 ? p.firstDeviceExtra : 0) + (d === D - 1 ? p.outputBytes : 0));
  const weightsOn = p.fixed.map((_, d) => (d === 0 ? p.firstDeviceExtra : 0) + (d === D - 1 ? p.outputBytes : 0));
  let total = 0;
  for (let i = 0; i < L; i++) total += p.layerWeights[i]! + p.layerKv[i]!;
  const capSum = p.capacities.reduce((x, y) => x + y, 0);
  const ends: number[] = [];
  let acc = 0;
  for (let d = 0; d < D; d++) { acc += p.capacities[d]!; ends.push((acc / Math.max(1, capSum)) * total); }
  const layerDevice = new Int16Array(L);
  let cum = 0;
  let d = 0;
  for (let i = 0; i < L; i++) {
    const c = p.layerWeights[i]! + p.layerKv[i]!;
    while (d < D - 1 && cum + c / 2 > ends[d]!) d++;
    layerDevice[i] = d;
    assigned[d]! += c;
    weightsOn[d]! += p.layerWeights[i]!;
    cum += c;
  }
  return { assigned, layerDevice, weightsOn };
}

/** A placement of the layers from `k` on, with the experts of `expertCpu` layers on the CPU. */
type LayerFit = (k: number, expertCpu: Uint8Array) => { ok: boolean; assigned: number[]; layerDevice: Int16Array };

/**
 * llama.cpp's and Transformers' offload: the experts of the first MoE layers (llama.cpp
 * `--n-cpu-moe`), else the first whole layers with their KV cache, the fewest that fit; `noFit`
 * when none fits or system RAM is too small.
 */
function offloadLayers(p: PlacementInput, fit: LayerFit, noFit: Placement): Placement {
  const L = p.layerWeights.length;
  const none = zeros(L, p.arrays).cpu;
  const ramFor = (bytes: number) => bytes + p.hostBytes <= p.ramCapacity!;
  const moeLayers: number[] = [];
  for (let i = 0; i < L; i++) if (p.layerExperts[i]! > 0) moeLayers.push(i);
  if (p.offload === 'layers-or-experts' && moeLayers.length > 0) {
    const mask = (n: number) => { const m = new Uint8Array(L); for (let j = 0; j < n; j++) m[moeLayers[j]!] = 1; return m; };
    const n = leastTrue(1, moeLayers.length, (x) => fit(0, mask(x)).ok);
    if (n <= moeLayers.length) {
      const m = mask(n);
      const a = fit(0, m);
      const cpu = cpuBytes(p, 0, m);
      if (!ramFor(cpu)) return noFit;
      return { verdict: 'offload', layerDevice: a.layerDevice, expertCpu: m, assigned: a.assigned, offloadedLayers: n, offloadMode: 'experts', offloadedBytes: cpu, headroomBytes: minHeadroom(p, a.assigned) };
    }
  }
  // Whole layers: the first k layers on the CPU (llama.cpp keeps the last -ngl layers on the GPU).
  const k = leastTrue(1, L, (x) => fit(x, none).ok);
  if (k > L) return noFit;
  const a = fit(k, none);
  const cpu = cpuBytes(p, k, none);
  // The shortfall is then system RAM's.
  if (!ramFor(cpu)) return { ...noFit, headroomBytes: -(cpu + p.hostBytes - p.ramCapacity!) };
  const layerDevice = a.layerDevice.slice();
  for (let i = 0; i < k; i++) layerDevice[i] = -1;
  return { verdict: 'offload', layerDevice, expertCpu: none, assigned: a.assigned, offloadedLayers: k, offloadMode: 'layers', offloadedBytes: cpu, headroomBytes: minHeadroom(p, a.assigned) };
}

/**
 * Place a model on the devices (and system RAM if allowed), choosing the least offload that fits.
 * `balanced` asks for llama.cpp's proportional split in the reported per-device bytes (set false
 * when only the verdict matters, e.g. inside a search).
 */
export function place(p: PlacementInput, balanced = true): Placement {
  if (p.split === 'tensor' && p.capacities.length > 1) return placeTensor(p);
  const L = p.layerWeights.length;
  // Fast path for one device that holds everything (the common case in sweeps): no per-layer arrays.
  if (p.capacities.length === 1) {
    let need = p.fixed[0]! + p.firstDeviceExtra + p.outputBytes;
    if (p.layerSum !== undefined) need += p.layerSum;
    else for (let i = 0; i < L; i++) need += p.layerWeights[i]! + p.layerKv[i]!;
    if (need <= p.capacities[0]! || p.ramCapacity === null) {
      const z = zeros(L, p.arrays);
      const fits = need <= p.capacities[0]!;
      return { verdict: fits ? 'fits' : 'no-fit', layerDevice: z.dev, expertCpu: z.cpu, assigned: [need], offloadedLayers: 0, offloadMode: null, offloadedBytes: 0, headroomBytes: p.capacities[0]! - need };
    }
  }
  // Fast no-fit: more than all devices together hold, and nowhere to offload.
  if (p.ramCapacity === null && p.layerSum !== undefined) {
    let need = p.firstDeviceExtra + p.outputBytes + p.layerSum;
    let cap = 0;
    for (let d = 0; d < p.capacities.length; d++) { need += p.fixed[d]!; cap += p.capacities[d]!; }
    if (need > cap) {
      const z = zeros(L, p.arrays);
      const assigned = p.capacities.slice();
      return { verdict: 'no-fit', layerDevice: z.dev, expertCpu: z.cpu, assigned, offloadedLayers: 0, offloadMode: null, offloadedBytes: 0, headroomBytes: cap - need };
    }
  }
  const none = zeros(L, p.arrays).cpu; // read-only: no experts on the CPU
  const first = assignLayers(p, 0, none, balanced);
  if (first.ok) {
    const pl: Placement = { verdict: 'fits', layerDevice: first.layerDevice, expertCpu: none, assigned: first.assigned, offloadedLayers: 0, offloadMode: null, offloadedBytes: 0, headroomBytes: minHeadroom(p, first.assigned) };
    if (first.bounds) pl.bounds = first.bounds;
    return pl;
  }
  const noFit: Placement = { verdict: 'no-fit', layerDevice: first.layerDevice, expertCpu: none, assigned: first.assigned, offloadedLayers: 0, offloadMode: null, offloadedBytes: 0, headroomBytes: -first.unplaced };
  if (p.ramCapacity === null) return noFit;
  if (p.offload === 'weights') {
    const spread = spreadLayers(p);
    return offloadWeights(p, spread.assigned, spread.layerDevice, none, spread.weightsOn) ?? noFit;
  }
  return offloadLayers(p, (k, cpu) => assignLayers(p, k, cpu, balanced), noFit);
}
