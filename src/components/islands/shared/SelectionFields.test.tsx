// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import WillItFit from '../WillItFit.tsx';
import HowFast from '../HowFast.tsx';
import { $selection, selectionToRequest } from '../../../lib/state/selection.ts';
import { BACKENDS, ENGINES } from '../../../lib/vocabulary.ts';
import { hardwareOf } from './catalog.ts';
import { ENGINE_LABEL } from './labels.ts';
import { byLabel, choose, freshPage, mount, ssr } from './test-utils.tsx';

beforeEach(() => freshPage());

const optionsOf = (el: HTMLInputElement | HTMLSelectElement) => [...(el as HTMLSelectElement).options].map((o) => [o.value, o.textContent]);
const errorOf = (root: HTMLElement, field: string) => root.querySelector(`[data-testid^="error-"][data-testid$="-${field}"]`)?.textContent ?? '';

describe('engine choices', () => {
  it('offers every engine of the vocabulary under its own name', async () => {
    const root = await mount(<WillItFit />);
    expect(optionsOf(byLabel(root, 'Engine'))).toEqual(ENGINES.map((e) => [e, ENGINE_LABEL[e]]));
    expect(Object.values(ENGINE_LABEL)).toEqual(['llama.cpp', 'vLLM', 'SGLang', 'Ollama', 'MLX', 'Transformers']);
  });

  it('round-trips engine=sglang and engine=ollama with backend=vulkan through the URL', async () => {
    freshPage('?engine=sglang&hardware=rtx-4090&quant=AWQ-INT4');
    let root = await mount(<WillItFit syncUrl />);
    expect(byLabel(root, 'Engine').value).toBe('sglang');
    await choose(byLabel(root, 'Model'), 'qwen2.5-7b');
    expect(new URLSearchParams(location.search).get('engine')).toBe('sglang');

    freshPage('?engine=ollama&hardware=rtx-4090&backend=vulkan');
    root = await mount(<WillItFit syncUrl />);
    expect(byLabel(root, 'Engine').value).toBe('ollama');
    expect(byLabel(root, 'Backend').value).toBe('vulkan');
    expect(root.querySelector('[data-testid^="error-"]')).toBeNull();
    await choose(byLabel(root, 'Model'), 'qwen2.5-7b');
    const p = new URLSearchParams(location.search);
    expect([p.get('engine'), p.get('backend'), p.get('model')]).toEqual(['ollama', 'vulkan', 'qwen2.5-7b']);
  });
});

describe('backend field', () => {
  it('lists the chosen device\'s backends, the usual one first and chosen by default', async () => {
    const root = await mount(<WillItFit />);
    const usual = hardwareOf('rtx-4090')!.backends;
    expect(optionsOf(byLabel(root, 'Backend'))).toEqual([['', `usual (${usual[0]})`], ...usual.slice(1).map((b) => [b, b])]);
    expect(byLabel(root, 'Backend').value).toBe('');
    expect(ssr(<WillItFit />)).toContain('usual (cuda)');
    await choose(byLabel(root, 'Device'), 'm4-max-40c');
    expect(optionsOf(byLabel(root, 'Backend'))[0]).toEqual(['', 'usual (metal)']);
    // Raw hardware: any backend the engine knows, CUDA by default.
    await choose(byLabel(root, 'Device'), 'custom');
    expect(optionsOf(byLabel(root, 'Backend')).map(([v]) => v)).toEqual(['', ...BACKENDS.slice(1)]);
    expect(optionsOf(byLabel(root, 'Backend'))[0]).toEqual(['', 'usual (cuda)']);
  });

  it('puts a chosen backend in the link and the estimate, and drops it for a device that does not run it', async () => {
    freshPage('?hardware=rtx-4090');
    const root = await mount(<WillItFit syncUrl />);
    await choose(byLabel(root, 'Backend'), 'vulkan');
    expect(new URLSearchParams(location.search).get('backend')).toBe('vulkan');
    expect(root.querySelector('[data-testid^="error-"]')).toBeNull();
    expect(selectionToRequest($selection.get()).backend).toBe('vulkan');
    await choose(byLabel(root, 'Device'), 'rtx-3090');
    expect(byLabel(root, 'Backend').value).toBe('vulkan');
    await choose(byLabel(root, 'Device'), 'm4-max-40c');
    expect(byLabel(root, 'Backend').value).toBe('');
    expect(new URLSearchParams(location.search).get('backend')).toBeNull();
  });

  it('shows the engine\'s message next to the field for a backend the device does not run', async () => {
    freshPage('?hardware=m4-max-40c&backend=cuda');
    const root = await mount(<HowFast syncUrl />);
    expect(byLabel(root, 'Backend').value).toBe('cuda');
    const message = errorOf(root, 'backend');
    expect(message).toContain('m4-max-40c runs metal');
    expect(message).toContain('not cuda');
    expect(byLabel(root, 'Backend').getAttribute('aria-invalid')).toBe('true');
    expect(byLabel(root, 'Backend').getAttribute('aria-describedby')).toContain('backend-err');
    await choose(byLabel(root, 'Backend'), '');
    expect(errorOf(root, 'backend')).toBe('');
  });
});
