/**
 * The `estimate` command: `npm run --silent estimate -- [options]`.
 *
 * Prints a readable breakdown, or with `--json` one JSON object (EstimateResult). `--jsonl` reads
 * one JSON request per line on standard input and writes one JSON result per line in order; a bad
 * line yields `{"error": "...", "line": N}` and the rest go on; exit 0 when every line succeeded,
 * else 2. `--list models|hardware|quants [--json]` lists the catalog. Bad input exits 2 with one
 * line on standard error starting `error:`. Runs on Node 24 (type stripping); options are the
 * request schema's (request.ts), parsed with node:util parseArgs.
 */
import { once } from 'node:events';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { catalog } from './catalog/index.ts';
import { readConfig, readGguf } from './import/node-sources.ts';
import { estimate } from './estimate.ts';
import { excerpt, InputError, REQUEST_FIELDS, REQUEST_GROUPS, REQUEST_SCHEMA, type EstimateRequest, type RequestField, type RequestFieldSpec } from './request.ts';
import { REQUEST_HELP } from './request-help.ts';
import type { EstimateResult } from './sizing/types.ts';
import { suggestIds } from './suggest.ts';

/** Options of the command itself (not request fields). */
const COMMAND_OPTIONS = {
  json: { type: 'boolean', help: 'one JSON object' },
  jsonl: { type: 'boolean', help: 'JSON requests on stdin, one result per line' },
  list: { type: 'string', help: 'models|hardware|quants [--json]' },
  help: { type: 'boolean', short: 'h', help: 'this text' },
} as const;
const LISTS = ['models', 'hardware', 'quants'] as const;

/** Request field by its flag name without dashes (`kv-heads` -> `kvHeads`). */
const FIELD_BY_FLAG = new Map([...REQUEST_FIELDS].map(([key, spec]) => [spec.flag.slice(2), { key, spec }]));

/** Every option for node:util parseArgs: the request fields as strings (checked below), and the command's own. */
const PARSE_OPTIONS: ParseArgsConfig['options'] = {
  ...Object.fromEntries([...FIELD_BY_FLAG.keys()].map((flag) => [flag, { type: 'string', multiple: true }])),
  ...Object.fromEntries(Object.entries(COMMAND_OPTIONS).map(([name, o]) => [name, { type: o.type, ...('short' in o ? { short: o.short } : {}) }])),
};

/** `--help`, from the request schema and each field's help line. */
function helpText(): string {
  const lines = ['Usage: npm run --silent estimate -- [options]', ''];
  const placeholder = { number: 'N', string: 'ID', enum: 'ID', boolean: 'on|off', object: 'FILE|URL' } as const;
  const head = (f: RequestFieldSpec) => `  ${f.flag} ${placeholder[f.type]}`;
  const width = Math.max(...[...REQUEST_FIELDS.values()].map((f) => head(f).length)) + 2;
  for (const group of REQUEST_GROUPS) {
    lines.push(`${group[0]!.toUpperCase()}${group.slice(1)}:`);
    for (const [name, f] of Object.entries(REQUEST_SCHEMA[group]) as [RequestField, RequestFieldSpec][]) {
      const choices = f.type === 'enum' ? `: ${f.values.join(', ')}` : f.type === 'number' && f.default !== undefined ? ` (default ${f.default})` : '';
      lines.push(`${head(f).padEnd(width)}${REQUEST_HELP[name]}${choices}`);
    }
  }
  lines.push('Output:');
  for (const [name, o] of Object.entries(COMMAND_OPTIONS)) lines.push(`${`  --${name}`.padEnd(width)}${o.help}`);
  lines.push('', 'Units: -gb options are GiB (2^30 bytes); -gbs are 10^9 bytes/s; tflops dense FP16 with FP32 accumulate.');
  return lines.join('\n');
}

class CliError extends Error {}

interface Parsed {
  req: EstimateRequest;
  /** Object fields given as FILE or URL (`--config`, `--gguf`), read before estimating. */
  files: { config?: string; gguf?: string };
  json: boolean; jsonl: boolean; list: string | null; help: boolean;
}

/**
 * Gives a value that starts with '-' to the option before it (`--depth -5` -> `--depth=-5`), so
 * the number check says what is wrong with it rather than parseArgs calling it ambiguous.
 */
function attachDashValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (arg.startsWith('--') && !arg.includes('=') && FIELD_BY_FLAG.has(arg.slice(2)) && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Our wording for parseArgs' errors: an unknown option with the closest one, a missing value. */
function cliErrorOf(e: unknown): CliError | null {
  const err = e as { code?: string; message?: string };
  const option = /'(-{1,2}[^' <]+)/.exec(err.message ?? '')?.[1];
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    const s = suggestIds(option.replace(/^-+/, ''), [...FIELD_BY_FLAG.keys(), ...Object.keys(COMMAND_OPTIONS)], 1);
    return new CliError(`unknown option ${option}${s.length ? `; did you mean --${s[0]}?` : ''}`);
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return new CliError(option === '--list' ? '--list takes models, hardware or quants' : COMMAND_OPTIONS[option.slice(2) as keyof typeof COMMAND_OPTIONS]?.type === 'boolean' ? `${option} takes no value` : `${option} needs a value`);
  }
  if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const word = /'([^']*)'/.exec(err.message ?? '')?.[1] ?? '';
    return new CliError(`unexpected argument "${word}"; options start with --`);
  }
  return null;
}

/** Parse command-line arguments into a request; throws CliError/InputError on bad options. */
export function parseCommandLine(argv: readonly string[]): Parsed {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: attachDashValues(argv), options: PARSE_OPTIONS, strict: true, allowPositionals: false });
  } catch (e) {
    throw cliErrorOf(e) ?? e;
  }
  const values = parsed.values as Record<string, string[] | string | boolean | undefined>;
  const list = values['list'] as string | undefined;
  if (list !== undefined && !(LISTS as readonly string[]).includes(list)) throw new CliError('--list takes models, hardware or quants');
  const req: Record<string, unknown> = {};
  const files: Parsed['files'] = {};
  for (const [flag, { key, spec }] of FIELD_BY_FLAG) {
    const given = values[flag] as string[] | undefined;
    if (given === undefined) continue;
    if (given.length > 1) throw new CliError(`${spec.flag} given twice`);
    const v = given[0]!;
    if (spec.type === 'boolean') {
      const b = v.trim().toLowerCase();
      if (b !== 'on' && b !== 'off') throw new InputError(key, `${spec.flag} takes on or off (got "${v}")`);
      req[key] = b === 'on';
    } else if (spec.type === 'number') {
      const n = DECIMAL.test(v.trim()) ? Number(v) : NaN;
      if (!Number.isFinite(n)) throw new InputError(key, `${spec.flag} must be a decimal number (got "${excerpt(v)}")`);
      req[key] = n;
    } else if (spec.type === 'object') {
      if (v.trim() === '') throw new InputError(key, `${spec.flag} needs a file or URL`);
      files[key as keyof Parsed['files']] = v;
    } else {
      req[key] = v;
    }
  }
  return { req: req as EstimateRequest, files, json: values['json'] === true, jsonl: values['jsonl'] === true, list: list ?? null, help: values['help'] === true };
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
  const microBatch = s.ubatch !== null && s.ubatch !== REQUEST_SCHEMA.run.ubatch.default ? `, micro-batch ${s.ubatch}` : '';
  lines.push(`${r.quant.id} at ${r.quant.bitsPerWeight.toFixed(2)} bits per weight, ${s.engine}${s.backend ? ` on ${s.backend}` : ''}, KV cache ${s.kvCache}, context ${s.context}${s.sequences > 1 ? (s.kvUnified ? ` shared by ${s.sequences} sequences` : ` x ${s.sequences} sequences`) : ''}${microBatch}`);
  lines.push('');
  lines.push('Memory');
  lines.push(`  weights   ${size(r.memory.weightsBytes)}${r.memory.fileBytes !== undefined && r.memory.fileBytes !== r.memory.weightsBytes ? `  (file ${size(r.memory.fileBytes)})` : ''}`);
  lines.push(`  KV cache  ${size(r.memory.kvCacheBytes)}  (${(r.memory.kvBytesPerToken / 1024).toFixed(1)} KiB per token${r.memory.stateBytes > 0 ? `, ${size(r.memory.stateBytes)} fixed state` : ''})`);
  lines.push(`  overhead  ${size(r.memory.overheadBytes)}`);
  lines.push(`  total     ${size(r.memory.totalBytes)}`);
  if (r.hardware && r.fit) {
    lines.push('');
    lines.push(`Hardware ${r.hardware.spec}: ${size(r.hardware.memoryBytes)} usable`);
    for (const d of r.hardware.devices) lines.push(`  ${d.id.padEnd(20)} ${(d.assignedBytes / GiB).toFixed(2)} / ${(d.memoryBytes / GiB).toFixed(2)} GiB`);
    // llama.cpp looks its embedding tables up on the CPU: system RAM the devices' figures leave out.
    if (r.memory.hostBytes > 0) lines.push(`  ${'system RAM'.padEnd(20)} ${(r.memory.hostBytes / GiB).toFixed(2)} GiB  (embedding tables, looked up on the CPU)`);
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

/** A message as one line: whitespace runs folded, control and line-breaking characters escaped. */
function oneLine(msg: string): string {
  return excerpt(msg.replace(/[ \t\r\n]+/g, ' ').trim(), MAX_MESSAGE_LENGTH);
}

/** Longest error message printed, characters (messages echo at most a short excerpt of input). */
const MAX_MESSAGE_LENGTH = 1000;
/** Longest JSON line read, characters; a longer line is answered with an error without parsing it. */
const MAX_LINE_LENGTH = 100_000;

/** A decimal number as a person writes one: digits, a point, an exponent; no hex, octal or binary. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function listCatalog(what: string, json: boolean): string {
  const rows: readonly { id: string; name?: string }[] = what === 'models' ? catalog.models : what === 'hardware' ? catalog.hardware : catalog.quants;
  if (json) return JSON.stringify(rows);
  return rows.map((r) => `${r.id.padEnd(24)} ${r.name ?? ''}`).join('\n');
}

/** The answer to one JSON line: a result, or an error naming the line. */
function answerLine(line: string, n: number): { text: string; failed: boolean } {
  try {
    if (line.length > MAX_LINE_LENGTH) throw new InputError('request', `line too long (${line.length} characters; at most ${MAX_LINE_LENGTH})`);
    let req: unknown;
    try { req = JSON.parse(line); } catch { throw new InputError('request', 'not valid JSON'); }
    return { text: JSON.stringify(estimate(req as EstimateRequest)), failed: false };
  } catch (e) {
    return { text: JSON.stringify({ error: oneLine(e instanceof Error ? e.message : String(e)), line: n }), failed: true };
  }
}

/**
 * The lines of a stream, split at LF only (a CR before it is dropped): JSON strings may hold
 * U+2028 and U+2029, which readline would take for line ends. Decodes UTF-8 across chunk edges.
 */
async function* jsonLines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of input) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    let start = 0;
    for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n', start)) {
      const line = rest.slice(start, nl);
      start = nl + 1;
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
    }
    rest = rest.slice(start);
  }
  rest += decoder.decode();
  if (rest !== '') yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

/**
 * Answers JSON lines one at a time, in order, waiting for the output to drain when it is full, so
 * memory stays flat whatever the batch size. A byte-order mark before the first line is skipped;
 * blank lines at the end are not lines; a blank line before another line is an error line.
 */
export async function runJsonl(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<number> {
  let failed = false;
  let n = 0;
  const blanks: number[] = [];
  const write = async (text: string) => {
    if (!output.write(text + '\n')) await once(output, 'drain');
  };
  for await (const raw of jsonLines(input)) {
    n++;
    const line = n === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    if (line.trim() === '') { blanks.push(n); continue; }
    for (const b of blanks.splice(0)) {
      failed = true;
      await write(JSON.stringify({ error: 'empty line', line: b }));
    }
    const a = answerLine(line, n);
    failed ||= a.failed;
    await write(a.text);
  }
  return failed ? 2 : 0;
}

/** Run the command; returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const p = parseCommandLine(argv);
    if (p.help) { process.stdout.write(helpText() + '\n'); return 0; }
    if (p.list) { process.stdout.write(listCatalog(p.list, p.json) + '\n'); return 0; }
    if (p.jsonl) {
      if (Object.keys(p.req).length > 0 || Object.keys(p.files).length > 0) throw new CliError('--jsonl reads requests from standard input; give no other options');
      return await runJsonl(process.stdin, process.stdout);
    }
    if (p.files.gguf !== undefined && (p.req.model !== undefined || p.files.config !== undefined)) throw new CliError('--gguf replaces --model and --config; give one');
    if (p.files.gguf !== undefined && (p.req.quant !== undefined || p.req.bpw !== undefined)) throw new CliError('--gguf has its own tensor types; give no --quant or --bpw');
    if (p.files.config !== undefined) p.req.config = await readConfig(p.files.config);
    if (p.files.gguf !== undefined) p.req.gguf = await readGguf(p.files.gguf) as unknown as Readonly<Record<string, unknown>>;
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
