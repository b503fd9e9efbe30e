import { describe, expect, it } from 'vitest';
import { archFromModel } from './arch.ts';
import { deviceOverheadBytes, ffnWidth, visionBytes } from './overhead.ts';
import { fixtureModels } from './test-fixtures.ts';

const MiB = 2 ** 20;
const arch = (id: string) => archFromModel(fixtureModels.find((m) => m.id === id)!);

describe('runtime overhead', () => {
  it('reserves llama.cpp\'s 258.5 MiB compute buffer for Llama 3 8B at 8K (logits 250.5 + mask 8) plus the CUDA context', () => {
    const b = deviceOverheadBytes({ engine: 'llama.cpp', backend: 'cuda', arch: arch('llama-3-8b'), cells: 8192, prompt: 512, ubatch: 512, tensorParallel: 1, holdsOutput: true });
    expect((b - 300 * MiB) / MiB).toBeCloseTo(258.5, 1);
  });
  it('counts no CUDA context on Metal', () => {
    const cuda = deviceOverheadBytes({ engine: 'llama.cpp', backend: 'cuda', arch: arch('llama-3-8b'), cells: 8192, prompt: 512, ubatch: 512, tensorParallel: 1, holdsOutput: true });
    const metal = deviceOverheadBytes({ engine: 'llama.cpp', backend: 'metal', arch: arch('llama-3-8b'), cells: 8192, prompt: 512, ubatch: 512, tensorParallel: 1, holdsOutput: true });
    expect(cuda - metal).toBe(300 * MiB);
  });
  it('grows the llama.cpp attention mask with the context', () => {
    const at = (cells: number) => deviceOverheadBytes({ engine: 'llama.cpp', backend: 'cuda', arch: arch('llama-3.1-8b'), cells, prompt: 512, ubatch: 512, tensorParallel: 1, holdsOutput: true });
    expect(at(65536) - at(8192)).toBe(512 * (65536 - 8192) * 2);
  });
  it("sizes llama.cpp's logits and mask buffers for one micro-batch, so -ub 2048 holds four times those of 512", () => {
    const at = (ubatch: number) => deviceOverheadBytes({ engine: 'llama.cpp', backend: 'metal', arch: arch('llama-3-8b'), cells: 8192, prompt: 512, ubatch, tensorParallel: 1, holdsOutput: true });
    expect(at(2048)).toBe(4 * at(512));
  });
  it('adds communication buffers per GPU under vLLM tensor parallelism', () => {
    const one = deviceOverheadBytes({ engine: 'vllm', backend: 'cuda', arch: arch('llama-3.1-70b'), cells: 8192, prompt: 512, ubatch: 512, tensorParallel: 1, holdsOutput: true });
    const two = deviceOverheadBytes({ engine: 'vllm', backend: 'cuda', arch: arch('llama-3.1-70b'), cells: 8192, prompt: 512, ubatch: 512, tensorParallel: 2, holdsOutput: true });
    expect(two).toBeLessThan(one + 0.25 * 2 ** 30);
    expect(two).toBeGreaterThan(0.5 * 2 ** 30);
  });
  it('uses the active experts as the MLP width of a MoE model', () => {
    expect(ffnWidth(arch('mixtral-8x7b'))).toBe(2 * 14336);
  });
  it('loads vision encoders outside llama.cpp only', () => {
    const a = { ...arch('llama-3.1-8b'), visionParams: 400e6 };
    expect(visionBytes('llama.cpp', a)).toBe(0);
    expect(visionBytes('vllm', a)).toBe(800e6);
  });
});
