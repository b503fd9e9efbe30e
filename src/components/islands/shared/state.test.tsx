// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import WillItFit from '../WillItFit.tsx';
import HowFast from '../HowFast.tsx';
import LocalOrApi from '../LocalOrApi.tsx';
import { $myRig } from '../../../lib/state/selection.ts';
import { byLabel, choose, freshPage, mount, type } from './test-utils.tsx';

beforeEach(() => freshPage());

describe('shared selection across islands', () => {
  it('carries a model change in one island to another island on the same page', async () => {
    const a = await mount(<WillItFit />);
    const b = await mount(<HowFast />);
    await choose(byLabel(a, 'Model'), 'qwen2.5-14b');
    expect((byLabel(b, 'Model') as HTMLSelectElement).value).toBe('qwen2.5-14b');
    await type(byLabel(b, 'Context per sequence'), '16k');
    expect((byLabel(a, 'Context per sequence') as HTMLInputElement).value).toBe('16384');
  });

  it('starts a bound island from the saved rig, and a preset island from its props', async () => {
    $myRig.set({ model: 'gemma-3-27b', hardware: 'rtx-3090', context: 4096 });
    const bound = await mount(<WillItFit />);
    const preset = await mount(<HowFast model="llama-3.1-8b" hardware="rtx-4090" />);
    expect((byLabel(bound, 'Model') as HTMLSelectElement).value).toBe('gemma-3-27b');
    expect((byLabel(preset, 'Model') as HTMLSelectElement).value).toBe('llama-3.1-8b');
    // Changing the preset island does not overwrite the reader's rig.
    await choose(byLabel(preset, 'Model'), 'qwen2.5-7b');
    expect($myRig.get()).toMatchObject({ model: 'gemma-3-27b' });
    expect((byLabel(bound, 'Model') as HTMLSelectElement).value).toBe('gemma-3-27b');
  });

  it('never saves a rig the engine refuses, and saves one it accepts', async () => {
    freshPage('?hardware=rtx-3090,m4-max-40c');
    const root = await mount(<WillItFit syncUrl />);
    await choose(byLabel(root, 'Model'), 'qwen2.5-7b');
    await new Promise((r) => setTimeout(r, 50));
    expect($myRig.get()).toBeNull();
    await choose(byLabel(root, 'Plus a different device'), '');
    await choose(byLabel(root, 'Device'), 'rtx-4090');
    await new Promise((r) => setTimeout(r, 50));
    expect($myRig.get()).toMatchObject({ model: 'qwen2.5-7b', hardware: 'rtx-4090' });
  });

  it('says once that a link\'s query is too long, though both the selection and the calculator\'s own fields read it', async () => {
    freshPage(`?model=qwen2.5-7b&junk=${'a'.repeat(4100)}`);
    const root = await mount(<LocalOrApi syncUrl />);
    expect(root.textContent!.split('the query is too long').length - 1).toBe(1);
  });

  it('ignores a corrupt saved rig without a crash', async () => {
    $myRig.set({ model: 42, context: 'lots', hardware: '<b>x</b>' });
    const root = await mount(<WillItFit />);
    expect((byLabel(root, 'Model') as HTMLSelectElement).value).toBe('llama-3.1-8b');
    expect(root.innerHTML).not.toMatch(/NaN|Infinity|<b>x<\/b>/);
  });
});
