/**
 * Reading a reader's model files from the command line: a config.json or a GGUF header, from a
 * local path or over HTTP(S). Node only (the browser reads local files through File.slice).
 *
 * - A Hugging Face repository address (`https://huggingface.co/ORG/REPO`) resolves to its
 *   `config.json` on the main branch; `HF_TOKEN`, when set, is sent to huggingface.co only, for
 *   gated repositories.
 * - GGUF headers are read with `@huggingface/gguf` through range requests (never the whole file);
 *   a server that answers a range request with the whole body is refused. Split files
 *   (`-00001-of-0000N.gguf`) read every shard's header.
 * - Every request times out (`FETCH_TIMEOUT_MS`); a config larger than `MAX_CONFIG_BYTES` is refused.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { gguf, ggufAllShards, parseGgufShardFilename } from '@huggingface/gguf';
import { excerpt, InputError } from '../request.ts';
import type { GgufModelSource, GgufTensorEntry } from './gguf.ts';

/** Time allowed for one HTTP request, milliseconds. */
export const FETCH_TIMEOUT_MS = 30_000;
/** Largest config.json read, bytes (real ones are a few KiB; multimodal ones under 100 KiB). */
export const MAX_CONFIG_BYTES = 4 * 2 ** 20;

function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/** The config.json address of a Hugging Face repository address; other addresses unchanged. */
export function configUrlOf(url: string): string {
  const m = /^https:\/\/huggingface\.co\/([\w.-]+)\/([\w.-]+)\/?$/.exec(url);
  return m ? `https://huggingface.co/${m[1]}/${m[2]}/resolve/main/config.json` : url;
}

/** Headers for a request: the Hugging Face token, to huggingface.co only. */
function authHeaders(url: string): Record<string, string> {
  const token = process.env['HF_TOKEN'];
  return token && /^https:\/\/([\w-]+\.)?huggingface\.co\//.test(url) ? { Authorization: `Bearer ${token}` } : {};
}

/**
 * fetch with a timeout and, for range requests, a refusal of servers that ignore Range. `sizes`
 * collects each file's total size from the Content-Range answers, to check headers against.
 */
function guardedFetch(base: typeof fetch = fetch, sizes?: Map<string, number>): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    for (const [k, v] of Object.entries(authHeaders(url))) headers.set(k, v);
    let res: Response;
    try {
      res = await base(input, { ...init, headers, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (e) {
      const timedOut = (e as Error)?.name === 'TimeoutError';
      throw new InputError('request', timedOut ? `no answer from ${excerpt(url)} within ${FETCH_TIMEOUT_MS / 1000} s` : `cannot reach ${excerpt(url)}`);
    }
    if (headers.has('Range') && res.status === 200) {
      await res.body?.cancel();
      throw new InputError('gguf', `${excerpt(url)} ignores range requests; reading the header would download the whole file, so it is refused`);
    }
    if (!res.ok && res.status !== 206) {
      await res.body?.cancel();
      throw new InputError('request', `${excerpt(url)} answered HTTP ${res.status}`);
    }
    const total = /\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1];
    if (sizes && total) sizes.set(url, Number(total));
    return res;
  };
}

/** A display name for a config: the repository or folder it came from. */
function nameFromLocation(location: string): string {
  if (isUrl(location)) {
    const m = /huggingface\.co\/[\w.-]+\/([\w.-]+)/.exec(location);
    if (m) return m[1]!;
    const path = new URL(location).pathname.split('/').filter(Boolean);
    const file = path.pop() ?? 'model';
    return file === 'config.json' ? path.pop() ?? 'model' : file.replace(/\.json$/i, '');
  }
  const file = basename(location);
  return file === 'config.json' ? basename(dirname(location)) || 'model' : file.replace(/\.json$/i, '');
}

/**
 * The config.json object at a path or URL, with `_name_or_path` set from where it came when the
 * file has none. Throws InputError on unreadable, oversized or non-JSON input.
 */
export async function readConfig(location: string, fetchImpl?: typeof fetch): Promise<Record<string, unknown>> {
  let text: string;
  if (isUrl(location)) {
    const url = configUrlOf(location);
    const res = await guardedFetch(fetchImpl)(url);
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_CONFIG_BYTES) { await res.body?.cancel(); throw new InputError('config', `config.json too large (${length} bytes)`); }
    text = await res.text();
  } else {
    try {
      const buf = await readFile(location);
      if (buf.byteLength > MAX_CONFIG_BYTES) throw new InputError('config', `config.json too large (${buf.byteLength} bytes)`);
      text = buf.toString('utf8');
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError('config', `cannot read ${excerpt(location)}`);
    }
  }
  if (text.length > MAX_CONFIG_BYTES) throw new InputError('config', 'config.json too large');
  let parsed: unknown;
  try {
    // Some published configs hold the bare word Infinity (Nemotron's time_step_limit), which Python's json writes.
    parsed = JSON.parse(text.replace(/([:[,]\s*-?)Infinity\b/g, '$11e999'));
  } catch {
    throw new InputError('config', `${excerpt(location)} is not valid JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new InputError('config', 'config.json must be a JSON object');
  const obj = parsed as Record<string, unknown>;
  return typeof obj['_name_or_path'] === 'string' && obj['_name_or_path'] !== '' ? obj : { ...obj, _name_or_path: nameFromLocation(location) };
}

/** A metadata value as plain data: 64-bit integers as numbers when exact, long arrays as their length. */
function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(-Number.MAX_SAFE_INTEGER)) throw new InputError('gguf', 'GGUF: a 64-bit value is too large');
    return Number(v);
  }
  if (Array.isArray(v)) return v.length > 1024 ? { length: v.length } : v.map(plainValue);
  return v;
}

interface LibTensor { name: string; shape: readonly (bigint | number)[]; dtype: number }
interface LibShard { metadata: Record<string, unknown>; tensorInfos: readonly LibTensor[]; tensorDataOffset: bigint | number }

/**
 * Refuses a shard whose header runs past the end of its file. @huggingface/gguf reads on past the
 * end of a truncated local file and returns whatever it finds, so the size is checked here.
 */
function checkShard(shard: LibShard, size: number | undefined, location: string): void {
  if (size !== undefined && Number(shard.tensorDataOffset) > size) throw new InputError('gguf', `${excerpt(location)}: the GGUF header is truncated (it ends before its tensor list does)`);
  if (shard.tensorInfos.length !== Number(shard.metadata['tensor_count'] ?? shard.tensorInfos.length)) throw new InputError('gguf', `${excerpt(location)}: the GGUF header's tensor count does not match its tensor list`);
}

function sourceOf(shards: readonly LibShard[]): GgufModelSource {
  const metadata: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(shards[0]!.metadata)) metadata[k] = plainValue(v);
  const tensors: GgufTensorEntry[] = shards.flatMap((s) => s.tensorInfos.map((t) => ({ name: t.name, type: t.dtype, dims: t.shape.map((d) => Number(d)) })));
  return { metadata, tensors };
}

/** The GGUF header (every shard's) at a path or URL, as plain data for the engine. */
export async function readGguf(location: string, fetchImpl?: typeof fetch): Promise<GgufModelSource> {
  const sizes = new Map<string, number>();
  const fetchFn = guardedFetch(fetchImpl, sizes);
  const url = isUrl(location);
  const shard = parseGgufShardFilename(url ? new URL(location).pathname : location);
  const sizeOf = async (where: string) => (url ? sizes.get(where) : (await stat(where)).size);
  try {
    if (shard && Number(shard.total) > 1) {
      const all = await ggufAllShards(location, { fetch: fetchFn, allowLocalFile: !url, parallelDownloads: 4 });
      const shards = all.shards as unknown as LibShard[];
      for (const [i, s] of shards.entries()) checkShard(s, await sizeOf(all.urls[i] ?? location), all.urls[i] ?? location);
      return sourceOf(shards);
    }
    const one = await gguf(location, { fetch: fetchFn, allowLocalFile: !url }) as unknown as LibShard;
    checkShard(one, await sizeOf(location), location);
    return sourceOf([one]);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const msg = (e as Error)?.message ?? String(e);
    throw new InputError('gguf', /ENOENT/.test(msg) ? `cannot read ${excerpt(location)}` : `not a readable GGUF header: ${excerpt(msg, 120)}`);
  }
}
