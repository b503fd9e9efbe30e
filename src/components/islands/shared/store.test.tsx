// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { atom } from 'nanostores';
import { useHydratedStore } from './store.ts';
import { freshPage, mount, settle, ssr } from './test-utils.tsx';

beforeEach(() => freshPage());

describe('useHydratedStore', () => {
  it('renders the store value on the server and after mounting', async () => {
    const $n = atom({ n: 1 });
    let renders = 0;
    const Show = () => { renders++; return <p>{useHydratedStore($n).n}</p>; };
    expect(ssr(<Show />)).toBe('<p>1</p>');
    renders = 0;
    const root = await mount(<Show />);
    expect(root.textContent).toBe('1');
    expect(renders).toBe(1);
  });

  it('does not render again when a new object with the same content arrives, and does when it differs', async () => {
    const $n = atom({ n: 1 });
    let renders = 0;
    const Show = () => { renders++; return <p>{useHydratedStore($n).n}</p>; };
    const root = await mount(<Show />);
    const before = renders;
    $n.set({ n: 1 });
    await settle();
    expect(renders).toBe(before);
    $n.set({ n: 2 });
    await settle();
    expect(root.textContent).toBe('2');
    expect(renders).toBe(before + 1);
  });

  it('compares what `read` gives, so raw values that read the same cause no render', async () => {
    const $raw = atom<{ unit?: string }>({});
    const read = (r: { unit?: string }) => ({ unit: r.unit ?? 'GiB' });
    let renders = 0;
    const Show = () => { renders++; return <p>{useHydratedStore($raw, read).unit}</p>; };
    const root = await mount(<Show />);
    const before = renders;
    $raw.set({ unit: 'GiB' });
    await settle();
    expect(renders).toBe(before);
    $raw.set({ unit: 'GB' });
    await settle();
    expect(root.textContent).toBe('GB');
  });
});
