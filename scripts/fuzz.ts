/**
 * `npm run fuzz [-- --cases N --seed S]`: hostile and careless input against the engine and the
 * `estimate` command, with the promises every answer must keep:
 * - the engine answers or throws InputError, and its numbers are finite;
 * - the command exits 0 or 2; on 2, standard error is one line starting `error:`, short, with no
 *   control or line-breaking character; nothing prints NaN or Infinity;
 * - `--jsonl` answers every line, in order, a result or `{"error", "line"}`.
 * Deterministic for a seed. Prints every broken promise with the input that broke it; exits 1 if any.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { catalog } from '../src/lib/catalog/index.ts';
import { estimate } from '../src/lib/estimate.ts';
import { InputError, REQUEST_FIELDS, type EstimateRequest } from '../src/lib/request.ts';

const CLI = fileURLToPath(new URL('../src/lib/cli.ts', import.meta.url));

/** A small seeded generator (mulberry32): the same seed gives the same cases. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof random>;

const HOSTILE_TEXT = ['', ' ', '\u001b[2J\u001b]0;owned\u0007', 'a\u0085b', 'x\u2028y', '\n', '2\nx\nrtx-3090', '<script>alert(1)</script>', '__proto__', 'constructor',
  'toString', '\uFEFF', 'é', '😀', 'NaN', 'Infinity', '-0', '1e400', '0x2000', '0b101', '0o17', '1_000', '   8192   ', '8k', '-5', '1e-300'];
const NUMBERS = [0, -1, 1, 1.5, 1e-9, 1e6, 1e15, 1e308, -1e308, 8192, 131072, 2 ** 31, 0.05, 64, 65];

function hostileString(r: Random): string {
  if (r.chance(0.1)) return r.pick(['q', 'Z', '\u0000', '9']).repeat(r.pick([100, 1000, 50_000]));
  return r.pick(HOSTILE_TEXT);
}

/** A catalog id, sometimes bent: wrong case, a count prefix, a list, a typo. */
function idLike(r: Random, ids: readonly string[]): string {
  const id = r.pick(ids);
  switch (Math.floor(r.next() * 6)) {
    case 0: return id.toUpperCase();
    case 1: return `${r.pick([0, 1, 2, 8, 64, 65, 999])}x${id}`;
    case 2: return `${id},${r.pick(ids)}`;
    case 3: return id.slice(0, -1);
    default: return id;
  }
}

/** A request of random fields with values of the right type, the wrong type, or hostile ones. */
export function randomRequest(r: Random): Record<string, unknown> {
  const req: Record<string, unknown> = {};
  const fields = [...REQUEST_FIELDS.keys()];
  const ids = { model: catalog.models.map((m) => m.id), quant: catalog.quants.map((q) => q.id), hardware: catalog.hardware.map((h) => h.id) };
  if (r.chance(0.8)) req['model'] = r.chance(0.85) ? idLike(r, ids.model) : hostileString(r);
  if (r.chance(0.6)) req['hardware'] = r.chance(0.85) ? idLike(r, ids.hardware) : hostileString(r);
  const extra = Math.floor(r.next() * 5);
  for (let i = 0; i < extra; i++) {
    const key = r.chance(0.05) ? hostileString(r) : r.pick(fields);
    const spec = REQUEST_FIELDS.get(key as never);
    const roll = r.next();
    if (roll < 0.15) req[key] = r.pick([null, true, 'x', [], {}, hostileString(r)]);
    else if (spec?.type === 'number') req[key] = r.chance(0.5) ? r.pick(NUMBERS) : spec.min + r.next() * (Math.min(spec.max, 1e6) - spec.min);
    else if (spec?.type === 'enum') req[key] = r.chance(0.8) ? r.pick(spec.values) : hostileString(r);
    else if (spec?.type === 'boolean') req[key] = r.chance(0.8) ? r.chance(0.5) : 'on';
    else if (key === 'quant') req[key] = idLike(r, ids.quant);
    else req[key] = hostileString(r);
  }
  return req;
}

/** Every number anywhere in a value, for the finite check. */
function numbersIn(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (Array.isArray(v)) for (const x of v) numbersIn(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) numbersIn(x, out);
  return out;
}

const controlOrBreak = (text: string) => [...text].some((c) => { const n = c.charCodeAt(0); return n < 0x20 || (n >= 0x7f && n <= 0x9f) || n === 0x2028 || n === 0x2029; });

/** Broken promises of the engine over `cases` random requests, in process. */
export function fuzzEngine(seed: number, cases: number): string[] {
  const r = random(seed);
  const broken: string[] = [];
  for (let i = 0; i < cases; i++) {
    const req = randomRequest(r);
    try {
      const res = estimate(req as EstimateRequest);
      if (numbersIn(res).some((x) => !Number.isFinite(x))) broken.push(`non-finite number for ${JSON.stringify(req).slice(0, 200)}`);
      if (res.fit?.fits && res.hardware!.devices.some((d) => d.assignedBytes > d.memoryBytes + 1)) broken.push(`fits over a device's memory for ${JSON.stringify(req).slice(0, 200)}`);
    } catch (e) {
      if (!(e instanceof InputError)) broken.push(`threw ${(e as Error).name}: ${(e as Error).message} for ${JSON.stringify(req).slice(0, 200)}`);
      else if (controlOrBreak(e.message)) broken.push(`raw control character in "${JSON.stringify(e.message).slice(0, 120)}"`);
    }
  }
  return broken;
}

/** Broken promises of `estimate --jsonl` over one batch of `lines` random lines (some not JSON at all). */
export function fuzzJsonl(seed: number, lines: number): string[] {
  const r = random(seed);
  const input = Array.from({ length: lines }, () => (r.chance(0.05) ? hostileString(r).replace(/[\r\n]/g, ' ') || '{' : JSON.stringify(randomRequest(r))));
  const run = spawnSync(process.execPath, [CLI, '--jsonl'], { input: `${input.join('\n')}\n`, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 300_000 });
  const broken: string[] = [];
  if (run.status !== 0 && run.status !== 2) broken.push(`--jsonl exited ${run.status}: ${run.stderr.slice(0, 200)}`);
  const out = run.stdout.split('\n');
  out.pop();
  // Blank lines at the very end are not lines; every other line has its answer.
  let expected = input.length;
  while (expected > 0 && input[expected - 1]!.trim() === '') expected--;
  if (out.length !== expected) broken.push(`--jsonl answered ${out.length} of ${expected} lines`);
  out.forEach((line, i) => {
    let v: { error?: string; line?: number };
    try { v = JSON.parse(line); } catch { broken.push(`answer ${i + 1} is not JSON`); return; }
    if (v.error !== undefined && v.line !== i + 1) broken.push(`answer ${i + 1} names line ${v.line}`);
    // JSON writes a NaN or an infinity as null: no size, rate or count of a result may be null.
    if (v.error === undefined && /"(?:[a-zA-Z]+(?:Bytes|PerSec|Params|Context|PerToken|Sec))":null/.test(line)) broken.push(`answer ${i + 1} has a null number`);
    if (v.error !== undefined && controlOrBreak(v.error)) broken.push(`answer ${i + 1} has a raw control character`);
  });
  return broken;
}

/** Broken promises of the command line over `cases` random argument lists (one process each). */
export function fuzzArgs(seed: number, cases: number): string[] {
  const r = random(seed);
  const flags = [...REQUEST_FIELDS.values()].map((f) => f.flag);
  const broken: string[] = [];
  for (let i = 0; i < cases; i++) {
    const req = randomRequest(r);
    const argv: string[] = [];
    for (const [k, v] of Object.entries(req)) {
      const flag = REQUEST_FIELDS.get(k as never)?.flag ?? (r.chance(0.5) ? `--${k}` : k);
      const value = typeof v === 'boolean' ? (v ? 'on' : 'off') : typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
      argv.push(...(r.chance(0.2) ? [`${flag}=${value}`] : [flag, value]));
    }
    if (r.chance(0.1)) argv.push(r.pick(flags));
    if (r.chance(0.1)) argv.push(r.pick(['--json=false', '--list', 'constructor', '-x', '--', '--jsonl']));
    if (r.chance(0.5)) argv.push('--json');
    // A NUL cannot pass through a process's arguments at all.
    const safeArgv = argv.map((a) => a.split(String.fromCharCode(0)).join('').slice(0, 100_000));
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [CLI, ...safeArgv], { encoding: 'utf8', input: '', timeout: 30_000 });
    const ms = performance.now() - t0;
    const shown = JSON.stringify(safeArgv).slice(0, 200);
    if (run.status !== 0 && run.status !== 2) broken.push(`exit ${run.status} for ${shown}: ${run.stderr.slice(0, 200)}`);
    if (run.status === 2) {
      const lines = run.stderr.split('\n');
      if (lines.length !== 2 || lines[1] !== '' || !lines[0]!.startsWith('error: ')) broken.push(`not one error line for ${shown}: ${JSON.stringify(run.stderr.slice(0, 200))}`);
      if (controlOrBreak(lines[0] ?? '')) broken.push(`raw control character in the error for ${shown}`);
      if (run.stderr.length > 1100) broken.push(`error of ${run.stderr.length} characters for ${shown}`);
    }
    if (/NaN|Infinity/.test(run.stdout)) broken.push(`NaN or Infinity printed for ${shown}`);
    if (ms > 10_000) broken.push(`${(ms / 1000).toFixed(1)} s for ${shown}`);
  }
  return broken;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    const v = i >= 0 ? Number(args[i + 1]) : fallback;
    return Number.isInteger(v) && v > 0 ? v : fallback;
  };
  const cases = option('--cases', 2000);
  const seed = option('--seed', 20261207);
  const t0 = performance.now();
  const broken = [
    ...fuzzEngine(seed, cases * 10),
    ...fuzzJsonl(seed + 1, cases * 10),
    ...fuzzArgs(seed + 2, Math.ceil(cases / 10)),
  ];
  for (const b of broken) console.log(`broken: ${b}`);
  console.log(`fuzz (seed ${seed}): ${cases * 10} engine requests, ${cases * 10} JSON lines, ${Math.ceil(cases / 10)} command lines in ${((performance.now() - t0) / 1000).toFixed(0)} s; ${broken.length} broken`);
  process.exitCode = broken.length > 0 ? 1 : 0;
}
