// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import WillItFit from './WillItFit.tsx';
import HowFast from './HowFast.tsx';
import { estimate, type EstimateRequest, type EstimateResult } from '../../lib/estimate.ts';
import { formatBytes, formatTokensPerSec } from '../../lib/format/index.ts';
import { readGgufHeader } from '../../lib/import/gguf-reader.ts';
import type { GgufModelSource } from '../../lib/import/gguf.ts';
import { byLabel, byTestId, choose, click, freshPage, mount, settle, type } from './shared/test-utils.tsx';
import { llamaGguf } from './shared/test-gguf.ts';
import { parseConfigText, readGgufFile } from './shared/your-model-reader.ts';

beforeEach(() => freshPage());

const fixture = readFileSync('tests/fixtures/configs/qwen3.6-35b-a3b.json', 'utf8');
const DEFAULT_REQ = { context: 8192, kvCache: 'f16', engine: 'llama.cpp', hardware: 'rtx-4090' } as const satisfies EstimateRequest;

/** Runs effects and timers until `ok()` holds (a read goes through a dynamic import and the engine). */
async function until(ok: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100 && !ok(); i++) await settle();
  if (!ok()) throw new Error(`timed out waiting for ${what}`);
}

/** Pastes `text` into the config.json field and presses "Use this config.json". */
async function pasteConfig(root: HTMLElement, text: string): Promise<void> {
  await type(byLabel(root, 'Paste a config.json') as HTMLInputElement, text);
  await click(byTestId(root, 'your-model-use-config'));
  await until(() => byTestId(root, 'your-model-status').textContent === '', 'the config to be read');
}

/** Chooses `bytes` as a .gguf file in the file field, as the browser's picker does. */
async function chooseFile(root: HTMLElement, bytes: Uint8Array, name = 'model.gguf'): Promise<void> {
  const input = byTestId(root, 'your-model-file') as HTMLInputElement;
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name);
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await until(() => byTestId(root, 'your-model-status').textContent === '', 'the file to be read');
}

/** The texts a result shows for the weights, the KV cache and the total of the library's estimate. */
function expectedSizes(r: EstimateResult): string[] {
  return [formatBytes(r.memory.weightsBytes), formatBytes(r.memory.kvCacheBytes), formatBytes(r.memory.totalBytes)];
}

function statsText(root: HTMLElement): string {
  return root.querySelector('.rb-stats')?.textContent ?? '';
}

/** The GGUF header of `bytes` as the engine takes it, read by the library directly (not the island's reader). */
async function libraryGguf(bytes: Uint8Array): Promise<GgufModelSource> {
  const h = await readGgufHeader({ size: bytes.length, read: async (s, e) => bytes.subarray(s, e) });
  return { metadata: Object.fromEntries(h.metadata), tensors: h.tensors.map(({ name, type, dims }) => ({ name, type, dims })) };
}

/** Nothing the reader gave became markup: no element from it, no attribute handler. */
function expectNoInjectedMarkup(root: HTMLElement): void {
  expect(root.querySelector('img, script, iframe, object, embed')).toBeNull();
  const handlers = [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith('on'));
  expect(handlers).toEqual([]);
}

describe('Your model in Will it fit?', () => {
  it('sizes a pasted config.json with the same numbers as the library, says so, and clears back to the catalog model', async () => {
    freshPage('?model=llama-3.1-8b&quant=Q4_K_M&context=8192&hardware=rtx-4090');
    const root = await mount(<WillItFit syncUrl />);
    const catalogTotal = byTestId(root, 'total').textContent;
    await pasteConfig(root, fixture);
    const want = estimate({ config: JSON.parse(fixture) as Record<string, unknown>, quant: 'Q4_K_M', ...DEFAULT_REQ });
    for (const text of expectedSizes(want)) expect(statsText(root)).toContain(text);
    expect(byTestId(root, 'total').textContent).toBe(formatBytes(want.memory.totalBytes));
    expect(byTestId(root, 'verdict').textContent).toContain(formatBytes(want.fit!.headroomBytes));
    expect(byTestId(root, 'result-source').textContent).toContain('config.json you pasted');
    expect(byTestId(root, 'your-model-name').textContent).toBe('Qwen3_5MoeForConditionalGeneration');
    // The catalog picker gives way to the reader's model; the quant still applies to a config.json.
    expect(root.querySelector(`[data-testid^="field-"][data-testid$="-model"]`)).toBeNull();
    expect(byLabel(root, 'Weight format')).toBeTruthy();
    // The link cannot carry it: the note says so and the URL keeps only the other fields.
    expect(byTestId(root, 'link-note').textContent).toMatch(/cannot carry the config\.json you pasted/);
    const params = new URLSearchParams(location.search);
    expect(params.has('model')).toBe(false);
    expect(params.get('hardware')).toBe('rtx-4090');
    // Focus moved to the results.
    expect(document.activeElement).toBe(byTestId(root, 'results'));
    // Another field still recomputes for the reader's model.
    await type(byLabel(root, 'Context per sequence'), '32768');
    const at32k = estimate({ config: JSON.parse(fixture) as Record<string, unknown>, quant: 'Q4_K_M', ...DEFAULT_REQ, context: 32768 });
    expect(byTestId(root, 'total').textContent).toBe(formatBytes(at32k.memory.totalBytes));

    await click(byTestId(root, 'your-model-clear'));
    await type(byLabel(root, 'Context per sequence'), '8192');
    expect(byTestId(root, 'total').textContent).toBe(catalogTotal);
    expect(root.querySelector('[data-testid="result-source"]')).toBeNull();
    expect(root.querySelector('[data-testid="link-note"]')).toBeNull();
    expect(new URLSearchParams(location.search).get('model')).toBe('llama-3.1-8b');
    expect((byLabel(root, 'Model') as HTMLSelectElement).value).toBe('llama-3.1-8b');
  });

  it('moves focus to the model picker when the reader clears their model', async () => {
    const root = await mount(<WillItFit />);
    await pasteConfig(root, fixture);
    await click(byTestId(root, 'your-model-clear'));
    expect(document.activeElement).toBe(byLabel(root, 'Model'));
  });

  it('shows malformed JSON as a plain message next to the field, focuses the field and keeps the catalog result', async () => {
    const root = await mount(<WillItFit />);
    const total = byTestId(root, 'total').textContent;
    await pasteConfig(root, '{"model_type": "llama", <img src=x onerror=alert(1)>');
    const err = byTestId(root, 'your-model-config-error');
    expect(err.textContent).toMatch(/not valid JSON/);
    const field = byLabel(root, 'Paste a config.json');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(err.id);
    expect(document.activeElement).toBe(field);
    expect(byTestId(root, 'total').textContent).toBe(total);
    expect(root.querySelector('[data-testid="your-model-active"]')).toBeNull();
    expect(root.querySelector('[data-testid="result-source"]')).toBeNull();
    expectNoInjectedMarkup(root);
  });

  it('names the supported model types for an unknown model_type, as text', async () => {
    const root = await mount(<WillItFit />);
    const total = byTestId(root, 'total').textContent;
    await pasteConfig(root, JSON.stringify({ ...JSON.parse(fixture) as Record<string, unknown>, model_type: '<img src=x onerror=alert(1)>', text_config: undefined }));
    const err = byTestId(root, 'your-model-config-error').textContent ?? '';
    expect(err).toMatch(/model_type "<img src=x onerror=alert\(1\)>" is not supported; supported: .*llama/);
    expect(byTestId(root, 'total').textContent).toBe(total);
    expect(root.querySelector('[data-testid="your-model-active"]')).toBeNull();
    expectNoInjectedMarkup(root);
  });

  it('names a missing field, and refuses what is not a JSON object', async () => {
    const root = await mount(<WillItFit />);
    await pasteConfig(root, JSON.stringify({ model_type: 'llama', hidden_size: 4096 }));
    expect(byTestId(root, 'your-model-config-error').textContent).toContain('missing "num_hidden_layers"');
    await pasteConfig(root, '[1, 2]');
    expect(byTestId(root, 'your-model-config-error').textContent).toContain('JSON object');
    await pasteConfig(root, '   ');
    expect(byTestId(root, 'your-model-config-error').textContent).toContain('Paste the text');
  });

  it('shows markup in the config\'s names as text and renders nothing of it as HTML', async () => {
    const root = await mount(<WillItFit />);
    const hostile = '<img src=x onerror=alert(1)>';
    const config = { ...JSON.parse(fixture) as Record<string, unknown>, name: hostile, _name_or_path: `org/${hostile}` };
    await pasteConfig(root, JSON.stringify(config));
    expect(byTestId(root, 'your-model-name').textContent).toBe(hostile);
    expect(byTestId(root, 'result-source').textContent).toContain(hostile);
    expectNoInjectedMarkup(root);
  });

  it('reads a .gguf file\'s header and shows the weights of its own tensors, as the library does', async () => {
    const bytes = llamaGguf();
    const root = await mount(<WillItFit />);
    await chooseFile(root, bytes, 'my-llama.Q4_K_M.gguf');
    const want = estimate({ gguf: await libraryGguf(bytes), ...DEFAULT_REQ });
    for (const text of expectedSizes(want)) expect(statsText(root)).toContain(text);
    expect(byTestId(root, 'your-model-name').textContent).toBe('Test Llama 8B');
    expect(byTestId(root, 'your-model-from').textContent).toContain('my-llama.Q4_K_M.gguf');
    expect(byTestId(root, 'result-source').textContent).toContain('your file “my-llama.Q4_K_M.gguf”');
    // The file brings its own formats: no weight-format picker.
    expect(() => byLabel(root, 'Weight format')).toThrow();
    expect(byTestId(root, 'link-note').textContent).toContain('my-llama.Q4_K_M.gguf');
  });

  it('says plainly what is wrong with a file that is not a GGUF header, or a truncated one', async () => {
    const root = await mount(<WillItFit />);
    const total = byTestId(root, 'total').textContent;
    await chooseFile(root, new TextEncoder().encode('<img src=x onerror=alert(1)> not a model'), 'x.gguf');
    expect(byTestId(root, 'your-model-gguf-error').textContent).toMatch(/“x\.gguf”: Not a GGUF file/);
    expect(document.activeElement).toBe(byTestId(root, 'your-model-file'));
    await chooseFile(root, llamaGguf().subarray(0, 3000), 'cut.gguf');
    expect(byTestId(root, 'your-model-gguf-error').textContent).toMatch(/“cut\.gguf”: .*(truncated|ends|short)/i);
    expect(byTestId(root, 'total').textContent).toBe(total);
    expect(root.querySelector('[data-testid="your-model-active"]')).toBeNull();
    expectNoInjectedMarkup(root);
  });

  it('shows markup in general.name as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const root = await mount(<WillItFit />);
    await chooseFile(root, llamaGguf({ name: hostile }), `${hostile}.gguf`);
    expect(byTestId(root, 'your-model-name').textContent).toBe(hostile);
    expectNoInjectedMarkup(root);
  });

  it('marks an engine that does not load GGUF files next to its field, in the calculator\'s words', async () => {
    const root = await mount(<WillItFit />);
    await chooseFile(root, llamaGguf());
    await choose(byLabel(root, 'Engine'), 'vllm');
    const errors = [...root.querySelectorAll('[data-testid^="error-"]')].map((e) => e.textContent ?? '').join(' ');
    expect(errors).toMatch(/does not load GGUF files; use llama\.cpp or Ollama for a \.gguf file/);
    expect(errors).not.toContain('--gguf');
  });
});

describe('Your model in How fast?', () => {
  it('gives the library\'s speeds for a pasted config.json', async () => {
    const root = await mount(<HowFast />);
    await pasteConfig(root, fixture);
    const want = estimate({ config: JSON.parse(fixture) as Record<string, unknown>, quant: 'Q4_K_M', ...DEFAULT_REQ, prompt: 6000, output: 400 });
    expect(byTestId(root, 'decode').textContent).toBe(formatTokensPerSec(want.speed!.decodeTokensPerSec));
    expect(byTestId(root, 'prefill').textContent).toBe(formatTokensPerSec(want.speed!.prefillTokensPerSec));
    expect(byTestId(root, 'result-source').textContent).toContain('config.json');
    expect(byTestId(root, 'scenarios').querySelectorAll('tbody tr').length).toBeGreaterThan(1);
  });

  it('gives the library\'s speeds for a .gguf file', async () => {
    const bytes = llamaGguf();
    const root = await mount(<HowFast />);
    await chooseFile(root, bytes);
    const want = estimate({ gguf: await libraryGguf(bytes), ...DEFAULT_REQ, prompt: 6000, output: 400 });
    expect(byTestId(root, 'decode').textContent).toBe(formatTokensPerSec(want.speed!.decodeTokensPerSec));
  });
});

describe('the reader (its own chunk)', () => {
  it('parses config text and never throws', () => {
    expect(parseConfigText('{"model_type":"llama"}')).toMatchObject({ ok: true, name: 'llama' });
    expect(parseConfigText('{')).toMatchObject({ ok: false });
    expect(parseConfigText('null')).toMatchObject({ ok: false });
    expect(parseConfigText('"x"')).toMatchObject({ ok: false });
  });

  it('reads a header through Blob.slice, a few hundred KiB of a large file, into null-prototype metadata', async () => {
    const header = llamaGguf({ name: '__proto__' });
    const file = new Blob([header as Uint8Array<ArrayBuffer>, new Uint8Array(8 << 20)]);
    const r = await readGgufFile(file);
    if (!r.ok) throw new Error(r.message);
    expect(r.bytesRead).toBeLessThan(2 << 20);
    expect(Object.getPrototypeOf(r.source.metadata)).toBeNull();
    expect(r.source.metadata['general.architecture']).toBe('llama');
    expect(r.source.tensors).toHaveLength(32 * 9 + 3);
  });
});
