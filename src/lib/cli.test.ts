import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REQUEST_FIELDS } from './request.ts';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('estimate command', () => {
  it('prints one JSON object with every contract key for --json', () => {
    const r = run(['--model', 'llama-3.1-70b', '--quant', 'Q4_K_M', '--context', '8192', '--hardware', '2xrtx-3090', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.schemaVersion).toBe(1);
    for (const k of ['id', 'totalParams', 'activeParams']) expect(j.model).toHaveProperty(k);
    for (const k of ['context', 'prompt', 'output', 'depth', 'sequences', 'kvCache', 'engine', 'split']) expect(j.settings).toHaveProperty(k);
    for (const k of ['weightsBytes', 'kvCacheBytes', 'kvBytesPerToken', 'overheadBytes', 'totalBytes']) expect(Number.isInteger(j.memory[k])).toBe(true);
    for (const k of ['verdict', 'fits', 'offloadedLayers', 'offloadedBytes', 'headroomBytes', 'maxContext', 'bestQuant']) expect(j.fit).toHaveProperty(k);
    for (const k of ['decodeTokensPerSec', 'decodeRange', 'prefillTokensPerSec', 'prefillRange', 'timeToFirstTokenSec', 'aggregateDecodeTokensPerSec']) expect(j.speed).toHaveProperty(k);
    expect(j.hardware.devices[0]).toHaveProperty('assignedBytes');
    expect(j.memory.kvBytesPerToken).toBe(327_680);
  });
  it('prints a readable breakdown by default', () => {
    const r = run(['--model', 'llama-3.1-8b', '--quant', 'Q4_K_M', '--hardware', 'rtx-4090']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/KV cache/);
    expect(r.out).toMatch(/Fit: fits/);
  });
  it('exits 2 with one error line and suggestions for an unknown model', () => {
    const r = run(['--model', 'llama-3.1-7b', '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n').length).toBe(1);
    expect(r.err).toMatch(/^error: .*did you mean "llama-3\.1-70b"/);
  });
  it('exits 2 for a non-numeric, negative or zero number and for an unknown option', () => {
    for (const args of [['--context', 'abc'], ['--context', '-5'], ['--sequences', '0'], ['--contxt', '4096'], ['--prompt']]) {
      const r = run(['--model', 'llama-3.1-8b', ...args]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^error: /);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    }
  });
  it('takes --flash-attention on|off: off slows long-depth prefill, on is the default, anything else exits 2', () => {
    const base = ['--model', 'llama-3.1-8b', '--quant', 'Q4_K_M', '--hardware', 'rtx-4090', '--depth', '16384', '--json'];
    const prefill = (extra: string[]) => JSON.parse(run([...base, ...extra]).out).speed.prefillTokensPerSec as number;
    const on = prefill(['--flash-attention', 'on']);
    expect(prefill([])).toBe(on);
    expect(prefill(['--flash-attention=off'])).toBeLessThan(on * 0.8);
    const bad = run([...base, '--flash-attention', 'yes']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^error: --flash-attention takes on or off/);
  });
  it('takes --ubatch N, says a micro-batch other than 512 in the breakdown and the JSON, and exits 2 outside 1..65536', () => {
    const r = run(['--model', 'gpt-oss-20b', '--hardware', 'rtx-4090', '--ubatch', '2048']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/context 8192, micro-batch 2048\n/);
    expect(run(['--model', 'gpt-oss-20b', '--hardware', 'rtx-4090']).out).not.toMatch(/micro-batch/);
    expect(JSON.parse(run(['--model', 'gpt-oss-20b', '--ubatch', '2048', '--json']).out).settings.ubatch).toBe(2048);
    for (const n of ['0', '65537', '1.5']) {
      const bad = run(['--model', 'gpt-oss-20b', '--ubatch', n]);
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/^error: .*ubatch/);
    }
  });
  it('refuses an option given twice, keeping neither, with one error line', () => {
    const r = run(['--model', 'llama-3.1-8b', '--model', 'qwen2.5-7b']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('error: --model given twice\n');
    expect(run(['--model', 'llama-3.1-8b', '--context=2048', '--context', '4096']).err).toBe('error: --context given twice\n');
  });
  it('checks a negative number against the field\'s limits instead of taking it for an option', () => {
    const r = run(['--model', 'llama-3.1-8b', '--depth', '-5']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: depth must be between 0 and 100000000 (got -5)\n');
    expect(run(['--model', 'llama-3.1-8b', '--context', '-1e3']).err).toBe('error: context must be between 1 and 100000000 (got -1000)\n');
  });
  it('lists every request field\'s flag in --help, from the request schema', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    for (const spec of REQUEST_FIELDS.values()) expect(r.out).toContain(`  ${spec.flag} `);
  });
  it('exits 2 when no model is given', () => {
    expect(run(['--json']).code).toBe(2);
  });
  it('exits 2 for --memory-gb with a mixed hardware list and for an unsupported KV pairing', () => {
    expect(run(['--model', 'llama-3.1-8b', '--hardware', 'rtx-4090,rtx-3090', '--memory-gb', '48']).code).toBe(2);
    expect(run(['--model', 'llama-3.1-8b', '--engine', 'vllm', '--kv-cache', 'q4_0']).code).toBe(2);
  });
  it('warns when the context is grown to hold depth + prompt + output', () => {
    const j = JSON.parse(run(['--model', 'llama-3.1-8b', '--context', '1024', '--depth', '4096', '--json']).out);
    expect(j.settings.context).toBe(4096 + 512 + 128);
    expect(j.warnings.join(' ')).toMatch(/grown/);
  });
  it('answers --jsonl line by line, reporting bad lines and exiting 2', () => {
    const input = '{"model":"llama-3.1-8b","hardware":"rtx-4090"}\nnot json\n{"model":"nope"}\n{"model":"qwen2.5-7b"}\n';
    const r = run(['--jsonl'], input);
    expect(r.code).toBe(2);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBe(4);
    expect(lines[0].schemaVersion).toBe(1);
    expect(lines[1]).toEqual({ error: 'not valid JSON', line: 2 });
    expect(lines[2].line).toBe(3);
    expect(lines[3].model.id).toBe('qwen2.5-7b');
  });
  it('exits 0 from --jsonl when every line succeeds', () => {
    const r = run(['--jsonl'], '{"model":"llama-3.1-8b"}\n{"model":"llama-3.1-70b","quant":"Q4_K_M"}\n');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').length).toBe(2);
  });
  it('lists the catalog as JSON arrays with ids', () => {
    for (const what of ['models', 'hardware', 'quants']) {
      const r = run(['--list', what, '--json']);
      expect(r.code).toBe(0);
      const arr = JSON.parse(r.out);
      expect(Array.isArray(arr)).toBe(true);
      expect(arr.every((x: { id: unknown }) => typeof x.id === 'string')).toBe(true);
    }
  });
  it('never prints NaN or Infinity', () => {
    const r = run(['--params', '7e9', '--bpw', '4.5', '--memory-gb', '8', '--bandwidth-gbs', '300', '--json']);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/NaN|Infinity|null,"hardware":null/);
  });
});

describe('estimate --jsonl at any size', () => {
  it('keeps its memory flat on a batch of large answers (156 MB of output from 20,000 lines)', async () => {
    const child = spawn(process.execPath, [CLI, '--jsonl'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let peakKiB = 0;
    let answered = 0;
    const sample = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKiB = Math.max(peakKiB, Number(m[1]));
      } catch { /* ended */ }
    }, 50);
    child.stdout.on('data', (chunk: Buffer) => { for (const byte of chunk) if (byte === 10) answered++; });
    const closed = once(child, 'close');
    for (let i = 0; i < 20_000; i++) if (!child.stdin.write('{"model":"qwen2.5-0.5b","hardware":"64xh100-sxm"}\n')) await once(child.stdin, 'drain');
    child.stdin.end();
    const [code] = await closed;
    clearInterval(sample);
    expect(code).toBe(0);
    expect(answered).toBe(20_000);
    // Holding every answer until the end took over 800 MiB here; streaming keeps it near 110 MiB.
    expect(peakKiB / 1024).toBeLessThan(300);
  }, 120_000);
  it('answers 100,000 lines, every one in order', () => {
    const n = 100_000;
    const input = Array.from({ length: n }, (_, i) => JSON.stringify({ model: 'qwen2.5-0.5b', sequences: 1 + i })).join('\n') + '\n';
    const r = spawnSync(process.execPath, [CLI, '--jsonl'], { input, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 30 });
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBe(n);
    const wrong = lines.findIndex((l, i) => (JSON.parse(l) as { settings: { sequences: number } }).settings.sequences !== 1 + i);
    expect(wrong).toBe(-1);
  }, 120_000);
  it('skips a byte-order mark and blank lines at the end, and answers a blank line inside with an error line', () => {
    const r = run(['--jsonl'], '\uFEFF{"model":"qwen2.5-0.5b"}\r\n\n{"model":"qwen2.5-0.5b"}\n\n\n');
    expect(r.code).toBe(2);
    const lines = r.out.trimEnd().split('\n').map((l) => JSON.parse(l) as { error?: string; line?: number });
    expect(lines.map((l) => l.error ?? 'ok')).toEqual(['ok', 'empty line', 'ok']);
    expect(lines[1]!.line).toBe(2);
    expect(run(['--jsonl'], '{"model":"qwen2.5-0.5b"}\n\n').code).toBe(0);
  });
  it('answers an over-long line with an error and goes on', () => {
    const r = run(['--jsonl'], `${JSON.stringify({ model: 'x'.repeat(200_000) })}\n{"model":"qwen2.5-0.5b"}\n`);
    const [first, second] = r.out.trimEnd().split('\n').map((l) => JSON.parse(l) as { error?: string });
    expect(first!.error).toMatch(/^line too long/);
    expect(second!.error).toBeUndefined();
  });
});

describe('hostile and careless input', () => {
  it('escapes control characters of an echoed id and keeps the error on one line', () => {
    for (const id of ['\u001b[2J\u001b]0;owned\u0007', 'a\u0085b\u2028c']) {
      const r = run(['--model', id]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^error: unknown model "/);
      const controls = [...r.err.slice(0, -1)].filter((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f) || c === '\u2028');
      expect(controls).toEqual([]);
      expect(r.err.endsWith('\n')).toBe(true);
    }
  });
  it('echoes only a short excerpt of a huge id and answers at once', () => {
    const r = run(['--model', 'q'.repeat(100_000)]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: model is too long (100000 characters; at most 200)\n');
    const start = Date.now();
    const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ model: `${i}`.padEnd(10_000, 'z') })).join('\n');
    const many = run(['--jsonl'], lines);
    expect(Date.now() - start).toBeLessThan(10_000);
    expect(many.out.trimEnd().split('\n').every((l) => l.length < 300)).toBe(true);
    const unknown = run(['--model', 'z'.repeat(150)]);
    expect(unknown.err).toBe(`error: unknown model "${'z'.repeat(60)}…"; list them with --list models\n`);
  });
  it('refuses a hardware list longer than any rig and a spec broken by line breaks', () => {
    const many = run(['--model', 'qwen2.5-0.5b', '--hardware', Array.from({ length: 10_000 }, () => '2xrtx-3090').join(',')]);
    expect(many.code).toBe(2);
    expect(many.err).toMatch(/^error: hardware is too long/);
    expect(run(['--model', 'qwen2.5-0.5b', '--hardware', '40xrtx-3090,40xrtx-3090']).err).toBe('error: at most 64 devices\n');
    const broken = run(['--model', 'qwen2.5-0.5b', '--hardware', '2\nx\nrtx-3090']);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/^error: unknown hardware "2\\u000ax\\u000artx-3090"/);
  });
  it('takes numbers in decimal only', () => {
    for (const v of ['0x2000', '0b101', '0o17', 'Infinity', '1_000', '']) {
      const r = run(['--model', 'qwen2.5-0.5b', '--context', v]);
      expect(r.code, v).toBe(2);
      expect(r.err, v).toMatch(/^error: --context must be a decimal number/);
    }
    expect(run(['--model', 'qwen2.5-0.5b', '--context', '1.6e4', '--json']).code).toBe(0);
  });
  it('refuses a value on a switch and words that are not options, whatever their name', () => {
    expect(run(['--model', 'qwen2.5-0.5b', '--json=false']).err).toBe('error: --json takes no value\n');
    for (const word of ['constructor', '__proto__', 'toString']) {
      const r = run(['--model', 'qwen2.5-0.5b', word]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`error: unexpected argument "${word}"; options start with --\n`);
    }
  });
});

describe('estimate --jsonl line framing', () => {
  it('keeps a line whole when a JSON string in it holds U+2028 or U+2029', () => {
    const r = run(['--jsonl'], `{"model":"qwen\u2028x"}\n{"model":"qwen2.5-0.5b","hardware":"a\u2029b"}\n{"model":"qwen2.5-0.5b"}\n`);
    const lines = r.out.trimEnd().split('\n').map((l) => JSON.parse(l) as { error?: string; line?: number });
    expect(lines.map((l) => l.line ?? 'ok')).toEqual([1, 2, 'ok']);
    expect(lines[0]!.error).toMatch(/^unknown model "qwen\\u2028x"; /);
  });
});
