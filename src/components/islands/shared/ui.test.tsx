// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { hydrate } from 'preact';
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { SelectField, optionsHtml } from './ui.tsx';
import { mount, settle } from './test-utils.tsx';

const options = [{ value: 'a', label: 'A', group: 'G1' }, { value: 'b', label: 'B', group: 'G1' }, { value: 'c', label: 'C', group: 'G2' }];

describe('SelectField', () => {
  it('marks the chosen option as selected in server HTML, so readers without JavaScript see it', () => {
    const html = renderToString(<SelectField id="s" label="Pick" value="c" options={options} onChange={() => {}} />);
    expect(html).toMatch(/<option value="c" selected>C<\/option>/);
    expect(html).not.toMatch(/<option value="a" selected/);
    expect(html).toContain('<optgroup label="G2">');
    expect(html).toContain('<label for="s">Pick</label>');
  });
  it('shows the chosen value after hydration in the browser', async () => {
    const root = await mount(<SelectField id="s2" label="Pick" value="b" options={options} onChange={() => {}} />);
    expect((root.querySelector('select') as HTMLSelectElement).value).toBe('b');
  });
  it('keeps the server\'s option elements through hydration and while the reader picks, and follows the value', async () => {
    let pick: (v: string) => void = () => {};
    function Picker() {
      const [value, setValue] = useState('a');
      pick = setValue;
      return <SelectField id="s3" label="Pick" value={value} options={options} onChange={setValue} />;
    }
    const root = document.createElement('div');
    root.innerHTML = renderToString(<Picker />);
    document.body.appendChild(root);
    const firstOption = root.querySelector('option');
    await act(async () => { hydrate(<Picker />, root); });
    await settle();
    const select = root.querySelector('select') as HTMLSelectElement;
    expect(root.querySelector('option')).toBe(firstOption);
    await act(async () => { pick('c'); });
    expect(select.value).toBe('c');
    expect(root.querySelector('option')).toBe(firstOption);
    expect(select.querySelectorAll('option')).toHaveLength(3);
  });
  it('rebuilds the options when the list itself changes, keeping the chosen value', async () => {
    let swap: (o: typeof options) => void = () => {};
    function Picker() {
      const [list, setList] = useState(options);
      swap = setList;
      return <SelectField id="s4" label="Pick" value="c" options={list} onChange={() => {}} />;
    }
    const root = await mount(<Picker />);
    await act(async () => { swap([...options, { value: 'd', label: 'D', group: 'G2' }]); });
    const select = root.querySelector('select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['a', 'b', 'c', 'd']);
    expect(select.value).toBe('c');
  });
});

describe('optionsHtml', () => {
  it('wraps consecutive options of one group in an optgroup and leaves ungrouped options bare', () => {
    expect(optionsHtml([{ value: 'x', label: 'X' }, ...options], 'b')).toBe(
      '<option value="x">X</option><optgroup label="G1"><option value="a">A</option><option value="b" selected>B</option></optgroup>'
      + '<optgroup label="G2"><option value="c">C</option></optgroup>');
  });
  it('escapes labels, values and group names, so catalog text never becomes markup', () => {
    const html = optionsHtml([{ value: '"><script>', label: '<b>&</b>', group: 'A "B"' }], '');
    expect(html).toBe('<optgroup label="A &quot;B&quot;"><option value="&quot;&gt;&lt;script&gt;">&lt;b&gt;&amp;&lt;/b&gt;</option></optgroup>');
  });
});
