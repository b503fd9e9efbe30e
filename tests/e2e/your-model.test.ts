import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { hydrated, useSite, watchedPage, wcagTags } from '../support/browser.ts';
import { estimate, type EstimateResult } from '../../src/lib/estimate.ts';
import { formatBytes, formatTokensPerSec, type MemoryUnit } from '../../src/lib/format/index.ts';
import { readGgufHeader } from '../../src/lib/import/gguf-reader.ts';
import { modelFromGguf, type GgufModelSource } from '../../src/lib/import/gguf.ts';
import { llamaGguf } from '../../src/components/islands/shared/test-gguf.ts';

const current = useSite();
const FIXTURE = 'tests/fixtures/configs/qwen3.6-35b-a3b.json';
const CALC = '[data-testid="calc-will-it-fit"]';
const dir = mkdtempSync(join(tmpdir(), 'rigbook-your-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the CLI prints (--json) for the calculators' default run with extra flags. */
function cli(...flags: string[]): EstimateResult {
  const out = execFileSync('npx', ['node', 'src/lib/cli.ts', ...flags, '--context', '8192', '--hardware', 'rtx-4090', '--json'], { encoding: 'utf8' });
  return JSON.parse(out) as EstimateResult;
}

/** A sparse file of `size` bytes that starts with `header`. */
function sparseFile(name: string, header: Uint8Array, size = 2e9): string {
  const path = join(dir, name);
  writeFileSync(path, header);
  truncateSync(path, size);
  return path;
}

/** The GGUF header of `bytes` as the library reads it (not through the page). */
async function libraryGguf(bytes: Uint8Array): Promise<GgufModelSource> {
  const h = await readGgufHeader({ size: bytes.length, read: async (s, e) => bytes.subarray(s, e) });
  return { metadata: Object.fromEntries(h.metadata), tensors: h.tensors.map(({ name, type, dims }) => ({ name, type, dims })) };
}

/** The calculator's stats as { term: value }, e.g. { 'Total needed': '22.2 GB', 'Weights (…)': '21.1 GB' }. */
async function stats(page: Page, calc = CALC): Promise<Record<string, string>> {
  return page.locator(`${calc} .rb-stats`).evaluate((dl) => Object.fromEntries([...dl.querySelectorAll(':scope > div')].map((d) => [
    d.querySelector('dt')?.textContent ?? '', d.querySelector('dd')?.textContent ?? '',
  ])));
}

/** The memory unit the calculator shows (the reader's preference). */
async function unitOf(page: Page, calc = CALC): Promise<MemoryUnit> {
  return (await page.locator(`${calc} input[type="radio"]:checked`).inputValue()) as MemoryUnit;
}

function valueOf(s: Record<string, string>, term: RegExp): string | undefined {
  return Object.entries(s).find(([k]) => term.test(k))?.[1];
}

/** Axe's WCAG A/AA findings inside the calculator, light and dark. */
async function violations(page: Page, calc = CALC): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page }).include(calc).withTags(wcagTags).analyze();
    found.push(...result.violations.map((v) => `${colorScheme}: ${v.id} at ${v.nodes.slice(0, 2).map((n) => JSON.stringify(n.target)).join(', ')}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/** Opens a calculator page, hydrates it and opens its "your model" disclosure. */
async function open(page: Page, path: string, calc = CALC): Promise<void> {
  await page.goto(current.at(path), { waitUntil: 'load' });
  await hydrated(page);
  await page.locator(`${calc} [data-testid="your-model"] summary`).click();
}

/** Counts the bytes the page asks of any File through slice(), the only way it reads one. */
const COUNT_SLICES = (): void => {
  const w = window as unknown as { slicedBytes: number; slices: number };
  w.slicedBytes = 0;
  w.slices = 0;
  const slice = Blob.prototype.slice;
  File.prototype.slice = function (this: File, start?: number, end?: number, type?: string): Blob {
    const from = Math.max(0, start ?? 0);
    const to = Math.min(this.size, end ?? this.size);
    w.slicedBytes += Math.max(0, to - from);
    w.slices += 1;
    return slice.call(this, start, end, type);
  };
};

describe('your model in the browser', () => {
  it('sizes a pasted config.json with the CLI\'s numbers, by keyboard, says the link cannot carry it, and clears', async () => {
    const { page, context, consoleErrors, foreignRequests } = await watchedPage(current.site);
    await page.goto(current.at('/calculators/will-it-fit/'), { waitUntil: 'load' });
    await hydrated(page);
    const calc = page.locator(CALC);
    // Keyboard only: the disclosure, the field, the button.
    await calc.locator('[data-testid="your-model"] summary').focus();
    await page.keyboard.press('Enter');
    await calc.getByLabel('Paste a config.json').focus();
    const { readFileSync } = await import('node:fs');
    await page.keyboard.insertText(readFileSync(FIXTURE, 'utf8'));
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('your-model-use-config');
    await page.keyboard.press('Enter');
    await calc.locator('[data-testid="your-model-active"]').waitFor();

    const want = cli('--config', FIXTURE, '--quant', 'Q4_K_M');
    const unit = await unitOf(page);
    await expect.poll(() => stats(page).then((s) => valueOf(s, /^Weights/))).toBe(formatBytes(want.memory.weightsBytes, unit));
    const s = await stats(page);
    expect(valueOf(s, /^KV cache/)).toBe(formatBytes(want.memory.kvCacheBytes, unit));
    expect(valueOf(s, /^Total needed/)).toBe(formatBytes(want.memory.totalBytes, unit));
    expect(Object.keys(s).find((k) => k.startsWith('KV cache'))).toContain(formatBytes(want.memory.kvBytesPerToken, unit));
    await expect(calc.locator('[data-testid="result-source"]').innerText()).resolves.toContain('config.json you pasted');
    // Focus went to the results; the link says it cannot carry the model and leaves it out.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('results');
    await expect(calc.locator('[data-testid="link-note"]').innerText()).resolves.toMatch(/cannot carry the config\.json you pasted/);
    await expect.poll(() => new URL(page.url()).searchParams.has('model')).toBe(false);
    expect(new URL(page.url()).searchParams.get('hardware')).toBe('rtx-4090');
    expect(await violations(page)).toEqual([]);

    await calc.locator('[data-testid="your-model-clear"]').press('Enter');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.id ?? '')).toMatch(/-model$/);
    await expect.poll(() => new URL(page.url()).searchParams.get('model')).toBe('llama-3.1-8b');
    expect(await calc.locator('[data-testid="result-source"], [data-testid="link-note"]').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('shows a bad config.json\'s problem next to the field, as text, and keeps the catalog result', async () => {
    const { page, context, consoleErrors } = await watchedPage(current.site);
    await page.addInitScript(() => { (window as unknown as { injected: boolean }).injected = false; });
    await open(page, '/calculators/will-it-fit/');
    const calc = page.locator(CALC);
    const total = await calc.locator('[data-testid="total"]').innerText();
    const field = calc.getByLabel('Paste a config.json');
    for (const [text, message] of [
      ['{"model_type": "llama", <img src=x onerror="window.injected=true">', /not valid JSON/],
      [JSON.stringify({ model_type: '<img src=x onerror="window.injected=true">', num_hidden_layers: 2 }), /model_type "<img src=x onerror=.*" is not supported; supported: .*llama/],
      [JSON.stringify({ model_type: 'llama', hidden_size: 4096 }), /missing "num_hidden_layers"/],
    ] as const) {
      await field.fill(text);
      await calc.locator('[data-testid="your-model-use-config"]').click();
      await expect.poll(() => calc.locator('[data-testid="your-model-config-error"]').innerText().catch(() => '')).toMatch(message);
      await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('your-model-config');
    }
    await expect(calc.locator('[data-testid="total"]').innerText()).resolves.toBe(total);
    expect(await calc.locator('[data-testid="your-model-active"], img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { injected: boolean }).injected)).toBe(false);
    expect(await violations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('reads only the header of a 2 GB .gguf file in place and shows the library\'s weights for it', async () => {
    const header = llamaGguf({ name: 'Test Llama 8B' });
    const path = sparseFile('test-llama.gguf', header);
    const { page, context, consoleErrors, foreignRequests } = await watchedPage(current.site);
    await page.addInitScript(COUNT_SLICES);
    const posted: string[] = [];
    page.on('request', (r) => { if (r.method() !== 'GET') posted.push(`${r.method()} ${r.url()}`); });
    await open(page, '/calculators/will-it-fit/');
    const calc = page.locator(CALC);
    await calc.getByLabel('Or choose a .gguf file').setInputFiles(path);
    await calc.locator('[data-testid="your-model-active"]').waitFor();

    const source = await libraryGguf(header);
    const want = estimate({ gguf: source, context: 8192, hardware: 'rtx-4090', kvCache: 'f16', engine: 'llama.cpp' });
    const model = modelFromGguf(source);
    const unit = await unitOf(page);
    await expect.poll(() => stats(page).then((s) => valueOf(s, /^Weights/))).toBe(formatBytes(want.memory.weightsBytes, unit));
    const s = await stats(page);
    expect(valueOf(s, /^KV cache/)).toBe(formatBytes(want.memory.kvCacheBytes, unit));
    expect(valueOf(s, /^Total needed/)).toBe(formatBytes(want.memory.totalBytes, unit));
    await expect(calc.locator('[data-testid="your-model-name"]').innerText()).resolves.toBe(model.model.name);
    await expect(calc.locator('[data-testid="result-source"]').innerText()).resolves.toContain('your file “test-llama.gguf”');
    await expect(calc.locator('[data-testid="link-note"]').innerText()).resolves.toContain('test-llama.gguf');
    // The file brings its own tensor types: no weight-format picker while it is in use.
    expect(await calc.getByLabel('Weight format (quant)').count()).toBe(0);

    const read = await page.evaluate(() => {
      const w = window as unknown as { slicedBytes: number; slices: number };
      return { slicedBytes: w.slicedBytes, slices: w.slices };
    });
    console.log(`read ${read.slicedBytes} bytes of a ${2e9}-byte file in ${read.slices} slices`);
    expect(read.slices).toBeGreaterThan(0);
    expect(read.slicedBytes).toBeLessThan(2 * 2 ** 20);
    // Nothing left the page: no upload, no other origin.
    expect(posted).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(await violations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('says plainly what is wrong with a file that is not GGUF or is cut short, and shows markup in general.name as text', async () => {
    const hostile = '<img src=x onerror="window.injected=true">';
    const { page, context, consoleErrors } = await watchedPage(current.site);
    await page.addInitScript(() => { (window as unknown as { injected: boolean }).injected = false; });
    await open(page, '/calculators/will-it-fit/');
    const calc = page.locator(CALC);
    const total = await calc.locator('[data-testid="total"]').innerText();
    const input = calc.getByLabel('Or choose a .gguf file');
    const error = calc.locator('[data-testid="your-model-gguf-error"]');

    await input.setInputFiles(sparseFile('notes.gguf', new TextEncoder().encode(`${hostile} these are notes, not a model`), 4096));
    await expect.poll(() => error.innerText().catch(() => '')).toMatch(/^⚠ “notes\.gguf”: Not a GGUF file/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('your-model-file');
    expect(await violations(page)).toEqual([]);

    const header = llamaGguf();
    const cut = join(dir, 'cut.gguf');
    writeFileSync(cut, header.subarray(0, 3000));
    await input.setInputFiles(cut);
    await expect.poll(() => error.innerText().catch(() => '')).toMatch(/“cut\.gguf”: .*(truncated|ends|short)/i);
    await expect(calc.locator('[data-testid="total"]').innerText()).resolves.toBe(total);
    expect(await calc.locator('[data-testid="your-model-active"]').count()).toBe(0);

    await input.setInputFiles(sparseFile('named.gguf', llamaGguf({ name: hostile }), 1e8));
    await calc.locator('[data-testid="your-model-active"]').waitFor();
    await expect(calc.locator('[data-testid="your-model-name"]').innerText()).resolves.toBe(hostile);
    expect(await error.count()).toBe(0);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { injected: boolean }).injected)).toBe(false);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('gives How fast? the CLI\'s speeds for a pasted config.json', async () => {
    const calcSel = '[data-testid="calc-how-fast"]';
    const { page, context, consoleErrors } = await watchedPage(current.site);
    await open(page, '/calculators/how-fast/', calcSel);
    const calc = page.locator(calcSel);
    await calc.getByLabel('Paste a config.json').fill((await import('node:fs')).readFileSync(FIXTURE, 'utf8'));
    await calc.locator('[data-testid="your-model-use-config"]').click();
    await calc.locator('[data-testid="your-model-active"]').waitFor();
    const want = cli('--config', FIXTURE, '--quant', 'Q4_K_M', '--prompt', '6000', '--output', '400');
    await expect.poll(() => calc.locator('[data-testid="decode"]').innerText()).toBe(formatTokensPerSec(want.speed!.decodeTokensPerSec));
    await expect(calc.locator('[data-testid="prefill"]').innerText()).resolves.toBe(formatTokensPerSec(want.speed!.prefillTokensPerSec));
    await expect(calc.locator('[data-testid="result-source"]').innerText()).resolves.toContain('config.json');
    expect(await violations(page, calcSel)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
