/**
 * The CLI's readers over HTTP, against a local server (never the internet): a config.json by URL,
 * a GGUF header by range requests only, a server that ignores Range refused, time-outs and errors
 * as one clear message, the Hugging Face address and token rules.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ggufFromConfig } from './gguf-test-fixtures.ts';
import { writeGgufHeader } from './gguf-writer.ts';
import { configUrlOf, readConfig, readGguf } from './node-sources.ts';
import { estimate } from '../estimate.ts';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/configs');
const configText = readFileSync(join(FIXTURES, 'qwen3-4b-2507.json'), 'utf8');
const header = writeGgufHeader(ggufFromConfig(JSON.parse(configText) as Record<string, unknown>, 'Q4_K_M', 'served').header);
/** The file as served: the header, then a large tensor-data region nobody should download. */
const FILE_BYTES = header.length + 2_000_000_000;

let server: Server;
let base = '';
const seen: { path: string; range: string | undefined; auth: string | undefined }[] = [];
let bytesSent = 0;

function slice(start: number, end: number): Buffer {
  // Bytes past the header are zeros (the server never holds a 2 GB buffer).
  const out = Buffer.alloc(end - start + 1);
  if (start < header.length) Buffer.from(header.subarray(start, Math.min(header.length, end + 1))).copy(out);
  return out;
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    const path = req.url ?? '';
    seen.push({ path, range: req.headers.range, auth: req.headers.authorization });
    if (path === '/model/config.json') { res.writeHead(200, { 'content-type': 'application/json' }); res.end(configText); return; }
    if (path === '/broken/config.json') { res.writeHead(200); res.end('{ "model_type": '); return; }
    if (path === '/slow/config.json') { setTimeout(() => { res.writeHead(200); res.end('{}'); }, 60_000); return; }
    if (path === '/model.gguf' || path === '/no-range.gguf') {
      const m = /^bytes=(\d+)-(\d+)?$/.exec(req.headers.range ?? '');
      if (!m || path === '/no-range.gguf') {
        // A server that ignores Range answers with the whole body: only its first bytes are ever sent.
        res.writeHead(200, { 'content-length': String(FILE_BYTES) });
        res.write(slice(0, 1023));
        bytesSent += 1024;
        req.socket.on('close', () => undefined);
        return;
      }
      const start = Number(m[1]);
      const end = Math.min(FILE_BYTES - 1, m[2] ? Number(m[2]) : FILE_BYTES - 1, start + 16 * 2 ** 20);
      const body = slice(start, end);
      bytesSent += body.length;
      res.writeHead(206, { 'content-range': `bytes ${start}-${end}/${FILE_BYTES}`, 'content-length': String(body.length) });
      res.end(body);
      return;
    }
    res.writeHead(404); res.end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

describe('reading model files over HTTP', () => {
  it('reads a config.json by URL and names the model after its folder', async () => {
    const c = await readConfig(`${base}/model/config.json`);
    expect(c['_name_or_path']).toBe('model');
    expect(estimate({ config: c, quant: 'Q4_K_M' }).model.totalParams).toBeGreaterThan(4e9);
  });

  it('reads a GGUF header by range requests without downloading the tensor data', async () => {
    bytesSent = 0;
    const src = await readGguf(`${base}/model.gguf`);
    const r = estimate({ gguf: src, hardware: 'rtx-4090' });
    expect(r.model.id).toBe('gguf:served');
    expect(bytesSent).toBeLessThan(20 * 2 ** 20);
    expect(seen.filter((s) => s.path === '/model.gguf').every((s) => s.range !== undefined)).toBe(true);
  });

  it('refuses a server that ignores Range rather than download the whole file', async () => {
    await expect(readGguf(`${base}/no-range.gguf`)).rejects.toThrow(/ignores range requests/);
  });

  it('says what went wrong with an address in one line: not found, not JSON', async () => {
    await expect(readConfig(`${base}/missing/config.json`)).rejects.toThrow(/answered HTTP 404/);
    await expect(readConfig(`${base}/broken/config.json`)).rejects.toThrow(/is not valid JSON/);
    await expect(readGguf(`${base}/missing.gguf`)).rejects.toThrow(/404/);
  });

  it('gives up on a server that does not answer in time', async () => {
    const { FETCH_TIMEOUT_MS } = await import('./node-sources.ts');
    expect(FETCH_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
    // The same guard with a short time-out: a fetch that never resolves becomes a time-out message.
    const never: typeof fetch = (_input, init) => new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(Object.assign(new Error('timed out'), { name: 'TimeoutError' })));
      setTimeout(() => reject(Object.assign(new Error('timed out'), { name: 'TimeoutError' })), 50);
    });
    await expect(readConfig(`${base}/slow/config.json`, never)).rejects.toThrow(/no answer from .* within/);
  });

  it('resolves a Hugging Face repository address to its config.json and sends HF_TOKEN only there', async () => {
    expect(configUrlOf('https://huggingface.co/Qwen/Qwen3.6-35B-A3B')).toBe('https://huggingface.co/Qwen/Qwen3.6-35B-A3B/resolve/main/config.json');
    expect(configUrlOf(`${base}/model/config.json`)).toBe(`${base}/model/config.json`);
    const before = process.env['HF_TOKEN'];
    process.env['HF_TOKEN'] = 'hf_secret';
    try {
      await readConfig(`${base}/model/config.json`);
      expect(seen.at(-1)!.auth).toBeUndefined();
      const asked: string[] = [];
      const fake: typeof fetch = async (input, init) => {
        asked.push(`${String(input)} ${new Headers(init?.headers).get('authorization')}`);
        return new Response(configText, { status: 200 });
      };
      await readConfig('https://huggingface.co/Qwen/Qwen3-4B-Instruct-2507', fake);
      expect(asked).toEqual(['https://huggingface.co/Qwen/Qwen3-4B-Instruct-2507/resolve/main/config.json Bearer hf_secret']);
    } finally {
      if (before === undefined) delete process.env['HF_TOKEN']; else process.env['HF_TOKEN'] = before;
    }
  });
});
