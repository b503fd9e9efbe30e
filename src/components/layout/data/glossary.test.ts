import { describe, expect, it } from 'vitest';
import { glossaryView } from './glossary.ts';

const entry = (id: string, term: string, extra: { related?: string[]; guide?: string } = {}) => ({
  id, data: { id, term, definition: `Definition of ${term}.`, ...extra },
});

describe('glossaryView', () => {
  it('sorts terms alphabetically regardless of case', () => {
    const view = glossaryView([entry('moe', 'MoE'), entry('bpw', 'bits per weight'), entry('gqa', 'GQA')], new Map());
    expect(view.map((t) => t.id)).toEqual(['bpw', 'gqa', 'moe']);
  });
  it('resolves related ids to their terms and drops ids that do not exist', () => {
    const view = glossaryView([entry('gqa', 'GQA', { related: ['mla', 'missing'] }), entry('mla', 'MLA')], new Map());
    expect(view.find((t) => t.id === 'gqa')!.related).toEqual([{ id: 'mla', term: 'MLA' }]);
  });
  it('links a guide only when that guide exists', () => {
    const titles = new Map([['where-vram-goes', 'Where VRAM goes']]);
    const view = glossaryView([entry('kv-cache', 'KV cache', { guide: 'where-vram-goes' }), entry('x', 'X', { guide: 'gone' })], titles);
    expect(view.find((t) => t.id === 'kv-cache')!.guide).toEqual({ id: 'where-vram-goes', title: 'Where VRAM goes' });
    expect(view.find((t) => t.id === 'x')!.guide).toBeNull();
  });
});
