/**
 * The `estimate` command: `npm run --silent estimate -- [options]`.
 *
 * Prints a readable breakdown, or with `--json` one JSON object (EstimateResult). `--jsonl` reads
 * one JSON request per line on standard input and writes one JSON result per line in order; a bad
 * line yields `{"error": "...", "line": N}` and the rest go on; exit 0 when every line succeeded,
 * else 2. `--list models|hardware|quants [--json]` lists the catalog. Bad input exits 2 with one
 * line on standard error starting `error:`. Runs on Node 24 (type stripping), no dependencies.
 */
import { catalog } from './catalog/index.ts';
import { estimate } from './estimate.ts';
import { InputError } from './request.ts';
import type { EstimateResult } from './sizing/types.ts';
import type { EstimateRequest } from './request.ts';
import { suggestIds } from './suggest.ts';

/** Command-line option -> request key, and whether the value is a number. */
const OPTIONS: Record<string, { key: keyof EstimateRequest; number: boolean; onOff?: boolean }> = {
  '--model': { key: 'model', number: false },
  '--params': { key: 'params', number: true },
  '--layers': { key: 'layers', number: true },
  '--hidden': { key: 'hidden', number: true },
  '--heads': { key: 'heads', number: true },
  '--kv-heads': { key: 'kvHeads', number: true },
  '--head-dim': { key: 'headDim', number: true },
  '--vocab': { key: 'vocab', number: true },
  '--intermediate': { key: 'intermediate', number: true },
  '--experts': { key: 'experts', number: true },
  '--active-experts': { key: 'activeExperts', number: true },
  '--quant': { key: 'quant', number: false },
  '--bpw': { key: 'bpw', number: true },
  '--context': { key: 'context', number: true },
  '--prompt': { key: 'prompt', number: true },
  '--output': { key: 'output', number: true },
  '--depth': { key: 'depth', number: true },
  '--sequences': { key: 'sequences', number: true },
  '--kv-cache': { key: 'kvCache', number: false },
  '--engine': { key: 'engine', number: false },
  '--split': { key: 'split', number: false },
  '--interconnect': { key: 'interconnect', number: false },
  '--hardware': { key: 'hardware', number: false },
  '--memory-gb': { key: 'memoryGb', number: true },
  '--bandwidth-gbs': { key: 'bandwidthGbs', number: true },
  '--tflops': { key: 'tflops', number: true },
  '--backend': { key: 'backend', number: false },
  '--devices': { key: 'devices', number: true },
  '--ram-gb': { key: 'ramGb', number: true },
  '--ram-bandwidth-gbs': { key: 'ramBandwidthGbs', number: true },
  '--gpu-share': { key: 'gpuMemoryFraction', number: true },
  '--flash-attention': { key: 'flashAttention', number: false, onOff: true },
};

const HELP = `Usage: npm run --silent estimate -- [options]

Model:     --model ID | raw: --params N --layers N --hidden N --heads N --kv-heads N --head-dim N
           --vocab N --intermediate N --experts N --active-experts N
Weights:   --quant ID (default: the released format) | --bpw N
Run:       --context N (per sequence, default 8192) --prompt N (512) --output N (128) --depth N (0)
           --sequences N (1) --kv-cache f16|bf16|q8_0|q4_0|fp8 --engine llama.cpp|vllm|mlx|transformers
           --split layer|tensor --interconnect pcie|nvlink --flash-attention on|off (default on)
Hardware:  --hardware ID | NxID | ID,ID  [--memory-gb N (GiB per device)] [--gpu-share 0..1]
           raw: --memory-gb N --bandwidth-gbs N [--tflops N --backend cuda|metal|rocm|vulkan|cpu --devices N]
           --ram-gb N --ram-bandwidth-gbs N (system RAM for offload)
Output:    --json (one JSON object) | --jsonl (JSON requests on stdin, one result per line)
           --list models|hardware|quants [--json]
Units: -gb options are GiB (2^30 bytes); -gbs are 10^9 bytes/s; tflops dense FP16 with FP32 accumulate.`;

class CliError extends Error {}

interface Parsed { req: EstimateRequest; json: boolean; jsonl: boolean; list: string | null; help: boolean }

/** Parse command-line arguments into a request; throws CliError/InputError on bad options. */
export function parseArgs(argv: readonly string[]): Parsed {
  const req: Record<string, unknown> = {};
  const out: Parsed = { req: req as EstimateRequest, json: false, jsonl: false, list: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) { inline = arg.slice(eq + 1); arg = arg.slice(0, eq); }
    if (arg === '--json') { out.json = true; continue; }
    if (arg === '--jsonl') { out.jsonl = true; continue; }
    if (arg === '--help' || arg === '-h') { out.help = true; continue; }
    if (arg === '--list') {
      const v = inline ?? argv[++i];
      if (v === undefined || !['models', 'hardware', 'quants'].includes(v)) throw new CliError('--list takes models, hardware or quants');
      out.list = v;
      continue;
    }
    const spec = OPTIONS[arg];
    if (!spec) {
      const s = suggestIds(arg.replace(/^-+/, ''), Object.keys(OPTIONS).map((o) => o.slice(2)), 1);
      throw new CliError(`unknown option ${arg}${s.length ? `; did you mean --${s[0]}?` : ''}`);
    }
    const v = inline ?? argv[++i];
    if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new CliError(`${arg} needs a value`);
    if (spec.key in req) throw new CliError(`${arg} given twice`);
    if (spec.onOff) {
      const b = v.trim().toLowerCase();
      if (b !== 'on' && b !== 'off') throw new InputError(spec.key, `${arg} takes on or off (got "${v}")`);
      req[spec.key] = b === 'on';
    } else if (spec.number) {
      const n = v.trim() === '' ? NaN : Number(v);
      if (!Number.isFinite(n)) throw new InputError(spec.key, `${arg} must be a number (got "${v}")`);
      req[spec.key] = n;
    } else {
      req[spec.key] = v;
    }
  }
  return out;
}

const GB = 1e9;
const GiB = 2 ** 30;

function size(bytes: number): string {
  return `${(bytes / GB).toFixed(2)} GB (${(bytes / GiB).toFixed(2)} GiB)`;
}

function rate(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** A readable breakdown of one result. */
export function formatResult(r: EstimateResult): string {
  const lines: string[] = [];
  const m = r.model;
  lines.push(`${m.name} (${m.id}): ${(m.totalParams / 1e9).toFixed(2)}B parameters${m.activeParams < m.totalParams ? `, ${(m.activeParams / 1e9).toFixed(2)}B active` : ''}`);
  const s = r.settings;
  lines.push(`${r.quant.id} at ${r.quant.bitsPerWeight.toFixed(2)} bits per weight, ${s.engine}, KV cache ${s.kvCache}, context ${s.context}${s.sequences > 1 ? ` x ${s.sequences} sequences` : ''}`);
  lines.push('');
  lines.push('Memory');
  lines.push(`  weights   ${size(r.memory.weightsBytes)}`);
  lines.push(`  KV cache  ${size(r.memory.kvCacheBytes)}  (${(r.memory.kvBytesPerToken / 1024).toFixed(1)} KiB per token)`);
  lines.push(`  overhead  ${size(r.memory.overheadBytes)}`);
  lines.push(`  total     ${size(r.memory.totalBytes)}`);
  if (r.hardware && r.fit) {
    lines.push('');
    lines.push(`Hardware ${r.hardware.spec}: ${size(r.hardware.memoryBytes)} usable`);
    for (const d of r.hardware.devices) lines.push(`  ${d.id.padEnd(20)} ${(d.assignedBytes / GiB).toFixed(2)} / ${(d.memoryBytes / GiB).toFixed(2)} GiB`);
    const f = r.fit;
    const verdict = f.verdict === 'fits' ? 'fits' : f.verdict === 'offload' ? `fits with offload (${f.offloadMode === 'experts' ? `experts of ${f.offloadedLayers} layers` : `${f.offloadedLayers} layers`}, ${size(f.offloadedBytes)} in system RAM)` : 'does not fit';
    lines.push(`Fit: ${verdict}; headroom ${(f.headroomBytes / GiB).toFixed(2)} GiB; max context ${f.maxContext}; best format that fits: ${f.bestQuant ?? 'none'}`);
  }
  if (r.speed) {
    const sp = r.speed;
    lines.push('');
    lines.push(`Speed (depth ${s.depth}): decode ${rate(sp.decodeTokensPerSec)} tok/s (${rate(sp.decodeRange[0])}-${rate(sp.decodeRange[1])}), prefill ${rate(sp.prefillTokensPerSec)} tok/s (${rate(sp.prefillRange[0])}-${rate(sp.prefillRange[1])}), time to first token ${sp.timeToFirstTokenSec.toFixed(2)} s for ${s.prompt} tokens`);
    if (s.sequences > 1) lines.push(`  ${s.sequences} sequences: ${rate(sp.aggregateDecodeTokensPerSec)} tok/s in total`);
  }
  if (r.warnings.length > 0) {
    lines.push('');
    for (const w of r.warnings) lines.push(`note: ${w}`);
  }
  return lines.join('\n');
}

function oneLine(msg: string): string {
  return msg.replace(/\s+/g, ' ').trim();
}

function listCatalog(what: string, json: boolean): string {
  const rows: readonly { id: string; name?: string }[] = what === 'models' ? catalog.models : what === 'hardware' ? catalog.hardware : catalog.quants;
  if (json) return JSON.stringify(rows);
  return rows.map((r) => `${r.id.padEnd(24)} ${r.name ?? ''}`).join('\n');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function runJsonl(): Promise<number> {
  const text = await readStdin();
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let failed = false;
  const out: string[] = [];
  lines.forEach((line, idx) => {
    const n = idx + 1;
    try {
      if (line.trim() === '') throw new InputError('request', 'empty line');
      let req: unknown;
      try { req = JSON.parse(line); } catch { throw new InputError('request', 'not valid JSON'); }
      out.push(JSON.stringify(estimate(req as EstimateRequest)));
    } catch (e) {
      failed = true;
      out.push(JSON.stringify({ error: oneLine(e instanceof Error ? e.message : String(e)), line: n }));
    }
  });
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
  return failed ? 2 : 0;
}

/** Run the command; returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const p = parseArgs(argv);
    if (p.help) { process.stdout.write(HELP + '\n'); return 0; }
    if (p.list) { process.stdout.write(listCatalog(p.list, p.json) + '\n'); return 0; }
    if (p.jsonl) {
      if (Object.keys(p.req).length > 0) throw new CliError('--jsonl reads requests from standard input; give no other options');
      return await runJsonl();
    }
    const r = estimate(p.req);
    process.stdout.write((p.json ? JSON.stringify(r) : formatResult(r)) + '\n');
    return 0;
  } catch (e) {
    const bad = e instanceof InputError || e instanceof CliError;
    process.stderr.write(`error: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    return bad ? 2 : 1;
  }
}

if (import.meta.main) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e: unknown) => {
    process.stderr.write(`error: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    process.exitCode = 1;
  });
}
